// Contract tests of the coverage endpoints (GET /v1/bereikbaarheid, /v1/gemeenten/{code}/bereikbaarheid)
// over real HTTP against the real ido-vinder binary. The expected figures are computed here, by brute
// force and independently of geo/coverage: the help points from the service's own full list, the
// residents from data/pc4_bevolking.csv, every PC4 against every help point, RD New straight from PROJ.
#include "server_process.hpp"
#include "../support/proj_reference.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <sstream>

// ServerProcess, the private servers and the shape-checked JSON readers (tests/support/json_access.hpp).
using namespace ido::test;

namespace {

ServerProcess* server = nullptr;

struct Reply {
    int status = 0;
    std::string body;
    std::string etag;
    rapidjson::Document json;
};

Reply get(const std::string& target, const httplib::Headers& headers = {}) {
    Reply reply;
    httplib::Client client("127.0.0.1", server->port());
    client.set_read_timeout(60, 0);
    auto result = client.Get(target, headers);
    EXPECT_TRUE(result) << target;
    if (!result) return reply;
    reply.status = result->status;
    reply.body = result->body;
    if (result->has_header("ETag")) reply.etag = result->get_header_value("ETag");
    if (!reply.body.empty()) {
        reply.json.Parse(reply.body.c_str());
        EXPECT_FALSE(reply.json.HasParseError()) << target;
    }
    return reply;
}

struct HelpPoint {
    std::string id, soort;
    ido::test::ReferenceRd rd;
};

struct Pc4 {
    std::string pc4, gemeentecode, woonplaats;
    std::int64_t inwoners = 0;
    double lat = 0, lon = 0;
    ido::test::ReferenceRd rd;
};

// The service's full list of help points, paged by `na`.
std::vector<HelpPoint> all_help_points() {
    std::vector<HelpPoint> all;
    std::string after;
    for (int page = 0; page < 100; ++page) {
        auto reply = get("/v1/informatiepunten?limit=1000" + (after.empty() ? "" : "&na=" + after));
        EXPECT_EQ(reply.status, 200);
        if (reply.status != 200) break;
        const auto size = all.size();
        for (const auto& item : json_array(reply.json, "/informatiepunten"))
            all.push_back({json_string(item, "/id"), json_string(item, "/herkomst/soort"),
                           ido::test::reference_rd(json_number(item, "/geometrie/coordinates/0"),
                                                   json_number(item, "/geometrie/coordinates/1"))});
        if (all.size() == size || all.size() - size < 1000) break;
        after = all.back().id;
    }
    return all;
}

std::vector<Pc4> read_pc4s() {
    std::ifstream in(IDO_SOURCE_DIR "/data/pc4_bevolking.csv");
    EXPECT_TRUE(in.good());
    std::vector<Pc4> out;
    std::string line;
    std::getline(in, line);  // header: pc4,inwoners,lat,lon,gemeentecode,woonplaatsen
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream fields(line);
        for (std::string field; std::getline(fields, field, ',');) f.push_back(field);
        if (f.size() != 6) {
            ADD_FAILURE() << line;
            continue;
        }
        Pc4 p;
        p.pc4 = f[0];
        p.inwoners = f[1].empty() ? 0 : std::stoll(f[1]);  // empty: CBS keeps the figure secret, weighed 0
        p.lat = std::stod(f[2]);
        p.lon = std::stod(f[3]);
        p.gemeentecode = f[4];
        p.woonplaats = f[5].substr(0, f[5].find('|'));
        p.rd = ido::test::reference_rd(p.lon, p.lat);
        out.push_back(p);
    }
    return out;
}

double distance(ido::test::ReferenceRd a, ido::test::ReferenceRd b) { return std::hypot(a.x - b.x, a.y - b.y); }

// The brute-force figures of a set of PC4s, each with its distance to the nearest counted point.
struct Expected {
    std::int64_t inwoners = 0;
    std::optional<double> mean, median;
    std::vector<std::int64_t> binnen;
    std::vector<std::pair<const Pc4*, double>> gaps;  // beyond the largest threshold, largest first
};

