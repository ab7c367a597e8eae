// The help point's rules (record/): the validator reports every problem with its code and JSON
// pointer, also for values of the wrong type; the derivation of walk-in and appointment; the code lists.
#include "record/codes.hpp"
#include "record/derivation.hpp"
#include "record/validate.hpp"

#include <rapidjson/document.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using ido::record::FieldProblems;

rapidjson::Document parse(const char* json) {
    rapidjson::Document d;
    d.Parse(json);
    EXPECT_FALSE(d.HasParseError()) << json;
    return d;
}

std::set<std::string> found(const FieldProblems& problems) {
    std::set<std::string> out;
    for (const auto& p : problems) out.insert(p.pointer + " " + p.code);
    return out;
}

TEST(RecordValidate, SpreekurenReportEveryProblemWithItsPointer) {
    const auto d = parse(R"([7, {"naam": "", "diensten": ["digid", "paspoort"], "openingstijden": "Mo 25:00-26:00", "opAfspraak": "ja", "x": 1},
                             {"naam": "Inloop", "openingstijden": 3, "afspraak": {"url": "ftp://a", "y": 2}}])");
    FieldProblems problems;
    ido::record::validate_spreekuren(d, "/spreekuren", problems);
    EXPECT_EQ(found(problems), (std::set<std::string>{
                                   "/spreekuren/0 ongeldige-waarde",
                                   "/spreekuren/1/x onbekend-veld",
                                   "/spreekuren/1/naam ongeldige-waarde",
                                   "/spreekuren/1/diensten/1 ongeldige-waarde",
                                   "/spreekuren/1/openingstijden ongeldige-openingstijden",
                                   "/spreekuren/1/opAfspraak ongeldige-waarde",
                                   "/spreekuren/2/diensten ontbrekend-veld",
                                   "/spreekuren/2/openingstijden ongeldige-waarde",
                                   "/spreekuren/2/afspraak/y onbekend-veld",
                                   "/spreekuren/2/afspraak/url ongeldige-waarde",
                               }));
}

TEST(RecordValidate, ValuesOfTheWrongTypeAreProblemsNotCrashes) {
    for (const char* json : {"null", "1", "\"x\"", "{}", "[]", "[[]]", "[{\"naam\": {}, \"diensten\": {}, \"openingstijden\": []}]"}) {
        const auto d = parse(json);
        FieldProblems problems;
        ido::record::validate_spreekuren(d, "/spreekuren", problems);
        EXPECT_FALSE(problems.empty()) << json;
        problems.clear();
        ido::record::validate_record(d, true, true, problems);
        EXPECT_FALSE(problems.empty()) << json;
    }
    const auto d = parse(R"({"naam": 1, "organisatie": [], "adres": "Dam 1", "contact": {"email": 5}, "diensten": "digid",
                             "laatstGecontroleerd": "2026-02-30", "herkomst": {"peildatum": "2025-13"}, "status": "dicht", "inloop": "ja"})");
    FieldProblems problems;
    ido::record::validate_record(d, false, true, problems);
    EXPECT_EQ(found(problems), (std::set<std::string>{
                                   "/id ontbrekend-veld",
                                   "/naam ongeldige-waarde",
                                   "/organisatie ongeldige-waarde",
                                   "/adres ongeldige-waarde",
                                   "/contact/email ongeldige-waarde",
                                   "/diensten ongeldige-waarde",
                                   "/laatstGecontroleerd ongeldige-waarde",
                                   "/herkomst/peildatum ongeldige-waarde",
                                   "/status ongeldige-waarde",
                                   "/inloop ongeldige-waarde",
                               }));
}

