#include "exchange/record_checks.hpp"

#include "exchange/json_access.hpp"
#include "geo/dataset.hpp"
#include "record/validate.hpp"

#include <exception>

namespace ido::exchange {
namespace {

using rapidjson::Value;
namespace fc = ido::record::field_codes;

// Where a property path of the record comes from in the CSV file.
std::string csv_column_of(const std::string& path) {
    const auto slash = path.find('/');
    const std::string head = path.substr(0, slash);
    const std::string rest = slash == std::string::npos ? "" : path.substr(slash + 1);
    if (head == "adres" || head == "contact") return rest.empty() ? head : rest.substr(0, rest.find('/'));
    if (head == "herkomst") return rest.empty() ? head : "herkomst_" + rest;
    if (head == "spreekuren") return "spreekuren_json";
    if (head == "geometrie") return "lat/lon";
    return head;
}

// The position, and that it lies in the municipality the record names.
void check_position(const Value& p, std::optional<geo::Wgs84> position, const geo::MunicipalityIndex& municipalities, Reporter& r) {
    const Value* code = member(p, "gemeentecode");
    if (!position) return;  // reported where the position was read
    if (!geo::near_netherlands(*position)) {
        r.add("geometrie", fc::buiten_nederland, "Dit punt ligt niet in Nederland (lat 50.6-53.8, lon 3.1-7.4).");
        return;
    }
    const auto containing = municipalities.containing(*position);
    if (!containing) {
        r.add("geometrie", fc::buiten_nederland, "Dit punt ligt in geen enkele Nederlandse gemeente (op zee of over de grens?).");
        return;
    }
    if (code == nullptr || code->IsNull()) {
        r.add("gemeentecode", fc::ontbrekend_veld, "Geef de gemeentecode (zoals GM0363).");
        return;
    }
    const auto named = municipalities.find(as_text(code));
    if (!code->IsString() || !named) {
        r.add("gemeentecode", fc::onbekende_gemeente, "Onbekende gemeentecode; geef een CBS-code zoals GM0363.");
        return;
    }
    if (!municipalities.covers(*named, *position)) {
        const auto& in = municipalities.all()[*containing];
        r.add("gemeentecode", fc::gemeente_klopt_niet,
              "Het punt ligt in " + in.naam + " (" + in.gemeentecode + "), niet in " + municipalities.all()[*named].naam + ".");
    }
}

}  // namespace

void Reporter::add(const std::string& path, std::string_view code, std::string message) {
    std::string field = path;
    if (csv_) {
        field = csv_column_of(path);
        // Inside the JSON column, say where.
        if (field == "spreekuren_json" && path != "spreekuren") message = path + ": " + message;
    }
    out_.push_back({row_, std::move(field), std::string(code), std::move(message)});
    ++count_;
}

void Reporter::add_all(const ido::record::FieldProblems& problems) {
    for (const auto& p : problems) add(p.pointer.starts_with('/') ? p.pointer.substr(1) : p.pointer, p.code, p.message);
}

void check_record(const Value& p, std::optional<geo::Wgs84> position, const geo::MunicipalityIndex& municipalities, bool desks, bool keys,
                  Reporter& r) {
    ido::record::FieldProblems problems;
    ido::record::validate_record(p, desks, keys, problems);
    r.add_all(problems);
    check_position(p, position, municipalities, r);
}

void check_loadable(const std::string& properties, geo::Wgs84 position, Reporter& r) {
    try {
        geo::make_location(properties, position, 1);
    } catch (const std::exception& e) {
        r.add("", fc::ongeldig_record, std::string("Dit record laadt niet: ") + e.what());
    }
}

}  // namespace ido::exchange
