#include "exchange/csv_import.hpp"

#include "exchange/export_marks.hpp"
#include "exchange/json_access.hpp"
#include "exchange/record_checks.hpp"
#include "geo/dataset.hpp"
#include "geo/hours/hours.hpp"
#include "record/json_names.hpp"
#include "record/codes.hpp"
#include "record/derivation.hpp"
#include "record/problem_codes.hpp"
#include "text/csv.hpp"
#include "text/number.hpp"
#include "text/utf8.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <variant>

namespace ido::exchange {
namespace {

using rapidjson::Document;
using rapidjson::Value;
namespace fc = ido::record::field_codes;

const std::vector<std::string> column_names{
    "id", "naam", "organisatie", "straat", "huisnummer", "postcode", "woonplaats", "gemeentecode", "gemeentenaam",
    "lat", "lon", "coordinaatPrecisie", "status", "openingstijden", "diensten", "opAfspraak", "inloop",
    "telefoon", "email", "website", "laatstGecontroleerd", "mededeling", "spreekuren_json",
    "herkomst_soort", "herkomst_bron", "herkomst_toelichting", "herkomst_peildatum", "versie", "geexporteerd"};

const std::vector<std::string> required_columns{"id", "naam", "lat", "lon"};

constexpr const char* default_desk_name = "Informatiepunt Digitale Overheid";

std::string known_services() {
    std::string list;
    for (const auto& code : ido::record::diensten()) list += (list.empty() ? "" : ", ") + code;
    return list;
}

std::optional<double> parse_number(std::string_view text) {
    std::string copy(trim(text));
    // A Dutch spreadsheet may write a decimal comma ("52,37"); one comma and no point is unambiguous.
    if (std::count(copy.begin(), copy.end(), ',') == 1 && copy.find('.') == std::string::npos) std::replace(copy.begin(), copy.end(), ',', '.');
    return text::parse_finite(copy);
}

// A yes/no cell: empty is unknown (null); anything else unrecognised is an error.
enum class YesNo { yes, no, empty, invalid };
YesNo parse_yes_no(std::string_view text) {
    const std::string t = lower(trim(text));
    if (t.empty()) return YesNo::empty;
    if (t == "ja" || t == "j" || t == "true" || t == "waar" || t == "1") return YesNo::yes;
    if (t == "nee" || t == "n" || t == "false" || t == "onwaar" || t == "0") return YesNo::no;
    return YesNo::invalid;
}

// One desk made from the location's columns, for a file without spreekuren_json.
Value derived_desk(const Value& openingstijden, const Value& diensten, const Value& op_afspraak, Document::AllocatorType& a) {
    Value desk(rapidjson::kObjectType);
    desk.AddMember("naam", Value(default_desk_name, a), a);
    desk.AddMember("diensten", diensten.IsArray() ? Value(diensten, a) : Value(rapidjson::kArrayType), a);
    desk.AddMember("openingstijden", openingstijden.IsString() ? Value(openingstijden, a) : Value("", a), a);
    desk.AddMember("opAfspraak", op_afspraak.IsBool() ? Value(op_afspraak.GetBool()) : Value(), a);
    desk.AddMember("afspraak", Value(), a);
    desk.AddMember("toelichting", Value(), a);
    Value desks(rapidjson::kArrayType);
    desks.PushBack(desk, a);
    return desks;
}
class CsvReader {
public:
    CsvReader(const std::vector<std::string>& header_columns, const geo::MunicipalityIndex& municipalities)
        : municipalities_(municipalities) {
        for (std::size_t i = 0; i < header_columns.size(); ++i) index_[header_columns[i]] = i;
    }

