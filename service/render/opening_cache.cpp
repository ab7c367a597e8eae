#include "service/render/opening_cache.hpp"

#include "geo/opening.hpp"

#include <algorithm>
#include <stdexcept>

namespace ido::service {
namespace {

// The window of `komendeSpreekuren`, as opening_members_json shows it.
constexpr std::chrono::seconds window = std::chrono::days{14};
// What an entry keeps: enough for every `at` of its minute.
constexpr std::chrono::seconds entry_window = window + std::chrono::minutes{1};

}  // namespace

MinuteOpening::MinuteOpening(const geo::Location& location, std::chrono::sys_seconds minute)
    : minute_(minute), status_head_(status_json_head(geo::opening_status(location, minute))) {
    for (auto& desk_slot : upcoming_slots(location, minute, entry_window)) {
        std::string json = slot_json(desk_slot);
        slots_.push_back({std::move(desk_slot), std::move(json)});
    }
}

void MinuteOpening::render(std::string& out, std::chrono::sys_seconds at, std::string_view peilmoment) const {
    if (at < minute_ || at >= minute_ + std::chrono::minutes{1})
        throw std::logic_error("MinuteOpening::render: an instant outside the entry's minute");
    const std::chrono::sys_seconds end = at + window;
    // Slots are kept for [minute, minute + 14 days + 1 minute); the answer shows [at, at + 14 days). Only
    // a slot that straddles either edge changes (its begin becomes `at` or its end `at` + 14 days), and
    // a slot that starts at or after the end drops out. Clipping keeps the order: all slots begin on a
    // whole minute, so the ones clipped to `at` are exactly those that began at `minute`, first already.
    begin_opening_members(out, status_head_, peilmoment);
    bool first = true;
    for (const auto& [desk_slot, json] : slots_) {
        const auto begin = std::max(desk_slot.slot.begin, at);
        const auto stop = std::min(desk_slot.slot.end, end);
        if (begin >= stop) continue;
        if (!first) out += ',';
        first = false;
        if (begin == desk_slot.slot.begin && stop == desk_slot.slot.end) {
            out += json;
        } else {
            DeskSlot cut = desk_slot;
            cut.slot.begin = begin;
            cut.slot.end = stop;
            out += slot_json(cut);
        }
    }
    out += ']';
}

OpeningCache::OpeningCache(std::size_t locations) : entries_(locations) {}

std::string OpeningCache::members(const geo::Location& location, std::size_t index, std::chrono::sys_seconds at,
                                  std::string_view peilmoment) {
    std::string out;
    append_members(out, location, index, at, peilmoment);
    return out;
}

void OpeningCache::append_members(std::string& out, const geo::Location& location, std::size_t index, std::chrono::sys_seconds at,
                                  std::string_view peilmoment) {
    const auto minute = std::chrono::floor<std::chrono::minutes>(at);
    auto& slot = entries_.at(index);
    std::shared_ptr<const MinuteOpening> entry = slot.load(std::memory_order_acquire);
    if (!entry || entry->minute() != minute) {
        // Two requests may both compute the same minute; the later store wins and both are equal.
        entry = std::make_shared<const MinuteOpening>(location, minute);
        slot.store(entry, std::memory_order_release);
    }
    entry->render(out, at, peilmoment);
}

}  // namespace ido::service
