#include "record/validate.hpp"

#include "geo/hours/hours.hpp"
#include "record/codes.hpp"
#include "record/field_checks.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <set>
#include <variant>

namespace ido::record {
namespace {

using rapidjson::Value;
namespace fc = field_codes;

constexpr std::size_t max_text = 500;

void add(FieldProblems& problems, std::string pointer, std::string_view code, std::string message) {
    problems.push_back({std::move(pointer), std::string(code), std::move(message)});
}

const Value* find(const Value& object, const char* key) {
    if (!object.IsObject()) return nullptr;
    auto it = object.FindMember(key);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

bool absent_or_null(const Value* v) { return v == nullptr || v->IsNull(); }

bool clean_text(const Value& v, std::size_t max) {
    return v.IsString() && v.GetStringLength() <= max && text::is_clean_utf8(std::string_view(v.GetString(), v.GetStringLength()));
}

std::string_view as_view(const Value& v) { return std::string_view(v.GetString(), v.GetStringLength()); }

void check_optional_text(const Value& object, const char* key, const std::string& pointer, std::size_t max, FieldProblems& problems) {
    const Value* v = find(object, key);
    if (absent_or_null(v)) return;
    if (!clean_text(*v, max))
        add(problems, pointer + "/" + key, fc::ongeldige_waarde, "Geef tekst van hoogstens " + std::to_string(max) + " tekens, of null.");
}

// A string field checked by one of the shared field checks (record/field_checks.hpp).
void check_field(const Value& object, const char* key, const std::string& pointer, bool (*valid)(std::string_view), const char* reason,
                 FieldProblems& problems) {
    const Value* v = find(object, key);
    if (absent_or_null(v)) return;
    if (!v->IsString() || !valid(as_view(*v))) add(problems, pointer + "/" + key, fc::ongeldige_waarde, reason);
}

void check_diensten(const Value& v, const std::string& pointer, FieldProblems& problems) {
    if (!v.IsArray() || v.Size() > 20) {
        add(problems, pointer, fc::ongeldige_waarde, "Geef een lijst met dienstcodes.");
        return;
    }
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i)
        if (!v[i].IsString() || !is_dienst(as_view(v[i])))
            add(problems, pointer + "/" + std::to_string(i), fc::ongeldige_waarde, "Onbekende dienst.");
}

void check_contact(const Value& v, const std::string& pointer, FieldProblems& problems) {
    if (!v.IsObject()) {
        add(problems, pointer, fc::ongeldige_waarde, "Geef een object met telefoon, email en/of website.");
        return;
    }
    check_keys(v, pointer, {"telefoon", "email", "website"}, problems);
    check_field(v, "telefoon", pointer, valid_phone, "Geef een telefoonnummer (cijfers, spaties, +, -).", problems);
    check_field(v, "email", pointer, valid_email, "Geef een e-mailadres.", problems);
    check_field(v, "website", pointer, valid_web_url, "Geef een webadres dat begint met https://.", problems);
}

void check_adres(const Value& v, const std::string& pointer, FieldProblems& problems) {
    if (!v.IsObject()) {
        add(problems, pointer, fc::ongeldige_waarde, "Geef een object met straat, huisnummer, postcode en/of woonplaats.");
        return;
    }
    check_keys(v, pointer, {"straat", "huisnummer", "postcode", "woonplaats"}, problems);
    for (const char* key : {"straat", "huisnummer", "postcode", "woonplaats"}) check_optional_text(v, key, pointer, 100, problems);
}

// OSM opening_hours text; "" = unknown. Absent is the caller's to judge.
void check_hours(const Value& v, const std::string& pointer, FieldProblems& problems) {
    if (!clean_text(v, max_text)) {
        add(problems, pointer, fc::ongeldige_waarde, "Geef de openingstijden in OpenStreetMap-notatie (\"\" = onbekend).");
        return;
    }
    auto parsed = hours::parse(as_view(v));
    if (auto* error = std::get_if<hours::ParseError>(&parsed))
        add(problems, pointer, fc::ongeldige_openingstijden, "Fout op positie " + std::to_string(error->position) + ": " + error->message);
}

void check_bool(const Value& object, const char* key, const std::string& pointer, FieldProblems& problems) {
    if (const Value* v = find(object, key); !absent_or_null(v) && !v->IsBool())
        add(problems, pointer + "/" + key, fc::ongeldige_waarde, "Geef true, false of null.");
}

void check_choice(const Value& object, const char* key, std::initializer_list<std::string_view> allowed, FieldProblems& problems) {
    const Value* v = find(object, key);
    if (absent_or_null(v)) return;
    if (!v->IsString() || std::find(allowed.begin(), allowed.end(), as_view(*v)) == allowed.end()) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        add(problems, std::string("/") + key, fc::ongeldige_waarde, "Toegestaan: " + list + ".");
    }
}

// The properties of a stored record, in the order of the seed set and of records made by the write API.
const std::set<std::string, std::less<>> record_keys{
    "id", "naam", "organisatie", "adres", "woonplaats", "gemeentecode", "gemeentenaam", "openingstijden", "spreekuren",
    "diensten", "opAfspraak", "inloop", "contact", "laatstGecontroleerd", "mededeling", "herkomst", "coordinaatPrecisie",
    "status"};

}  // namespace

