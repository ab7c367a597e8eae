// Fuzzes the report bodies (meldingen, issue 14) through their endpoints, the real code path: the
// media type check, JSON parsing, validate_melding / validate_afsluiting, trimming, and the store call.
//
// Input layout: the first byte picks the request, the rest is the body:
//   bit 0 = 0  POST  /v1/informatiepunten/IDO-VB-067/meldingen   (no token: anyone may report)
//   bit 0 = 1  PATCH /v1/meldingen/1 with an administrator token; bits 1-2 pick If-Match:
//              "1" (current), *, W/"1", "2" (stale)
//   bit 3 = 1  a Content-Type other than application/json ("text/plain")
//
// The store is a real SQLite file seeded once (the shipped data, one token, report 1 open) behind
// fuzz/watched_store.hpp, which records every write and stores none. The rate limits are new for
// every input (five accepted reports would otherwise close the door for the rest of the run).
// Checks: status 200..499 (no 5xx); every 4xx is problem+json and wrote nothing; every 2xx is JSON and
// made exactly one write, of a known soort / closing status, with a text trimmed and within its length.
#include "fuzz/fuzz_data.hpp"
#include "fuzz/watched_store.hpp"
#include "record/melding.hpp"
#include "service/endpoints/meldingen.hpp"
#include "service/endpoints/parameters.hpp"
#include "service/http/auth.hpp"
#include "service/http/http_types.hpp"
#include "store/location_editor.hpp"

#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>

namespace {

using namespace ido;

const std::string target_id = "IDO-VB-067";

fuzz::WriteLog write_log;

struct Fixture {
    std::shared_ptr<store::LocationEditor> editor;
    std::string token;
};

const Fixture& fixture() {
    static const Fixture instance = [] {
        char dir[] = "/tmp/ido-meldingen-fuzz-XXXXXX";
        if (mkdtemp(dir) == nullptr) std::abort();
        auto store = std::make_shared<fuzz::WatchedStore>(store::open_sqlite(std::filesystem::path(dir) / "fuzz.db"), write_log);
        const std::string secret = store->create_token(store::Role::beheerder, "", "", "fuzz", "").second;
        auto loaded = store::open_store_backed_locator(store, fuzz::data_dir());
        // Report 1, open, version 1: what every PATCH closes.
        if (store->real().add_melding(target_id, "openingstijden", "seed", service::now()).id != 1) std::abort();
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);  // the open database stays readable
        return Fixture{loaded.editor, secret};
    }();
    return instance;
}

bool blank(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Code points of valid UTF-8 (the body parser refused anything else): the bytes that start one.
std::size_t code_points(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

// A stored text: trimmed, within `max` code points, no control characters but line breaks and tabs.
bool acceptable_text(std::string_view text, std::size_t max) {
    if (!text.empty() && (blank(text.front()) || blank(text.back()))) return false;
    if (code_points(text) > max) return false;
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto& f = fixture();
    const bool patch = data[0] & 1;
    service::HttpRequest request;
    request.client = "127.0.0.1";
    request.headers = {{"content-type", (data[0] & 8) ? "text/plain" : "application/json"}};
    request.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
    service::FailedLoginLimiter login_limiter;
    service::MeldingLimits limits;
    service::MeldingContext context{*f.editor, login_limiter, limits};

    write_log.reset();
    service::HttpResponse response;
    if (patch) {
        static const char* const matches[] = {"\"1\"", "*", "W/\"1\"", "\"2\""};
        request.method = "PATCH";
        request.path = "/v1/meldingen/1";
        request.headers.emplace_back("authorization", "Bearer " + f.token);
        request.headers.emplace_back("if-match", matches[(data[0] >> 1) & 3]);
        response = service::patch_melding(context, request, "1");
    } else {
        request.method = "POST";
        request.path = "/v1/informatiepunten/" + target_id + "/meldingen";
        response = service::post_melding(context, request, target_id);
    }

    if (response.status < 200 || response.status > 499) std::abort();
    if (response.status >= 400) {
        if (response.content_type != "application/problem+json") std::abort();
        if (write_log.writes != 0) std::abort();  // a refused body stored nothing
        return 0;
    }
    if (write_log.writes != 1) std::abort();
    rapidjson::Document answer;
    answer.Parse(response.body.c_str(), response.body.size());
    if (answer.HasParseError() || !answer.IsObject() || !answer.HasMember("id")) std::abort();
    if (patch) {
        if (write_log.method != "close_melding" || (write_log.status != "afgehandeld" && write_log.status != "afgewezen")) std::abort();
        if (write_log.tekst.empty() || !acceptable_text(write_log.tekst, record::max_antwoord_tekens)) std::abort();
    } else {
        if (write_log.method != "add_melding" || !record::is_melding_soort(write_log.soort)) std::abort();
        if (!acceptable_text(write_log.tekst, record::max_toelichting_tekens)) std::abort();
    }
    return 0;
}