Expected expected(const std::vector<std::pair<const Pc4*, double>>& pc4s, const std::vector<double>& thresholds) {
    Expected e;
    e.binnen.assign(thresholds.size(), 0);
    double weighted = 0;
    std::vector<std::pair<double, std::int64_t>> by_distance;
    const double largest = *std::max_element(thresholds.begin(), thresholds.end());
    for (const auto& [p, d] : pc4s) {
        e.inwoners += p->inwoners;
        weighted += static_cast<double>(p->inwoners) * d;
        by_distance.emplace_back(d, p->inwoners);
        for (std::size_t t = 0; t < thresholds.size(); ++t)
            if (d <= thresholds[t]) e.binnen[t] += p->inwoners;
        if (p->inwoners > 0 && d > largest) e.gaps.emplace_back(p, d);
    }
    if (e.inwoners > 0) {
        e.mean = weighted / static_cast<double>(e.inwoners);
        std::sort(by_distance.begin(), by_distance.end());
        std::int64_t sum = 0;
        for (const auto& [d, w] : by_distance) {
            sum += w;
            if (2 * sum >= e.inwoners) {
                e.median = d;
                break;
            }
        }
    }
    std::sort(e.gaps.begin(), e.gaps.end(), [](const auto& a, const auto& b) {
        return a.first->inwoners != b.first->inwoners ? a.first->inwoners > b.first->inwoners : a.first->pc4 < b.first->pc4;
    });
    return e;
}

// Half a metre from rounding to whole metres, plus a centimetre for PROJ here against the service's transformer.
constexpr double metre_tolerance = 0.51;

void expect_figures(const rapidjson::Value& answer, const Expected& e, const std::vector<double>& thresholds, bool with_gaps,
                    const std::string& what) {
    SCOPED_TRACE(what);
    EXPECT_EQ(json_int(answer, "/inwoners"), e.inwoners);
    if (e.mean) {
        EXPECT_NEAR(json_number(answer, "/gemiddeldeAfstand"), *e.mean, metre_tolerance);
    } else {
        EXPECT_TRUE(answer["gemiddeldeAfstand"].IsNull());
    }
    if (e.median) {
        EXPECT_NEAR(json_number(answer, "/medianeAfstand"), *e.median, metre_tolerance);
    } else {
        EXPECT_TRUE(answer["medianeAfstand"].IsNull());
    }
    ASSERT_EQ(json_size(answer, "/binnen"), thresholds.size());
    for (std::size_t t = 0; t < thresholds.size(); ++t) {
        const std::string at = "/binnen/" + std::to_string(t);
        EXPECT_EQ(json_number(answer, at + "/afstand"), thresholds[t]);
        EXPECT_EQ(json_int(answer, at + "/inwoners"), e.binnen[t]);
        if (e.inwoners > 0) {
            EXPECT_NEAR(json_number(answer, at + "/aandeel"), static_cast<double>(e.binnen[t]) / static_cast<double>(e.inwoners), 1e-12);
        }
    }
    EXPECT_EQ(json_string(answer, "/methode"), "hemelsbreed");
    EXPECT_EQ(json_string(answer, "/bevolkingPeildatum"), "2021-01-01");
    EXPECT_EQ(json_has(answer, "/witteVlekken"), with_gaps);
    if (!with_gaps) return;
    EXPECT_EQ(json_int(answer, "/aantalWitteVlekken"), static_cast<std::int64_t>(e.gaps.size()));
    const std::size_t shown = std::min<std::size_t>(e.gaps.size(), 25);
    ASSERT_EQ(json_size(answer, "/witteVlekken"), shown);
    for (std::size_t i = 0; i < shown; ++i) {
        const std::string at = "/witteVlekken/" + std::to_string(i);
        EXPECT_EQ(json_string(answer, at + "/postcode"), e.gaps[i].first->pc4);
        EXPECT_EQ(json_string(answer, at + "/woonplaats"), e.gaps[i].first->woonplaats);
        EXPECT_EQ(json_int(answer, at + "/inwoners"), e.gaps[i].first->inwoners);
        EXPECT_NEAR(json_number(answer, at + "/afstand"), e.gaps[i].second, metre_tolerance);
    }
}

class Bereikbaarheid : public ::testing::Test {
public:
    static void SetUpTestSuite() {
        if (server == nullptr) server = new ServerProcess({}, "bereikbaarheid-contract-server.log");
        help_points = all_help_points();
        pc4s = read_pc4s();
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }

