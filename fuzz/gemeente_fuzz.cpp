// Fuzzes the municipal data's bodies and parameters (issue 13): the partners' POST and PUT bodies and
// the financing PUT body through Api::handle (routing, token scope, If-Match, media type, JSON parsing,
// validate_partner / validate_financiering), the report's query (`formaat`, `tabel`) through Api::handle,
// and the coverage endpoints' query parsers (bereikbaarheid, advies, overzicht) directly.
//
// Input layout: the first byte picks the request, the rest is the body or the raw query string
// ("name=value&name=value", split like Pistache, values still %-encoded):
//   bits 0-2  0 POST  /v1/gemeenten/GM0344/partners         3 GET /v1/gemeenten/GM0344/rapport?<rest>
//             1 PUT   /v1/gemeenten/GM0344/partners/1       4 parse_bereikbaarheid_parameters(<rest>)
//             2 PUT   /v1/gemeenten/GM0344/financiering/2025 5 parse_advies_parameters(<rest>)
//             7 PUT   /v1/gemeenten/GM0344/partners/1 as text/plain   6 parse_overzicht_parameters(<rest>)
//   bits 3-4  the token: administrator, GM0344's, GM0363's (another municipality), none
//   bits 5-6  If-Match of the partner PUT: "1" (current), *, W/"1", "2" (stale)
//
// The store is a real SQLite file seeded once (the shipped data, the tokens, partner 1 of GM0344)
// behind fuzz/watched_store.hpp, which records every write and stores none. There are no population
// figures (demand): a report whose query is valid answers 503, which the harness requires.
// Checks: status 200..499 (503 only for a valid report query); every 4xx/503 is problem+json and wrote
// nothing; a write by another municipality's token is 403 and by none 401; a 2xx write made exactly one
// store call with values the validator allows; a parser's problems name only its own parameters.
#include "fuzz/fuzz_data.hpp"
#include "fuzz/watched_store.hpp"
#include "record/municipal.hpp"
#include "service/endpoints/bereikbaarheid_parameters.hpp"
#include "service/http/api.hpp"
#include "service/http/http_types.hpp"
#include "service/http/static_files.hpp"
#include "service/render/problem.hpp"
#include "store/location_editor.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>
#include <variant>
#include <vector>

namespace {

using namespace ido;

fuzz::WriteLog write_log;

struct Fixture {
    std::unique_ptr<service::Api> api;
    std::array<std::string, 3> tokens;  // administrator, GM0344, GM0363
};

const Fixture& fixture() {
    static const Fixture instance = [] {
        char dir[] = "/tmp/ido-gemeente-fuzz-XXXXXX";
        if (mkdtemp(dir) == nullptr) std::abort();
        auto store = std::make_shared<fuzz::WatchedStore>(store::open_sqlite(std::filesystem::path(dir) / "fuzz.db"), write_log);
        Fixture f;
        f.tokens[0] = store->create_token(store::Role::beheerder, "", "", "fuzz-beheer", "").second;
        f.tokens[1] = store->create_token(store::Role::gemeente, "", "GM0344", "fuzz-utrecht", "").second;
        f.tokens[2] = store->create_token(store::Role::gemeente, "", "GM0363", "fuzz-amsterdam", "").second;
        store::Partner seed;
        seed.gemeentecode = "GM0344";
        seed.naam = "Taalhuis";
        seed.soort = "taalhuis";
        if (store->real().create_partner(seed, {}).id != 1) std::abort();
        auto loaded = store::open_store_backed_locator(store, fuzz::data_dir());
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);  // the open database stays readable
        f.api = std::make_unique<service::Api>(loaded.locator, service::StaticFiles{}, loaded.editor);
        return f;
    }();
    return instance;
}

std::vector<std::pair<std::string, std::string>> split_query(std::string_view query) {
    std::vector<std::pair<std::string, std::string>> pairs;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const auto eq = pair.find('=');
        pairs.emplace_back(std::string(pair.substr(0, eq)), eq == std::string_view::npos ? std::string() : std::string(pair.substr(eq + 1)));
        if (amp == std::string_view::npos) break;
        query = query.substr(amp + 1);
    }
    return pairs;
}

