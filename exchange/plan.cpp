#include "exchange/plan.hpp"

#include "exchange/json_access.hpp"
#include "exchange/record_checks.hpp"
#include "record/problem_codes.hpp"
#include "store/json_diff.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ido::exchange {
namespace {

using rapidjson::Document;
using rapidjson::Value;

// Fields with a default for new records: an empty cell keeps what is stored instead of clearing it.
const std::set<std::string, std::less<>> keep_when_blank{"herkomst/soort", "coordinaatPrecisie", "status"};

// --- merging a CSV row into a stored record ---------------------------------------------------------------

bool emptyish(const Value* v) {
    return v == nullptr || v->IsNull() || (v->IsString() && v->GetStringLength() == 0) || (v->IsArray() && v->Empty());
}

bool listed(const std::vector<std::string>& paths, std::string_view path) {
    return std::find(paths.begin(), paths.end(), path) != paths.end();
}

// Whether the imported value at `path` replaces the stored one: not when the column is missing, and not
// when the cell is empty and the stored value is empty too (null, "" or [] stay as they are).
bool takes(const ImportRecord& record, const std::string& path, const Value* stored) {
    if (listed(record.absent, path)) return false;
    if (listed(record.blank, path) && (emptyish(stored) || keep_when_blank.count(path))) return false;
    return true;
}

std::string merge(const store::StoredLocation& stored, const ImportRecord& record, std::vector<ImportProblem>& problems) {
    Document base, incoming;
    base.Parse<parse_flags>(stored.properties_json.c_str(), stored.properties_json.size());
    incoming.Parse<parse_flags>(record.location.properties_json.c_str(), record.location.properties_json.size());
    if (!base.IsObject()) return record.location.properties_json;
    auto& a = base.GetAllocator();
    const std::string stored_code(as_text(member(base, "gemeentecode")));
    for (auto& m : incoming.GetObject()) {
        const std::string name = m.name.GetString();
        if (name == "gemeentenaam") {
            // Derived from the code: only rewritten when the code changes (or was never there).
            if (stored_code != as_text(member(incoming, "gemeentecode")) || !member(base, "gemeentenaam")) set_member(base, name, Value(m.value, a), a);
            continue;
        }
        if (name == "adres" || name == "contact" || name == "herkomst") {
            Value* target = member(base, name);
            if (target == nullptr || !target->IsObject()) {
                set_member(base, name, Value(rapidjson::kObjectType), a);
                target = member(base, name);
            }
            for (auto& sub : m.value.GetObject()) {
                const std::string key = sub.name.GetString();
                if (takes(record, name + "/" + key, member(*target, key))) set_member(*target, key, Value(sub.value, a), a);
            }
            continue;
        }
        if (takes(record, name, member(base, name))) set_member(base, name, Value(m.value, a), a);
    }
    // A file without spreekuren_json that changes the hours, services or appointment of a help point with
    // one desk changes that desk too (its hours are the location's). With several desks that cannot be
    // done from the columns: refuse.
    if (listed(record.absent, "spreekuren")) {
        Value* desks = member(base, "spreekuren");
        const Value* hours = member(base, "openingstijden");
        if (desks && desks->IsArray() && desks->Size() == 1 && (*desks)[0].IsObject()) {
            Value& desk = (*desks)[0];
            if (!listed(record.absent, "openingstijden") && hours && hours->IsString()) set_member(desk, "openingstijden", Value(*hours, a), a);
            if (!listed(record.absent, "diensten")) if (const Value* d = member(base, "diensten")) set_member(desk, "diensten", Value(*d, a), a);
            if (!listed(record.absent, "opAfspraak")) if (const Value* o = member(base, "opAfspraak")) set_member(desk, "opAfspraak", Value(*o, a), a);
        } else if (desks && desks->IsArray() && desks->Size() > 1 && !listed(record.absent, "openingstijden")) {
            Document before;
            before.Parse<parse_flags>(stored.properties_json.c_str(), stored.properties_json.size());
            const Value* old_hours = member(before, "openingstijden");
            if (hours && old_hours && *hours != *old_hours)
                problems.push_back({record.row, "openingstijden", std::string(ido::record::field_codes::tegenstrijdig),
                                    "Dit informatiepunt heeft meerdere spreekuren: geef ze in de kolom spreekuren_json."});
        }
    }
    return serialise(base);
}

}  // namespace

ImportPlan plan_import(const ImportReport& report, const std::vector<store::StoredLocation>& current) {
    // The stored record of each row, found by indexing the file's ids, not the store's: a file names a few
    // records or all of them, the store holds every help point, and one map node per stored record was
    // most of the cost of planning a small file. The first stored record of an id counts.
    std::vector<std::pair<std::string_view, std::size_t>> rows_by_id;
    rows_by_id.reserve(report.records.size());
    for (std::size_t i = 0; i < report.records.size(); ++i) rows_by_id.emplace_back(report.records[i].location.id, i);
    std::sort(rows_by_id.begin(), rows_by_id.end());
    std::vector<const store::StoredLocation*> stored_of(report.records.size(), nullptr);
    for (const auto& location : current) {
        const std::string_view id = location.id;
        auto it = std::lower_bound(rows_by_id.begin(), rows_by_id.end(), id,
                                   [](const auto& entry, std::string_view wanted) { return entry.first < wanted; });
        for (; it != rows_by_id.end() && it->first == id; ++it)
            if (stored_of[it->second] == nullptr) stored_of[it->second] = &location;
    }
    ImportPlan plan;
    for (std::size_t i = 0; i < report.records.size(); ++i) {
        const auto& record = report.records[i];
        if (stored_of[i] == nullptr) {
            ++plan.nieuw;
            plan.writes.push_back(record.location);
            plan.writes.back().version = 1;
            continue;
        }
        const store::StoredLocation& stored = *stored_of[i];
        store::StoredLocation next = record.location;
        next.version = stored.version;
        if (report.format == ImportFormat::csv) {
            const std::size_t before = plan.problems.size();
            next.properties_json = merge(stored, record, plan.problems);
            if (plan.problems.size() != before) continue;
            std::vector<ImportProblem> load_problems;
            Reporter r(load_problems, record.row, true);
            check_loadable(next.properties_json, next.position, r);
            if (!load_problems.empty()) {
                plan.problems.insert(plan.problems.end(), load_problems.begin(), load_problems.end());
                continue;
            }
        }
        if (store::changed_fields(stored.properties_json, next.properties_json, stored.position, next.position).empty()) {
            ++plan.ongewijzigd;
            continue;
        }
        ++plan.gewijzigd;
        plan.writes.push_back(std::move(next));
    }
    return plan;
}

}  // namespace ido::exchange