    void read(const text::CsvRecord& record, ImportReport& report) {
        Reporter r(report.problems, record.row, true);
        cells_ = &record.cells;
        ImportRecord out;
        out.row = record.row;
        Document doc(rapidjson::kObjectType);
        auto& a = doc.GetAllocator();

        // Plain text cells: empty is null; the path is remembered as blank or absent for plan_import.
        auto text = [&](Value& object, const char* key, const char* column, const std::string& path) {
            const std::string* c = cell(column);
            if (c == nullptr) out.absent.push_back(path);
            else if (c->empty()) out.blank.push_back(path);
            object.AddMember(rapidjson::StringRef(key), c && !c->empty() ? Value(c->c_str(), static_cast<rapidjson::SizeType>(c->size()), a) : Value(), a);
        };
        auto mark = [&](const char* column, const std::string& path) {
            const std::string* c = cell(column);
            if (c == nullptr) out.absent.push_back(path);
            else if (trim(*c).empty()) out.blank.push_back(path);
            return c != nullptr && !trim(*c).empty() ? c : nullptr;
        };

        text(doc, "id", "id", "id");
        text(doc, "naam", "naam", "naam");
        text(doc, "organisatie", "organisatie", "organisatie");
        Value adres(rapidjson::kObjectType);
        text(adres, "straat", "straat", "adres/straat");
        text(adres, "huisnummer", "huisnummer", "adres/huisnummer");
        text(adres, "postcode", "postcode", "adres/postcode");
        text(adres, "woonplaats", "woonplaats", "adres/woonplaats");
        doc.AddMember("woonplaats", Value(*member(adres, "woonplaats"), a), a);
        if (const std::string* c = cell("woonplaats"); c == nullptr) out.absent.push_back("woonplaats");
        else if (c->empty()) out.blank.push_back("woonplaats");
        doc.AddMember("adres", adres, a);

        // Position.
        std::optional<double> lat, lon;
        for (const char* column : {"lat", "lon"}) {
            const std::string* c = cell(column);
            auto& target = std::string_view(column) == "lat" ? lat : lon;
            if (c == nullptr || trim(*c).empty()) r.add(column, fc::ontbrekend_veld, "Geef de positie (WGS84, graden, zoals 52.3731).");
            else if (!(target = parse_number(*c))) r.add(column, fc::ongeldige_waarde, "Geen getal; geef graden als 52.3731.");
        }
        std::optional<geo::Wgs84> position;
        if (lat && lon) position = geo::Wgs84{*lat, *lon};

        // gemeentecode: empty is taken from the position.
        std::string gemeentecode;
        if (const std::string* c = cell("gemeentecode"); c && !trim(*c).empty()) gemeentecode = std::string(trim(*c));
        else if (position && geo::near_netherlands(*position))
            if (auto in = municipalities_.containing(*position)) gemeentecode = municipalities_.all()[*in].gemeentecode;
        doc.AddMember("gemeentecode", gemeentecode.empty() ? Value() : Value(gemeentecode.c_str(), a), a);
        if (auto known = municipalities_.find(gemeentecode)) doc.AddMember("gemeentenaam", Value(municipalities_.all()[*known].naam.c_str(), a), a);
        else doc.AddMember("gemeentenaam", Value(), a);

        // Opening hours; the location-level value is settled once the desks are known.
        Value openingstijden;
        const std::string* hours_cell = cell("openingstijden");
        if (hours_cell == nullptr) out.absent.push_back("openingstijden");
        else if (hours_cell->empty()) out.blank.push_back("openingstijden");
        else openingstijden = Value(hours_cell->c_str(), static_cast<rapidjson::SizeType>(hours_cell->size()), a);

        // Services: codes separated by ';' or '|' (a comma would need quotes in a spreadsheet).
        Value diensten;
        if (const std::string* c = mark("diensten", "diensten")) {
            std::set<std::string> codes;
            std::string_view rest = *c;
            while (!rest.empty()) {
                const auto cut = rest.find_first_of(";|");
                const std::string code(trim(rest.substr(0, cut)));
                rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
                if (code.empty()) continue;
                if (!ido::record::is_dienst(code))
                    r.add("diensten", fc::ongeldige_waarde, "Onbekende dienst '" + ido::text::printable(code) + "'. Bekend: " + known_services() + ".");
                else codes.insert(code);
            }
            diensten = ido::record::code_list(codes, a);
        }

        auto boolean = [&](const char* column) {
            const std::string* c = mark(column, column);
            if (c == nullptr) return Value();
            switch (parse_yes_no(*c)) {
                case YesNo::yes: return Value(true);
                case YesNo::no: return Value(false);
                case YesNo::empty: return Value();
                case YesNo::invalid: break;
            }
            r.add(column, fc::ongeldige_waarde, "Geef ja of nee, of laat leeg (onbekend).");
            return Value();
        };
        Value op_afspraak = boolean("opAfspraak");
        Value inloop = boolean("inloop");

        // The desks: from spreekuren_json, or one made from the columns above.
        Value desks;
        bool desks_from_file = false;
        if (const std::string* c = mark("spreekuren_json", "spreekuren")) {
            Document parsed;
            parsed.Parse<parse_flags>(c->c_str(), c->size());
            if (parsed.HasParseError()) {
                r.add("spreekuren", fc::ongeldige_waarde, std::string("Geen geldige JSON (positie ") + std::to_string(parsed.GetErrorOffset()) +
                                                            "): " + rapidjson::GetParseError_En(parsed.GetParseError()));
            } else if (auto pointer = ido::record::repeated_name(parsed)) {
                r.add("spreekuren" + *pointer, fc::ongeldige_json, "Deze naam staat twee keer in hetzelfde object.");
            } else {
                desks = Value(parsed, a);
                desks_from_file = true;
            }
        }
        if (!desks_from_file) desks = derived_desk(openingstijden, diensten, op_afspraak, a);
        const bool several = desks.IsArray() && desks.Size() > 1;
        // One desk: its hours are the location's. An empty cell takes them; a filled one must agree.
        if (desks_from_file && desks.IsArray() && desks.Size() == 1 && desks[0].IsObject()) {
            const Value* own = member(desks[0], "openingstijden");
            if (own && own->IsString() && (hours_cell == nullptr || hours_cell->empty())) {
                // Invalid desk hours are reported once, at the desk.
                if (std::holds_alternative<hours::Schedule>(hours::parse(as_text(own)))) openingstijden = Value(*own, a);
                std::erase(out.blank, "openingstijden");
                std::erase(out.absent, "openingstijden");
            } else if (own && own->IsString() && as_text(own) != *hours_cell) {
                r.add("openingstijden", fc::tegenstrijdig,
                      "Verschilt van de openingstijden in spreekuren_json. Wijzig beide, of maak spreekuren_json leeg.");
            }
        }
        if (openingstijden.IsNull() && !several) openingstijden = Value("", a);
        const ido::record::DeskSummary summary = ido::record::summarise_spreekuren(desks);
        doc.AddMember("openingstijden", openingstijden, a);
        doc.AddMember("spreekuren", desks, a);
        doc.AddMember("diensten", diensten.IsNull() ? ido::record::code_list(summary.diensten, a) : std::move(diensten), a);
        doc.AddMember("opAfspraak", op_afspraak.IsNull() && !cell_has("opAfspraak") ? ido::record::json_bool(summary.op_afspraak) : std::move(op_afspraak), a);
        doc.AddMember("inloop", inloop.IsNull() && !cell_has("inloop") ? ido::record::json_bool(summary.inloop) : std::move(inloop), a);

        Value contact(rapidjson::kObjectType);
        text(contact, "telefoon", "telefoon", "contact/telefoon");
        text(contact, "email", "email", "contact/email");
        text(contact, "website", "website", "contact/website");
        doc.AddMember("contact", contact, a);
        text(doc, "laatstGecontroleerd", "laatstGecontroleerd", "laatstGecontroleerd");
        text(doc, "mededeling", "mededeling", "mededeling");
        Value herkomst(rapidjson::kObjectType);
        text(herkomst, "soort", "herkomst_soort", "herkomst/soort");
        if (Value* soort = member(herkomst, "soort"); soort->IsNull()) soort->SetString("import", a);
        text(herkomst, "bron", "herkomst_bron", "herkomst/bron");
        text(herkomst, "toelichting", "herkomst_toelichting", "herkomst/toelichting");
        text(herkomst, "peildatum", "herkomst_peildatum", "herkomst/peildatum");
        doc.AddMember("herkomst", herkomst, a);
        text(doc, "coordinaatPrecisie", "coordinaatPrecisie", "coordinaatPrecisie");
        if (Value* precisie = member(doc, "coordinaatPrecisie"); precisie->IsNull()) precisie->SetString("gebouw", a);
        text(doc, "status", "status", "status");
        if (Value* status = member(doc, "status"); status->IsNull()) status->SetString("actief", a);

        // The export's marks: not part of the record, read for a full-list import's conflict check.
        if (const std::string* c = cell("versie"); c && !trim(*c).empty()) {
            if (auto v = parse_versie(trim(*c))) out.versie = *v;
            else r.add("versie", fc::ongeldige_waarde, "Geef het versienummer uit de export (een geheel getal vanaf 1), of laat de cel leeg.");
        }
        if (const std::string* c = cell("geexporteerd"); c && !trim(*c).empty()) {
            if (is_export_moment(trim(*c))) report.geexporteerd = earliest(report.geexporteerd, trim(*c));
            else r.add("geexporteerd", fc::ongeldige_waarde, "Geef het moment van de export zoals die het schreef (2026-12-01T16:20:00Z), of laat de cel leeg.");
        }

        check_record(doc, position, municipalities_, desks_from_file, false, r);
        const std::string id(as_text(member(doc, "id")));
        if (!id.empty()) {
            auto [it, inserted] = seen_.emplace(id, record.row);
            if (!inserted) r.add("id", fc::dubbel_id, "Dit id staat ook in rij " + std::to_string(it->second) + ".");
        }
        if (r.count() > 0 || !position) return;
        out.location = {id, 0, serialise(doc), *position};
        check_loadable(out.location.properties_json, *position, r);
        if (r.count() == 0) report.records.push_back(std::move(out));
    }

private:
    const std::string* cell(const char* column) const {
        auto it = index_.find(column);
        return it == index_.end() ? nullptr : &(*cells_)[it->second];
    }
    bool cell_has(const char* column) const {
        const std::string* c = cell(column);
        return c != nullptr && !trim(*c).empty();
    }

