#pragma once
// Text handling for the geocoder: strict UTF-8 validation, folding of Latin letters to ASCII, the
// normalised search key, and a bounded edit distance. Kept apart from the Geocoder so that tests can
// check each rule on its own.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ido::geocode {

/// Why a text was refused by validate_text().
enum class TextProblem {
    none,           ///< valid UTF-8 without control characters
    invalid_utf8,   ///< truncated, overlong, surrogate or out-of-range sequence, or a stray byte
    control_char,   ///< a C0 control (U+0000–U+001F), DEL or a C1 control (U+0080–U+009F)
};

/// Checks that @p text is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF) and holds no control characters. Tabs and newlines count as control characters: a
/// search box sends one line.
TextProblem validate_text(std::string_view text);

/// Turns valid UTF-8 into the search key used on both sides of every comparison:
/// - ASCII letters lower-cased; Latin-1 Supplement and Latin Extended-A letters folded to their
///   base letters (ú→u, â→a, ë→e, ß→ss, æ→ae, ĳ→ij);
/// - apostrophes (' ’ ‘ ` ´) dropped, so "'s-Hertogenbosch" and "s-hertogenbosch" agree;
/// - hyphens, dashes, dots, commas, brackets, slashes and other ASCII punctuation become spaces,
///   runs of spaces collapse, the ends are trimmed;
/// - the token "st" becomes "sint" (St. Michielsgestel = Sint-Michielsgestel);
/// - any other code point (Cyrillic, CJK in GeoNames' alternate names) is kept as it is.
/// The input must have passed validate_text(); invalid bytes are skipped, never read past the end.
std::string normalise(std::string_view utf8);

/// Optimal-string-alignment distance (Levenshtein plus adjacent transposition, Damerau 1964) between
/// @p a and @p b, computed on bytes. Returns std::nullopt as soon as the distance must exceed
/// @p max_distance, which keeps a scan over all names cheap.
std::optional<int> bounded_edit_distance(std::string_view a, std::string_view b, int max_distance);

}  // namespace ido::geocode