    // Every PC4 with its distance to the nearest help point whose soort is counted (all when `soorten`
    // is empty), or to a what-if position.
    static std::vector<std::pair<const Pc4*, double>> reach(const std::set<std::string>& soorten,
                                                            const std::vector<ido::test::ReferenceRd>& extra = {}) {
        std::vector<std::pair<const Pc4*, double>> out;
        for (const auto& p : pc4s) {
            double best = std::numeric_limits<double>::infinity();
            for (const auto& h : help_points)
                if (soorten.empty() || soorten.contains(h.soort)) best = std::min(best, distance(p.rd, h.rd));
            for (const auto& x : extra) best = std::min(best, distance(p.rd, x));
            out.emplace_back(&p, best);
        }
        return out;
    }
    static std::vector<std::pair<const Pc4*, double>> in(const std::vector<std::pair<const Pc4*, double>>& all, const std::string& code) {
        std::vector<std::pair<const Pc4*, double>> out;
        for (const auto& entry : all)
            if (entry.first->gemeentecode == code) out.push_back(entry);
        return out;
    }

    static inline std::vector<HelpPoint> help_points;
    static inline std::vector<Pc4> pc4s;
    static inline const std::vector<double> defaults{1000, 3000, 5000, 10000};
};

TEST_F(Bereikbaarheid, InputsAreTheShippedData) {
    EXPECT_EQ(help_points.size(), 600u);
    EXPECT_EQ(pc4s.size(), 4067u);
}

TEST_F(Bereikbaarheid, MunicipalitiesMatchABruteForceComputation) {
    const auto all = reach({});
    // A city, a polder, an island without a help point of its own, and a rural municipality.
    for (const std::string code : {"GM0363", "GM0050", "GM0088", "GM1680"}) {
        auto reply = get("/v1/gemeenten/" + code + "/bereikbaarheid");
        ASSERT_EQ(reply.status, 200) << code << reply.body;
        EXPECT_EQ(json_string(reply.json, "/gemeentecode"), code);
        EXPECT_EQ(json_size(reply.json, "/meegeteld"), 5u);
        expect_figures(reply.json, expected(in(all, code), defaults), defaults, true, code);
    }
}

TEST_F(Bereikbaarheid, OtherThresholdsAndHerkomst) {
    const std::vector<double> thresholds{2500, 500, 20000};
    const auto confirmed = reach({"ido-voorbeeld"});
    for (const std::string code : {"GM0363", "GM0050"}) {
        auto reply = get("/v1/gemeenten/" + code + "/bereikbaarheid?afstanden=2500,500,20000&herkomst=ido-voorbeeld");
        ASSERT_EQ(reply.status, 200) << reply.body;
        ASSERT_EQ(json_size(reply.json, "/meegeteld"), 1u);
        EXPECT_EQ(json_string(reply.json, "/meegeteld/0"), "ido-voorbeeld");
        expect_figures(reply.json, expected(in(confirmed, code), thresholds), thresholds, true, code + " ido-voorbeeld");
    }
}

TEST_F(Bereikbaarheid, TheCountryAndAll342Municipalities) {
    const auto all = reach({});
    auto reply = get("/v1/bereikbaarheid");
    ASSERT_EQ(reply.status, 200) << reply.body.substr(0, 600);
    EXPECT_EQ(json_int(reply.json, "/aantalInformatiepunten"), 600);
    expect_figures(reply.json, expected(all, defaults), defaults, true, "Nederland");
    EXPECT_EQ(json_int(reply.json, "/inwoners"), 17472870);
    std::set<std::string> codes;
    for (const auto& p : pc4s) codes.insert(p.gemeentecode);
    ASSERT_EQ(json_size(reply.json, "/gemeenten"), 342u);
    std::string previous;
    for (const auto& m : json_array(reply.json, "/gemeenten")) {
        const auto code = json_string(m, "/gemeentecode");
        EXPECT_LT(previous, code);
        previous = code;
        expect_figures(m, expected(in(all, code), defaults), defaults, false, code);
    }

    // The default answer is computed once per snapshot and carries an ETag.
    ASSERT_FALSE(reply.etag.empty());
    auto again = get("/v1/bereikbaarheid", {{"If-None-Match", reply.etag}});
    EXPECT_EQ(again.status, 304);
}

