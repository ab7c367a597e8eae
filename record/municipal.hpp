#pragma once
// The rules of the municipal data (issue 13, section 3) in the validator style of record/validate.hpp:
// every problem with its code and JSON pointer, read only through FindMember and Is*() checks.
#include "record/problem_codes.hpp"

#include <rapidjson/document.h>

#include <array>
#include <string_view>

namespace ido::record {

/// The kinds of local partner a municipality directs (`soort`).
inline constexpr std::array<std::string_view, 5> partner_soorten{"taalhuis", "belastingspreekuur", "formulierenhulp", "schuldhulp", "anders"};
/// At most this many characters in a partner's naam.
inline constexpr std::size_t max_partner_naam = 100;

/// A partner as POST and PUT send it: naam (required, 1..100), soort (required, partner_soorten),
/// omschrijving (≤ 500) and adres (≤ 200) as optional text, telefoon, email and website checked as a
/// help point's contact. Unknown members are refused. `body` must be a JSON object.
void validate_partner(const rapidjson::Value& body, FieldProblems& problems);

/// A financing figure as PUT sends it: bedrag (a finite number ≥ 0, euro) and bron (required text,
/// 1..300: where the figure comes from). Unknown members are refused.
void validate_financiering(const rapidjson::Value& body, FieldProblems& problems);

}  // namespace ido::record
