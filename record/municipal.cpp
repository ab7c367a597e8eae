#include "record/municipal.hpp"

#include "record/field_checks.hpp"
#include "record/validate.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace ido::record {
namespace {

using rapidjson::Value;
namespace fc = field_codes;

const Value* find(const Value& object, const char* key) {
    auto it = object.FindMember(key);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

std::string_view as_view(const Value& v) { return std::string_view(v.GetString(), v.GetStringLength()); }

// Clean UTF-8 of min..max characters (code points), not only spaces.
bool clean_text(const Value& v, std::size_t min, std::size_t max) {
    if (!v.IsString() || !text::is_clean_utf8(as_view(v))) return false;
    const auto text = as_view(v);
    const auto length = static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
    const bool blank = text.find_first_not_of(" \t") == std::string_view::npos;
    return length >= min && length <= max && !(min > 0 && blank);
}

// Required text of min..max characters.
void check_text(const Value& body, const char* key, std::size_t min, std::size_t max, bool required, FieldProblems& problems) {
    const Value* v = find(body, key);
    const std::string pointer = std::string("/") + key;
    if (v == nullptr || v->IsNull()) {
        if (required) problems.push_back({pointer, std::string(fc::ontbrekend_veld), "Dit veld is verplicht."});
        return;
    }
    if (!clean_text(*v, min, max))
        problems.push_back({pointer, std::string(fc::ongeldige_waarde),
                            "Geef tekst van " + std::to_string(min) + " tot " + std::to_string(max) + " tekens" + (required ? "." : ", of null.")});
}

void check_contact_field(const Value& body, const char* key, bool (*valid)(std::string_view), const char* reason, FieldProblems& problems) {
    const Value* v = find(body, key);
    if (v == nullptr || v->IsNull()) return;
    if (!v->IsString() || !valid(as_view(*v))) problems.push_back({std::string("/") + key, std::string(fc::ongeldige_waarde), reason});
}

}  // namespace

void validate_partner(const Value& body, FieldProblems& problems) {
    if (!body.IsObject()) return;
    check_keys(body, "", {"naam", "soort", "omschrijving", "adres", "telefoon", "email", "website"}, problems);
    check_text(body, "naam", 1, max_partner_naam, true, problems);
    const Value* soort = find(body, "soort");
    if (soort == nullptr || soort->IsNull()) {
        problems.push_back({"/soort", std::string(fc::ontbrekend_veld), "Kies een soort."});
    } else if (!soort->IsString() ||
               std::find(partner_soorten.begin(), partner_soorten.end(), as_view(*soort)) == partner_soorten.end()) {
        std::string list;
        for (auto s : partner_soorten) list += (list.empty() ? "" : ", ") + std::string(s);
        problems.push_back({"/soort", std::string(fc::ongeldige_waarde), "Toegestaan: " + list + "."});
    }
    check_text(body, "omschrijving", 1, 500, false, problems);
    check_text(body, "adres", 1, 200, false, problems);
    // The same checks as a help point's contact (record/validate.cpp, check_contact).
    check_contact_field(body, "telefoon", valid_phone, "Geef een telefoonnummer (cijfers, spaties, +, -).", problems);
    check_contact_field(body, "email", valid_email, "Geef een e-mailadres.", problems);
    check_contact_field(body, "website", valid_web_url, "Geef een webadres dat begint met https://.", problems);
}

void validate_financiering(const Value& body, FieldProblems& problems) {
    if (!body.IsObject()) return;
    check_keys(body, "", {"bedrag", "bron"}, problems);
    const Value* bedrag = find(body, "bedrag");
    if (bedrag == nullptr || bedrag->IsNull())
        problems.push_back({"/bedrag", std::string(fc::ontbrekend_veld), "Geef het bedrag in euro."});
    else if (!bedrag->IsNumber() || !std::isfinite(bedrag->GetDouble()) || bedrag->GetDouble() < 0 || bedrag->GetDouble() > 1e12)
        problems.push_back({"/bedrag", std::string(fc::ongeldige_waarde), "Geef een bedrag in euro van 0 of meer."});
    check_text(body, "bron", 1, 300, true, problems);
}

}  // namespace ido::record
