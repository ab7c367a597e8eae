#pragma once
// Offline geocoder for the resident's search box: turns "3511", "3511 AB", "den bosch", "Utrect" or
// "Gemeente Súdwest-Fryslân" into a position with a municipality, and offers prefix suggestions.
// Loaded once from the derived CSV files, immutable afterwards; every query is const and thread-safe,
// so one instance is shared as std::shared_ptr<const Geocoder>. No HTTP in here: the service maps
// results and error codes to responses.

#include "geo/coordinates.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::geocode {

/// What a query matched.
enum class MatchKind {
    postcode,    ///< a four-digit postcode (PC4) from pc4.csv
    postcode6,   ///< a full postcode ("3511 AB"), answered with the point of its PC4
    woonplaats,  ///< a postal place (woonplaatsen_pc4.csv), merged with its GeoNames place
    plaats,      ///< a GeoNames populated place that is not a postal place of its own
    gemeente,    ///< a municipality (gemeenten.csv)
};

/// How a name matched.
enum class MatchMethod {
    exact,             ///< the normalised query equals the normalised name
    alternatieve_naam, ///< it equals an alternate name (GeoNames, or a built-in short form like "Den Haag")
    spelfout,          ///< it is within a small edit distance of a name (see Candidate::edit_distance)
};

/// How the query as a whole was read.
enum class QueryReading {
    whole,          ///< the whole text is a postcode or a name ("3511 AB", "Den Bosch")
    address,        ///< a street address: its postcode or place was used ("Stationsplein 1, Zwolle")
    place_in_text,  ///< longer text without a number that ends in a place name ("Bibliotheek Utrecht")
};

/// Stable error codes; tests and the HTTP error table use these, never the message text.
enum class ErrorCode {
    lege_zoekterm,      ///< empty or only spaces and punctuation
    te_lang,            ///< more than Geocoder::max_query_bytes bytes
    ongeldige_tekens,   ///< invalid UTF-8 or control characters
    ongeldige_postcode, ///< looks like a postcode but is not one ("0123", "351", "3511 ABC")
    niet_gevonden,      ///< well-formed, but no postcode or place matches
};

/// The wire spelling of a kind: "postcode", "postcode6", "woonplaats", "plaats", "gemeente".
std::string_view to_string(MatchKind kind);
/// The wire spelling of a method: "exact", "alternatieve-naam", "spelfout".
std::string_view to_string(MatchMethod method);
/// The wire spelling of a code: "lege-zoekterm", "te-lang", "ongeldige-tekens", "ongeldige-postcode",
/// "niet-gevonden".
std::string_view to_string(ErrorCode code);

/// One place a query may mean.
struct Candidate {
    MatchKind kind = MatchKind::plaats;
    /// The name as written in the data ("'s-Hertogenbosch", "Bergen (NH)"); for postcodes the place name
    /// of the PC4.
    std::string name;
    std::string gemeentecode;  ///< "GM0344"
    std::string gemeentenaam;  ///< "Utrecht"
    std::string provincie;     ///< "Utrecht"
    geo::Wgs84 position;
    /// Rough radius in metres within which the meant spot lies: PC4 1500 m, a place by its size, a
    /// municipality by its land area.
    double precision_m = 0;
    /// The precision as a word: "hoog" (<= 2 km), "gemiddeld" (<= 7 km) or "laag".
    std::string_view nauwkeurigheid;
    MatchMethod method = MatchMethod::exact;
    int edit_distance = 0;     ///< > 0 only for MatchMethod::spelfout
    /// For postcode kinds the postcode as understood: "3511" or "3511 AB"; empty otherwise.
    std::string postcode;
    /// The data name or alternate name that matched, as written ("Den Bosch", "Snits").
    std::string matched_name;
    /// Population used for ranking (GeoNames for places, CBS 2023 for municipalities; 0 when unknown).
    std::int64_t population = 0;
};

/// An expected failure: a stable code plus a Dutch message fit for a resident.
struct GeocodeError {
    ErrorCode code = ErrorCode::niet_gevonden;
    std::string message;
};

