#include "service/import_export.hpp"

#include "geo/dataset.hpp"
#include "geo/hours/hours.hpp"
#include "service/field_checks.hpp"
#include "service/parameters.hpp"
#include "service/query.hpp"
#include "service/responses.hpp"
#include "store/json_diff.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace ido::service {
namespace {

using rapidjson::Document;
using rapidjson::Value;

// Every JSON text read here keeps full double precision, so a coordinate exported in its shortest
// exact form reads back as the very same double (a round trip must not move anything).
constexpr unsigned parse_flags = rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag;

const std::vector<std::string> column_names{
    "id", "naam", "organisatie", "straat", "huisnummer", "postcode", "woonplaats", "gemeentecode", "gemeentenaam",
    "lat", "lon", "coordinaatPrecisie", "status", "openingstijden", "diensten", "opAfspraak", "inloop",
    "telefoon", "email", "website", "laatstGecontroleerd", "mededeling", "spreekuren_json",
    "herkomst_soort", "herkomst_bron", "herkomst_toelichting", "herkomst_peildatum"};

const std::vector<std::string> required_columns{"id", "naam", "lat", "lon"};

// The record's properties, in the order of the seed set and of records made by the write API.
const std::set<std::string, std::less<>> known_properties{
    "id", "naam", "organisatie", "adres", "woonplaats", "gemeentecode", "gemeentenaam", "openingstijden", "spreekuren",
    "diensten", "opAfspraak", "inloop", "contact", "laatstGecontroleerd", "mededeling", "herkomst", "coordinaatPrecisie",
    "status"};

// Fields with a default for new records: an empty cell keeps what is stored instead of clearing it.
const std::set<std::string, std::less<>> keep_when_blank{"herkomst/soort", "coordinaatPrecisie", "status"};

constexpr const char* default_desk_name = "Informatiepunt Digitale Overheid";

std::string serialise(const Value& v) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    v.Accept(writer);
    return buffer.GetString();
}

const Value* member(const Value& object, std::string_view key) {
    if (!object.IsObject()) return nullptr;
    auto it = object.FindMember(Value(rapidjson::StringRef(key.data(), key.size())));
    return it == object.MemberEnd() ? nullptr : &it->value;
}

Value* member(Value& object, std::string_view key) {
    if (!object.IsObject()) return nullptr;
    auto it = object.FindMember(Value(rapidjson::StringRef(key.data(), key.size())));
    return it == object.MemberEnd() ? nullptr : &it->value;
}

// Sets a member in place (keeping its position, so nested objects keep their key order) or appends it.
void set_member(Value& object, std::string_view key, Value value, Document::AllocatorType& a) {
    if (Value* existing = member(object, key)) *existing = std::move(value);
    else object.AddMember(Value(key.data(), static_cast<rapidjson::SizeType>(key.size()), a), std::move(value), a);
}

std::string_view as_text(const Value* v) {
    return v && v->IsString() ? std::string_view(v->GetString(), v->GetStringLength()) : std::string_view();
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Shortest decimal text that reads back as exactly this double (std::to_chars guarantees that).
std::string number_text(double value) {
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::string("0");
}

// --- UTF-8 ---------------------------------------------------------------------------------------------

// Offsets of byte sequences that are not UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
std::vector<std::size_t> invalid_utf8(std::string_view text, std::size_t max_reported) {
    std::vector<std::size_t> bad;
    std::size_t i = 0;
    while (i < text.size() && bad.size() < max_reported) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t code = 0, min = 0;
        if (c >= 0xC2 && c <= 0xDF) length = 2, code = c & 0x1F, min = 0x80;
        else if ((c & 0xF0) == 0xE0) length = 3, code = c & 0x0F, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4) length = 4, code = c & 0x07, min = 0x10000;
        bool ok = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; ok && k < length; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) ok = false;
            code = (code << 6) | (cc & 0x3F);
        }
        if (ok && (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))) ok = false;
        if (!ok) {
            bad.push_back(i);
            ++i;
            continue;
        }
        i += length;
    }
    return bad;
}

