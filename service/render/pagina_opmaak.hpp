#pragma once
// Plain words (Dutch, or the page's language: `taal`, service/render/teksten.hpp) for the values of a help point as the API answers them (service/render/json_output):
// status, distance, times, services, walk-in or appointment, address, route. The server-rendered pages
// read the API's own JSON, so a page says exactly what the API says; these functions only put it in
// words. They mirror web-widget/src/opmaak.js (the widget's words for the same values), so the page and
// the widget read alike.
#include <rapidjson/document.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::service::pagina {

/// A member's string value, empty when absent or not a string.
std::string_view text(const rapidjson::Value& object, const char* name);
/// A member that is an object or array, nullptr otherwise.
const rapidjson::Value* member(const rapidjson::Value& object, const char* name);

/// "1,2 km" (one decimal under 10 km), "14 km".
std::string afstand(double metres, std::string_view taal = "nl");
/// "14:00", Amsterdam wall time.
std::string tijd(std::chrono::sys_seconds at);
/// "vandaag 14:00", "morgen 09:30", "do 09:30" (within a week), "do 12 dec. 09:30" (later).
std::string wanneer(std::chrono::sys_seconds at, std::chrono::sys_seconds now, std::string_view taal = "nl");
/// "donderdag 4 december"
std::string lange_dag(std::chrono::sys_seconds at, std::string_view taal = "nl");
/// The Amsterdam calendar date of an instant, "2026-12-01".
std::string lokale_datum(std::chrono::sys_seconds at);
/// The Amsterdam weekday of an instant, 0 = Sunday .. 6 = Saturday.
unsigned weekdag(std::chrono::sys_seconds at);
/// A calendar date "2025-03-01" as "1 maart 2025"; empty when malformed.
std::string datum(std::string_view iso, std::string_view taal = "nl");
/// The month and year of a calendar date "2025-03-01" as "maart 2025" ("marzec 2025", "березень 2025 р."):
/// the month standing alone, as Intl's { month: 'long', year: 'numeric' } writes it; empty when malformed.
std::string maand_jaar(std::string_view iso, std::string_view taal = "nl");

struct Status {
    std::string code;   ///< open | gesloten | afspraak | onbekend
    std::string tekst;  ///< "Nu open tot 16:00", "Gesloten – opent morgen 09:30", ...
};
/// The status line of a help point in words; unknown hours never read as closed.
Status status(const rapidjson::Value& location, std::chrono::sys_seconds now, std::string_view taal = "nl");

/// The name residents know a service code by ("digid" → "DigiD").
std::string dienst_label(std::string_view code, std::string_view taal = "nl");
/// The service codes the finder's filter offers, in order.
const std::vector<std::string_view>& dienst_codes();

/// Walk-in or appointment, in one sentence.
std::string afspraak_tekst(const rapidjson::Value& location, std::string_view taal = "nl");
/// Where and how to make an appointment, as the spreekuren list it (links, phone numbers, texts).
std::vector<std::string> afspraak_info(const rapidjson::Value& location);
/// The address as lines: "Straat 1", "3511 AB Utrecht".
std::vector<std::string> adres_regels(const rapidjson::Value& location);
/// An OpenStreetMap directions link to the address, else to the coordinates; empty when neither.
std::string route_url(const rapidjson::Value& location);

/// A generated example (not a real help point).
bool is_voorbeeld(const rapidjson::Value& location);
/// A real building where a help point is assumed, not confirmed.
bool is_onbevestigd(const rapidjson::Value& location);

struct Slot {
    std::chrono::sys_seconds begin;
    std::optional<std::chrono::sys_seconds> eind;
    std::string spreekuur;
    std::string opmerking;
};
/// The coming slots (`komendeSpreekuren`) that begin before now + `days` and have not ended, in time order.
std::vector<Slot> komende_slots(const rapidjson::Value& location, std::chrono::sys_seconds now, int days);

/// Whether a text is a phone number ("030 123 45 67", "+31 30 1234567"), to make it a tel: link.
bool is_telefoonnummer(std::string_view text);
/// A URL that is safe to link to (http or https), else empty.
std::string veilige_url(std::string_view url);

}  // namespace ido::service::pagina
