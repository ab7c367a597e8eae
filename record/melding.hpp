#pragma once
// A resident's report (melding) about a help point, and the owner's closing of it: what a body may hold.
// The same vocabulary as the help point's validator (record/problem_codes.hpp): every problem with its
// code and JSON pointer. No HTTP.
#include "record/problem_codes.hpp"

#include <rapidjson/document.h>

#include <array>
#include <cstddef>
#include <string_view>

namespace ido::record {

/// The kinds of report, as the API and the widget name them.
inline constexpr std::array<std::string_view, 5> melding_soorten = {"openingstijden", "adres", "gesloten", "diensten", "anders"};
/// The statuses a report can have; the last two close it.
inline constexpr std::array<std::string_view, 3> melding_statussen = {"open", "afgehandeld", "afgewezen"};

/// Characters (Unicode code points, as a counter in a form counts them) of a resident's text.
inline constexpr std::size_t max_toelichting_tekens = 500;
/// Characters of an owner's answer.
inline constexpr std::size_t max_antwoord_tekens = 1000;

bool is_melding_soort(std::string_view text);
bool is_melding_status(std::string_view text);

/// `{"soort": one of melding_soorten, "toelichting": optional text}`: problems are added to `problems`.
/// A text is UTF-8 (the body parser already refused anything else), at most max_toelichting_tekens code
/// points, without control characters other than line breaks and tabs.
void validate_melding(const rapidjson::Value& body, FieldProblems& problems);

/// `{"status": "afgehandeld"|"afgewezen", "antwoord": text of 1 to max_antwoord_tekens characters}`.
void validate_afsluiting(const rapidjson::Value& body, FieldProblems& problems);

}  // namespace ido::record
