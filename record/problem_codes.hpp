#pragma once
// The field-level problem codes of a help point record: what the write API answers in
// `invalidParams[].code` and what the import reports per row and field. One vocabulary: where the two
// used to differ for the same fault, the write API's code was kept (docs/import-export.md lists them).
#include <string>
#include <string_view>
#include <vector>

namespace ido::record {

namespace field_codes {
inline constexpr std::string_view ontbrekend_veld = "ontbrekend-veld";          ///< a required field is absent
inline constexpr std::string_view onbekend_veld = "onbekend-veld";              ///< a field the schema does not have
inline constexpr std::string_view ongeldige_waarde = "ongeldige-waarde";        ///< wrong type, length, form, code or date
inline constexpr std::string_view ongeldige_openingstijden = "ongeldige-openingstijden";  ///< text that is no OSM opening_hours
inline constexpr std::string_view ongeldige_json = "ongeldige-json";            ///< not JSON, or a name twice in one object
inline constexpr std::string_view buiten_nederland = "buiten-nederland";        ///< a position in no Dutch municipality
inline constexpr std::string_view onbekende_gemeente = "onbekende-gemeente";    ///< a gemeentecode CBS does not have
inline constexpr std::string_view gemeente_klopt_niet = "gemeente-klopt-niet";  ///< the position lies in another municipality
inline constexpr std::string_view tegenstrijdig = "tegenstrijdig";              ///< two fields that must agree do not
inline constexpr std::string_view dubbel_id = "dubbel-id";                      ///< an id twice in one file
inline constexpr std::string_view ongeldig_record = "ongeldig-record";          ///< the record does not load (a safety net)
}  // namespace field_codes

/// One problem of one field, named by its JSON pointer (RFC 6901) in the value that was checked.
struct FieldProblem {
    std::string pointer;   ///< e.g. "/spreekuren/0/openingstijden"; "/" = the value as a whole
    std::string code;      ///< one of field_codes
    std::string message;   ///< plain Dutch
};
using FieldProblems = std::vector<FieldProblem>;

}  // namespace ido::record