// Refuses content that is not UTF-8, naming the lines; returns false when there were problems.
bool check_encoding(std::string_view content, std::vector<ImportProblem>& problems) {
    if (content.starts_with("\xFF\xFE") || content.starts_with("\xFE\xFF")) {
        problems.push_back({0, "", "geen-utf8", "Het bestand is UTF-16. Sla het op als UTF-8 (in Excel: CSV UTF-8)."});
        return false;
    }
    const auto bad = invalid_utf8(content, 20);
    if (bad.empty()) return true;
    std::size_t line = 1, at = 0, last_line = 0;
    for (std::size_t offset : bad) {
        line += static_cast<std::size_t>(std::count(content.begin() + static_cast<std::ptrdiff_t>(at), content.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
        at = offset;
        if (line == last_line) continue;
        last_line = line;
        problems.push_back({line, "", "geen-utf8",
                            "Regel " + std::to_string(line) + " is geen UTF-8 (waarschijnlijk Windows-1252 of Latin-1). "
                            "Sla het bestand op als UTF-8 (in Excel: CSV UTF-8)."});
    }
    return false;
}

// --- CSV (RFC 4180) --------------------------------------------------------------------------------------

struct CsvRecord {
    std::size_t row = 0;            // the spreadsheet row number (1 = header)
    std::vector<std::string> cells;
    bool malformed = false;         // a quote where RFC 4180 allows none
};

// Splits CSV text into records. Quoted fields may hold commas, quotes ("") and line breaks. Sets
// `unclosed_row` when a quoted field never ends (then the records after it are not returned).
std::vector<CsvRecord> parse_csv(std::string_view text, std::optional<std::size_t>& unclosed_row) {
    std::vector<CsvRecord> records;
    CsvRecord current;
    current.row = 1;
    std::string field;
    bool quoted = false, after_quote = false, field_started = false;
    std::size_t quote_row = 0;
    auto end_field = [&] {
        current.cells.push_back(std::move(field));
        field.clear();
        after_quote = field_started = false;
    };
    auto end_record = [&] {
        end_field();
        const std::size_t next = current.row + 1;
        records.push_back(std::move(current));
        current = CsvRecord{};
        current.row = next;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                    after_quote = true;
                }
            } else {
                field.push_back(c);
            }
            continue;
        }
        if (c == ',') {
            end_field();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_record();
        } else if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
            quote_row = current.row;
        } else {
            if (c == '"' || after_quote) current.malformed = true;
            field.push_back(c);
            field_started = true;
        }
    }
    if (quoted) {
        unclosed_row = quote_row;
        return records;
    }
    if (field_started || !current.cells.empty()) end_record();
    return records;
}

bool needs_quotes(std::string_view value) { return value.find_first_of(",\"\r\n") != std::string_view::npos; }

void append_cell(std::string& out, std::string_view value) {
    if (!needs_quotes(value)) {
        out += value;
        return;
    }
    out.push_back('"');
    for (char c : value) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

// --- problems --------------------------------------------------------------------------------------------

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

class Reporter {
public:
    Reporter(std::vector<ImportProblem>& out, std::size_t row, bool csv) : out_(out), row_(row), csv_(csv) {}
    void add(const std::string& path, std::string_view code, std::string message) {
        std::string field = path;
        if (csv_) {
            field = csv_column_of(path);
            // Inside the JSON column, say where.
            if (field == "spreekuren_json" && path != "spreekuren") message = path + ": " + message;
        }
        out_.push_back({row_, std::move(field), std::string(code), std::move(message)});
        ++count_;
    }
    std::size_t count() const { return count_; }

private:
    std::vector<ImportProblem>& out_;
    std::size_t row_;
    bool csv_;
    std::size_t count_ = 0;
};

// --- checks of one record ----------------------------------------------------------------------------------

bool absent_or_null(const Value* v) { return v == nullptr || v->IsNull(); }

void check_text(const Value* v, const std::string& path, std::size_t max, bool required, Reporter& r) {
    if (absent_or_null(v)) {
        if (required) r.add(path, "ontbrekend-veld", "Vul dit veld in.");
        return;
    }
    if (!v->IsString() || v->GetStringLength() > max || !is_clean_utf8(as_text(v)))
        r.add(path, "ongeldige-waarde", "Geef tekst van hoogstens " + std::to_string(max) + " tekens, zonder regeleinden of stuurtekens.");
    else if (required && v->GetStringLength() == 0)
        r.add(path, "ontbrekend-veld", "Vul dit veld in.");
}

void check_choice(const Value* v, const std::string& path, std::initializer_list<std::string_view> allowed, Reporter& r) {
    if (absent_or_null(v)) return;
    if (!v->IsString() || std::find(allowed.begin(), allowed.end(), as_text(v)) == allowed.end()) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        r.add(path, "ongeldige-waarde", "Toegestaan: " + list + ".");
    }
}