void check_keys(const Value& object, const std::string& pointer, std::initializer_list<std::string_view> allowed, FieldProblems& problems) {
    if (!object.IsObject()) return;
    for (const auto& m : object.GetObject()) {
        const std::string_view name(m.name.GetString(), m.name.GetStringLength());
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::string list;
            for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            add(problems, pointer + "/" + text::printable(name), fc::onbekend_veld, "Onbekend veld. Toegestaan: " + list + ".");
        }
    }
}

void validate_spreekuren(const Value& v, const std::string& pointer, FieldProblems& problems) {
    if (!v.IsArray() || v.Empty() || v.Size() > 10) {
        add(problems, pointer, fc::ongeldige_waarde, "Geef 1 tot 10 spreekuren.");
        return;
    }
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
        const std::string at = pointer + "/" + std::to_string(i);
        const Value& s = v[i];
        if (!s.IsObject()) {
            add(problems, at, fc::ongeldige_waarde, "Een spreekuur is een object.");
            continue;
        }
        check_keys(s, at, {"naam", "diensten", "openingstijden", "opAfspraak", "afspraak", "toelichting"}, problems);
        const Value* naam = find(s, "naam");
        if (naam == nullptr || !clean_text(*naam, 100) || naam->GetStringLength() == 0)
            add(problems, at + "/naam", fc::ongeldige_waarde, "Geef de naam van het spreekuur (1 tot 100 tekens).");
        if (const Value* diensten = find(s, "diensten"); diensten == nullptr)
            add(problems, at + "/diensten", fc::ontbrekend_veld, "Geef de diensten van dit spreekuur.");
        else
            check_diensten(*diensten, at + "/diensten", problems);
        if (const Value* hours = find(s, "openingstijden"); hours == nullptr)
            add(problems, at + "/openingstijden", fc::ongeldige_waarde, "Geef de openingstijden in OpenStreetMap-notatie (\"\" = onbekend).");
        else
            check_hours(*hours, at + "/openingstijden", problems);
        check_bool(s, "opAfspraak", at, problems);
        if (const Value* a = find(s, "afspraak"); !absent_or_null(a)) {
            if (!a->IsObject()) {
                add(problems, at + "/afspraak", fc::ongeldige_waarde, "Geef een object met url en/of telefoon, of null.");
            } else {
                check_keys(*a, at + "/afspraak", {"url", "telefoon"}, problems);
                check_field(*a, "url", at + "/afspraak", valid_web_url, "Geef een webadres dat begint met https://.", problems);
                check_field(*a, "telefoon", at + "/afspraak", valid_phone, "Geef een telefoonnummer.", problems);
            }
        }
        check_optional_text(s, "toelichting", at, max_text, problems);
    }
}

