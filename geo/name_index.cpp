#include "geo/name_index.hpp"

#include "geo/geocode/text.hpp"

#include <algorithm>
#include <array>
#include <tuple>

namespace ido::geo {
namespace {

// Words a resident adds or leaves out without meaning another help point: "IDO Bibliotheek Zwolle" is
// "Bibliotheek Zwolle", "De Bieb voor de Zaanstreek" is "Bieb Zaanstreek". Normalised spelling.
constexpr std::array<std::string_view, 10> kFiller = {"ido",       "informatiepunt", "digitale", "overheid", "de",
                                                      "het",       "t",              "van",      "voor",     "en"};

constexpr std::size_t kMaxQueryBytes = 200;  // as the geocoder's Geocoder::max_query_bytes

// A query token matches a name token when equal; the query's last token also when it starts the name
// token and is three or more letters long, as it may be half typed ("OBA Oosterdok" -> Oosterdokskade).
bool token_matches(const std::string& query_token, const std::string& name_token, bool last) {
    if (query_token == name_token) return true;
    return last && query_token.size() >= 3 && name_token.starts_with(query_token);
}

}  // namespace

std::vector<std::string> NameIndex::tokens(std::string_view text) {
    std::vector<std::string> out;
    const std::string key = geocode::normalise(text);
    std::size_t pos = 0;
    while (pos < key.size()) {
        const auto space = std::min(key.find(' ', pos), key.size());
        const std::string_view token(key.data() + pos, space - pos);
        if (!token.empty() && std::find(kFiller.begin(), kFiller.end(), token) == kFiller.end()) out.emplace_back(token);
        pos = space + 1;
    }
    return out;
}

NameIndex::NameIndex(const std::vector<Location>& locations, const MunicipalityIndex& municipalities) {
    entries_.reserve(locations.size());
    for (const auto& location : locations) {
        Entry e;
        // The seed set's generated examples ("Voorbeeldlocatie Zwolle (gegenereerd)") have no name anyone
        // types: left out, they cannot crowd the suggestions. Their entry stays, empty, to keep the indexes.
        if (!location.gegenereerd) e.name = tokens(location.naam);
        if (const auto m = municipalities.find(location.gemeentecode)) e.place = tokens(municipalities.all()[*m].naam);
        e.naam = location.naam;
        entries_.push_back(std::move(e));
    }
}

NameResult NameIndex::find(std::string_view query, std::size_t limit) const {
    NameResult result;
    if (query.size() > kMaxQueryBytes || geocode::validate_text(query) != geocode::TextProblem::none) return result;
    const auto q = tokens(query);
    if (q.empty()) return result;
    const std::size_t k = q.size();
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const auto& e = entries_[i];
        if (e.name.empty()) continue;
        if (e.name == q) {
            result.matches.push_back({i, NameRank::exact});
            continue;
        }
        bool prefix = k <= e.name.size();
        for (std::size_t t = 0; prefix && t < k; ++t) prefix = token_matches(q[t], e.name[t], t + 1 == k);
        if (prefix) {
            result.matches.push_back({i, NameRank::prefix});
            continue;
        }
        // Every query token somewhere in the name or the municipality's name, at least one in the name:
        // a municipality alone names no help point (the geocoder answers it as a place).
        bool in_name = false;
        bool all = true;
        for (std::size_t t = 0; all && t < k; ++t) {
            const bool last = t + 1 == k;
            const auto matches = [&](const std::string& n) { return token_matches(q[t], n, last); };
            const bool name_hit = std::any_of(e.name.begin(), e.name.end(), matches);
            in_name = in_name || name_hit;
            all = name_hit || std::any_of(e.place.begin(), e.place.end(), matches);
        }
        if (all && in_name) result.matches.push_back({i, NameRank::contained});
    }
    std::sort(result.matches.begin(), result.matches.end(), [&](const NameMatch& a, const NameMatch& b) {
        return std::tie(a.rank, entries_[a.location].naam, a.location) < std::tie(b.rank, entries_[b.location].naam, b.location);
    });
    result.ambiguous = result.matches.size() >= 2 && result.matches[1].rank == result.matches[0].rank;
    if (result.matches.size() > limit) result.matches.resize(limit);
    return result;
}

}  // namespace ido::geo