void check_pattern(const Value* v, const std::string& path, bool (*valid)(std::string_view), const char* message, Reporter& r) {
    if (absent_or_null(v)) return;
    if (!v->IsString() || !valid(as_text(v))) r.add(path, "ongeldige-waarde", message);
}

void check_bool(const Value* v, const std::string& path, Reporter& r) {
    if (!absent_or_null(v) && !v->IsBool()) r.add(path, "ongeldige-waarde", "Geef ja, nee of laat leeg (onbekend).");
}

void check_hours(const Value* v, const std::string& path, Reporter& r) {
    if (absent_or_null(v)) return;
    if (!v->IsString() || v->GetStringLength() > 500 || !is_clean_utf8(as_text(v))) {
        r.add(path, "ongeldige-openingstijden", "Geef de openingstijden in OpenStreetMap-notatie (leeg = onbekend).");
        return;
    }
    auto parsed = hours::parse(as_text(v));
    if (auto* error = std::get_if<hours::ParseError>(&parsed))
        r.add(path, "ongeldige-openingstijden", "Fout op positie " + std::to_string(error->position) + ": " + error->message);
}

void check_codes(const Value* v, const std::string& path, Reporter& r) {
    if (absent_or_null(v)) return;
    if (!v->IsArray() || v->Size() > 20) {
        r.add(path, "ongeldige-waarde", "Geef een lijst met dienstcodes.");
        return;
    }
    const auto& known = service_codes();
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
        const Value& code = (*v)[i];
        if (!code.IsString() || std::find(known.begin(), known.end(), as_text(&code)) == known.end())
            r.add(path + "/" + std::to_string(i), "onbekende-dienst",
                  "Onbekende dienst" + (code.IsString() ? " '" + printable(as_text(&code)) + "'" : std::string()) + ".");
    }
}

void check_object_keys(const Value& object, const std::string& path, std::initializer_list<std::string_view> allowed, Reporter& r) {
    for (const auto& m : object.GetObject()) {
        const std::string_view name(m.name.GetString(), m.name.GetStringLength());
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            r.add(path + "/" + printable(name), "onbekend-veld", "Onbekend veld.");
    }
}

// Same rules as PUT /v1/informatiepunten/{id}/openingstijden.
void check_desks(const Value* v, Reporter& r) {
    if (v == nullptr || !v->IsArray() || v->Empty() || v->Size() > 10) {
        r.add("spreekuren", "ongeldige-waarde", "Geef 1 tot 10 spreekuren (een JSON-lijst).");
        return;
    }
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
        const std::string at = "spreekuren/" + std::to_string(i);
        const Value& s = (*v)[i];
        if (!s.IsObject()) {
            r.add(at, "ongeldige-waarde", "Een spreekuur is een JSON-object.");
            continue;
        }
        check_object_keys(s, at, {"naam", "diensten", "openingstijden", "opAfspraak", "afspraak", "toelichting"}, r);
        check_text(member(s, "naam"), at + "/naam", 100, true, r);
        if (const Value* d = member(s, "diensten"); d == nullptr) r.add(at + "/diensten", "ontbrekend-veld", "Geef de diensten van dit spreekuur.");
        else check_codes(d, at + "/diensten", r);
        if (const Value* h = member(s, "openingstijden"); h == nullptr || h->IsNull())
            r.add(at + "/openingstijden", "ontbrekend-veld", "Geef de openingstijden (\"\" = onbekend).");
        else check_hours(h, at + "/openingstijden", r);
        check_bool(member(s, "opAfspraak"), at + "/opAfspraak", r);
        if (const Value* a = member(s, "afspraak"); !absent_or_null(a)) {
            if (!a->IsObject()) {
                r.add(at + "/afspraak", "ongeldige-waarde", "Geef een object met url en/of telefoon, of null.");
            } else {
                check_object_keys(*a, at + "/afspraak", {"url", "telefoon"}, r);
                check_pattern(member(*a, "url"), at + "/afspraak/url", valid_web_url, "Geef een webadres dat begint met https://.", r);
                check_pattern(member(*a, "telefoon"), at + "/afspraak/telefoon", valid_phone, "Geef een telefoonnummer.", r);
            }
        }
        check_text(member(s, "toelichting"), at + "/toelichting", 500, false, r);
    }
}

