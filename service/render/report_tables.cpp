#include "service/render/report_tables.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace ido::service {
namespace {

ReportCell text(std::string value) { return {std::move(value), std::nullopt}; }
ReportCell number(double value) { return {"", value}; }
ReportCell optional_number(const std::optional<double>& value) { return value ? number(*value) : text(""); }
// As the JSON API writes them (service/render/coverage_json.cpp): distances in whole metres, hours to
// two decimals, so that the report and the API never disagree.
ReportCell metres(double value) { return number(static_cast<double>(std::llround(value))); }
ReportCell optional_metres(const std::optional<double>& value) { return value ? metres(*value) : text(""); }
ReportCell hours(double value) { return number(std::round(value * 100) / 100); }
ReportCell yes_no(std::optional<bool> value) { return text(value ? (*value ? "ja" : "nee") : "onbekend"); }

std::string member_text(const rapidjson::Value& object, const char* key) {
    if (!object.IsObject()) return "";
    auto it = object.FindMember(key);
    return it != object.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength()) : "";
}

const rapidjson::Value& member(const rapidjson::Value& object, const char* key) {
    static const rapidjson::Value null;
    if (!object.IsObject()) return null;
    auto it = object.FindMember(key);
    return it == object.MemberEnd() ? null : it->value;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

ReportTable locaties(const ReportInput& in) {
    ReportTable t{"locaties",
                  {"id", "naam", "organisatie", "straat", "huisnummer", "postcode", "woonplaats", "telefoon", "email", "website", "opAfspraak",
                   "inloop", "diensten", "herkomst", "laatstGecontroleerd", "teControleren"},
                  {}};
    for (const auto& l : in.overzicht.locaties) {
        const geo::Location* location = in.snapshot.find(l.id);
        rapidjson::Document doc;
        if (location) doc.Parse(location->stored_json.c_str());
        const auto& adres = member(doc, "adres");
        const auto& contact = member(doc, "contact");
        t.rijen.push_back({text(l.id), text(l.naam), text(member_text(doc, "organisatie")), text(member_text(adres, "straat")),
                           text(member_text(adres, "huisnummer")), text(member_text(adres, "postcode")), text(member_text(adres, "woonplaats")),
                           text(member_text(contact, "telefoon")), text(member_text(contact, "email")), text(member_text(contact, "website")),
                           yes_no(location ? location->op_afspraak : std::nullopt), yes_no(location ? location->inloop : std::nullopt),
                           text(joined(l.diensten)), text(l.soort), text(l.laatst_gecontroleerd.value_or("")), text(l.te_controleren ? "ja" : "nee")});
    }
    return t;
}

std::vector<ReportCell> hours_cells(const coverage::HoursFigures& u) {
    return {hours(u.per_week), hours(u.inloop), hours(u.op_afspraak), hours(u.werkwijze_onbekend), hours(u.avond), hours(u.zaterdag)};
}

ReportTable openingstijden(const ReportInput& in) {
    ReportTable t{"openingstijden",
                  {"id", "naam", "urenPerWeek", "inloop", "opAfspraak", "werkwijzeOnbekend", "avond", "zaterdag", "tijdenOnbekend"},
                  {}};
    for (const auto& l : in.overzicht.locaties) {
        std::vector<ReportCell> row{text(l.id), text(l.naam)};
        for (auto& cell : hours_cells(l.uren)) row.push_back(std::move(cell));
        row.push_back(text(l.tijden_onbekend ? "ja" : "nee"));
        t.rijen.push_back(std::move(row));
    }
    // The municipality's total, the figure of GET .../overzicht.
    std::vector<ReportCell> total{text("totaal"), text(in.overzicht.gemeentenaam)};
    for (auto& cell : hours_cells(in.overzicht.uren)) total.push_back(std::move(cell));
    total.push_back(text(""));
    t.rijen.push_back(std::move(total));
    return t;
}

ReportTable diensten(const ReportInput& in) {
    ReportTable t{"diensten", {"dienst", "aangeboden", "aantalLocaties", "locaties"}, {}};
    std::map<std::string, std::vector<std::string>> offered;
    for (const auto& l : in.overzicht.locaties)
        for (const auto& d : l.diensten) offered[d].push_back(l.id);
    std::vector<std::string> order(coverage::dienst_codes.begin(), coverage::dienst_codes.end());
    for (const auto& d : in.overzicht.aangeboden_diensten)
        if (std::find(order.begin(), order.end(), d) == order.end()) order.push_back(d);
    for (const auto& d : order) {
        const auto& ids = offered[d];
        t.rijen.push_back({text(d), text(ids.empty() ? "nee" : "ja"), number(static_cast<double>(ids.size())), text(joined(ids))});
    }
    return t;
}

ReportTable bereikbaarheid(const ReportInput& in) {
    ReportTable t{"bereikbaarheid", {"onderdeel", "kwartaal", "postcode", "woonplaats", "afstand", "inwoners", "aandeel", "waarde"}, {}};
    const auto& f = in.bereikbaarheid.cijfers;
    auto row = [&](std::string onderdeel, std::string kwartaal, std::string postcode, std::string woonplaats, ReportCell afstand,
                   ReportCell inwoners, ReportCell aandeel, ReportCell waarde) {
        t.rijen.push_back({text(std::move(onderdeel)), text(std::move(kwartaal)), text(std::move(postcode)), text(std::move(woonplaats)),
                           std::move(afstand), std::move(inwoners), std::move(aandeel), std::move(waarde)});
    };
    const ReportCell none = text("");
    row("inwoners", "", "", "", none, number(static_cast<double>(f.inwoners)), none, none);
    row("gemiddeldeAfstand", "", "", "", optional_metres(f.gemiddelde_afstand_m), none, none, none);
    row("medianeAfstand", "", "", "", optional_metres(f.mediaan_afstand_m), none, none, none);
    row("informatiepunten", "", "", "", none, none, none, number(static_cast<double>(in.bereikbaarheid.informatiepunten)));
    for (const auto& d : f.drempels)
        row("binnen", "", "", "", metres(d.drempel_m), number(static_cast<double>(d.inwoners_binnen)), optional_number(d.aandeel), none);
    // The witte vlekken beyond the largest threshold, largest first (all of them: a spreadsheet has room).
    if (!f.drempels.empty())
        for (const auto& g : f.drempels.back().witte_vlekken)
            row("witteVlek", "", g.pc4, g.woonplaatsen.empty() ? "" : g.woonplaatsen.front(), metres(g.afstand_m),
                number(static_cast<double>(g.inwoners)), none, none);
    for (const auto& q : in.kwartalen) {
        row("kwartaal:inwoners", q.kwartaal, "", "", none, number(static_cast<double>(q.inwoners)), none, none);
        row("kwartaal:gemiddeldeAfstand", q.kwartaal, "", "", optional_metres(q.gemiddelde_afstand_m), none, none, none);
        row("kwartaal:medianeAfstand", q.kwartaal, "", "", optional_metres(q.mediaan_afstand_m), none, none, none);
        const std::pair<double, std::int64_t> within[] = {{1000, q.binnen_1km}, {3000, q.binnen_3km}, {5000, q.binnen_5km}, {10000, q.binnen_10km}};
        for (const auto& [afstand, inwoners] : within)
            row("kwartaal:binnen", q.kwartaal, "", "", number(afstand), number(static_cast<double>(inwoners)),
                q.inwoners > 0 ? number(static_cast<double>(inwoners) / static_cast<double>(q.inwoners)) : none, none);
        row("kwartaal:urenPerWeek", q.kwartaal, "", "", none, none, none, hours(q.uren_per_week));
        row("kwartaal:informatiepunten", q.kwartaal, "", "", none, none, none, number(static_cast<double>(q.informatiepunten)));
    }
    return t;
}

// A whole record in one cell would be unreadable: the change log says which record, not all of it.
std::string value_cell(const store::AuditEntry& e, const std::string& json) {
    if (e.veld.empty()) return json == "null" ? "" : "(hele record)";
    constexpr std::size_t max = 300;
    return json.size() <= max ? json : json.substr(0, max) + "…";
}

ReportTable wijzigingen(const ReportInput& in) {
    // Who wrote (the token's label) stays out: the report is public, the log's authors are not.
    ReportTable t{"wijzigingen", {"tijd", "informatiepunt", "naam", "actie", "veld", "oud", "nieuw"}, {}};
    for (const auto& [naam, e] : in.wijzigingen)
        t.rijen.push_back({text(e.tijd), text(e.informatiepunt), text(naam), text(e.actie), text(e.veld), text(value_cell(e, e.oud)),
                           text(value_cell(e, e.nieuw))});
    return t;
}

}  // namespace

std::string number_text(double value) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

std::vector<ReportTable> report_tables(const ReportInput& input) {
    return {locaties(input), openingstijden(input), diensten(input), bereikbaarheid(input), wijzigingen(input)};
}

}  // namespace ido::service
