// Fuzzes the opening-hours engine: ido::hours::parse on arbitrary text, and for every accepted
// expression evaluate() and slots() at an instant derived from the input (so the fuzzer also explores
// the calendar: DST changes, holidays, year ends), checked against invariants of their contracts.
#include "geo/hours/hours.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string_view>
#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = ido::hours::parse(text);
    if (const auto* error = std::get_if<ido::hours::ParseError>(&parsed)) {
        if (error->position > size) std::abort();  // a position inside (or just past) the expression
        return 0;
    }
    const auto& schedule = std::get<ido::hours::Schedule>(parsed);
    if (schedule.expression() != text) std::abort();

    // FNV-1a of the input picks an instant between 2020 and 2035.
    std::uint64_t hash = 1469598103934665603ull;
    for (std::size_t i = 0; i < size; ++i) hash = (hash ^ data[i]) * 1099511628211ull;
    using namespace std::chrono;
    const sys_seconds base = sys_days{year{2020} / January / 1};
    const sys_seconds at = base + seconds(static_cast<long long>(hash % (15ull * 366 * 86400)));

    const auto status = ido::hours::evaluate(schedule, at);
    if (status.open_tot && *status.open_tot <= at) std::abort();
    if (status.volgende_opening && *status.volgende_opening <= at) std::abort();
    if (status.volgende_wijziging && *status.volgende_wijziging <= at) std::abort();
    if (status.open_tot && status.state != ido::hours::State::open) std::abort();
    // The state alone (the "open at t" filter) reads one day where evaluate walks ahead: the same state.
    if (ido::hours::state_at(schedule, at) != status.state) std::abort();

    const auto slots = ido::hours::slots(schedule, at, days{8});
    sys_seconds previous = at;
    for (const auto& slot : slots) {
        if (slot.begin < previous || slot.end <= slot.begin || slot.end > at + days{8}) std::abort();
        if (slot.state == ido::hours::State::gesloten) std::abort();
        previous = slot.end;
    }
    // The union of a schedule with itself says the same as the schedule.
    const ido::hours::Schedule both[] = {schedule, schedule};
    if (ido::hours::evaluate(std::span<const ido::hours::Schedule>(both), at).state != status.state) std::abort();
    if (ido::hours::state_at(std::span<const ido::hours::Schedule>(both), at) != status.state) std::abort();
    // And the union's slots (a help point with several spreekuren) are the schedule's own.
    const auto united = ido::hours::slots(std::span<const ido::hours::Schedule>(both), at, days{8});
    if (united.size() != slots.size()) std::abort();
    for (std::size_t i = 0; i < slots.size(); ++i) {
        if (united[i].begin != slots[i].begin || united[i].end != slots[i].end || united[i].state != slots[i].state ||
            united[i].opmerking != slots[i].opmerking)
            std::abort();
    }
    return 0;
}