// The position, and that it lies in the municipality the record names.
void check_position(const Value& p, std::optional<geo::Wgs84> position, const geo::MunicipalityIndex& municipalities, Reporter& r) {
    const Value* code = member(p, "gemeentecode");
    if (!position) return;  // reported where the position was read
    if (!geo::near_netherlands(*position)) {
        r.add("geometrie", "buiten-nederland", "Dit punt ligt niet in Nederland (lat 50.6-53.8, lon 3.1-7.4).");
        return;
    }
    const auto containing = municipalities.containing(*position);
    if (!containing) {
        r.add("geometrie", "buiten-gemeente", "Dit punt ligt in geen enkele Nederlandse gemeente (op zee of over de grens?).");
        return;
    }
    if (absent_or_null(code)) {
        r.add("gemeentecode", "ontbrekend-veld", "Geef de gemeentecode (zoals GM0363).");
        return;
    }
    const auto named = municipalities.find(as_text(code));
    if (!code->IsString() || !named) {
        r.add("gemeentecode", "onbekende-gemeente", "Onbekende gemeentecode; geef een CBS-code zoals GM0363.");
        return;
    }
    if (!municipalities.covers(*named, *position)) {
        const auto& in = municipalities.all()[*containing];
        r.add("gemeentecode", "gemeente-klopt-niet",
              "Het punt ligt in " + in.naam + " (" + in.gemeentecode + "), niet in " + municipalities.all()[*named].naam + ".");
    }
}

// Every field of one record (properties as stored). `desks`: check the spreekuren (they come from the
// file, not derived from other columns); `keys`: refuse unknown properties (GeoJSON).
void check_record(const Value& p, std::optional<geo::Wgs84> position, const geo::MunicipalityIndex& municipalities, bool desks,
                  bool keys, Reporter& r) {
    if (keys)
        for (const auto& m : p.GetObject())
            if (!known_properties.count(std::string_view(m.name.GetString(), m.name.GetStringLength())))
                r.add(printable(std::string_view(m.name.GetString(), m.name.GetStringLength())), "onbekend-veld", "Onbekend veld.");
    const Value* id = member(p, "id");
    if (absent_or_null(id) || (id->IsString() && id->GetStringLength() == 0)) r.add("id", "ontbrekend-veld", "Geef een id.");
    else if (!id->IsString() || !valid_id(as_text(id)))
        r.add("id", "ongeldige-waarde", "Een id is 1 tot 64 letters, cijfers, - of _.");
    check_text(member(p, "naam"), "naam", 200, true, r);
    check_text(member(p, "organisatie"), "organisatie", 200, false, r);
    if (const Value* adres = member(p, "adres"); !absent_or_null(adres)) {
        if (!adres->IsObject()) {
            r.add("adres", "ongeldige-waarde", "Geef een object met straat, huisnummer, postcode en woonplaats.");
        } else {
            if (keys) check_object_keys(*adres, "adres", {"straat", "huisnummer", "postcode", "woonplaats"}, r);
            for (const char* key : {"straat", "huisnummer", "postcode", "woonplaats"})
                check_text(member(*adres, key), std::string("adres/") + key, 100, false, r);
        }
    }
    // In CSV the top-level woonplaats is the same cell as adres/woonplaats: report it once.
    if (keys) check_text(member(p, "woonplaats"), "woonplaats", 100, false, r);
    check_position(p, position, municipalities, r);
    check_text(member(p, "gemeentenaam"), "gemeentenaam", 200, false, r);
    check_hours(member(p, "openingstijden"), "openingstijden", r);
    if (desks) check_desks(member(p, "spreekuren"), r);
    check_codes(member(p, "diensten"), "diensten", r);
    check_bool(member(p, "opAfspraak"), "opAfspraak", r);
    check_bool(member(p, "inloop"), "inloop", r);
    if (const Value* contact = member(p, "contact"); !absent_or_null(contact)) {
        if (!contact->IsObject()) {
            r.add("contact", "ongeldige-waarde", "Geef een object met telefoon, email en website.");
        } else {
            if (keys) check_object_keys(*contact, "contact", {"telefoon", "email", "website"}, r);
            check_pattern(member(*contact, "telefoon"), "contact/telefoon", valid_phone, "Geef een telefoonnummer (cijfers, spaties, +, -).", r);
            check_pattern(member(*contact, "email"), "contact/email", valid_email, "Geef een e-mailadres.", r);
            check_pattern(member(*contact, "website"), "contact/website", valid_web_url, "Geef een webadres dat begint met https://.", r);
        }
    }
    if (const Value* d = member(p, "laatstGecontroleerd"); !absent_or_null(d) && (!d->IsString() || !valid_date(as_text(d))))
        r.add("laatstGecontroleerd", "ongeldige-datum", "Geef een datum als 2026-11-28 (jaar-maand-dag).");
    check_text(member(p, "mededeling"), "mededeling", 500, false, r);
    if (const Value* h = member(p, "herkomst"); !absent_or_null(h)) {
        if (!h->IsObject()) {
            r.add("herkomst", "ongeldige-waarde", "Geef een object met soort, bron, toelichting en peildatum.");
        } else {
            if (keys) check_object_keys(*h, "herkomst", {"soort", "bron", "toelichting", "peildatum"}, r);
            check_text(member(*h, "soort"), "herkomst/soort", 100, false, r);
            check_pattern(member(*h, "bron"), "herkomst/bron", valid_web_url, "Geef een webadres dat begint met https://.", r);
            check_text(member(*h, "toelichting"), "herkomst/toelichting", 2000, false, r);
            if (const Value* d = member(*h, "peildatum"); !absent_or_null(d) && (!d->IsString() || !valid_partial_date(as_text(d))))
                r.add("herkomst/peildatum", "ongeldige-datum", "Geef een datum als 2025-10-29, 2025-10 of 2025.");
        }
    }
    check_choice(member(p, "coordinaatPrecisie"), "coordinaatPrecisie", {"gebouw", "woonplaats"}, r);
    check_choice(member(p, "status"), "status", {"actief", "waarschijnlijk actief"}, r);
}