std::size_t code_points(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

// A parser's answer: on success nothing to check here beyond the ranges it promises; on failure every
// problem names one of its own parameters and has a code and a reason.
template <typename Parsed>
void check_problems(const std::variant<Parsed, std::vector<service::InvalidParam>>& parsed, const auto& names) {
    const auto* problems = std::get_if<std::vector<service::InvalidParam>>(&parsed);
    if (problems == nullptr) return;
    if (problems->empty()) std::abort();
    for (const auto& p : *problems) {
        if (p.code.empty() || p.reason.empty()) std::abort();
        if (std::find(names.begin(), names.end(), p.name) == names.end()) {
            // Only an unknown parameter may be named outside the list (as the client sent it).
            if (p.code != service::param_codes::onbekende_parameter) std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto& f = fixture();
    const int kind = data[0] & 7;
    const int who = (data[0] >> 3) & 3;
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);

    service::HttpRequest request;
    request.client = "127.0.0.1";
    if (kind >= 3 && kind <= 6) {
        request.method = "GET";
        request.query = split_query(rest);
        if (kind == 4) {
            auto parsed = service::parse_bereikbaarheid_parameters(request);
            check_problems(parsed, service::bereikbaarheid_parameter_names);
            if (auto* p = std::get_if<service::BereikbaarheidParameters>(&parsed))
                for (double d : p->opties.drempels_m)
                    if (!std::isfinite(d)) std::abort();
            return 0;
        }
        if (kind == 5) {
            auto parsed = service::parse_advies_parameters(request);
            check_problems(parsed, service::advies_parameter_names);
            if (auto* p = std::get_if<service::AdviesParameters>(&parsed))
                if (p->opties.aantal < 1 || p->opties.aantal > coverage::max_advies_locaties || p->opties.drempel_m < coverage::min_drempel_m ||
                    p->opties.drempel_m > coverage::max_drempel_m)
                    std::abort();
            return 0;
        }
        if (kind == 6) {
            auto parsed = service::parse_overzicht_parameters(request);
            check_problems(parsed, service::overzicht_parameter_names);
            return 0;
        }
        request.path = "/v1/gemeenten/GM0344/rapport";
    } else {
        static const char* const matches[] = {"\"1\"", "*", "W/\"1\"", "\"2\""};
        request.method = kind == 0 ? "POST" : "PUT";
        request.path = kind == 0 ? "/v1/gemeenten/GM0344/partners" : kind == 2 ? "/v1/gemeenten/GM0344/financiering/2025" : "/v1/gemeenten/GM0344/partners/1";
        request.headers.emplace_back("content-type", kind == 7 ? "text/plain" : "application/json");
        if (kind != 0 && kind != 2) request.headers.emplace_back("if-match", matches[(data[0] >> 5) & 3]);
        request.body = std::string(rest);
    }
    if (who < 3) request.headers.emplace_back("authorization", "Bearer " + f.tokens[static_cast<std::size_t>(who)]);

    write_log.reset();
    const auto response = f.api->handle(request);
    const bool report = kind == 3;
    if (response.status < 200 || response.status > 503 || (response.status > 499 && !(report && response.status == 503))) std::abort();
    if (response.status >= 400) {
        if (response.content_type != "application/problem+json") std::abort();
        if (write_log.writes != 0) std::abort();  // a refused body stored nothing
        if (!report && who == 2 && response.status != 403) std::abort();
        if (!report && who == 3 && response.status != 401) std::abort();
        return 0;
    }
    if (report) std::abort();  // without population figures no report can be made
    if (who >= 2) std::abort();
    if (write_log.writes != 1) std::abort();
    rapidjson::Document answer;
    answer.Parse(response.body.c_str(), response.body.size());
    if (answer.HasParseError() || !answer.IsObject()) std::abort();
    if (kind == 2) {
        const auto& fin = write_log.financing;
        if (write_log.method != "set_financing" || fin.gemeentecode != "GM0344" || fin.jaar != 2025) std::abort();
        if (!std::isfinite(fin.bedrag) || fin.bedrag < 0 || fin.bron.empty() || code_points(fin.bron) > 300) std::abort();
    } else {
        const auto& p = write_log.partner;
        if (write_log.method != (kind == 0 ? "create_partner" : "update_partner") || p.gemeentecode != "GM0344") std::abort();
        if (p.naam.empty() || code_points(p.naam) > record::max_partner_naam) std::abort();
        if (std::find(record::partner_soorten.begin(), record::partner_soorten.end(), p.soort) == record::partner_soorten.end()) std::abort();
    }
    return 0;
}