TEST_F(Bereikbaarheid, WhatIfAddsHelpPoints) {
    // Two positions: the largest witte vlek of Zeewolde, and a point in Amsterdam.
    auto before = get("/v1/gemeenten/GM0050/bereikbaarheid?afstanden=3000");
    ASSERT_EQ(before.status, 200);
    ASSERT_GT(json_size(before.json, "/witteVlekken"), 0u);
    const std::string gap = json_string(before.json, "/witteVlekken/0/postcode");
    const Pc4* site = nullptr;
    for (const auto& p : pc4s)
        if (p.pc4 == gap) site = &p;
    ASSERT_NE(site, nullptr);
    std::ostringstream query;
    query.precision(10);
    query << "afstanden=3000&extraLocaties=" << site->lat << "," << site->lon << ";52.37,4.89";
    const std::vector<ido::test::ReferenceRd> extra{site->rd, ido::test::reference_rd(4.89, 52.37)};
    const auto all = reach({}, extra);
    for (const std::string code : {"GM0050", "GM0363"}) {
        auto reply = get("/v1/gemeenten/" + code + "/bereikbaarheid?" + query.str());
        ASSERT_EQ(reply.status, 200) << reply.body;
        expect_figures(reply.json, expected(in(all, code), {3000}), {3000}, true, code + " what-if");
    }
    auto after = get("/v1/gemeenten/GM0050/bereikbaarheid?" + query.str());
    for (const auto& vlek : json_array(after.json, "/witteVlekken")) EXPECT_NE(json_string(vlek, "/postcode"), gap);
    auto country = get("/v1/bereikbaarheid?" + query.str());
    ASSERT_EQ(country.status, 200);
    expect_figures(country.json, expected(all, {3000}), {3000}, true, "Nederland what-if");
}

struct Library {
    std::string id, naam, pc4, gemeentecode;
    ido::test::ReferenceRd rd;
};

// data/bibliotheekgebouwen.csv: id,naam,straat,huisnummer,postcode,plaats,gemeentecode,lat,lon, with
// "quoted" fields that may hold commas.
std::vector<Library> read_libraries() {
    std::ifstream in(IDO_SOURCE_DIR "/data/bibliotheekgebouwen.csv");
    EXPECT_TRUE(in.good());
    std::vector<Library> out;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::vector<std::string> f(1);
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') f.back() += line[++i];
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) f.emplace_back();
            else f.back() += c;
        }
        if (f.size() != 9) {
            ADD_FAILURE() << line;
            continue;
        }
        out.push_back({f[0], f[1], f[4].substr(0, 4), f[6], ido::test::reference_rd(std::stod(f[8]), std::stod(f[7]))});
    }
    return out;
}