// The last safety net: the record as the service will load it.
void check_loadable(const std::string& properties, geo::Wgs84 position, Reporter& r) {
    try {
        geo::make_location(properties, position, 1);
    } catch (const std::exception& e) {
        r.add("", "ongeldig-record", std::string("Dit record laadt niet: ") + e.what());
    }
}

// --- building a record from a CSV row ------------------------------------------------------------------------

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    std::string copy(text);
    // A Dutch spreadsheet may write a decimal comma ("52,37"); one comma and no point is unambiguous.
    if (std::count(copy.begin(), copy.end(), ',') == 1 && copy.find('.') == std::string::npos) std::replace(copy.begin(), copy.end(), ',', '.');
    double value = 0;
    auto [end, error] = std::from_chars(copy.data(), copy.data() + copy.size(), value);
    if (copy.empty() || error != std::errc() || end != copy.data() + copy.size() || !std::isfinite(value)) return std::nullopt;
    return value;
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

// Location-level fields derived from its desks, as the write API derives them.
struct DeskSummary {
    std::set<std::string> diensten;
    Value op_afspraak;
    Value inloop;
};
DeskSummary summarise(const Value& desks) {
    DeskSummary s;
    bool all_by_appointment = true, any_walk_in = false, any_unknown = false;
    if (desks.IsArray())
        for (const auto& d : desks.GetArray()) {
            if (!d.IsObject()) continue;
            if (const Value* codes = member(d, "diensten"); codes && codes->IsArray())
                for (const auto& c : codes->GetArray())
                    if (c.IsString()) s.diensten.insert(c.GetString());
            const Value* op = member(d, "opAfspraak");
            const bool known = op && op->IsBool();
            if (!known) any_unknown = true;
            else if (!op->GetBool()) any_walk_in = true;
            if (!known || !op->GetBool()) all_by_appointment = false;
        }
    s.op_afspraak = all_by_appointment ? Value(true) : (any_unknown && !any_walk_in ? Value() : Value(false));
    s.inloop = any_walk_in ? Value(true) : (any_unknown ? Value() : Value(false));
    return s;
}

