#pragma once
// Finds help points by name: "Bibliotheek Overvecht", "OBA Oosterdok", "bibliotheek overvecht",
// "IDO Bibliotheek Zwolle". Built once per Snapshot from its locations' names (the library buildings of
// the seed set are locations of their own, with the building's name; the generated examples are left
// out), immutable afterwards, so every
// query is const and thread-safe. Names and queries go through the geocoder's normalise() (lower case,
// diacritics folded, punctuation to spaces) and are compared as whole tokens.

#include "geo/location.hpp"
#include "geo/municipality_index.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ido::geo {

/// How well a name matched, best first.
enum class NameRank {
    exact,      ///< the query's tokens are the name's tokens
    prefix,     ///< the name starts with the query's tokens (the last one may be typed half: "oosterdok")
    contained,  ///< every query token is in the name, or is the help point's municipality ("OBA Banne Amsterdam")
};

/// One help point a query names.
struct NameMatch {
    std::size_t location = 0;  ///< index into the snapshot's locations()
    NameRank rank = NameRank::exact;
};

/// The answer of NameIndex::find().
struct NameResult {
    /// Every match, best rank first, then by name; at most the limit given to find().
    std::vector<NameMatch> matches;
    /// True when the best rank holds more than one help point ("Bibliotheek", "OBA"): no single answer.
    bool ambiguous = false;
};

class NameIndex {
public:
    /// Indexes @p locations (a snapshot's, sorted by id); @p municipalities gives each location's
    /// municipality name, which a query may add ("OBA Banne Amsterdam").
    NameIndex(const std::vector<Location>& locations, const MunicipalityIndex& municipalities);

    /// The help points that @p query names, best first, at most @p limit. Words that every help point's
    /// name may carry or lack ("IDO", "de", "het", "informatiepunt") are left out on both sides; a query
    /// of only such words, of invalid UTF-8 or of more than 200 bytes matches nothing.
    NameResult find(std::string_view query, std::size_t limit = 10) const;

    /// The tokens a name or query is compared by: normalise()d, split at spaces, filler words removed.
    static std::vector<std::string> tokens(std::string_view text);

private:
    struct Entry {
        std::vector<std::string> name;   // tokens of the name
        std::vector<std::string> place;  // tokens of the municipality's name
        std::string naam;                // as written, for a stable order
    };
    std::vector<Entry> entries_;  // one per location, same index
};

}  // namespace ido::geo
