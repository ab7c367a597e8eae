#pragma once
// Reads a typed street address ("Stationsplein 1, 8011 CW Zwolle", "Kerkstraat 12, 3511 AB",
// "3511AB 12", "1e Jacob van Campenstraat 5 Amsterdam") into the parts the offline geocoder can place:
// the postcode and the words that may name the place. The geocoder has no street data (BAG), so the
// street and house number are recognised only to be set aside. Pure text work, no data: the Geocoder
// looks the parts up (Geocoder::geocode), and tests check the reading on its own.

#include <string>
#include <string_view>
#include <vector>

namespace ido::geocode {

/// One stretch of the text that may name a place, as a normalised search key (normalise()).
struct PlaceCandidate {
    std::string key;
    /// A small typo may be corrected: only for the strongest readings (the words after the house
    /// number, a part of its own between commas), never for a word picked off the end of free text.
    bool allow_typo = false;
};

/// What parse_address() found.
struct AddressParts {
    std::string postcode_digits;   ///< "3511" when the text holds a postcode, else empty
    std::string postcode_letters;  ///< "AB" for a full postcode, else empty
    bool house_number = false;     ///< a house number such as "12", "12a", "143-hs"
    bool street = false;           ///< words before the house number (a street name)
    /// Stretches that may name the place, most likely first, each once.
    std::vector<PlaceCandidate> places;

    /// True when the text reads as a street address: it holds a postcode or a house number.
    bool is_address() const { return !postcode_digits.empty() || house_number; }
};

/// Reads @p query (valid UTF-8, see validate_text()) as an address. Commas separate parts ("street
/// number, postcode place"); a postcode is "1234AB", "1234 AB", or four digits standing after a house
/// number or at the start of a part; a house number is a number after a word ("12", "12a", "12 bis");
/// an ordinal at the start of a street name ("1e", "2de", "3ste") is part of the street. The place
/// candidates are, in order: the words after the postcode, the words after the house number (and
/// those without their first words, for "12 a Utrecht"), the parts between commas without digits,
/// and for text without a number its last one to three words.
AddressParts parse_address(std::string_view query);

}  // namespace ido::geocode