// The one-site advice by exhaustive search: every candidate (the municipality's PC4 points and library
// buildings without a help point within 100 m) against every PC4 of the municipality.
TEST_F(Bereikbaarheid, AdviceForOneSiteIsTheBestCandidate) {
    const auto libraries = read_libraries();
    EXPECT_EQ(libraries.size(), 106u);
    const auto all = reach({});
    for (const auto& [code, binnen] : std::vector<std::pair<std::string, double>>{{"GM0050", 3000}, {"GM1680", 3000}, {"GM0363", 1000}, {"GM0088", 1000}}) {
        SCOPED_TRACE(code);
        const auto residents = in(all, code);
        struct Candidate {
            bool library;
            std::string pc4, id;
            std::int64_t gain = 0;
        };
        std::vector<Candidate> candidates;
        auto consider = [&](bool library, const std::string& pc4, const std::string& id, ido::test::ReferenceRd rd) {
            for (const auto& h : help_points)
                if (distance(h.rd, rd) <= 100) return;
            Candidate c{library, pc4, id, 0};
            for (const auto& [p, d] : residents)
                if (p->inwoners > 0 && d > binnen && distance(p->rd, rd) <= binnen) c.gain += p->inwoners;
            candidates.push_back(c);
        };
        for (const auto& [p, d] : residents) consider(false, p->pc4, p->pc4, p->rd);
        for (const auto& l : libraries)
            if (l.gemeentecode == code) consider(true, l.pc4, l.id, l.rd);
        std::int64_t inwoners = 0, within = 0;
        for (const auto& [p, d] : residents) {
            inwoners += p->inwoners;
            if (d <= binnen) within += p->inwoners;
        }
        // Largest gain; ties: a library first, then the lowest PC4, then the lowest id.
        const auto best = std::min_element(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
            if (a.gain != b.gain) return a.gain > b.gain;
            if (a.library != b.library) return a.library;
            return a.pc4 != b.pc4 ? a.pc4 < b.pc4 : a.id < b.id;
        });

        auto reply = get("/v1/gemeenten/" + code + "/advies?aantal=1&binnen=" + std::to_string(static_cast<int>(binnen)));
        ASSERT_EQ(reply.status, 200) << reply.body;
        EXPECT_EQ(json_int(reply.json, "/inwoners"), inwoners);
        EXPECT_NEAR(json_number(reply.json, "/aandeelNu"), static_cast<double>(within) / static_cast<double>(inwoners), 1e-12);
        if (best == candidates.end() || best->gain == 0) {
            EXPECT_EQ(json_size(reply.json, "/locaties"), 0u);
            continue;
        }
        ASSERT_EQ(json_size(reply.json, "/locaties"), 1u);
        EXPECT_EQ(json_int(reply.json, "/locaties/0/extraInwonersBinnen"), best->gain);
        EXPECT_NEAR(json_number(reply.json, "/locaties/0/aandeelNa"),
                    static_cast<double>(within + best->gain) / static_cast<double>(inwoners), 1e-12);
        EXPECT_EQ(json_string(reply.json, "/locaties/0/soort"), best->library ? "bibliotheek" : "postcode");
        EXPECT_EQ(json_string(reply.json, best->library ? "/locaties/0/id" : "/locaties/0/postcode"), best->id);

        // More sites: the first is the same, each adds residents, and the share only grows.
        auto three = get("/v1/gemeenten/" + code + "/advies?aantal=3&binnen=" + std::to_string(static_cast<int>(binnen)));
        ASSERT_EQ(three.status, 200);
        ASSERT_GE(json_size(three.json, "/locaties"), 1u);
        EXPECT_LE(json_size(three.json, "/locaties"), 3u);
        EXPECT_EQ(json_int(three.json, "/locaties/0/extraInwonersBinnen"), best->gain);
        std::int64_t sum = within;
        for (const auto& site : json_array(three.json, "/locaties")) {
            EXPECT_GT(json_int(site, "/extraInwonersBinnen"), 0);
            sum += json_int(site, "/extraInwonersBinnen");
            EXPECT_NEAR(json_number(site, "/aandeelNa"), static_cast<double>(sum) / static_cast<double>(inwoners), 1e-12);
        }
    }
}

// Minutes since the epoch of an RFC 3339 instant with an offset ("2026-12-21T09:00:00+01:00").
long long minutes(const std::string& t) {
    EXPECT_GE(t.size(), 25u) << t;
    if (t.size() < 25) return 0;
    const auto n = [&](std::size_t at, std::size_t len) { return std::stoi(t.substr(at, len)); };
    const std::chrono::year_month_day date{std::chrono::year(n(0, 4)), std::chrono::month(static_cast<unsigned>(n(5, 2))),
                                           std::chrono::day(static_cast<unsigned>(n(8, 2)))};
    const long long offset = (t[19] == '-' ? -1 : 1) * (n(20, 2) * 60 + n(23, 2));
    return std::chrono::sys_days(date).time_since_epoch().count() * 1440LL + n(11, 2) * 60 + n(14, 2) - offset;
}