Value code_list(const std::set<std::string>& codes, Document::AllocatorType& a) {
    Value list(rapidjson::kArrayType);
    for (const auto& c : codes) list.PushBack(Value(c.c_str(), a), a);
    return list;
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

    void read(const CsvRecord& record, ImportReport& report) {
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
            if (c == nullptr || trim(*c).empty()) r.add(column, "ontbrekend-veld", "Geef de positie (WGS84, graden, zoals 52.3731).");
            else if (!(target = parse_number(*c))) r.add(column, "ongeldige-waarde", "Geen getal; geef graden als 52.3731.");
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
            const auto& known = service_codes();
            while (!rest.empty()) {
                const auto cut = rest.find_first_of(";|");
                const std::string code(trim(rest.substr(0, cut)));
                rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
                if (code.empty()) continue;
                if (std::find(known.begin(), known.end(), code) == known.end())
                    r.add("diensten", "onbekende-dienst", "Onbekende dienst '" + printable(code) + "'. Bekend: digid, belastingdienst, toeslagen, uwv, svb, cjib, cbr, duo, zorg, gemeente, digitale-vaardigheden.");
                else codes.insert(code);
            }
            diensten = code_list(codes, a);
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
            r.add(column, "ongeldige-waarde", "Geef ja of nee, of laat leeg (onbekend).");
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
                r.add("spreekuren", "ongeldige-waarde", std::string("Geen geldige JSON (positie ") + std::to_string(parsed.GetErrorOffset()) +
                                                            "): " + rapidjson::GetParseError_En(parsed.GetParseError()));
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
                r.add("openingstijden", "tegenstrijdig",
                      "Verschilt van de openingstijden in spreekuren_json. Wijzig beide, of maak spreekuren_json leeg.");
            }
        }
        if (openingstijden.IsNull() && !several) openingstijden = Value("", a);
        const DeskSummary summary = summarise(desks);
        doc.AddMember("openingstijden", openingstijden, a);
        doc.AddMember("spreekuren", desks, a);
        doc.AddMember("diensten", diensten.IsNull() ? code_list(summary.diensten, a) : std::move(diensten), a);
        doc.AddMember("opAfspraak", op_afspraak.IsNull() && !cell_has("opAfspraak") ? Value(summary.op_afspraak, a) : std::move(op_afspraak), a);
        doc.AddMember("inloop", inloop.IsNull() && !cell_has("inloop") ? Value(summary.inloop, a) : std::move(inloop), a);

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

        check_record(doc, position, municipalities_, desks_from_file, false, r);
        const std::string id(as_text(member(doc, "id")));
        if (!id.empty()) {
            auto [it, inserted] = seen_.emplace(id, record.row);
            if (!inserted) r.add("id", "dubbel-id", "Dit id staat ook in rij " + std::to_string(it->second) + ".");
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

void read_csv(std::string_view content, const geo::MunicipalityIndex& municipalities, const ImportProgress& progress, ImportReport& report) {
    if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);  // the byte order mark Excel writes
    std::optional<std::size_t> unclosed;
    const auto records = parse_csv(content, unclosed);
    if (unclosed) {
        report.problems.push_back({*unclosed, "", "ongeldige-csv", "Een veld tussen aanhalingstekens wordt nooit gesloten (begint in rij " +
                                                                        std::to_string(*unclosed) + ")."});
        return;
    }
    if (records.empty() || (records.size() == 1 && records[0].cells.size() == 1 && records[0].cells[0].empty())) {
        report.problems.push_back({0, "", "leeg-bestand", "Het bestand is leeg; de eerste rij moet de kolomnamen bevatten."});
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
        if (it == column_names.end()) header_problems.push_back({1, printable(trim(raw)), "onbekende-kolom", "Onbekende kolom."});
        else if (std::count(names.begin(), names.end(), *it) > 1) header_problems.push_back({1, *it, "dubbele-kolom", "Deze kolom staat er twee keer."});
        else ++known;
    }
    if (known == 0) {
        const bool semicolons = header.size() == 1 && header[0].find(';') != std::string::npos;
        report.problems.push_back({1, "", semicolons ? "verkeerd-scheidingsteken" : "geen-kopregel",
                                   semicolons ? "De kolommen zijn gescheiden door ; in plaats van komma's. Sla op als CSV UTF-8 (door komma's gescheiden)."
                                              : "De eerste rij moet de kolomnamen bevatten (id, naam, lat, lon, ...)."});
        return;
    }
    for (const auto& required : required_columns)
        if (std::find(names.begin(), names.end(), required) == names.end())
            header_problems.push_back({1, required, "ontbrekende-kolom", "Deze kolom is verplicht."});
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
            report.problems.push_back({record.row, "", "ongeldige-csv", "Deze rij heeft " + std::to_string(record.cells.size()) +
                                                                            " velden, de kopregel " + std::to_string(names.size()) + "."});
            continue;
        }
        if (record.malformed)
            report.problems.push_back({record.row, "", "ongeldige-csv", "Een aanhalingsteken midden in een veld; zet het hele veld tussen \"\" en verdubbel aanhalingstekens erin."});
        reader.read(record, report);
    }
    if (progress && total % 500 != 0) progress(total, total);
}

// --- GeoJSON ---------------------------------------------------------------------------------------------

