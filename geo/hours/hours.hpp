#pragma once
/// @file
/// Opening-hours engine: parses the OpenStreetMap `opening_hours` syntax (a documented subset, see
/// docs/openingstijden.md) and evaluates it in Europe/Amsterdam wall time. No HTTP in here.

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ido::hours {

namespace detail {
struct Program;
}

/// A refused expression: where (0-based byte offset into the expression) and why (English).
struct ParseError {
  std::size_t position = 0;
  std::string message;
};

/// A parsed opening-hours expression. Immutable; copies share the parsed rules, so it is cheap to
/// copy and safe to evaluate from several threads at once.
class Schedule {
 public:
  /// The expression this schedule was parsed from.
  [[nodiscard]] std::string_view expression() const noexcept;
  /// True for the empty expression: hours unknown (never "closed").
  [[nodiscard]] bool unknown_hours() const noexcept;

  /// Internal: the compiled rules. Not part of the stable API.
  [[nodiscard]] const detail::Program& program() const noexcept { return *program_; }
  explicit Schedule(std::shared_ptr<const detail::Program> program) : program_(std::move(program)) {}

 private:
  std::shared_ptr<const detail::Program> program_;
};

/// Either the schedule or the reason it was refused.
using ParseResult = std::variant<Schedule, ParseError>;

/// Parses an `opening_hours` expression. Anything outside the supported subset is refused with the
/// position of the offending character, never guessed at. The empty (or all-blank) expression parses
/// to a schedule whose state is always `onbekend`.
[[nodiscard]] ParseResult parse(std::string_view expression);

/// Dutch state names, as the API shows them.
enum class State { open, gesloten, onbekend };

/// The stable API name of a state: "open", "gesloten", "onbekend".
[[nodiscard]] std::string_view to_string(State state) noexcept;

/// The status of a location at one instant.
struct Status {
  State state = State::onbekend;
  /// When the current state ends, if it is `open` and ends within the look-ahead (back-to-back
  /// ranges, also across midnight, count as one open period). Empty when not open or open beyond
  /// the look-ahead (e.g. `24/7`).
  std::optional<std::chrono::sys_seconds> open_tot;
  /// The next instant after `at` at which the location goes from not-open to open, within the
  /// look-ahead. When open now, that is the first opening after the current open period.
  std::optional<std::chrono::sys_seconds> volgende_opening;
  /// The first instant after `at` at which the state (open/gesloten/onbekend) changes; comment-only
  /// changes do not count. Same meaning as `getNextChange()` of the reference implementation.
  std::optional<std::chrono::sys_seconds> volgende_wijziging;
  /// The comment of the rule that decides the state (e.g. "op afspraak"), or the name of the public
  /// holiday for a `PH` rule without a comment (e.g. "Koningsdag"); empty otherwise.
  std::string opmerking;
};

/// How far `evaluate` looks ahead for `open_tot`, `volgende_opening` and `volgende_wijziging`.
inline constexpr std::chrono::days look_ahead{400};

/// The status at instant `at` (rules are applied in Europe/Amsterdam wall time).
[[nodiscard]] Status evaluate(const Schedule& schedule, std::chrono::sys_seconds at);

/// The status of the union of several schedules (a location with several spreekuren): open if any is
/// open, else onbekend if any is onbekend, else gesloten. An empty span is `onbekend`.
[[nodiscard]] Status evaluate(std::span<const Schedule> schedules, std::chrono::sys_seconds at);

/// The state alone at instant `at`, equal to `evaluate(...).state`. It reads the rules of one day only,
/// where `evaluate` walks ahead to the next opening (up to `look_ahead`: 400 days of rules for a help
/// point that is closed or unknown from now on); so a filter that asks "open at t?" of every help point
/// uses this.
[[nodiscard]] State state_at(const Schedule& schedule, std::chrono::sys_seconds at);
[[nodiscard]] State state_at(std::span<const Schedule> schedules, std::chrono::sys_seconds at);

/// A period in which the location is open (or `onbekend`, e.g. "op afspraak" hours).
struct Slot {
  std::chrono::sys_seconds begin;
  std::chrono::sys_seconds end;
  State state = State::open;
  std::string opmerking;
};

/// The open and onbekend periods overlapping [from, from + span), clipped to that window, in order.
/// Back-to-back periods with the same state and comment are merged (also across midnight). `span` is
/// any length (the service's per-minute cache asks for 14 days and one minute).
[[nodiscard]] std::vector<Slot> slots(const Schedule& schedule, std::chrono::sys_seconds from,
                                      std::chrono::seconds span = std::chrono::days{14});

/// As `slots` for the union of several schedules (see the union `evaluate`).
[[nodiscard]] std::vector<Slot> slots(std::span<const Schedule> schedules, std::chrono::sys_seconds from,
                                      std::chrono::seconds span = std::chrono::days{14});

}  // namespace ido::hours
