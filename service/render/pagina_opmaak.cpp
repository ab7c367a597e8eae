#include "service/render/pagina_opmaak.hpp"

#include "geo/hours/amsterdam_time.hpp"
#include "service/endpoints/ogc.hpp"
#include "service/render/teksten.hpp"

#include <date/date.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ido::service::pagina {
namespace {

// Day and month names come from the one table of page texts (teksten.cpp: dag.0 = Sunday, maand.1 = January).
std::string_view woord(std::string_view taal, std::string_view soort, unsigned n) {
    std::string sleutel(soort);
    sleutel += '.';
    sleutel += std::to_string(n);
    return teksten::tekst(taal, sleutel);
}

struct LocalDay {
    date::year_month_day ymd;
    unsigned weekday;  // 0 = Sunday
};

LocalDay local_day(std::chrono::sys_seconds at) {
    const auto days = date::floor<date::days>(hours::to_local(at));
    return {date::year_month_day(days), date::weekday(days).c_encoding()};
}

std::optional<std::chrono::sys_seconds> instant(const rapidjson::Value& object, const char* name) {
    const auto value = text(object, name);
    if (value.empty()) return std::nullopt;
    return hours::parse_rfc3339(value);
}

bool flag(const rapidjson::Value& object, const char* name) {
    const auto it = object.FindMember(name);
    return it != object.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

}  // namespace

std::string_view text(const rapidjson::Value& object, const char* name) {
    if (!object.IsObject()) return {};
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd() || !it->value.IsString()) return {};
    return {it->value.GetString(), it->value.GetStringLength()};
}

const rapidjson::Value* member(const rapidjson::Value& object, const char* name) {
    if (!object.IsObject()) return nullptr;
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd() || !(it->value.IsObject() || it->value.IsArray())) return nullptr;
    return &it->value;
}

std::string afstand(double metres, std::string_view taal) {
    const double km = metres / 1000;
    char buffer[32];
    if (km < 10) std::snprintf(buffer, sizeof buffer, "%.1f", km);
    else std::snprintf(buffer, sizeof buffer, "%.0f", km);
    std::string getal = buffer;
    const auto komma = teksten::tekst(taal, "getal.komma");  // "," in Dutch, "." in English
    if (const auto punt = getal.find('.'); punt != std::string::npos) getal.replace(punt, 1, komma);
    return teksten::tekst(taal, "afstand", {{"km", getal}});
}

std::string tijd(std::chrono::sys_seconds at) {
    const auto local = hours::to_local(at);
    const auto in_day = date::make_time(local - date::floor<date::days>(local));
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", static_cast<int>(in_day.hours().count()), static_cast<int>(in_day.minutes().count()));
    return buffer;
}

std::string wanneer(std::chrono::sys_seconds at, std::chrono::sys_seconds now, std::string_view taal) {
    const auto day = local_day(at);
    if (day.ymd == local_day(now).ymd) return std::string(teksten::tekst(taal, "tijd.vandaag")) + " " + tijd(at);
    if (day.ymd == local_day(now + std::chrono::hours(24)).ymd) return std::string(teksten::tekst(taal, "tijd.morgen")) + " " + tijd(at);
    std::string out(woord(taal, "dagkort", day.weekday));
    if (at - now >= std::chrono::hours(24 * 6))
        out = teksten::tekst(taal, "formaat.dag_datum",
                             {{"dag", out}, {"d", std::to_string(static_cast<unsigned>(day.ymd.day()))},
                              {"maand", woord(taal, "maandkort", static_cast<unsigned>(day.ymd.month()))}});
    return out + " " + tijd(at);
}

std::string lange_dag(std::chrono::sys_seconds at, std::string_view taal) {
    const auto day = local_day(at);
    return teksten::tekst(taal, "formaat.lange_dag",
                          {{"dag", woord(taal, "dag", day.weekday)}, {"d", std::to_string(static_cast<unsigned>(day.ymd.day()))},
                           {"maand", woord(taal, "maand", static_cast<unsigned>(day.ymd.month()))}});
}

std::string lokale_datum(std::chrono::sys_seconds at) {
    const auto day = local_day(at).ymd;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    return buffer;
}

unsigned weekdag(std::chrono::sys_seconds at) { return local_day(at).weekday; }