// The overview against the service's own records: the hours from the help points' `komendeSpreekuren`
// (14 days each, so two requests cover the four weeks), services and freshness from the records.
TEST_F(Bereikbaarheid, OverviewMatchesTheRecords) {
    const std::string from = "2026-12-21T00:00:00+01:00", halfway = "2027-01-04T00:00:00+01:00";
    const long long start = minutes(from), end = start + 28 * 1440;
    for (const std::string code : {"GM0050", "GM0363", "GM0014"}) {
        SCOPED_TRACE(code);
        auto reply = get("/v1/gemeenten/" + code + "/overzicht?tijdstip=2026-12-21T00:00:00%2B01:00");
        ASSERT_EQ(reply.status, 200) << reply.body;
        EXPECT_EQ(json_string(reply.json, "/vanaf"), from);
        EXPECT_EQ(json_string(reply.json, "/tot"), "2027-01-18T00:00:00+01:00");
        auto figures = get("/v1/gemeenten/" + code + "/bereikbaarheid");
        EXPECT_EQ(json_int(reply.json, "/inwoners"), json_int(figures.json, "/inwoners"));

        auto records = get("/v1/gemeenten/" + code + "/informatiepunten");
        ASSERT_EQ(records.status, 200);
        std::set<std::string> offered, due;
        std::map<std::string, double> hours;
        for (const auto& r : json_array(records.json, "/informatiepunten")) {
            const auto id = json_string(r, "/id");
            for (const auto& d : json_array(r, "/diensten")) offered.insert(d.GetString());
            if (!r["laatstGecontroleerd"].IsString() || std::string(r["laatstGecontroleerd"].GetString()) < "2025-12-21") due.insert(id);
            double open_minutes = 0;
            for (const auto& at : {from, halfway}) {
                auto one = get("/v1/informatiepunten/" + id + "?tijdstip=" + httplib::detail::encode_query_param(at));
                for (const auto& slot : json_array(one.json, "/komendeSpreekuren")) {
                    if (json_string(slot, "/status") != "open") continue;
                    const long long b = std::max(minutes(json_string(slot, "/begin")), at == from ? start : minutes(halfway));
                    const long long e = std::min(minutes(json_string(slot, "/eind")), at == from ? minutes(halfway) : end);
                    if (e > b) open_minutes += static_cast<double>(e - b);
                }
            }
            hours[id] = open_minutes / 60.0 / 4.0;
        }
        ASSERT_EQ(json_size(reply.json, "/informatiepunten"), hours.size());
        double total = 0;
        for (const auto& l : json_array(reply.json, "/informatiepunten")) {
            const auto id = json_string(l, "/id");
            ASSERT_TRUE(hours.contains(id)) << id;
            EXPECT_NEAR(json_number(l, "/uren/perWeek"), hours[id], 0.0051) << id;
            EXPECT_NEAR(json_number(l, "/uren/perWeek"),
                        json_number(l, "/uren/inloop") + json_number(l, "/uren/opAfspraak") + json_number(l, "/uren/werkwijzeOnbekend"), 0.016);
            EXPECT_EQ(json_bool(l, "/teControleren"), due.contains(id)) << id;
            total += hours[id];
        }
        EXPECT_NEAR(json_number(reply.json, "/uren/perWeek"), total, 0.0051);
        EXPECT_NEAR(json_number(reply.json, "/urenPer10000Inwoners"), total * 10000 / static_cast<double>(json_int(reply.json, "/inwoners")), 0.0051);
        std::set<std::string> listed, missing;
        for (const auto& d : json_array(reply.json, "/aangebodenDiensten")) listed.insert(d.GetString());
        for (const auto& d : json_array(reply.json, "/ontbrekendeDiensten")) missing.insert(d.GetString());
        EXPECT_EQ(listed, offered);
        for (const auto& d : missing) EXPECT_FALSE(offered.contains(d)) << d;
        EXPECT_EQ(listed.size() + missing.size(), 11u);
        std::set<std::string> due_listed;
        for (const auto& d : json_array(reply.json, "/teControleren")) due_listed.insert(d.GetString());
        EXPECT_EQ(due_listed, due);
    }
}

struct Bad {
    std::string target;
    int status;
    std::string parameter;  // empty for a 404
    std::string code;
};

