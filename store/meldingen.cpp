#include "store/meldingen.hpp"

#include "store/store.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <ctime>

namespace ido::store {
namespace {

// Lower-case ASCII words separated by single spaces: "  Ma  Gesloten\n" and "ma gesloten" are the same text.
std::string normalised(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace

bool is_duplicate_melding(std::string_view open_toelichting, std::string_view new_toelichting) {
    const std::string added = normalised(new_toelichting);
    return added.empty() || added == normalised(open_toelichting);
}

std::chrono::sys_seconds melding_retention_cutoff(std::chrono::sys_seconds now) {
    using namespace std::chrono;
    const sys_days day = floor<days>(now);
    const year_month_day date(day);
    year_month_day earlier = date - years(1);
    if (!earlier.ok()) earlier = earlier.year() / earlier.month() / last;  // 29 February a year later does not exist
    return sys_days(earlier) + (now - day);
}

std::string utc_rfc3339(std::chrono::sys_seconds t) {
    char stamp[32];
    const std::time_t seconds = static_cast<std::time_t>(t.time_since_epoch().count());
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return stamp;
}

std::string melding_audit_json(std::int64_t id, std::string_view soort, std::string_view status) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("melding");
    w.Int64(id);
    w.Key("soort");
    w.String(soort.data(), static_cast<rapidjson::SizeType>(soort.size()));
    w.Key("status");
    w.String(status.data(), static_cast<rapidjson::SizeType>(status.size()));
    w.EndObject();
    return buffer.GetString();
}

std::string laatst_gecontroleerd_json(const std::string& properties_json) {
    rapidjson::Document doc;
    doc.Parse(properties_json.c_str(), properties_json.size());
    if (doc.HasParseError() || !doc.IsObject()) return "null";
    const auto it = doc.FindMember("laatstGecontroleerd");
    if (it == doc.MemberEnd()) return "null";
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    it->value.Accept(w);
    return buffer.GetString();
}

void purge_meldingen_periodically(Store& store, std::stop_token stop, std::chrono::seconds interval) {
    std::mutex mutex;
    std::condition_variable_any wake;
    std::unique_lock lock(mutex);
    while (!stop.stop_requested()) {
        try {
            const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
            if (const std::size_t deleted = store.purge_meldingen(now); deleted > 0)
                std::fprintf(stderr, "ido-vinder: %zu closed reports past their 12 months deleted\n", deleted);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "ido-vinder: deleting old reports failed, trying again later: %s\n", e.what());
        }
        // Wakes at once when the service stops.
        wake.wait_for(lock, stop, interval, [] { return false; });
    }
}

}  // namespace ido::store
