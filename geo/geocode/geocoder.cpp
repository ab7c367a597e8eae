#include "geo/geocode/geocoder.hpp"

#include "geo/geocode/address.hpp"
#include "geo/geocode/text.hpp"
#include "text/csv.hpp"
#include "text/number.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <tuple>
#include <utility>

namespace ido::geocode {

using ido::text::CsvTable;

std::string_view to_string(MatchKind kind) {
    switch (kind) {
        case MatchKind::postcode: return "postcode";
        case MatchKind::postcode6: return "postcode6";
        case MatchKind::woonplaats: return "woonplaats";
        case MatchKind::plaats: return "plaats";
        case MatchKind::gemeente: return "gemeente";
    }
    return "plaats";
}

std::string_view to_string(MatchMethod method) {
    switch (method) {
        case MatchMethod::exact: return "exact";
        case MatchMethod::alternatieve_naam: return "alternatieve-naam";
        case MatchMethod::spelfout: return "spelfout";
    }
    return "exact";
}

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::lege_zoekterm: return "lege-zoekterm";
        case ErrorCode::te_lang: return "te-lang";
        case ErrorCode::ongeldige_tekens: return "ongeldige-tekens";
        case ErrorCode::ongeldige_postcode: return "ongeldige-postcode";
        case ErrorCode::niet_gevonden: return "niet-gevonden";
    }
    return "niet-gevonden";
}

namespace {

constexpr std::uint8_t kNoProvince = 255;
constexpr std::uint32_t kNoEntity = std::numeric_limits<std::uint32_t>::max();

// The twelve provinces as spelled in the data files.
constexpr std::array<std::string_view, 12> kProvinces = {
    "Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland",
    "Utrecht", "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg"};

// Province abbreviations as PostNL and the data use them as suffixes ("Bergen (NH)", "Bergen L",
// "Loo Gld", "Oostwold Gn"), normalised (lower case).
struct ProvinceAbbreviation {
    std::string_view token;
    std::uint8_t province;
};
constexpr std::array<ProvinceAbbreviation, 19> kProvinceAbbreviations = {{
    {"gr", 0}, {"gn", 0}, {"fr", 1}, {"frl", 1}, {"fry", 1}, {"dr", 2}, {"ov", 3}, {"fl", 4},
    {"gd", 5}, {"gld", 5}, {"ge", 5}, {"ut", 6}, {"nh", 7}, {"zh", 8}, {"ze", 9}, {"nb", 10},
    {"l", 11}, {"lb", 11}, {"li", 11},
}};

// Short forms residents use that GeoNames does not list against the Dutch official name:
// (alias as written, normalised official name).
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kAliases = {{
    {"Den Haag", "s gravenhage"},
    {"The Hague", "s gravenhage"},
    {"Den Bosch", "s hertogenbosch"},
    {"Hertogenbosch", "s hertogenbosch"},
}};

// Trailing words that mean "the town itself" rather than a different place: "Utrecht centrum",
// "Amersfoort centraal". They are ignored when the rest of the query matches exactly.
constexpr std::array<std::string_view, 7> kGenericSuffixes = {"centrum", "centraal", "cs",        "station",
                                                              "stad",    "binnenstad", "dorp"};

std::uint8_t province_index(std::string_view name) {
    for (std::size_t i = 0; i < kProvinces.size(); ++i) {
        if (kProvinces[i] == name) return static_cast<std::uint8_t>(i);
    }
    return kNoProvince;
}

std::uint8_t province_from_token(std::string_view token) {
    for (const auto& a : kProvinceAbbreviations) {
        if (a.token == token) return a.province;
    }
    return kNoProvince;
}

// Splits "bergen nh" into ("bergen", Noord-Holland) when the last token is a province abbreviation
// and something is left before it.
std::pair<std::string_view, std::uint8_t> split_province_suffix(std::string_view key) {
    const auto space = key.rfind(' ');
    if (space == std::string_view::npos) return {key, kNoProvince};
    const auto province = province_from_token(key.substr(space + 1));
    if (province == kNoProvince) return {key, kNoProvince};
    return {key.substr(0, space), province};
}

bool parse_double(std::string_view text, double& out) {
    const auto value = ido::text::parse_finite(text);
    if (value) out = *value;
    return value.has_value();
}

bool parse_int(std::string_view text, std::int64_t& out) {
    if (text.empty()) {
        out = 0;
        return true;
    }
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

// Equirectangular distance; good to well under 1 % over the few kilometres it is used for.
double distance_m(geo::Wgs84 a, geo::Wgs84 b) {
    constexpr double kEarthRadius = 6371008.8;
    const double to_rad = std::numbers::pi / 180.0;
    const double x = (b.lon - a.lon) * to_rad * std::cos((a.lat + b.lat) * 0.5 * to_rad);
    const double y = (b.lat - a.lat) * to_rad;
    return std::sqrt(x * x + y * y) * kEarthRadius;
}

std::string_view precision_word(double metres) {
    if (metres <= 2000) return "hoog";
    if (metres <= 7000) return "gemiddeld";
    return "laag";
}

// GeoNames lists airport and station codes ("QYM", "UTC", "DHR") among the alternate names; they
// would turn three-letter prefixes into nonsense matches.
bool is_code_like(std::string_view name) {
    if (name.size() > 4) return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(separator, start), text.size());
        if (end > start) parts.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

// Which characters occur in a key: one bit per letter a-z, one for digits, one for space, one for the
// rest. An edit changes at most two bits (a substitution removes one letter and adds another), so
// popcount(a ^ b) > 2 * d proves that the edit distance exceeds d without running the DP.
std::uint32_t char_mask(std::string_view key) {
    std::uint32_t mask = 0;
    for (const char c : key) {
        if (c >= 'a' && c <= 'z') {
            mask |= 1u << (c - 'a');
        } else if (c >= '0' && c <= '9') {
            mask |= 1u << 26;
        } else if (c == ' ') {
            mask |= 1u << 27;
        } else {
            mask |= 1u << 28;
        }
    }
    return mask;
}

int kind_rank_for_suggest(MatchKind kind) {
    switch (kind) {
        case MatchKind::gemeente: return 0;
        case MatchKind::woonplaats: return 1;
        case MatchKind::plaats: return 2;
        default: return 3;
    }
}

}  // namespace

// ---------------------------------------------------------------------------------------------------

struct Geocoder::Data {
    struct Municipality {
        std::string code;
        std::string naam;
        std::string provincie;
        std::uint8_t province = kNoProvince;
    };
    struct Entity {
        MatchKind kind = MatchKind::plaats;
        std::string name;
        std::string name_key;  // normalised name without province suffix: groups equal names in suggest()
        std::string label;
        std::uint32_t municipality = 0;
        geo::Wgs84 position;
        double precision_m = 0;
        std::int64_t population = 0;
        std::int64_t importance = 0;  // ranking weight: population, or an estimate from the PC4 count
        bool postal = false;          // a woonplaats or gemeente: a name with an official standing
        std::uint32_t suggest_order = 0;  // position in the global suggestion order (see load())
    };
    struct NameEntry {
        std::string key;       // normalised
        std::uint32_t entity = 0;
        bool alternative = false;
        std::string written;   // the name as written in the data
    };

