// The route table (service/http/routes.hpp) against the OpenAPI document the service serves: the same
// paths under /v1, the same methods, and for each GET the query names its parsers accept equal to the
// query parameters documented. A route, method or parameter added to one side only fails here.
#include "geo/locator.hpp"
#include "service/http/api.hpp"
#include "service/http/routes.hpp"
#include "service/openapi_document.hpp"
#include "service/endpoints/parameters.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

namespace {

using ido::service::routes;

rapidjson::Document openapi() {
    rapidjson::Document d;
    const auto text = ido::service::openapi_document();
    d.Parse(text.data(), text.size());
    EXPECT_FALSE(d.HasParseError());
    return d;
}

// The document's paths are relative to its server "/v1"; "/" is /v1 itself.
std::string full_path(const std::string& documented) { return documented == "/" ? "/v1" : "/v1" + documented; }

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

// The query parameters of an operation, its own and those its path item declares for every operation.
std::set<std::string> documented_query(const rapidjson::Document& d, const rapidjson::Value& path_item, const char* method) {
    std::set<std::string> names;
    for (const rapidjson::Value* owner : {&path_item, &path_item[method]}) {
        if (!owner->HasMember("parameters")) continue;
        for (const auto& p : (*owner)["parameters"].GetArray()) {
            const rapidjson::Value* parameter = &p;
            if (p.HasMember("$ref")) {
                const std::string ref = p["$ref"].GetString();  // "#/components/parameters/<name>"
                parameter = &d["components"]["parameters"][ref.substr(ref.rfind('/') + 1).c_str()];
            }
            if (std::string((*parameter)["in"].GetString()) == "query") names.insert((*parameter)["name"].GetString());
        }
    }
    return names;
}

TEST(RouteTable, V1TemplatesAndMethodsEqualTheOpenApiPaths) {
    const auto d = openapi();
    std::map<std::string, std::set<std::string>> documented;
    for (const auto& path : d["paths"].GetObject())
        for (const auto& method : path.value.GetObject())
            if (std::string m = method.name.GetString(); m != "parameters" && m != "summary" && m != "description")
                documented[full_path(path.name.GetString())].insert(upper(m));
    std::map<std::string, std::set<std::string>> table;
    for (const auto& route : routes())
        if (route.path == "/v1" || route.path.starts_with("/v1/"))
            for (const auto& operation : route.operations) table[std::string(route.path)].insert(std::string(operation.method));
    EXPECT_EQ(table, documented);
    EXPECT_GE(table.size(), 16u);
}

TEST(RouteTable, AcceptedQueryNamesEqualTheDocumentedOnes) {
    const auto d = openapi();
    const std::set<std::string> aliases(ido::service::undocumented_aliases.begin(), ido::service::undocumented_aliases.end());
    std::size_t compared = 0;
    for (const auto& route : routes()) {
        if (route.path != "/v1" && !route.path.starts_with("/v1/")) continue;
        const std::string documented_path = route.path == "/v1" ? "/" : std::string(route.path.substr(3));
        ASSERT_TRUE(d["paths"].HasMember(documented_path.c_str())) << route.path;
        for (const auto& operation : route.operations) {
            if (operation.method != "GET") continue;
            std::set<std::string> accepted;
            for (const auto& names : operation.query_names)
                for (const auto name : names)
                    if (!aliases.contains(std::string(name))) accepted.insert(std::string(name));
            EXPECT_EQ(accepted, documented_query(d, d["paths"][documented_path.c_str()], "get")) << "GET " << route.path;
            ++compared;
        }
    }
    EXPECT_GE(compared, 15u);
}

// The aliases are real: each is accepted by some parser, so the exception above hides no typo.
TEST(RouteTable, EveryUndocumentedAliasIsAccepted) {
    for (const auto alias : ido::service::undocumented_aliases) {
        bool found = false;
        for (const auto& route : routes())
            for (const auto& operation : route.operations)
                for (const auto& names : operation.query_names) found = found || std::find(names.begin(), names.end(), alias) != names.end();
        EXPECT_TRUE(found) << alias;
    }
}

TEST(RouteTable, MatchesExactPathsOnly) {
    const auto find = [](std::string_view path) -> std::string {
        ido::service::PathParams params;
        const auto segments = ido::service::split_path(path);
        for (const auto& route : routes())
            if (route.match(segments, params)) {
                std::string out(route.path);
                for (const auto p : params) out += "|" + std::string(p);
                return out;
            }
        return "";
    };
    EXPECT_EQ(find("/"), "/");
    EXPECT_EQ(find("/v1"), "/v1");
    EXPECT_EQ(find("/v1/"), "");
    EXPECT_EQ(find("/v1/informatiepunten/IDO-1"), "/v1/informatiepunten/{id}|IDO-1");
    EXPECT_EQ(find("/v1/informatiepunten/"), "");
    EXPECT_EQ(find("/v1/informatiepunten//openingstijden"), "");
    EXPECT_EQ(find("/v1/collections/gemeenten/items/GM0363"), "/v1/collections/{collectionId}/items/{featureId}|gemeenten|GM0363");
    EXPECT_EQ(find("/widget/v1/"), "/widget/v1/{bestand}|");  // the handler answers 404 for the empty name
    EXPECT_EQ(find("/widget/v1/a/b"), "");
}

TEST(RouteTable, AllowListsTheRoutesMethods) {
    std::map<std::string, std::string> allow;
    for (const auto& route : routes()) allow[std::string(route.path)] = route.allow();
    EXPECT_EQ(allow["/v1/informatiepunten"], "GET, POST, OPTIONS");
    EXPECT_EQ(allow["/v1/informatiepunten/{id}"], "GET, PATCH, DELETE, OPTIONS");
    EXPECT_EQ(allow["/v1/informatiepunten/{id}/openingstijden"], "PUT, OPTIONS");
    EXPECT_EQ(allow["/v1/gemeenten"], "GET, OPTIONS");
}

// Every GET answer of a route carries the route's template as its label (access log, metrics), never the
// concrete path, which may hold an id or a postcode.
TEST(RouteTable, AnswersAreLabelledWithTheirTemplate) {
    const auto locator = ido::geo::Locator::from_data_directory(IDO_SOURCE_DIR "/data");
    const ido::service::Api api(locator, ido::service::StaticFiles{});
    const std::string id = locator->snapshot()->locations().front().id;
    const std::map<std::string, std::string> samples{{"{id}", id},          {"{gemeentecode}", "GM0363"},
                                                     {"{collectionId}", "informatiepunten"}, {"{featureId}", id},
                                                     {"{bestand}", "ido-vinder.js"}};
    std::size_t checked = 0;
    for (const auto& route : routes()) {
        if (route.path == "/v1/informatiepunten/{id}/wijzigingen") continue;  // needs a store: 404 without one
        if (route.path.starts_with("/v1/meldingen")) continue;  // the reports need a store too
        if (route.path.starts_with("/informatiepunten/{id}/melding")) continue;  // the report form: the same
        if (route.path == "/v1/sleutel") continue;                            // the same (tests/contract/token_contract_test.cpp)
        if (std::none_of(route.operations.begin(), route.operations.end(), [](const auto& o) { return o.method == "GET"; })) continue;
        std::string path(route.path);
        for (const auto& [placeholder, value] : samples)
            if (const auto at = path.find(placeholder); at != std::string::npos) path.replace(at, placeholder.size(), value);
        ido::service::HttpRequest request;
        request.method = "GET";
        request.path = path;
        const auto response = api.handle(request);
        EXPECT_EQ(response.route, route.path) << path << " answered " << response.status;
        ++checked;
    }
    EXPECT_GE(checked, 18u);
}

}  // namespace
