#pragma once
// The optional PDOK Locatieserver (off by default; `--pdok-locatieserver URL`): places a full street
// address that the offline geocoder can only place at its postcode or town. Called by the server, never
// by the resident's browser, with a short timeout, a bounded cache with a time to live, and a circuit
// that skips PDOK for a while after failures; every failure means "use the offline answer". The request
// carries only the typed text (no client address, no cookie, no referrer), and nothing of it is logged.
// Blocking: it runs on the handler's I/O thread for at most `timeout` (docs/zoeken.md says why that is
// acceptable here).

#include "geo/coordinates.hpp"

#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ido::service::pdok {

/// One place in a Locatieserver `free` answer (response.docs[]).
struct Place {
    geo::Wgs84 position;        ///< from `centroide_ll`, "POINT(lon lat)"
    std::string weergavenaam;   ///< "Koolmees 1, 3435RA Nieuwegein"
    std::string type;           ///< "adres", "postcode", "weg", "woonplaats", ...
    std::string postcode;       ///< "3435RA", or empty
    std::string gemeentecode;   ///< "GM0356" (PDOK gives "0356"), or empty
};

/// The first doc of a Locatieserver `free` answer with a readable `centroide_ll` inside the
/// Netherlands' bounding box; nullopt for an empty or malformed answer (never throws).
std::optional<Place> parse_free_answer(std::string_view body);

struct Settings {
    std::string url;                                  ///< the `free` endpoint, e.g. https://api.pdok.nl/bzk/locatieserver/search/v3_1/free
    std::chrono::milliseconds timeout{800};           ///< connect and whole transfer together
    std::size_t cache_entries = 2000;                 ///< least recently used beyond this are dropped
    std::chrono::seconds cache_ttl{std::chrono::hours(24)};
    int failures_to_open = 3;                         ///< consecutive failures that open the circuit
    std::chrono::seconds open_for{60};                ///< how long PDOK is then skipped
};

/// A thread-safe client. One per process.
class Locatieserver {
public:
    explicit Locatieserver(Settings settings);
    ~Locatieserver();
    Locatieserver(const Locatieserver&) = delete;
    Locatieserver& operator=(const Locatieserver&) = delete;

    enum class Outcome {
        found,      ///< PDOK placed it (`place` is set)
        not_found,  ///< PDOK answered, without a place
        skipped,    ///< the circuit is open: PDOK failed recently and is not asked
        failed,     ///< timeout, connection refused, an HTTP error or an unreadable answer
    };
    struct Answer {
        Outcome outcome = Outcome::failed;
        std::optional<Place> place;
        bool from_cache = false;
    };

    /// Asks PDOK for `text` (as typed), or answers from the cache.
    Answer lookup(const std::string& text);

    const Settings& settings() const { return settings_; }

private:
    std::optional<std::string> fetch(const std::string& text) const;  // the body of a 200, or nothing

    struct CacheEntry {
        std::string key;
        std::optional<Place> place;
        std::chrono::steady_clock::time_point expires;
    };
    Settings settings_;
    std::mutex mutex_;  // guards everything below
    std::list<CacheEntry> lru_;  // most recently used first
    std::unordered_map<std::string, std::list<CacheEntry>::iterator> by_key_;
    int consecutive_failures_ = 0;
    std::chrono::steady_clock::time_point open_until_{};
};

}  // namespace ido::service::pdok
