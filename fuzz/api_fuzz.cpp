// Fuzzes the whole request routing and every endpoint's query parsing through Api::handle, the single
// entry point the HTTP adapter calls, without a socket. The locator is loaded once from data/.
//
// Input layout (so that seeds stay readable):
//   line 1: the method ("GET", "OPTIONS", anything)
//   line 2: the request target "path?name=value&name=value" (raw, %-encoded as a client sends it)
//   rest:   header lines "name: value" (names are lower-cased, as the adapter does)
// The query is split on '&' and the first '=' the way Pistache 0.0.5 does (values stay encoded).
#include "fuzz/fuzz_data.hpp"
#include "geo/locator.hpp"
#include "service/http/api.hpp"
#include "service/http/http_types.hpp"
#include "service/http/static_files.hpp"

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

namespace {

const ido::service::Api& api() {
    static const auto instance = [] {
        auto locator = ido::geo::Locator::from_data_directory(ido::fuzz::data_dir());
        // No widget files: the static routes answer 404 the same way, and the fuzzer should spend
        // its time on the API.
        return std::make_unique<ido::service::Api>(locator, ido::service::StaticFiles{});
    }();
    return *instance;
}

std::string_view next_line(std::string_view& rest) {
    const auto end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    return line;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)api();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    ido::service::HttpRequest request;
    request.method = std::string(next_line(rest));
    std::string_view target = next_line(rest);
    const auto question = target.find('?');
    request.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos) {
        std::string_view query = target.substr(question + 1);
        while (!query.empty()) {
            const auto amp = query.find('&');
            std::string_view pair = query.substr(0, amp);
            const auto eq = pair.find('=');
            request.query.emplace_back(std::string(pair.substr(0, eq)),
                                       eq == std::string_view::npos ? std::string() : std::string(pair.substr(eq + 1)));
            if (amp == std::string_view::npos) break;
            query = query.substr(amp + 1);
        }
    }
    while (!rest.empty()) {
        std::string_view line = next_line(rest);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string name(line.substr(0, colon));
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        request.headers.emplace_back(std::move(name), std::string(value));
    }

    const auto response = api().handle(request);
    // Invariants of every answer: a real HTTP status, and a server fault never shows up for client input.
    if (response.status < 200 || response.status > 599 || response.status == 500) std::abort();
    // The API's errors are problem+json; the pages for people (/gemeenten, /informatiepunten/{id}, ...)
    // answer theirs as an HTML page in plain Dutch, by design.
    const bool api_path = request.path.starts_with("/v1/") || request.path == "/v1";
    if (response.status >= 400 && response.content_type != "application/problem+json" &&
        (api_path || !response.content_type.starts_with("text/html")))
        std::abort();
    return 0;
}
