// The municipality as *financier* (issue 13): the amount it spends on the IDO per year, entered by the
// municipality itself with where the figure comes from. The service never estimates one.
#include "record/municipal.hpp"
#include "service/endpoints/gemeentedata.hpp"
#include "service/endpoints/gemeentedata_common.hpp"
#include "service/http/query.hpp"

#include <charconv>
#include <chrono>

namespace ido::service {
namespace {

using namespace gemeentedata;

const std::string list_route = "/v1/gemeenten/{gemeentecode}/financiering";
const std::string year_route = "/v1/gemeenten/{gemeentecode}/financiering/{jaar}";

// The grant (SPUK) started in 2023; next year's budget may be entered ahead.
constexpr int first_year = 2023;

int current_year() {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return static_cast<int>(std::chrono::year_month_day(today).year());
}

void write_financing(JsonWriter& w, const store::Financing& f) {
    w.StartObject();
    w.Key("jaar");
    w.Int(f.jaar);
    w.Key("bedrag");
    w.Double(f.bedrag);
    w.Key("bron");
    w.String(f.bron.c_str(), static_cast<rapidjson::SizeType>(f.bron.size()));
    w.Key("ingevoerd");
    w.String(f.ingevoerd.c_str(), static_cast<rapidjson::SizeType>(f.ingevoerd.size()));
    w.EndObject();
}

}  // namespace

MunicipalAnswer get_financiering(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, list_route);
    if (auto problem = unknown_municipality(c, request, p[0], list_route)) return problem;
    if (c.editor == nullptr) return without_store(request, list_route);
    return guarded(request, list_route, [&] {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        w.Key("gemeentecode");
        w.String(p[0].data(), static_cast<rapidjson::SizeType>(p[0].size()));
        w.Key("bedragen");
        w.StartArray();
        for (const auto& f : c.editor->store().financing(p[0])) write_financing(w, f);
        w.EndArray();
        w.EndObject();
        return uncached_json(buffer.GetString(), list_route);
    });
}

MunicipalAnswer put_financiering(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    if (c.editor == nullptr) return std::nullopt;
    if (auto problem = unknown_municipality(c, request, p[0], year_route)) return problem;
    int jaar = 0;
    const auto text = p[1];
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), jaar);
    const int last_year = current_year() + 1;
    if (error != std::errc() || end != text.data() + text.size() || jaar < first_year || jaar > last_year)
        return invalid_parameters({{"jaar", std::string(param_codes::buiten_bereik),
                                    "Geef een jaar van " + std::to_string(first_year) + " tot en met " + std::to_string(last_year) + "."}},
                                  request.path, year_route);
    return guarded(request, year_route, [&] {
        auto token = authorise(c, request, p[0], year_route);
        if (auto* problem = std::get_if<HttpResponse>(&token)) return std::move(*problem);
        auto body = parse_body(request, year_route);
        if (auto* problem = std::get_if<HttpResponse>(&body)) return std::move(*problem);
        const auto& doc = std::get<rapidjson::Document>(body);
        record::FieldProblems problems;
        record::validate_financiering(doc, problems);
        if (!problems.empty()) return body_problem(request, year_route, problems);
        const auto& t = std::get<store::Token>(token);
        store::Financing f{std::string(p[0]), jaar, doc["bedrag"].GetDouble(), doc["bron"].GetString(), ""};
        const bool created = c.editor->store().set_financing(f, {t.id, t.label});
        for (const auto& stored : c.editor->store().financing(p[0]))
            if (stored.jaar == jaar) f = stored;
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        write_financing(w, f);
        return uncached_json(buffer.GetString(), year_route, created ? 201 : 200);
    });
}

}  // namespace ido::service
