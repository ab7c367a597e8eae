#pragma once
// The one table of texts of the public pages (`/`, `/embed`, `/informatiepunten/{id}`), in every
// language the finder speaks: nl (B1, the source), en, ar (right to left), tr, pl, uk. A key a language
// lacks reads in Dutch; tests/unit/teksten_test.cpp lists every key missing from a language. The widget
// has the same texts in web-widget/src/teksten.js and talen/*.js, so a page reads alike before and after
// the script takes over. How the language is chosen and how to add one: docs/talen.md.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ido::service::teksten {

/// The language codes, in the order the language choice lists them (nl first).
const std::vector<std::string_view>& talen();
/// Whether `taal` is one of talen() (exact, lower case).
bool bekend(std::string_view taal);
/// "rtl" for Arabic, "ltr" otherwise.
std::string_view richting(std::string_view taal);
/// The language's name in that language ("العربية", "Türkçe").
std::string_view naam(std::string_view taal);

/// The text of `sleutel` in `taal`; the Dutch text when that language lacks it (or is unknown); the
/// key itself when Dutch lacks it too (a programming error the unit test catches).
std::string_view tekst(std::string_view taal, std::string_view sleutel);
/// The same, with every `{name}` in it replaced by its value (plain text: the caller escapes).
std::string tekst(std::string_view taal, std::string_view sleutel,
                  std::initializer_list<std::pair<std::string_view, std::string_view>> waarden);
/// The keys of a language's own table, no fallback (for the unit test).
std::vector<std::string_view> sleutels(std::string_view taal);

/// One language range of an Accept-Language header with its weight.
struct Voorkeur {
    std::string taal;  ///< lower case, as sent ("nl-be", "ar", "*")
    double q = 1.0;
};
/// The ranges of an Accept-Language header (RFC 9110 §12.5.4), highest weight first (stable for equal
/// weights); malformed ranges and q values are skipped, q=0 ranges ("not this one") are kept with q 0.
std::vector<Voorkeur> parse_accept_language(std::string_view header);

/// The language of a page: `query_taal` (the ?taal= parameter) when it is one of ours, else the best
/// of Accept-Language that we have (its primary subtag: "pl-PL" → "pl"; q=0 excludes), else "nl".
std::string kies(std::string_view query_taal, std::string_view accept_language);

}  // namespace ido::service::teksten
