#pragma once
// The rules about residents' reports (meldingen) that both stores share, so that SQLite and PostgreSQL
// decide the same: when a report is a duplicate, how long a closed report is kept, what the audit log
// says about a report.
#include <chrono>
#include <cstdint>
#include <stop_token>
#include <string>
#include <string_view>

namespace ido::store {

/// The audit actions of a report (store::AuditEntry::actie), and of confirming a help point.
namespace melding_acties {
inline constexpr std::string_view ontvangen = "melding-ontvangen";
inline constexpr std::string_view samengevoegd = "melding-samengevoegd";
inline constexpr std::string_view afgehandeld = "melding-afgehandeld";
inline constexpr std::string_view afgewezen = "melding-afgewezen";
inline constexpr std::string_view verwijderd = "melding-verwijderd";
inline constexpr std::string_view gecontroleerd = "gecontroleerd";
}  // namespace melding_acties

/// Whether a new report repeats an open report of the same help point and kind: when it adds no text,
/// or its text is the open one's up to case and white space. A report with other text is kept on its
/// own, since the owner needs what it says.
bool is_duplicate_melding(std::string_view open_toelichting, std::string_view new_toelichting);

/// Closed reports are kept for 12 months ("no longer than needed", AVG art. 5(1)(e)): a report closed
/// before this instant is deleted. The same UTC date and time a year earlier (29 February: 28 February).
std::chrono::sys_seconds melding_retention_cutoff(std::chrono::sys_seconds now);

/// `t` as UTC RFC 3339 with whole seconds ("2026-11-28T19:04:05Z"), the form both stores keep.
std::string utc_rfc3339(std::chrono::sys_seconds t);

/// The audit value of a report: its id, kind and status, as a JSON object. Never the resident's text or
/// the owner's answer: the audit log is kept for good, the texts only as long as the report.
std::string melding_audit_json(std::int64_t id, std::string_view soort, std::string_view status);

/// The JSON text of a record's laatstGecontroleerd ("\"2026-12-01\"", or "null"): what the audit entry of
/// a confirmation records when the date did not change.
std::string laatst_gecontroleerd_json(const std::string& properties_json);

class Store;

/// Runs in the service: deletes the closed reports that are past their retention (Store::purge_meldingen)
/// at once and then every `interval`, until `stop` is requested. Logs how many it deleted, nothing else;
/// a store that is down is tried again at the next interval.
void purge_meldingen_periodically(Store& store, std::stop_token stop, std::chrono::seconds interval);

}  // namespace ido::store
