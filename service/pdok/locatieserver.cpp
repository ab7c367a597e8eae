#include "service/pdok/locatieserver.hpp"

#include "geo/geocode/text.hpp"
#include "text/number.hpp"

#include <curl/curl.h>
#include <rapidjson/document.h>

#include <cstdio>

namespace ido::service::pdok {
namespace {

// An answer of one row is a few kilobytes; more is no Locatieserver answer and is not read on.
constexpr std::size_t max_body_bytes = 256 * 1024;

// The Netherlands with its waters, generously (CRS84): a point outside is no Dutch address.
bool in_netherlands(geo::Wgs84 p) { return p.lat > 50.5 && p.lat < 54.0 && p.lon > 3.0 && p.lon < 7.5; }

std::optional<geo::Wgs84> parse_point(std::string_view wkt) {
    // "POINT(5.07000962 52.0266669)": longitude first (the Locatieserver's WGS84 centroid).
    if (!wkt.starts_with("POINT(") || !wkt.ends_with(")")) return std::nullopt;
    const auto inner = wkt.substr(6, wkt.size() - 7);
    const auto space = inner.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const auto lon = text::parse_finite(inner.substr(0, space));
    const auto lat = text::parse_finite(inner.substr(space + 1));
    if (!lon || !lat) return std::nullopt;
    return geo::Wgs84{*lat, *lon};
}

std::string string_member(const rapidjson::Value& object, const char* name) {
    const auto it = object.FindMember(name);
    return it != object.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength()) : std::string();
}

size_t collect(char* data, size_t size, size_t count, void* user) {
    auto* body = static_cast<std::string*>(user);
    const size_t n = size * count;
    if (body->size() + n > max_body_bytes) return 0;  // makes curl fail the transfer
    body->append(data, n);
    return n;
}

// curl_global_init is not thread-safe: once per process, before the first handle.
void init_curl_once() {
    static const bool done = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    (void)done;
}

}  // namespace

std::optional<Place> parse_free_answer(std::string_view body) {
    rapidjson::Document doc;
    doc.Parse(body.data(), body.size());
    if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
    const auto response = doc.FindMember("response");
    if (response == doc.MemberEnd() || !response->value.IsObject()) return std::nullopt;
    const auto docs = response->value.FindMember("docs");
    if (docs == response->value.MemberEnd() || !docs->value.IsArray()) return std::nullopt;
    for (const auto& d : docs->value.GetArray()) {
        if (!d.IsObject()) continue;
        const auto point = parse_point(string_member(d, "centroide_ll"));
        if (!point || !in_netherlands(*point)) continue;
        Place place;
        place.position = *point;
        place.weergavenaam = string_member(d, "weergavenaam");
        place.type = string_member(d, "type");
        place.postcode = string_member(d, "postcode");
        const auto code = string_member(d, "gemeentecode");
        if (code.size() == 4) place.gemeentecode = "GM" + code;
        return place;
    }
    return std::nullopt;
}

Locatieserver::Locatieserver(Settings settings) : settings_(std::move(settings)) { init_curl_once(); }
Locatieserver::~Locatieserver() = default;

std::optional<std::string> Locatieserver::fetch(const std::string& text) const {
    CURL* curl = curl_easy_init();
    if (curl == nullptr) return std::nullopt;
    char* q = curl_easy_escape(curl, text.c_str(), static_cast<int>(text.size()));
    std::string url = settings_.url + (settings_.url.find('?') == std::string::npos ? "?" : "&");
    url += "q=" + std::string(q ? q : "") + "&rows=1&fq=type:adres";
    curl_free(q);
    std::string body;
    long status = 0;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    // No signals from a worker thread (the resolver's timeout would otherwise use SIGALRM).
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings_.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "ido-vinder");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    const CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK || status != 200) return std::nullopt;
    return body;
}

Locatieserver::Answer Locatieserver::lookup(const std::string& text) {
    // The same address typed differently ("koolmees 1, nieuwegein") is one cache entry.
    const std::string key = geocode::normalise(text);
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(mutex_);
        if (const auto it = by_key_.find(key); it != by_key_.end()) {
            if (it->second->expires > now) {
                lru_.splice(lru_.begin(), lru_, it->second);
                const auto& place = it->second->place;
                return {place ? Outcome::found : Outcome::not_found, place, true};
            }
            lru_.erase(it->second);
            by_key_.erase(it);
        }
        if (consecutive_failures_ >= settings_.failures_to_open && now < open_until_) return {Outcome::skipped, std::nullopt, false};
    }
    // Outside the lock: one slow PDOK request must not hold up the cache for the other threads.
    const auto body = fetch(text);
    std::optional<Place> place;
    if (body) place = parse_free_answer(*body);
    // An answer that is JSON without a place is "not found"; anything else is a failure.
    bool answered = body.has_value();
    if (answered && !place) {
        rapidjson::Document doc;
        doc.Parse(body->data(), body->size());
        answered = !doc.HasParseError() && doc.IsObject() && doc.HasMember("response");
    }
    std::lock_guard lock(mutex_);
    if (!answered) {
        if (++consecutive_failures_ >= settings_.failures_to_open) open_until_ = std::chrono::steady_clock::now() + settings_.open_for;
        return {Outcome::failed, std::nullopt, false};
    }
    consecutive_failures_ = 0;
    if (settings_.cache_entries > 0 && by_key_.find(key) == by_key_.end()) {
        lru_.push_front({key, place, std::chrono::steady_clock::now() + settings_.cache_ttl});
        by_key_[key] = lru_.begin();
        while (lru_.size() > settings_.cache_entries) {
            by_key_.erase(lru_.back().key);
            lru_.pop_back();
        }
    }
    return {place ? Outcome::found : Outcome::not_found, place, false};
}

}  // namespace ido::service::pdok
