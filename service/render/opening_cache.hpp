#pragma once
// The opening members of help points (`status` and `komendeSpreekuren`), cached per location and minute.
//
// Why a minute is enough: opening hours have minute resolution, so the state, `openTot`,
// `volgendeOpening` and the slots' own boundaries are the same for every instant of one minute. Three
// things do depend on the second of `at`: `peilmoment` (written per request), the begin of a slot that
// is running at `at` (clipped to `at`), and the end of a slot running at `at` + 14 days (clipped to it).
// So an entry keeps the slots of [minute, minute + 14 days + 1 minute), rendered, and `render` clips
// them to [at, at + 14 days) and re-renders only a slot that the clipping changes. The unit tests
// (tests/unit/opening_cache_test.cpp) check the result byte for byte against opening_members_json.
#include "geo/location.hpp"
#include "service/render/json_output.hpp"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ido::service {

/// The opening members of one location for every instant of one minute.
class MinuteOpening {
public:
    /// Computes the entry of `location` for the minute that starts at `minute` (a whole minute).
    MinuteOpening(const geo::Location& location, std::chrono::sys_seconds minute);

    /// The minute this entry is valid for.
    std::chrono::sys_seconds minute() const { return minute_; }
    /// Appends exactly opening_members_json(location, at) for an `at` within minute(); `peilmoment` is
    /// hours::format_amsterdam(at) (formatted once per request, not per location).
    void render(std::string& out, std::chrono::sys_seconds at, std::string_view peilmoment) const;

private:
    struct RenderedSlot {
        DeskSlot slot;
        std::string json;
    };
    std::chrono::sys_seconds minute_;
    std::string status_head_;
    std::vector<RenderedSlot> slots_;
};

/// One MinuteOpening per location of one snapshot, replaced when a request comes in a later minute.
/// Bounded: at most one entry per location. Readers never block each other for long: each entry is an
/// atomic shared pointer, so a request copies the pointer and renders from an entry nobody changes.
class OpeningCache {
public:
    /// A cache for a snapshot of `locations` locations.
    explicit OpeningCache(std::size_t locations);

    /// opening_members_json(location, at), where `location` is the snapshot's location number `index`
    /// and `peilmoment` is hours::format_amsterdam(at).
    std::string members(const geo::Location& location, std::size_t index, std::chrono::sys_seconds at,
                        std::string_view peilmoment);
    /// The same, appended to `out` (an answer built in one buffer needs no string per location).
    void append_members(std::string& out, const geo::Location& location, std::size_t index, std::chrono::sys_seconds at,
                        std::string_view peilmoment);

private:
    std::vector<std::atomic<std::shared_ptr<const MinuteOpening>>> entries_;
};

}  // namespace ido::service
