#include "record/melding.hpp"

#include "record/validate.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

namespace ido::record {
namespace {

namespace fc = field_codes;

std::string_view view(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

// The code points of `text`, or nullopt when it holds a control character other than a line break or a
// tab (a resident may write lines; a NUL, an escape or a C1 control is no text). Bodies are UTF-8 here.
std::optional<std::size_t> text_length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::int32_t code = text::decode_utf8(text, i);
        if (code < 0) return std::nullopt;
        if (code != '\n' && code != '\r' && code != '\t' && text::is_control_char(static_cast<std::uint32_t>(code))) return std::nullopt;
        ++count;
    }
    return count;
}

// A text member: absent is allowed when not `required`; else a string of at most `max` characters.
void check_text(const rapidjson::Value& body, const char* name, bool required, std::size_t max, FieldProblems& problems) {
    const std::string pointer = std::string("/") + name;
    const auto it = body.FindMember(name);
    if (it == body.MemberEnd() || it->value.IsNull()) {
        if (required) problems.push_back({pointer, std::string(fc::ontbrekend_veld), "Geef een tekst."});
        return;
    }
    if (!it->value.IsString()) {
        problems.push_back({pointer, std::string(fc::ongeldige_waarde), "Geef een tekst."});
        return;
    }
    const auto length = text_length(view(it->value));
    if (!length) {
        problems.push_back({pointer, std::string(fc::ongeldige_waarde), "De tekst bevat tekens die geen tekst zijn (stuurcodes)."});
    } else if (*length > max) {
        problems.push_back({pointer, std::string(fc::ongeldige_waarde), "Hoogstens " + std::to_string(max) + " tekens."});
    } else if (required && std::all_of(view(it->value).begin(), view(it->value).end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; })) {
        problems.push_back({pointer, std::string(fc::ontbrekend_veld), "Geef een tekst."});
    }
}

}  // namespace

bool is_melding_soort(std::string_view text) {
    return std::find(melding_soorten.begin(), melding_soorten.end(), text) != melding_soorten.end();
}

bool is_melding_status(std::string_view text) {
    return std::find(melding_statussen.begin(), melding_statussen.end(), text) != melding_statussen.end();
}

void validate_melding(const rapidjson::Value& body, FieldProblems& problems) {
    check_keys(body, "", {"soort", "toelichting"}, problems);
    const auto soort = body.FindMember("soort");
    if (soort == body.MemberEnd())
        problems.push_back({"/soort", std::string(fc::ontbrekend_veld), "Kies wat er niet klopt."});
    else if (!soort->value.IsString() || !is_melding_soort(view(soort->value)))
        problems.push_back({"/soort", std::string(fc::ongeldige_waarde), "Kies openingstijden, adres, gesloten, diensten of anders."});
    check_text(body, "toelichting", false, max_toelichting_tekens, problems);
}

void validate_afsluiting(const rapidjson::Value& body, FieldProblems& problems) {
    check_keys(body, "", {"status", "antwoord"}, problems);
    const auto status = body.FindMember("status");
    if (status == body.MemberEnd())
        problems.push_back({"/status", std::string(fc::ontbrekend_veld), "Geef afgehandeld of afgewezen."});
    else if (!status->value.IsString() || (view(status->value) != "afgehandeld" && view(status->value) != "afgewezen"))
        problems.push_back({"/status", std::string(fc::ongeldige_waarde), "Geef afgehandeld of afgewezen."});
    check_text(body, "antwoord", true, max_antwoord_tekens, problems);
}

}  // namespace ido::record
