// Fuzzes the offline geocoder with arbitrary resident input: geocode() and suggest(), loaded once from
// data/. Checks the documented contract: an error or at least one candidate, never both; suggestions
// bounded by the limit.
#include "fuzz/fuzz_data.hpp"
#include "geo/geocode/geocoder.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

const ido::geocode::Geocoder& geocoder() {
    static const auto loaded = [] {
        auto result = ido::geocode::Geocoder::load(ido::fuzz::data_dir());
        if (!result.geocoder) {
            std::fprintf(stderr, "geocode_fuzz: cannot load the data: %s\n", result.error ? result.error->message.c_str() : "?");
            std::abort();
        }
        return result.geocoder;
    }();
    return *loaded;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)geocoder();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto result = geocoder().geocode(text);
    if (result.ok() == result.candidates.empty()) std::abort();
    if (result.ok() && result.best().gemeentecode.empty()) std::abort();
    if (size > ido::geocode::Geocoder::max_query_bytes && result.ok()) std::abort();

    const std::size_t limit = size == 0 ? 10 : data[0] % 64;
    const auto suggestions = geocoder().suggest(text, limit);
    if (suggestions.size() > limit || suggestions.size() > ido::geocode::Geocoder::max_suggestions) std::abort();
    return 0;
}