TEST(RecordValidate, AValidRecordHasNoProblems) {
    const auto d = parse(R"({"id": "IDO-1", "naam": "Bieb", "organisatie": null, "adres": {"straat": "Dam", "huisnummer": "1", "postcode": null, "woonplaats": "Amsterdam"},
                             "woonplaats": "Amsterdam", "gemeentecode": "GM0363", "gemeentenaam": "Amsterdam", "openingstijden": "Mo 10:00-12:00",
                             "spreekuren": [{"naam": "Inloop", "diensten": ["digid"], "openingstijden": "Mo 10:00-12:00", "opAfspraak": false, "afspraak": null, "toelichting": null}],
                             "diensten": ["digid"], "opAfspraak": false, "inloop": true, "contact": {"telefoon": "+31 20 123 4567", "email": null, "website": "https://example.nl/"},
                             "laatstGecontroleerd": "2024-02-29", "mededeling": null, "herkomst": {"soort": "beheer", "bron": null, "toelichting": null, "peildatum": "2025-10"},
                             "coordinaatPrecisie": "gebouw", "status": "actief"})");
    FieldProblems problems;
    ido::record::validate_record(d, true, true, problems);
    EXPECT_TRUE(problems.empty()) << problems.front().pointer << " " << problems.front().code;
}

TEST(RecordDerivation, WalkInAndAppointmentFollowTheDesks) {
    struct Case {
        const char* desks;
        std::optional<bool> op_afspraak, inloop;
    };
    for (const Case& c : {Case{R"([{"opAfspraak": true}, {"opAfspraak": true}])", true, false},
                          Case{R"([{"opAfspraak": true}, {"opAfspraak": false}])", false, true},
                          Case{R"([{"opAfspraak": null}, {"opAfspraak": true}])", std::nullopt, std::nullopt},
                          Case{R"([{"opAfspraak": null}, {"opAfspraak": false}])", false, true},
                          Case{R"([{"opAfspraak": false}])", false, true},
                          Case{R"([{}])", std::nullopt, std::nullopt}}) {
        const auto d = parse(c.desks);
        const auto summary = ido::record::summarise_spreekuren(d);
        EXPECT_EQ(summary.op_afspraak, c.op_afspraak) << c.desks;
        EXPECT_EQ(summary.inloop, c.inloop) << c.desks;
    }
    const auto d = parse(R"([{"diensten": ["uwv", "digid"]}, {"diensten": ["digid", "svb"]}, 5])");
    EXPECT_EQ(ido::record::summarise_spreekuren(d).diensten, (std::set<std::string>{"digid", "svb", "uwv"}));
}

TEST(RecordDerivation, NormalisedDesksHaveEveryFieldAndSortedServices) {
    const auto d = parse(R"([{"naam": "Inloop", "diensten": ["uwv", "digid", "uwv"], "openingstijden": "", "opAfspraak": "?"}])");
    rapidjson::Document out;
    auto desks = ido::record::normalised_spreekuren(d, out.GetAllocator());
    ASSERT_EQ(desks.Size(), 1u);
    const auto& desk = desks[0];
    EXPECT_EQ(desk.MemberCount(), 6u);
    ASSERT_EQ(desk["diensten"].Size(), 2u);
    EXPECT_STREQ(desk["diensten"][0].GetString(), "digid");
    EXPECT_TRUE(desk["opAfspraak"].IsNull());
    EXPECT_TRUE(desk["afspraak"].IsNull());
}

TEST(RecordCodes, GemeentecodeAndDiensten) {
    EXPECT_TRUE(ido::record::is_gemeentecode("GM0363"));
    for (const char* bad : {"", "GM036", "GM03630", "gm0363", "GM03a3", "XX0363", " GM0363"}) EXPECT_FALSE(ido::record::is_gemeentecode(bad)) << bad;
    EXPECT_TRUE(ido::record::is_dienst("digitale-vaardigheden"));
    EXPECT_FALSE(ido::record::is_dienst("paspoort"));
    EXPECT_EQ(ido::record::diensten().size(), 11u);
}

// The OpenAPI document (generated by service/openapi_generate.py) lists the same services, in the same order.
TEST(RecordCodes, DienstenAreTheOpenApiEnum) {
    std::ifstream in(std::filesystem::path(IDO_SOURCE_DIR) / "service/openapi.json", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document doc;
    doc.Parse(text.str().c_str());
    ASSERT_TRUE(doc.IsObject());
    const auto& schemas = doc["components"]["schemas"];
    ASSERT_TRUE(schemas.HasMember("Dienst"));
    std::vector<std::string> listed;
    for (const auto& code : schemas["Dienst"]["enum"].GetArray()) listed.emplace_back(code.GetString());
    EXPECT_EQ(listed, ido::record::diensten());
}

}  // namespace