void read_geojson(std::string_view content, const geo::MunicipalityIndex& municipalities, const ImportProgress& progress, ImportReport& report) {
    Document document;
    document.Parse<parse_flags>(content.data(), content.size());
    if (document.HasParseError()) {
        report.problems.push_back({0, "", "ongeldige-json", std::string("Geen geldige JSON (positie ") + std::to_string(document.GetErrorOffset()) +
                                                                "): " + rapidjson::GetParseError_En(document.GetParseError())});
        return;
    }
    const Value* features = member(document, "features");
    if (as_text(member(document, "type")) != "FeatureCollection" || features == nullptr || !features->IsArray()) {
        report.problems.push_back({0, "", "ongeldige-json", "Geen GeoJSON FeatureCollection."});
        return;
    }
    std::unordered_map<std::string, std::size_t> seen;
    const std::size_t total = features->Size();
    for (rapidjson::SizeType i = 0; i < features->Size(); ++i) {
        const std::size_t row = i + 1;
        if (progress && row % 500 == 0) progress(row, total);
        ++report.rows;
        Reporter r(report.problems, row, false);
        const Value& feature = (*features)[i];
        if (!feature.IsObject() || as_text(member(feature, "type")) != "Feature") {
            r.add("", "ongeldige-waarde", "Geen GeoJSON Feature.");
            continue;
        }
        std::optional<geo::Wgs84> position;
        const Value* geometry = member(feature, "geometry");
        const Value* coordinates = geometry ? member(*geometry, "coordinates") : nullptr;
        if (geometry == nullptr || as_text(member(*geometry, "type")) != "Point" || coordinates == nullptr || !coordinates->IsArray() ||
            coordinates->Size() != 2 || !(*coordinates)[0].IsNumber() || !(*coordinates)[1].IsNumber())
            r.add("geometrie", "ontbrekend-veld", "Geef een GeoJSON Point [lon, lat] in WGS84.");
        else
            position = geo::Wgs84{(*coordinates)[1].GetDouble(), (*coordinates)[0].GetDouble()};
        const Value* properties = member(feature, "properties");
        if (properties == nullptr || !properties->IsObject()) {
            r.add("properties", "ontbrekend-veld", "Een feature heeft een object properties nodig.");
            continue;
        }
        check_record(*properties, position, municipalities, true, true, r);
        const std::string id(as_text(member(*properties, "id")));
        if (const Value* fid = member(feature, "id"); fid && fid->IsString() && as_text(fid) != id)
            r.add("id", "tegenstrijdig", "Het id van de feature verschilt van properties.id.");
        if (!id.empty()) {
            auto [it, inserted] = seen.emplace(id, row);
            if (!inserted) r.add("id", "dubbel-id", "Dit id staat ook in feature " + std::to_string(it->second) + ".");
        }
        if (r.count() > 0 || !position) continue;
        Document copy;
        copy.CopyFrom(*properties, copy.GetAllocator());
        if (!member(copy, "gemeentenaam"))
            if (auto known = municipalities.find(as_text(member(copy, "gemeentecode"))))
                copy.AddMember("gemeentenaam", Value(municipalities.all()[*known].naam.c_str(), copy.GetAllocator()), copy.GetAllocator());
        ImportRecord out;
        out.row = row;
        out.location = {id, 0, serialise(copy), *position};
        check_loadable(out.location.properties_json, *position, r);
        if (r.count() == 0) report.records.push_back(std::move(out));
    }
    if (progress && total % 500 != 0) progress(total, total);
}

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
                problems.push_back({record.row, "openingstijden", "tegenstrijdig",
                                    "Dit informatiepunt heeft meerdere spreekuren: geef ze in de kolom spreekuren_json."});
        }
    }
    return serialise(base);
}

}  // namespace

std::optional<ImportFormat> import_format_for(const std::filesystem::path& file) {
    const std::string extension = lower(file.extension().string());
    if (extension == ".csv") return ImportFormat::csv;
    if (extension == ".geojson" || extension == ".json") return ImportFormat::geojson;
    return std::nullopt;
}

const std::vector<std::string>& csv_columns() { return column_names; }

ImportReport validate_import_text(std::string_view content, ImportFormat format, const geo::MunicipalityIndex& municipalities,
                                  const ImportProgress& progress) {
    ImportReport report;
    report.format = format;
    if (!check_encoding(content, report.problems)) return report;
    if (format == ImportFormat::csv) read_csv(content, municipalities, progress, report);
    else read_geojson(content, municipalities, progress, report);
    return report;
}