    std::vector<Municipality> municipalities;
    std::vector<Entity> entities;
    std::vector<NameEntry> names;               // sorted by key: exact lookup and prefix ranges
    std::vector<std::uint32_t> distinct_keys;   // index of the first entry of each distinct name key
    std::vector<std::uint32_t> key_masks;       // char_mask() of each distinct key, for the typo scan
    // The distinct keys (indices into distinct_keys, ascending) by their length in bytes: a typo of at
    // most 2 edits changes the length by at most 2, so the scan visits five lengths, not every name.
    std::vector<std::vector<std::uint32_t>> keys_by_length;
    std::array<std::uint32_t, 10000> pc4{};     // PC4 number -> entity, kNoEntity when absent

    std::pair<std::vector<NameEntry>::const_iterator, std::vector<NameEntry>::const_iterator> equal(
        std::string_view key) const {
        return std::equal_range(names.begin(), names.end(), key, KeyLess{});
    }

    struct KeyLess {
        bool operator()(const NameEntry& a, std::string_view b) const { return a.key < b; }
        bool operator()(std::string_view a, const NameEntry& b) const { return a < b.key; }
    };
};

Geocoder::Geocoder(std::unique_ptr<const Data> data) : data_(std::move(data)) {}
Geocoder::~Geocoder() = default;

std::size_t Geocoder::index_size() const { return data_->names.size(); }

// ---------------------------------------------------------------------------------------------------
// Loading

namespace {

struct Columns {
    const CsvTable& table;
    std::vector<std::size_t> index;
    std::string missing;
    Columns(const CsvTable& t, std::initializer_list<std::string_view> names) : table(t) {
        for (auto name : names) {
            const auto c = table.column(name);
            if (!c) {
                missing += missing.empty() ? "" : ", ";
                missing += name;
            }
            index.push_back(c.value_or(0));
        }
    }
    const std::string& get(const std::vector<std::string>& row, std::size_t i) const { return row[index[i]]; }
};

}  // namespace

Geocoder::LoadResult Geocoder::load(const std::filesystem::path& data_dir) {
    using Entity = Data::Entity;
    auto data = std::make_unique<Data>();
    data->pc4.fill(kNoEntity);

    const auto fail = [](std::string code, std::string message) {
        return LoadResult{nullptr, LoadError{std::move(code), std::move(message)}};
    };
    const auto read = [&](const char* file, std::optional<CsvTable>& out) -> std::optional<LoadResult> {
        const auto path = data_dir / file;
        if (!std::filesystem::exists(path)) return fail("bestand-ontbreekt", "missing data file " + path.string());
        std::string error;
        out = CsvTable::read_file(path, &error);
        if (!out) return fail("bestand-ongeldig", error);
        return std::nullopt;
    };
    std::optional<CsvTable> gemeenten, pc4, woonplaatsen, plaatsen;
    if (auto e = read("gemeenten.csv", gemeenten)) return *e;
    if (auto e = read("pc4.csv", pc4)) return *e;
    if (auto e = read("woonplaatsen_pc4.csv", woonplaatsen)) return *e;
    if (auto e = read("plaatsen_geonames.csv", plaatsen)) return *e;

    const auto bad_row = [&](const char* file, std::size_t row, const std::string& what) {
        return fail("bestand-ongeldig", std::string(file) + " data row " + std::to_string(row + 1) + ": " + what);
    };
    const auto add_name = [&](std::string_view written, std::uint32_t entity, bool alternative) {
        auto key = normalise(written);
        if (key.empty()) return;
        const auto province = data->municipalities[data->entities[entity].municipality].province;
        const auto [stripped, suffix_province] = split_province_suffix(key);
        // "Bergen (NH)" is also found as "bergen"; only when the suffix names the record's own province.
        if (suffix_province != kNoProvince && suffix_province == province) {
            data->names.push_back({std::string(stripped), entity, alternative, std::string(written)});
        }
        data->names.push_back({std::move(key), entity, alternative, std::string(written)});
    };
    const auto label_for = [&](const Entity& e) {
        const auto& gm = data->municipalities[e.municipality].naam;
        switch (e.kind) {
            case MatchKind::gemeente: return "Gemeente " + e.name;
            case MatchKind::postcode:
            case MatchKind::postcode6: return e.name;  // set by the caller
            default:
                return e.name.find('(') != std::string::npos ? e.name + ", gemeente " + gm
                                                             : e.name + " (gemeente " + gm + ")";
        }
    };

    // Municipalities.
    std::map<std::string, std::uint32_t, std::less<>> municipality_by_code;
    {
        Columns c(*gemeenten, {"gemeentecode", "gemeentenaam", "naam_kort", "provincie", "inwoners_2023",
                               "oppervlakte_land_ha", "binnenpunt_lat", "binnenpunt_lon"});
        if (!c.missing.empty()) return fail("bestand-ongeldig", "gemeenten.csv lacks columns " + c.missing);
        for (std::size_t r = 0; r < gemeenten->rows().size(); ++r) {
            const auto& row = gemeenten->rows()[r];
            Entity e;
            double area_ha = 0;
            if (!parse_int(c.get(row, 4), e.population) || !parse_double(c.get(row, 5), area_ha) ||
                !parse_double(c.get(row, 6), e.position.lat) || !parse_double(c.get(row, 7), e.position.lon)) {
                return bad_row("gemeenten.csv", r, "unreadable number");
            }
            const auto m = static_cast<std::uint32_t>(data->municipalities.size());
            data->municipalities.push_back({c.get(row, 0), c.get(row, 1), c.get(row, 3), province_index(c.get(row, 3))});
            municipality_by_code[c.get(row, 0)] = m;
            e.kind = MatchKind::gemeente;
            e.name = c.get(row, 1);
            e.municipality = m;
            // Radius of a disc with the municipality's land area.
            e.precision_m = std::sqrt(area_ha * 10000.0 / std::numbers::pi);
            e.importance = e.population;
            e.postal = true;
            const auto id = static_cast<std::uint32_t>(data->entities.size());
            data->entities.push_back(std::move(e));
            add_name(c.get(row, 1), id, false);
            if (c.get(row, 2) != c.get(row, 1)) add_name(c.get(row, 2), id, true);
        }
    }
    const auto municipality_of = [&](const std::string& code) -> std::optional<std::uint32_t> {
        const auto it = municipality_by_code.find(code);
        if (it == municipality_by_code.end()) return std::nullopt;
        return it->second;
    };

    // PC4 postcodes.
    {
        Columns c(*pc4, {"pc4", "lat", "lon", "plaatsen", "gemeentecode"});
        if (!c.missing.empty()) return fail("bestand-ongeldig", "pc4.csv lacks columns " + c.missing);
        for (std::size_t r = 0; r < pc4->rows().size(); ++r) {
            const auto& row = pc4->rows()[r];
            std::int64_t number = 0;
            Entity e;
            if (c.get(row, 0).size() != 4 || !parse_int(c.get(row, 0), number) || number < 1000 ||
                !parse_double(c.get(row, 1), e.position.lat) || !parse_double(c.get(row, 2), e.position.lon)) {
                return bad_row("pc4.csv", r, "unreadable postcode or coordinate");
            }
            const auto m = municipality_of(c.get(row, 4));
            if (!m) return bad_row("pc4.csv", r, "unknown gemeentecode " + c.get(row, 4));
            const auto places = split(c.get(row, 3), '|');
            e.kind = MatchKind::postcode;
            e.name = places.empty() ? std::string() : places.front();
            e.name_key = c.get(row, 0);
            e.label = c.get(row, 0) + (e.name.empty() ? "" : " " + e.name);
            e.municipality = *m;
            // GeoNames PC4 points are representative points, typically 1-2 km from the true centroid
            // (shared/data/README.md).
            e.precision_m = 1500;
            const auto id = static_cast<std::uint32_t>(data->entities.size());
            data->pc4[static_cast<std::size_t>(number)] = id;
            data->entities.push_back(std::move(e));
            data->names.push_back({c.get(row, 0), id, false, c.get(row, 0)});
        }
    }

    // Postal places (woonplaatsen).
    std::map<std::pair<std::string, std::uint32_t>, std::vector<std::uint32_t>> woonplaats_by_key;
    std::vector<std::size_t> pc4_count(data->entities.size(), 0);
    {
        Columns c(*woonplaatsen, {"woonplaats", "gemeentecode", "lat", "lon", "pc4"});
        if (!c.missing.empty()) return fail("bestand-ongeldig", "woonplaatsen_pc4.csv lacks columns " + c.missing);
        for (std::size_t r = 0; r < woonplaatsen->rows().size(); ++r) {
            const auto& row = woonplaatsen->rows()[r];
            Entity e;
            if (!parse_double(c.get(row, 2), e.position.lat) || !parse_double(c.get(row, 3), e.position.lon)) {
                return bad_row("woonplaatsen_pc4.csv", r, "unreadable coordinate");
            }
            const auto m = municipality_of(c.get(row, 1));
            if (!m) return bad_row("woonplaatsen_pc4.csv", r, "unknown gemeentecode " + c.get(row, 1));
            const auto n_pc4 = std::max<std::size_t>(1, split(c.get(row, 4), ' ').size());
            e.kind = MatchKind::woonplaats;
            e.name = c.get(row, 0);
            e.municipality = *m;
            // A PC4 area in a town is roughly 1-2 km across; a place spanning n of them is about
            // sqrt(n) km in radius.
            e.precision_m = std::max(1500.0, 1000.0 * std::sqrt(static_cast<double>(n_pc4)));
            e.importance = static_cast<std::int64_t>(n_pc4) * 2000;  // replaced by GeoNames population when linked
            e.postal = true;
            const auto id = static_cast<std::uint32_t>(data->entities.size());
            const auto key = std::string(split_province_suffix(normalise(e.name)).first);
            woonplaats_by_key[{key, *m}].push_back(id);
            data->entities.push_back(std::move(e));
            add_name(c.get(row, 0), id, false);
        }
    }

    // GeoNames places: merged into the woonplaats of the same name in the same municipality (so that
    // their alternate names "Snits", "Ljouwert", "Den Bosch" find the postal place and the place is not
    // listed twice), otherwise kept as places of their own.
    {
        Columns c(*plaatsen, {"naam", "asciinaam", "alternatieve_namen", "lat", "lon", "inwoners", "gemeentecode"});
        if (!c.missing.empty()) return fail("bestand-ongeldig", "plaatsen_geonames.csv lacks columns " + c.missing);
        std::vector<bool> linked(data->entities.size(), false);
        for (std::size_t r = 0; r < plaatsen->rows().size(); ++r) {
            const auto& row = plaatsen->rows()[r];
            geo::Wgs84 position;
            std::int64_t population = 0;
            if (!parse_double(c.get(row, 3), position.lat) || !parse_double(c.get(row, 4), position.lon) ||
                !parse_int(c.get(row, 5), population)) {
                return bad_row("plaatsen_geonames.csv", r, "unreadable number");
            }
            // A few GeoNames points lie outside every Dutch municipality (Klispoel is in Germany): skip them.
            if (c.get(row, 6).empty()) continue;
            const auto m = municipality_of(c.get(row, 6));
            if (!m) return bad_row("plaatsen_geonames.csv", r, "unknown gemeentecode " + c.get(row, 6));
            const auto alternatives = split(c.get(row, 2), ',');

            // Find the woonplaats to merge with: same name (10 km) or, for "The Hague", an alternate name
            // that is the postal name (3 km, as alternate names include former and neighbouring names).
            std::uint32_t target = kNoEntity;
            double best = std::numeric_limits<double>::infinity();
            const auto consider = [&](const std::string& written, double max_m) {
                const auto key = std::string(split_province_suffix(normalise(written)).first);
                const auto it = woonplaats_by_key.find({key, *m});
                if (it == woonplaats_by_key.end()) return;
                for (auto id : it->second) {
                    if (linked[id]) continue;
                    const double d = distance_m(position, data->entities[id].position);
                    if (d <= max_m && d < best) {
                        best = d;
                        target = id;
                    }
                }
            };
            consider(c.get(row, 0), 10000);
            if (target == kNoEntity) consider(c.get(row, 1), 10000);
            if (target == kNoEntity) {
                for (const auto& alt : alternatives) consider(alt, 3000);
            }

            std::uint32_t id = target;
            if (target != kNoEntity) {
                linked[target] = true;
                auto& w = data->entities[target];
                w.population = std::max(w.population, population);
                if (population > 0) w.importance = population;
                add_name(c.get(row, 0), target, true);
            } else {
                Entity e;
                e.kind = MatchKind::plaats;
                e.name = c.get(row, 0);
                e.municipality = *m;
                e.position = position;
                e.population = population;
                e.importance = population;
                // GeoNames population is old and often 0: a hamlet then, about a kilometre.
                e.precision_m = population > 0
                                    ? std::clamp(1000.0 * std::sqrt(static_cast<double>(population) / 10000.0), 750.0, 10000.0)
                                    : 1000.0;
                id = static_cast<std::uint32_t>(data->entities.size());
                data->entities.push_back(std::move(e));
                linked.push_back(false);
                add_name(c.get(row, 0), id, false);
            }
            if (c.get(row, 1) != c.get(row, 0)) add_name(c.get(row, 1), id, true);
            for (const auto& alt : alternatives) {
                if (is_code_like(alt)) continue;
                if (normalise(alt).starts_with("gemeente ")) continue;  // "Gemeente Utrecht" is the municipality
                add_name(alt, id, true);
            }
        }
    }

    // Built-in short forms: the alias points at every entity whose name is the official one.
    {
        std::sort(data->names.begin(), data->names.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
        std::vector<Data::NameEntry> extra;
        for (const auto& [alias, official] : kAliases) {
            for (auto [it, end] = data->equal(official); it != end; ++it) {
                if (data->entities[it->entity].kind == MatchKind::gemeente ||
                    data->entities[it->entity].kind == MatchKind::woonplaats) {
                    extra.push_back({normalise(alias), it->entity, true, std::string(alias)});
                }
            }
        }
        data->names.insert(data->names.end(), extra.begin(), extra.end());
    }

    // Sort, then keep one entry per (key, entity), preferring the primary name over an alternate one.
    std::sort(data->names.begin(), data->names.end(), [](const auto& a, const auto& b) {
        return std::tie(a.key, a.entity, a.alternative) < std::tie(b.key, b.entity, b.alternative);
    });
    data->names.erase(std::unique(data->names.begin(), data->names.end(),
                                  [](const auto& a, const auto& b) { return a.key == b.key && a.entity == b.entity; }),
                      data->names.end());
    for (std::size_t i = 0; i < data->names.size(); ++i) {
        if (i == 0 || data->names[i].key != data->names[i - 1].key) {
            data->distinct_keys.push_back(static_cast<std::uint32_t>(i));
            data->key_masks.push_back(char_mask(data->names[i].key));
            const auto length = data->names[i].key.size();
            if (data->keys_by_length.size() <= length) data->keys_by_length.resize(length + 1);
            data->keys_by_length[length].push_back(static_cast<std::uint32_t>(data->distinct_keys.size() - 1));
        }
    }
    for (auto& e : data->entities) {
        if (e.kind != MatchKind::postcode) {
            e.name_key = std::string(split_province_suffix(normalise(e.name)).first);
            e.label = label_for(e);
        }
    }
    // A global suggestion order, the same ranking suggest() applies, computed once: one- and
    // two-character prefixes match thousands of names and are cut down with it before the full ranking.
    {
        std::map<std::string_view, std::int64_t> bucket;
        for (const auto& e : data->entities) bucket[e.name_key] = std::max(bucket[e.name_key], e.importance);
        std::vector<std::uint32_t> order(data->entities.size());
        std::vector<std::int64_t> bucket_of(data->entities.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) {
            order[i] = i;
            bucket_of[i] = bucket[data->entities[i].name_key];
        }
        const auto key = [&](std::uint32_t i) {
            const auto& e = data->entities[i];
            return std::make_tuple(-bucket_of[i], std::string_view(e.name_key), kind_rank_for_suggest(e.kind),
                                   -e.importance, std::string_view(e.label));
        };
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return key(a) < key(b); });
        for (std::uint32_t r = 0; r < order.size(); ++r) data->entities[order[r]].suggest_order = r;
    }
    (void)pc4_count;
    return LoadResult{std::shared_ptr<const Geocoder>(new Geocoder(std::move(data))), std::nullopt};
}