/// The answer of Geocoder::geocode(): either an error, or one or more ranked candidates.
struct GeocodeResult {
    /// Ranked, best first; empty when error is set.
    std::vector<Candidate> candidates;
    /// True when two or more candidates are equally plausible places in different municipalities
    /// (e.g. "Rijswijk", "Hengelo", "Bergen"): show the list and let the resident choose rather than
    /// take candidates.front() as the answer.
    bool ambiguous = false;
    /// Words at the end of the query that were not used ("centrum" in "Utrecht centrum").
    std::string ignored_words;
    /// How the text was read. For anything but QueryReading::whole, `used` holds the part that was
    /// looked up, as written in the data: "8011 CW" (a postcode) or "Zwolle" (a place).
    QueryReading reading = QueryReading::whole;
    std::string used;
    std::optional<GeocodeError> error;

    bool ok() const { return !error.has_value(); }
    /// The best-ranked candidate. Precondition: ok().
    const Candidate& best() const { return candidates.front(); }
};

/// One entry of the search box's suggestion list.
struct Suggestion {
    std::string label;         ///< what to show: "Utrecht (gemeente Utrecht)", "Gemeente Utrecht", "3511 Utrecht"
    MatchKind kind = MatchKind::plaats;
    std::string name;          ///< as in the data; for postcodes the PC4 ("3511")
    std::string gemeentecode;
    geo::Wgs84 position;
};

/// Why loading failed.
struct LoadError {
    std::string code;     ///< "bestand-ontbreekt" or "bestand-ongeldig"
    std::string message;
};

/// The offline geocoder. Build it with load(); afterwards it is immutable and safe to query from
/// many threads at once.
class Geocoder {
public:
    /// Queries longer than this many bytes are refused with ErrorCode::te_lang.
    static constexpr std::size_t max_query_bytes = 200;
    /// suggest() never returns more than this many entries, whatever the caller asks.
    static constexpr std::size_t max_suggestions = 50;

    /// Result of load(): a geocoder or the reason it could not be built.
    struct LoadResult {
        std::shared_ptr<const Geocoder> geocoder;
        std::optional<LoadError> error;
    };

    /// Reads pc4.csv, woonplaatsen_pc4.csv, plaatsen_geonames.csv and gemeenten.csv from
    /// @p data_dir and builds the indexes. Missing files, missing columns or unparsable numbers are
    /// reported in LoadResult::error; nothing is thrown for them.
    static LoadResult load(const std::filesystem::path& data_dir);

    /// Geocodes a resident's query: a PC4 ("3511"), a full postcode ("3511AB", " 3511  ab "), or the
    /// name of a place or municipality, with or without "Gemeente ", a province suffix ("Bergen (NH)",
    /// "Rijswijk ZH"), accents, hyphens and apostrophes, or a small typo. A street address
    /// ("Stationsplein 1, 8011 CW Zwolle", "Kerkstraat 12, 3511 AB", "3511AB 12") answers for the
    /// postcode it holds, else for its place (QueryReading::address; parse_address()); longer text
    /// without a number that ends in a place ("Bibliotheek Utrecht") for that place
    /// (QueryReading::place_in_text). The name as a whole always wins over a part of it.
    GeocodeResult geocode(std::string_view query) const;

    /// Up to @p limit (at most max_suggestions) ranked suggestions for a prefix typed so far
    /// ("utr", "den b", "351", "'s-her"): exact name first, then prefix matches by population, a
    /// municipality before a place of the same name, each place once. Invalid or empty input gives an
    /// empty list.
    std::vector<Suggestion> suggest(std::string_view prefix, std::size_t limit = 10) const;

    /// Number of names (including alternate names) and postcodes in the search index.
    std::size_t index_size() const;

    ~Geocoder();
    Geocoder(const Geocoder&) = delete;
    Geocoder& operator=(const Geocoder&) = delete;

private:
    struct Data;
    explicit Geocoder(std::unique_ptr<const Data> data);
    // The steps of geocode(): a postcode (digits, letters upper case or empty); a normalised name key
    // (with the text as typed, for ignored_words); the parts of an address (nullopt when none of them
    // is known).
    GeocodeResult by_postcode(const std::string& digits, const std::string& letters) const;
    GeocodeResult by_name(std::string key, std::string_view trimmed, bool allow_typo) const;
    std::optional<GeocodeResult> by_address(std::string_view query) const;
    std::vector<Suggestion> suggest_key(std::string key, std::size_t limit) const;
    std::unique_ptr<const Data> data_;
};

}  // namespace ido::geocode