ImportReport validate_import(const std::filesystem::path& file, const geo::MunicipalityIndex& municipalities, const ImportProgress& progress) {
    const auto format = import_format_for(file);
    if (!format) throw std::invalid_argument("unknown file type (use .csv or .geojson): " + file.string());
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    return validate_import_text(text.str(), *format, municipalities, progress);
}

ImportPlan plan_import(const ImportReport& report, const std::vector<store::StoredLocation>& current) {
    std::unordered_map<std::string_view, const store::StoredLocation*> by_id;
    for (const auto& location : current) by_id.emplace(location.id, &location);
    ImportPlan plan;
    for (const auto& record : report.records) {
        auto it = by_id.find(record.location.id);
        if (it == by_id.end()) {
            ++plan.nieuw;
            plan.writes.push_back(record.location);
            plan.writes.back().version = 1;
            continue;
        }
        const store::StoredLocation& stored = *it->second;
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

std::vector<store::StoredLocation> in_municipality(const std::vector<store::StoredLocation>& locations, std::string_view gemeentecode) {
    std::vector<store::StoredLocation> out;
    for (const auto& location : locations) {
        Document doc;
        doc.Parse(location.properties_json.c_str(), location.properties_json.size());
        if (as_text(member(doc, "gemeentecode")) == gemeentecode) out.push_back(location);
    }
    return out;
}

std::string export_csv(const std::vector<store::StoredLocation>& locations) {
    std::string out = "\xEF\xBB\xBF";  // so that Excel reads the file as UTF-8
    for (std::size_t i = 0; i < column_names.size(); ++i) {
        if (i) out.push_back(',');
        out += column_names[i];
    }
    out += "\r\n";
    for (const auto& location : locations) {
        Document p;
        p.Parse<parse_flags>(location.properties_json.c_str(), location.properties_json.size());
        static const Value null_value;
        auto get = [&](const char* object, const char* key) -> const Value& {
            const Value* parent = object ? member(p, object) : &static_cast<const Value&>(p);
            const Value* v = parent ? member(*parent, key) : nullptr;
            return v ? *v : null_value;
        };
        auto text = [](const Value& v) { return v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : std::string(); };
        auto boolean = [](const Value& v) { return v.IsBool() ? std::string(v.GetBool() ? "ja" : "nee") : std::string(); };
        std::string diensten;
        if (const Value& d = get(nullptr, "diensten"); d.IsArray())
            for (const auto& c : d.GetArray()) diensten += (diensten.empty() ? "" : ";") + text(c);
        const Value& desks = get(nullptr, "spreekuren");
        const Value& woonplaats = get("adres", "woonplaats");
        const std::vector<std::string> cells{
            text(get(nullptr, "id")), text(get(nullptr, "naam")), text(get(nullptr, "organisatie")),
            text(get("adres", "straat")), text(get("adres", "huisnummer")), text(get("adres", "postcode")),
            text(woonplaats.IsString() ? woonplaats : get(nullptr, "woonplaats")),
            text(get(nullptr, "gemeentecode")), text(get(nullptr, "gemeentenaam")),
            number_text(location.position.lat), number_text(location.position.lon),
            text(get(nullptr, "coordinaatPrecisie")), text(get(nullptr, "status")), text(get(nullptr, "openingstijden")), diensten,
            boolean(get(nullptr, "opAfspraak")), boolean(get(nullptr, "inloop")),
            text(get("contact", "telefoon")), text(get("contact", "email")), text(get("contact", "website")),
            text(get(nullptr, "laatstGecontroleerd")), text(get(nullptr, "mededeling")),
            desks.IsNull() ? std::string() : serialise(desks),
            text(get("herkomst", "soort")), text(get("herkomst", "bron")), text(get("herkomst", "toelichting")),
            text(get("herkomst", "peildatum"))};
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out.push_back(',');
            append_cell(out, cells[i]);
        }
        out += "\r\n";
    }
    return out;
}

std::string export_geojson(const std::vector<store::StoredLocation>& locations) {
    std::string out = "{\"type\":\"FeatureCollection\",\"features\":[\n";
    for (std::size_t i = 0; i < locations.size(); ++i) {
        const auto& l = locations[i];
        Value id(rapidjson::StringRef(l.id.c_str(), l.id.size()));
        out += "{\"type\":\"Feature\",\"id\":" + serialise(id) + ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" +
               number_text(l.position.lon) + "," + number_text(l.position.lat) + "]},\"properties\":" + l.properties_json + "}";
        out += i + 1 < locations.size() ? ",\n" : "\n";
    }
    out += "]}\n";
    return out;
}

}  // namespace ido::service