// ---------------------------------------------------------------------------------------------------
// Geocoding

namespace {

GeocodeResult failure(ErrorCode code, std::string message) {
    GeocodeResult result;
    result.error = GeocodeError{code, std::move(message)};
    return result;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// A query that starts with a digit and holds only digits, then letters, with spaces ("3511",
// "3511 ab", "351", "3511 ABC") is read as a postcode attempt. "1e Exloërmond" is not: it has a space
// inside the letters.
struct PostcodeAttempt {
    std::string digits;
    std::string letters;
};
std::optional<PostcodeAttempt> postcode_attempt(std::string_view s) {
    if (s.empty() || !is_digit(s.front())) return std::nullopt;
    std::size_t i = 0;
    PostcodeAttempt p;
    while (i < s.size() && is_digit(s[i])) p.digits.push_back(s[i++]);
    while (i < s.size() && s[i] == ' ') ++i;
    while (i < s.size() && is_letter(s[i])) p.letters.push_back(upper(s[i++]));
    if (i != s.size()) return std::nullopt;
    return p;
}

struct Hit {
    std::uint32_t entity;
    MatchMethod method;
    int distance;
    const std::string* written;
};

int method_rank(MatchMethod m) { return static_cast<int>(m); }

}  // namespace

GeocodeResult Geocoder::geocode(std::string_view query) const {
    if (query.size() > max_query_bytes) {
        return failure(ErrorCode::te_lang, "De zoekterm is te lang: gebruik hoogstens " +
                                               std::to_string(max_query_bytes) + " tekens.");
    }
    switch (validate_text(query)) {
        case TextProblem::invalid_utf8:
            return failure(ErrorCode::ongeldige_tekens, "De zoekterm bevat ongeldige tekens.");
        case TextProblem::control_char:
            return failure(ErrorCode::ongeldige_tekens, "De zoekterm bevat stuurtekens; typ alleen letters, cijfers en leestekens.");
        case TextProblem::none:
            break;
    }
    const auto trimmed = trim(query);

    // Postcodes. "3511 Utrecht" is no bad postcode but a postcode with its place: more than three
    // letters after the digits make it text for the address reading below.
    if (const auto p = postcode_attempt(trimmed); p && p->letters.size() <= 3) {
        const bool letters_ok = p->letters.empty() ||
                                (p->letters.size() == 2 && p->letters != "SA" && p->letters != "SD" && p->letters != "SS");
        if (p->digits.size() != 4 || p->digits.front() == '0' || !letters_ok) {
            return failure(ErrorCode::ongeldige_postcode,
                           "Dit is geen geldige postcode. Een postcode is 4 cijfers (niet beginnend met 0), "
                           "eventueel gevolgd door 2 letters, zoals 3511 of 3511 AB.");
        }
        return by_postcode(p->digits, p->letters);
    }

    const std::string key = normalise(trimmed);
    if (key.empty()) {
        return failure(ErrorCode::lege_zoekterm, "Typ een postcode of de naam van een plaats of gemeente.");
    }
    // The whole text as a name first: "Den Helder", "Utrecht centrum", "Bergen NH".
    auto result = by_name(key, trimmed, false);
    if (result.ok()) return result;
    // A street address is read before any typo in the whole text is considered: its postcode or place
    // is what the resident means, not a name a few letters away from "kerkstraat 12".
    const auto parts = parse_address(trimmed);
    if (parts.is_address()) {
        if (auto address = by_address(trimmed)) return std::move(*address);
        return failure(ErrorCode::niet_gevonden,
                       "Dit adres kunnen we niet plaatsen. Typ ook de postcode of de plaats, bijvoorbeeld: "
                       "Stationsplein 1, 8011 CW Zwolle of Stationsplein 1 Zwolle.");
    }
    result = by_name(key, trimmed, true);
    if (result.ok()) return result;
    if (auto in_text = by_address(trimmed)) return std::move(*in_text);
    return failure(ErrorCode::niet_gevonden,
                   "Geen postcode, plaats of gemeente gevonden voor deze zoekterm. Typ een postcode (3511 AB), een "
                   "plaats (Zwolle), een adres met postcode of plaats (Stationsplein 1, Zwolle) of de naam van een "
                   "informatiepunt (Bibliotheek Overvecht).");
}

GeocodeResult Geocoder::by_postcode(const std::string& digits, const std::string& letters) const {
    const Data& d = *data_;
    const auto number = static_cast<std::size_t>(std::stoi(digits));
    const auto id = d.pc4[number];
    if (id == kNoEntity) {
        return failure(ErrorCode::niet_gevonden, "Postcode " + digits + " is niet bekend.");
    }
    const auto& e = d.entities[id];
    const auto& gm = d.municipalities[e.municipality];
    Candidate c;
    c.kind = letters.empty() ? MatchKind::postcode : MatchKind::postcode6;
    c.name = e.name;
    c.gemeentecode = gm.code;
    c.gemeentenaam = gm.naam;
    c.provincie = gm.provincie;
    c.position = e.position;
    c.precision_m = e.precision_m;
    c.nauwkeurigheid = precision_word(e.precision_m);
    c.postcode = letters.empty() ? digits : digits + " " + letters;
    c.matched_name = digits;
    GeocodeResult result;
    result.candidates.push_back(std::move(c));
    return result;
}

GeocodeResult Geocoder::by_name(std::string key, std::string_view trimmed, bool allow_typo) const {
    const Data& d = *data_;
    bool want_gemeente = false;
    for (std::string_view prefix : {"gemeente ", "gem "}) {
        if (key.starts_with(prefix) && key.size() > prefix.size()) {
            key.erase(0, prefix.size());
            want_gemeente = true;
            break;
        }
    }

    std::vector<Hit> hits;
    const auto collect = [&](std::string_view k, std::uint8_t province) {
        for (auto [it, end] = d.equal(k); it != end; ++it) {
            const auto& e = d.entities[it->entity];
            if (e.kind == MatchKind::postcode) continue;
            if (province != kNoProvince && d.municipalities[e.municipality].province != province) continue;
            hits.push_back({it->entity, it->alternative ? MatchMethod::alternatieve_naam : MatchMethod::exact, 0, &it->written});
        }
    };
    std::string ignored;
    const auto [stripped, province] = split_province_suffix(key);
    collect(key, kNoProvince);
    if (hits.empty() && province != kNoProvince) collect(stripped, province);
    if (hits.empty()) {
        // "Utrecht centrum": the town itself.
        const auto space = key.rfind(' ');
        if (space != std::string::npos) {
            const auto last = std::string_view(key).substr(space + 1);
            if (std::find(kGenericSuffixes.begin(), kGenericSuffixes.end(), last) != kGenericSuffixes.end()) {
                const auto rest = std::string_view(key).substr(0, space);
                const auto [rest_stripped, rest_province] = split_province_suffix(rest);
                collect(rest, kNoProvince);
                if (hits.empty() && rest_province != kNoProvince) collect(rest_stripped, rest_province);
                if (!hits.empty()) ignored = std::string(trim(trimmed.substr(trimmed.size() - std::min(trimmed.size(), last.size()))));
            }
        }
    }
    if (hits.empty() && allow_typo) {
        // Small typos: distance 1 for names of >= 4 letters, 2 for >= 8. On equal distance the larger
        // place wins; all entities sharing the winning name then go through the same ranking as an
        // exact match, so "Hengeloo" is as ambiguous as "Hengelo".
        const std::string_view target = province != kNoProvince ? stripped : std::string_view(key);
        const std::uint8_t filter = province != kNoProvince ? province : kNoProvince;
        if (target.size() >= 4) {
            int best_distance = 3;
            std::int64_t best_importance = -1;
            std::uint32_t best_key = kNoEntity;
            const auto target_mask = char_mask(target);
            // Only names within two letters of the target's length can be within two edits. The winner
            // is the smallest distance, then the largest place, then the first key in sorted order: a
            // total order, so the lengths may be visited in any order.
            const std::size_t shortest = std::max<std::size_t>(4, target.size() - 2);
            const std::size_t longest = std::min(target.size() + 2, d.keys_by_length.empty() ? 0 : d.keys_by_length.size() - 1);
            for (std::size_t length = shortest; length <= longest; ++length) {
                const std::size_t length_diff = length > target.size() ? length - target.size() : target.size() - length;
                const int by_length = length >= 8 ? 2 : 1;
                for (const auto k : d.keys_by_length[length]) {
                    const int allowed = std::min(by_length, best_distance);
                    if (length_diff > static_cast<std::size_t>(allowed)) break;
                    if (std::popcount(target_mask ^ d.key_masks[k]) > 2 * allowed) continue;
                    const auto first = d.distinct_keys[k];
                    const auto distance = bounded_edit_distance(target, d.names[first].key, allowed);
                    if (!distance || *distance == 0) continue;
                    const auto last = k + 1 < d.distinct_keys.size() ? d.distinct_keys[k + 1] : d.names.size();
                    std::int64_t importance = -1;
                    for (auto i = first; i < last; ++i) {
                        const auto& e = d.entities[d.names[i].entity];
                        if (e.kind == MatchKind::postcode) continue;
                        if (filter != kNoProvince && d.municipalities[e.municipality].province != filter) continue;
                        importance = std::max(importance, e.importance + (e.postal ? 1 : 0));
                    }
                    if (importance < 0) continue;
                    if (std::make_tuple(*distance, -importance, first) < std::make_tuple(best_distance, -best_importance, best_key)) {
                        best_distance = *distance;
                        best_importance = importance;
                        best_key = first;
                    }
                }
            }
            if (best_key != kNoEntity) {
                collect(d.names[best_key].key, filter);
                for (auto& h : hits) {
                    h.method = MatchMethod::spelfout;
                    h.distance = best_distance;
                }
            }
        }
    }
    if (hits.empty()) {
        return failure(ErrorCode::niet_gevonden,
                       "Geen postcode, plaats of gemeente gevonden voor deze zoekterm. Probeer een postcode of "
                       "een plaatsnaam.");
    }
    if (want_gemeente && std::any_of(hits.begin(), hits.end(),
                                     [&](const Hit& h) { return d.entities[h.entity].kind == MatchKind::gemeente; })) {
        std::erase_if(hits, [&](const Hit& h) { return d.entities[h.entity].kind != MatchKind::gemeente; });
    }

    // Group by municipality: the woonplaats, the GeoNames place and the gemeente called "Utrecht" in
    // GM0344 are one answer, "Rijswijk" in three municipalities are three.
    const auto kind_rank = [&](MatchKind kind) {
        if (want_gemeente) return kind == MatchKind::gemeente ? 0 : 1;
        switch (kind) {
            case MatchKind::woonplaats: return 0;
            case MatchKind::plaats: return 1;
            default: return 2;
        }
    };
    const auto better = [&](const Hit& a, const Hit& b) {
        const auto& ea = d.entities[a.entity];
        const auto& eb = d.entities[b.entity];
        return std::make_tuple(method_rank(a.method), kind_rank(ea.kind), -ea.importance) <
               std::make_tuple(method_rank(b.method), kind_rank(eb.kind), -eb.importance);
    };
    struct Group {
        std::uint32_t municipality;
        Hit best;
        bool significant = false;  // the group's best-method hits include a woonplaats or gemeente
        std::int64_t importance = 0;
    };
    std::vector<Group> groups;
    for (const auto& h : hits) {
        const auto& e = d.entities[h.entity];
        auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.municipality == e.municipality; });
        if (it == groups.end()) {
            groups.push_back({e.municipality, h, false, 0});
            it = groups.end() - 1;
        } else if (better(h, it->best)) {
            it->best = h;
        }
        it->importance = std::max(it->importance, e.importance);
    }
    for (auto& g : groups) {
        for (const auto& h : hits) {
            const auto& e = d.entities[h.entity];
            if (e.municipality == g.municipality && h.method == g.best.method && e.postal) g.significant = true;
        }
    }
    // A postal place or municipality outranks a GeoNames hamlet even when the hamlet's own name
    // matched and the town's alternate name did: "De Jouwer" is Joure (13,000 inhabitants), not the
    // hamlet of that name in Westerkwartier.
    std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        return std::make_tuple(!a.significant, method_rank(a.best.method), -a.importance) <
               std::make_tuple(!b.significant, method_rank(b.best.method), -b.importance);
    });

    GeocodeResult result;
    result.ignored_words = std::move(ignored);
    const auto& top = groups.front();
    result.ambiguous = std::count_if(groups.begin(), groups.end(), [&](const Group& g) {
                           return g.best.method == top.best.method && g.significant == top.significant;
                       }) >= 2;
    for (const auto& g : groups) {
        const auto& e = d.entities[g.best.entity];
        const auto& gm = d.municipalities[e.municipality];
        Candidate c;
        c.kind = e.kind;
        c.name = e.name;
        c.gemeentecode = gm.code;
        c.gemeentenaam = gm.naam;
        c.provincie = gm.provincie;
        c.position = e.position;
        c.precision_m = e.precision_m;
        c.nauwkeurigheid = precision_word(e.precision_m);
        c.method = g.best.method;
        c.edit_distance = g.best.distance;
        c.matched_name = *g.best.written;
        c.population = e.population;
        result.candidates.push_back(std::move(c));
    }
    return result;
}