TEST_F(Bereikbaarheid, BadInputIsAProblemNamingTheParameter) {
    std::string eleven;
    for (int i = 0; i < 11; ++i) eleven += (i ? ";" : "") + std::string("52.1,5.") + std::to_string(10 + i);
    const std::string m = "/v1/gemeenten/GM0363/bereikbaarheid";
    const std::vector<Bad> cases{
        {"/v1/gemeenten/GM9999/bereikbaarheid", 404, "", "niet-gevonden"},
        {"/v1/gemeenten/amsterdam/bereikbaarheid", 404, "", "niet-gevonden"},
        {m + "?afstanden=0", 400, "afstanden", "buiten-bereik"},
        {m + "?afstanden=1000000000", 400, "afstanden", "buiten-bereik"},
        {m + "?afstanden=99", 400, "afstanden", "buiten-bereik"},
        {m + "?afstanden=1000,,3000", 400, "afstanden", "ongeldig-getal"},
        {m + "?afstanden=drie", 400, "afstanden", "ongeldig-getal"},
        {m + "?afstanden=1e9", 400, "afstanden", "ongeldig-getal"},
        {m + "?afstanden=100,200,300,400,500,600,700,800,900", 400, "afstanden", "ongeldig-aantal"},
        {m + "?afstanden=1000,1000", 400, "afstanden", "dubbele-waarde"},
        {m + "?herkomst=onzin", 400, "herkomst", "ongeldige-waarde"},
        {m + "?herkomst=import", 400, "herkomst", "geen-informatiepunten"},
        {m + "?extraLocaties=" + eleven, 400, "extraLocaties", "ongeldig-aantal"},
        {m + "?extraLocaties=53.0,3.5", 400, "extraLocaties", "buiten-nederland"},   // North Sea inside the box
        {m + "?extraLocaties=55.0,3.0", 400, "extraLocaties", "buiten-nederland"},   // North Sea outside it
        {m + "?extraLocaties=52.1", 400, "extraLocaties", "ongeldige-coordinaat"},
        {m + "?extraLocaties=52.1,5.1;", 400, "extraLocaties", "ongeldige-coordinaat"},
        {m + "?extraLocaties=95,5.1", 400, "extraLocaties", "ongeldige-coordinaat"},
        {m + "?straal=1000", 400, "straal", "onbekende-parameter"},
        {"/v1/bereikbaarheid?afstanden=0", 400, "afstanden", "buiten-bereik"},
        {"/v1/bereikbaarheid?extraLocaties=55.0,3.0", 400, "extraLocaties", "buiten-nederland"},
        {"/v1/bereikbaarheid?gemeente=GM0363", 400, "gemeente", "onbekende-parameter"},
        {"/v1/gemeenten/GM9999/advies", 404, "", "niet-gevonden"},
        {"/v1/gemeenten/GM9999/overzicht", 404, "", "niet-gevonden"},
        {"/v1/gemeenten/GM0363/overzicht?tijdstip=morgen", 400, "tijdstip", "ongeldige-waarde"},
        {"/v1/gemeenten/GM0363/overzicht?herkomst=onzin", 400, "herkomst", "ongeldige-waarde"},
        {"/v1/gemeenten/GM0363/overzicht?aantal=1", 400, "aantal", "onbekende-parameter"},
        {"/v1/gemeenten/GM0363/advies?aantal=0", 400, "aantal", "buiten-bereik"},
        {"/v1/gemeenten/GM0363/advies?aantal=6", 400, "aantal", "buiten-bereik"},
        {"/v1/gemeenten/GM0363/advies?aantal=twee", 400, "aantal", "ongeldig-getal"},
        {"/v1/gemeenten/GM0363/advies?binnen=0", 400, "binnen", "buiten-bereik"},
        {"/v1/gemeenten/GM0363/advies?binnen=1000000000", 400, "binnen", "buiten-bereik"},
        {"/v1/gemeenten/GM0363/advies?afstanden=1000", 400, "afstanden", "onbekende-parameter"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.target);
        auto reply = get(c.target);
        EXPECT_EQ(reply.status, c.status) << reply.body;
        if (c.status == 404) {
            EXPECT_EQ(json_string(reply.json, "/code"), c.code);
            continue;
        }
        EXPECT_EQ(json_string(reply.json, "/code"), "ongeldige-parameters");
        bool found = false;
        for (const auto& p : json_array(reply.json, "/invalidParams"))
            found = found || (json_string(p, "/name") == c.parameter && json_string(p, "/code") == c.code);
        EXPECT_TRUE(found) << reply.body;
    }
}

}  // namespace