std::string datum(std::string_view iso, std::string_view taal) {
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return {};
    int y = 0, m = 0, d = 0;
    if (std::sscanf(std::string(iso.substr(0, 10)).c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return {};
    const date::year_month_day ymd{date::year(y), date::month(static_cast<unsigned>(m)), date::day(static_cast<unsigned>(d))};
    if (!ymd.ok()) return {};
    return teksten::tekst(taal, "formaat.datum",
                          {{"d", std::to_string(d)}, {"maand", woord(taal, "maand", static_cast<unsigned>(m))}, {"jaar", std::to_string(y)}});
}

std::string maand_jaar(std::string_view iso, std::string_view taal) {
    if (datum(iso, taal).empty()) return {};  // the same check of the date
    const unsigned maand = static_cast<unsigned>(std::stoi(std::string(iso.substr(5, 2))));
    return teksten::tekst(taal, "formaat.maand_jaar", {{"maand", woord(taal, "maandnaam", maand)}, {"jaar", std::string(iso.substr(0, 4))}});
}

Status status(const rapidjson::Value& location, std::chrono::sys_seconds now, std::string_view taal) {
    auto w = [taal](std::string_view sleutel) { return std::string(teksten::tekst(taal, sleutel)); };
    const rapidjson::Value* s = member(location, "status");
    const bool inloop = flag(location, "inloop");
    bool afspraak = flag(location, "opAfspraak");
    if (!afspraak && s && !inloop && text(*s, "opmerking").find("afspraak") != std::string_view::npos) afspraak = true;
    const std::string code = s ? std::string(text(*s, "code")) : std::string();
    if (code == "open") {
        const auto tot = instant(*s, "openTot");
        std::string tekst = tot ? teksten::tekst(taal, "status.nu_open_tot", {{"tijd", *tot - now < std::chrono::hours(24) ? tijd(*tot) : wanneer(*tot, now, taal)}})
                               : w("status.nu_open");
        if (afspraak) tekst += w("status.erbij_op_afspraak");
        return {"open", tekst};
    }
    if (code == "gesloten") {
        if (const auto volgende = instant(*s, "volgendeOpening")) return {"gesloten", teksten::tekst(taal, "status.gesloten_opent", {{"wanneer", wanneer(*volgende, now, taal)}})};
        if (afspraak) return {"afspraak", w("status.op_afspraak")};
        return {"gesloten", w("status.gesloten")};
    }
    if (afspraak) return {"afspraak", w("status.op_afspraak")};
    return {"onbekend", w("status.onbekend")};
}

std::string dienst_label(std::string_view code, std::string_view taal) {
    // The same names as web-widget/src/teksten.js (diensten_labels): the names residents know.
    const std::string sleutel = "dienst." + std::string(code);
    if (const auto label = teksten::tekst(taal, sleutel); label != sleutel) return std::string(label);
    std::string out(code);
    std::replace_if(out.begin(), out.end(), [](char c) { return c == '-' || c == '_'; }, ' ');
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

const std::vector<std::string_view>& dienst_codes() {
    // The widget's DIENSTEN (web-widget/src/ido-vinder.js), so the page's filter offers the same choices.
    static const std::vector<std::string_view> codes{"digid", "belastingdienst", "toeslagen", "uwv",      "svb",
                                                     "cjib",  "cbr",             "duo",       "zorg",     "gemeente",
                                                     "digitale-vaardigheden"};
    return codes;
}

std::string afspraak_tekst(const rapidjson::Value& location, std::string_view taal) {
    const rapidjson::Value* spreekuren = member(location, "spreekuren");
    bool alle = flag(location, "opAfspraak");
    bool soms = false;
    if (spreekuren && spreekuren->IsArray() && !spreekuren->Empty()) {
        bool every = true;
        for (const auto& s : spreekuren->GetArray()) {
            const bool op = s.IsObject() && flag(s, "opAfspraak");
            every = every && op;
            soms = soms || op;
        }
        alle = alle || every;
    }
    if (alle) return std::string(teksten::tekst(taal, "afspraak.nodig"));
    if (soms) return std::string(teksten::tekst(taal, "afspraak.soms"));
    if (flag(location, "inloop")) return std::string(teksten::tekst(taal, "afspraak.inloop"));
    return std::string(teksten::tekst(taal, "afspraak.onbekend"));
}

std::vector<std::string> afspraak_info(const rapidjson::Value& location) {
    std::vector<std::string> out;
    const rapidjson::Value* spreekuren = member(location, "spreekuren");
    if (!spreekuren || !spreekuren->IsArray()) return out;
    auto add = [&out](std::string_view v) {
        if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.emplace_back(v);
    };
    for (const auto& s : spreekuren->GetArray()) {
        if (!s.IsObject()) continue;
        const auto it = s.FindMember("afspraak");
        if (it == s.MemberEnd()) continue;
        if (it->value.IsString()) add({it->value.GetString(), it->value.GetStringLength()});
        else if (it->value.IsObject())
            for (const auto& m : it->value.GetObject())
                if (m.value.IsString()) add({m.value.GetString(), m.value.GetStringLength()});
    }
    return out;
}

std::vector<std::string> adres_regels(const rapidjson::Value& location) {
    const rapidjson::Value* a = member(location, "adres");
    static const rapidjson::Value empty(rapidjson::kObjectType);
    const rapidjson::Value& adres = a ? *a : empty;
    auto join = [](std::string_view x, std::string_view y) {
        if (x.empty()) return std::string(y);
        if (y.empty()) return std::string(x);
        return std::string(x) + " " + std::string(y);
    };
    const std::string woonplaats(text(adres, "woonplaats").empty() ? text(location, "woonplaats") : text(adres, "woonplaats"));
    std::vector<std::string> out;
    if (auto r1 = join(text(adres, "straat"), text(adres, "huisnummer")); !r1.empty()) out.push_back(std::move(r1));
    if (auto r2 = join(text(adres, "postcode"), woonplaats); !r2.empty()) out.push_back(std::move(r2));
    return out;
}

std::string route_url(const rapidjson::Value& location) {
    const auto regels = adres_regels(location);
    const rapidjson::Value* a = member(location, "adres");
    if (regels.size() == 2 && a && !text(*a, "straat").empty())
        return "https://www.openstreetmap.org/directions?to=" + query_encode(regels[0] + ", " + regels[1]);
    const rapidjson::Value* g = member(location, "geometrie");
    const rapidjson::Value* c = g ? member(*g, "coordinates") : nullptr;
    if (c && c->IsArray() && c->Size() == 2 && (*c)[0].IsNumber() && (*c)[1].IsNumber()) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.5f,%.5f", (*c)[1].GetDouble(), (*c)[0].GetDouble());
        return std::string("https://www.openstreetmap.org/directions?to=") + buffer;
    }
    return {};
}

bool is_voorbeeld(const rapidjson::Value& location) {
    const rapidjson::Value* h = member(location, "herkomst");
    return h && text(*h, "soort") == "gegenereerd";
}

bool is_onbevestigd(const rapidjson::Value& location) {
    if (is_voorbeeld(location)) return false;
    const rapidjson::Value* h = member(location, "herkomst");
    return (h && text(*h, "soort") == "bibliotheekgebouw") || text(location, "registratiestatus") == "waarschijnlijk actief";
}

std::vector<Slot> komende_slots(const rapidjson::Value& location, std::chrono::sys_seconds now, int days) {
    std::vector<Slot> out;
    const rapidjson::Value* slots = member(location, "komendeSpreekuren");
    if (!slots || !slots->IsArray()) return out;
    const auto grens = now + std::chrono::hours(24 * days);
    for (const auto& k : slots->GetArray()) {
        if (!k.IsObject()) continue;
        const auto begin = instant(k, "begin");
        if (!begin || *begin >= grens) continue;
        const auto eind = instant(k, "eind");
        if (eind && *eind <= now) continue;
        out.push_back({*begin, eind, std::string(text(k, "spreekuur")), std::string(text(k, "opmerking"))});
    }
    std::stable_sort(out.begin(), out.end(), [](const Slot& a, const Slot& b) { return a.begin < b.begin; });
    return out;
}

bool is_telefoonnummer(std::string_view s) {
    if (s.size() < 8 || !(s[0] == '+' || (s[0] >= '0' && s[0] <= '9'))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '+'; });
}

std::string veilige_url(std::string_view url) {
    if (url.starts_with("https://") || url.starts_with("http://")) {
        if (url.find_first_of(" \"<>\\") != std::string_view::npos) return {};
        return std::string(url);
    }
    return {};
}


}  // namespace ido::service::pagina