void validate_fields(const Value& doc, bool naam_required, FieldProblems& problems) {
    if (!doc.IsObject()) return;
    const Value* naam = find(doc, "naam");
    if ((naam == nullptr && naam_required) || (naam != nullptr && (!clean_text(*naam, 200) || naam->GetStringLength() == 0)))
        add(problems, "/naam", fc::ongeldige_waarde, "Geef een naam van 1 tot 200 tekens.");
    check_optional_text(doc, "organisatie", "", 200, problems);
    check_optional_text(doc, "mededeling", "", max_text, problems);
    if (const Value* v = find(doc, "adres")) check_adres(*v, "/adres", problems);
    if (const Value* v = find(doc, "contact")) check_contact(*v, "/contact", problems);
    if (const Value* v = find(doc, "diensten")) check_diensten(*v, "/diensten", problems);
    if (const Value* v = find(doc, "laatstGecontroleerd"); !absent_or_null(v) && (!v->IsString() || !valid_date(as_view(*v))))
        add(problems, "/laatstGecontroleerd", fc::ongeldige_waarde, "Geef een datum als 2026-11-28, of null.");
}

bool is_id(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

void validate_record(const Value& p, bool with_spreekuren, bool known_keys_only, FieldProblems& problems) {
    if (!p.IsObject()) {
        add(problems, "/", fc::ongeldige_waarde, "Een record is een JSON-object.");
        return;
    }
    if (known_keys_only)
        for (const auto& m : p.GetObject())
            if (!record_keys.count(std::string_view(m.name.GetString(), m.name.GetStringLength())))
                add(problems, "/" + text::printable(std::string_view(m.name.GetString(), m.name.GetStringLength())), fc::onbekend_veld, "Onbekend veld.");
    const Value* id = find(p, "id");
    if (absent_or_null(id) || (id->IsString() && id->GetStringLength() == 0)) add(problems, "/id", fc::ontbrekend_veld, "Geef een id.");
    else if (!id->IsString() || !is_id(as_view(*id))) add(problems, "/id", fc::ongeldige_waarde, "Een id is 1 tot 64 letters, cijfers, - of _.");
    validate_fields(p, true, problems);
    // In a CSV file the top-level woonplaats is the same cell as adres/woonplaats: the caller that built
    // the record from one cell passes known_keys_only = false, so that the cell is reported once.
    if (known_keys_only) check_optional_text(p, "woonplaats", "", 100, problems);
    check_optional_text(p, "gemeentenaam", "", 200, problems);
    if (const Value* h = find(p, "openingstijden"); !absent_or_null(h)) check_hours(*h, "/openingstijden", problems);
    if (with_spreekuren) {
        if (const Value* s = find(p, "spreekuren")) validate_spreekuren(*s, "/spreekuren", problems);
        else add(problems, "/spreekuren", fc::ongeldige_waarde, "Geef 1 tot 10 spreekuren.");
    }
    check_bool(p, "opAfspraak", "", problems);
    check_bool(p, "inloop", "", problems);
    if (const Value* h = find(p, "herkomst"); !absent_or_null(h)) {
        if (!h->IsObject()) {
            add(problems, "/herkomst", fc::ongeldige_waarde, "Geef een object met soort, bron, toelichting en peildatum.");
        } else {
            check_keys(*h, "/herkomst", {"soort", "bron", "toelichting", "peildatum"}, problems);
            check_optional_text(*h, "soort", "/herkomst", 100, problems);
            check_field(*h, "bron", "/herkomst", valid_web_url, "Geef een webadres dat begint met https://.", problems);
            check_optional_text(*h, "toelichting", "/herkomst", 2000, problems);
            check_field(*h, "peildatum", "/herkomst", valid_partial_date, "Geef een datum als 2025-10-29, 2025-10 of 2025.", problems);
        }
    }
    check_choice(p, "coordinaatPrecisie", {"gebouw", "woonplaats"}, problems);
    check_choice(p, "status", {"actief", "waarschijnlijk actief"}, problems);
}

}  // namespace ido::record
