#include "exchange/full_list.hpp"

#include "exchange/json_access.hpp"
#include "exchange/plan.hpp"

#include <rapidjson/document.h>

#include <optional>
#include <unordered_map>

namespace ido::exchange {
namespace {

struct Fields {
    std::string naam;
    std::string gemeentecode;
};

Fields fields_of(const std::string& properties_json) {
    rapidjson::Document doc;
    doc.Parse<parse_flags>(properties_json.c_str(), properties_json.size());
    return {std::string(as_text(member(doc, "naam"))), std::string(as_text(member(doc, "gemeentecode")))};
}

std::string listed(const std::set<std::string>& codes) {
    std::string out;
    for (const auto& code : codes) out += (out.empty() ? "" : ", ") + code;
    return out;
}

// Whether the audit log shows a change of the record at or after the export moment. A report from a
// resident changes nothing in the record, so it does not count.
bool changed_since(const HistoryLookup& history, std::string_view id, const std::string& moment) {
    if (!history) return false;
    for (const auto& entry : history(id))
        if (entry.tijd >= moment && !entry.actie.starts_with("melding")) return true;
    return false;
}

}  // namespace

FullListPlan plan_full_list(const ImportReport& report, const std::vector<store::StoredLocation>& current,
                            const std::vector<std::string>& gemeenten, const HistoryLookup& history) {
    FullListPlan plan;
    std::unordered_map<std::string_view, const store::StoredLocation*> stored_by_id;
    std::unordered_map<std::string_view, std::string> stored_code;
    for (const auto& location : current) {
        stored_by_id.emplace(location.id, &location);
        stored_code.emplace(location.id, fields_of(location.properties_json).gemeentecode);
    }
    std::unordered_map<std::string_view, const ImportRecord*> file_by_id;
    for (const auto& record : report.records) file_by_id.emplace(record.location.id, &record);

    // The scope: the named municipalities, where every row must lie (and every record a row names must
    // lie already: a list for one municipality does not take records from another), or else the
    // municipalities of the rows.
    const bool named = !gemeenten.empty();
    plan.gemeenten.insert(gemeenten.begin(), gemeenten.end());
    for (const auto& record : report.records) {
        if (!record.versie) ++plan.zonder_versie;
        const std::string code = fields_of(record.location.properties_json).gemeentecode;
        if (!named) {
            if (!code.empty()) plan.gemeenten.insert(code);
            continue;
        }
        if (!plan.gemeenten.count(code))
            plan.problems.push_back({record.row, "gemeentecode", std::string(buiten_de_lijst),
                                     "Dit informatiepunt ligt in " + (code.empty() ? std::string("geen gemeente") : code) +
                                         "; deze lijst is voor " + listed(plan.gemeenten) + "."});
        else if (auto it = stored_code.find(record.location.id); it != stored_code.end() && !plan.gemeenten.count(it->second))
            plan.problems.push_back({record.row, "id", std::string(buiten_de_lijst),
                                     "Dit id is van een informatiepunt in " + it->second + "; deze lijst is voor " + listed(plan.gemeenten) + "."});
    }
    plan.zonder_exportmoment = !report.geexporteerd.has_value();

    const ImportPlan base = plan_import(report, current);
    plan.problems.insert(plan.problems.end(), base.problems.begin(), base.problems.end());
    plan.ongewijzigd = base.ongewijzigd;
    for (const auto& write : base.writes) {
        const ImportRecord& record = *file_by_id.at(write.id);
        const std::string naam = fields_of(write.properties_json).naam;
        if (auto it = stored_by_id.find(write.id); it != stored_by_id.end()) {
            const std::int64_t version = it->second->version;
            if (record.versie && *record.versie != version) {
                plan.conflicten.push_back({write.id, naam, "Gewijzigd sinds de export (versie " + std::to_string(*record.versie) +
                                                               " in het bestand, nu versie " + std::to_string(version) + ")."});
                continue;
            }
            plan.gewijzigd.push_back({write.id, naam});
            plan.writes.push_back({write, version});
            continue;
        }
        if (record.versie && report.geexporteerd && changed_since(history, write.id, *report.geexporteerd)) {
            plan.conflicten.push_back({write.id, naam, "Verwijderd sinds de export; het bestand zou het terugzetten."});
            continue;
        }
        plan.toegevoegd.push_back({write.id, naam});
        plan.writes.push_back({write, 0});
    }

    for (const auto& location : current) {
        if (file_by_id.count(location.id) || !plan.gemeenten.count(stored_code.at(location.id))) continue;
        const std::string naam = fields_of(location.properties_json).naam;
        if (report.geexporteerd && changed_since(history, location.id, *report.geexporteerd)) {
            plan.conflicten.push_back({location.id, naam, "Gewijzigd of toegevoegd sinds de export, en niet in het bestand: het zou verwijderd worden."});
            continue;
        }
        plan.verwijderd.push_back({location.id, naam});
        plan.removals.push_back({location.id, location.version});
    }

    if (!plan.ok()) {
        plan.writes.clear();
        plan.removals.clear();
    }
    return plan;
}

}  // namespace ido::exchange