    const geo::MunicipalityIndex& municipalities_;
    std::map<std::string, std::size_t, std::less<>> index_;
    const std::vector<std::string>* cells_ = nullptr;
    std::unordered_map<std::string, std::size_t> seen_;
};

}  // namespace

const std::vector<std::string>& csv_columns() { return column_names; }

void read_csv(std::string_view content, const geo::MunicipalityIndex& municipalities, const ImportProgress& progress, ImportReport& report) {
    // Cells neutralised by the export (a leading "'" before a formula) read back as they were stored;
    // text::parse_csv skips the byte order mark Excel writes.
    auto parsed = text::parse_csv(content, text::CsvCells::restore_formulas);
    const auto& unclosed = parsed.unclosed_row;
    const auto& records = parsed.records;
    if (unclosed) {
        report.problems.push_back({*unclosed, "", std::string(file_codes::ongeldige_csv), "Een veld tussen aanhalingstekens wordt nooit gesloten (begint in rij " +
                                                                        std::to_string(*unclosed) + ")."});
        return;
    }
    if (records.empty() || (records.size() == 1 && records[0].cells.size() == 1 && records[0].cells[0].empty())) {
        report.problems.push_back({0, "", std::string(file_codes::leeg_bestand), "Het bestand is leeg; de eerste rij moet de kolomnamen bevatten."});
        return;
    }

    // The header.
    const auto& header = records[0].cells;
    std::vector<std::string> names;
    std::size_t known = 0;
    std::vector<ImportProblem> header_problems;
    for (const auto& raw : header) {
        const std::string name = lower(trim(raw));
        auto it = std::find_if(column_names.begin(), column_names.end(), [&](const std::string& c) { return lower(c) == name; });
        names.push_back(it == column_names.end() ? std::string(trim(raw)) : *it);
        if (it == column_names.end()) header_problems.push_back({1, ido::text::printable(trim(raw)), std::string(file_codes::onbekende_kolom), "Onbekende kolom."});
        else if (std::count(names.begin(), names.end(), *it) > 1) header_problems.push_back({1, *it, std::string(file_codes::dubbele_kolom), "Deze kolom staat er twee keer."});
        else ++known;
    }
    if (known == 0) {
        const bool semicolons = header.size() == 1 && header[0].find(';') != std::string::npos;
        report.problems.push_back({1, "", semicolons ? std::string(file_codes::verkeerd_scheidingsteken) : std::string(file_codes::geen_kopregel),
                                   semicolons ? "De kolommen zijn gescheiden door ; in plaats van komma's. Sla op als CSV UTF-8 (door komma's gescheiden)."
                                              : "De eerste rij moet de kolomnamen bevatten (id, naam, lat, lon, ...)."});
        return;
    }
    for (const auto& required : required_columns)
        if (std::find(names.begin(), names.end(), required) == names.end())
            header_problems.push_back({1, required, std::string(file_codes::ontbrekende_kolom), "Deze kolom is verplicht."});
    if (!header_problems.empty()) {
        report.problems.insert(report.problems.end(), header_problems.begin(), header_problems.end());
        return;
    }

    CsvReader reader(names, municipalities);
    const std::size_t total = records.size() - 1;
    for (std::size_t i = 1; i < records.size(); ++i) {
        const auto& record = records[i];
        if (progress && i % 500 == 0) progress(i, total);
        const bool empty = std::all_of(record.cells.begin(), record.cells.end(), [](const std::string& c) { return trim(c).empty(); });
        if (empty) continue;  // spreadsheets leave empty rows at the end
        ++report.rows;
        if (record.cells.size() != names.size()) {
            report.problems.push_back({record.row, "", std::string(file_codes::ongeldige_csv), "Deze rij heeft " + std::to_string(record.cells.size()) +
                                                                            " velden, de kopregel " + std::to_string(names.size()) + "."});
            continue;
        }
        if (record.malformed)
            report.problems.push_back({record.row, "", std::string(file_codes::ongeldige_csv), "Een aanhalingsteken midden in een veld; zet het hele veld tussen \"\" en verdubbel aanhalingstekens erin."});
        reader.read(record, report);
    }
    if (progress && total % 500 != 0) progress(total, total);
}

}  // namespace ido::exchange