std::optional<GeocodeResult> Geocoder::by_address(std::string_view query) const {
    const auto parts = parse_address(query);
    const auto reading = parts.is_address() ? QueryReading::address : QueryReading::place_in_text;
    // The postcode is the most precise part; an unknown one ("9999 ZZ") leaves the place to answer.
    if (!parts.postcode_digits.empty()) {
        auto result = by_postcode(parts.postcode_digits, parts.postcode_letters);
        if (result.ok()) {
            result.reading = reading;
            result.used = result.best().postcode;
            return result;
        }
    }
    // Every candidate exactly first, then typos where the reading allows them: "Stationsplein 1 Zwole".
    for (const bool typo : {false, true}) {
        for (const auto& place : parts.places) {
            if (typo && !place.allow_typo) continue;
            auto result = by_name(place.key, place.key, typo);
            if (!result.ok()) continue;
            result.reading = reading;
            result.used = result.best().name;
            result.ignored_words.clear();
            return result;
        }
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------
// Suggestions

std::vector<Suggestion> Geocoder::suggest(std::string_view prefix, std::size_t limit) const {
    limit = std::min(limit, max_suggestions);
    if (limit == 0 || prefix.size() > max_query_bytes || validate_text(prefix) != TextProblem::none) return {};
    auto out = suggest_key(normalise(prefix), limit);
    if (!out.empty()) return out;
    // An address being typed ("Stationsplein 1 Zwol", "Kerkstraat 12, 3511"): suggest on its postcode,
    // else on the words after the house number, the part of it the geocoder can place.
    const auto parts = parse_address(prefix);
    if (!parts.postcode_digits.empty()) return suggest_key(parts.postcode_digits, limit);
    if (parts.is_address() && !parts.places.empty()) return suggest_key(parts.places.front().key, limit);
    return out;
}

std::vector<Suggestion> Geocoder::suggest_key(std::string key, std::size_t limit) const {
    const Data& d = *data_;
    std::vector<Suggestion> out;
    if (key.starts_with("gemeente ")) key.erase(0, 9);
    // "3511 a": no PC6 data, so suggest on the digits.
    if (const auto p = postcode_attempt(key); p && !p->letters.empty() && p->digits.size() == 4) key = p->digits;
    if (key.empty()) return out;

    struct Item {
        std::uint32_t entity;
        bool exact;
        bool via_alternative;  // only a prefix of an alternate name matched
        std::int64_t bucket = 0;
    };
    std::vector<Item> items;
    const auto begin = std::lower_bound(d.names.begin(), d.names.end(), std::string_view(key), Data::KeyLess{});
    // GeoNames' alternate names include exonyms ("Swolle", "Ujmegen"); after one or two letters they
    // would crowd out the names residents mean, so they count from three characters on.
    const bool use_alternatives = key.size() >= 3;
    for (auto it = begin; it != d.names.end() && it->key.starts_with(key); ++it) {
        const bool exact = it->key.size() == key.size();
        if (it->alternative && !use_alternatives) continue;
        items.push_back({it->entity, exact, it->alternative && !exact});
    }
    // One item per entity, exact if any of its names matched exactly.
    // One item per entity: exact if any of its names matched exactly, "via alternative" only if no
    // primary name matched.
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return std::tie(a.entity, b.exact, a.via_alternative) < std::tie(b.entity, a.exact, b.via_alternative);
    });
    items.erase(std::unique(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.entity == b.entity; }),
                items.end());
    const auto wanted = limit * 2 + 8;
    if (!use_alternatives && items.size() > wanted) {
        // Short prefix, thousands of names: keep the best by the precomputed order (exact names first).
        const auto pre = [&](const Item& a, const Item& b) {
            return std::make_pair(!a.exact, d.entities[a.entity].suggest_order) <
                   std::make_pair(!b.exact, d.entities[b.entity].suggest_order);
        };
        std::nth_element(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(wanted), items.end(), pre);
        items.resize(wanted);
    }
    // Same-name entities rank together, at the weight of the most important one, so that the
    // gemeente Rijswijk is followed by the three places called Rijswijk.
    std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
        return d.entities[a.entity].name_key < d.entities[b.entity].name_key;
    });
    for (std::size_t i = 0; i < items.size();) {
        std::size_t j = i;
        std::int64_t bucket = 0;
        bool exact = false;
        while (j < items.size() && d.entities[items[j].entity].name_key == d.entities[items[i].entity].name_key) {
            // A prefix of an alternate name ("den b" -> Den Bosch) weighs a quarter, so that a primary
            // name of similar size goes first.
            const auto weight = d.entities[items[j].entity].importance;
            bucket = std::max(bucket, items[j].via_alternative ? weight / 4 : weight);
            exact = exact || items[j].exact;
            ++j;
        }
        for (auto k = i; k < j; ++k) {
            items[k].bucket = bucket;
            items[k].exact = items[k].exact || exact;
        }
        i = j;
    }
    const auto rank = [&](const Item& a) {
        const auto& e = d.entities[a.entity];
        return std::make_tuple(!a.exact, -a.bucket, std::string_view(e.name_key), kind_rank_for_suggest(e.kind),
                               -e.importance, std::string_view(e.label));
    };
    const auto less = [&](const Item& a, const Item& b) { return rank(a) < rank(b); };
    // Labels repeat for a woonplaats and a GeoNames place that could not be merged: take a few extra.
    const auto take = std::min(items.size(), wanted);
    std::partial_sort(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(take), items.end(), less);
    for (std::size_t i = 0; i < items.size() && out.size() < limit; ++i) {
        if (i == take) {
            std::sort(items.begin() + static_cast<std::ptrdiff_t>(take), items.end(), less);
        }
        const auto& e = d.entities[items[i].entity];
        if (std::any_of(out.begin(), out.end(), [&](const Suggestion& s) { return s.label == e.label; })) continue;
        Suggestion s;
        s.label = e.label;
        s.kind = e.kind;
        s.name = e.kind == MatchKind::postcode ? e.name_key : e.name;
        s.gemeentecode = d.municipalities[e.municipality].code;
        s.position = e.position;
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace ido::geocode
