#include "service/render/coverage_problems.hpp"

#include <array>
#include <string_view>

namespace ido::service {
namespace {

using coverage::ErrorCode;

// Per analysis error: the query parameter it concerns and the invalidParams code. The analysis names
// its fields after its own options (`drempels[2]`); the API's names are these.
struct Mapping {
    ErrorCode error;
    std::string_view parameter;
    std::string_view code;
};
constexpr std::array<Mapping, 9> table{{
    {ErrorCode::ongeldig_aantal_drempels, "afstanden", param_codes::ongeldig_aantal},
    {ErrorCode::drempel_buiten_bereik, "afstanden", param_codes::buiten_bereik},
    {ErrorCode::dubbele_drempel, "afstanden", param_codes::dubbele_waarde},
    {ErrorCode::onbekende_herkomst, "herkomst", param_codes::ongeldige_waarde},
    {ErrorCode::geen_informatiepunten, "herkomst", param_codes::geen_informatiepunten},
    {ErrorCode::te_veel_extra_posities, "extraLocaties", param_codes::ongeldig_aantal},
    {ErrorCode::ongeldige_coordinaat, "extraLocaties", param_codes::ongeldige_coordinaat},
    {ErrorCode::buiten_nederland, "extraLocaties", param_codes::buiten_nederland},
    {ErrorCode::ongeldig_aantal_locaties, "aantal", param_codes::buiten_bereik},
}};

}  // namespace

Problem coverage_problem(const std::vector<coverage::CoverageError>& errors) {
    for (const auto& error : errors)
        if (error.code == ErrorCode::onbekende_gemeente) return {std::string(codes::niet_gevonden), error.message, {}};
    Problem problem{std::string(codes::ongeldige_parameters), "Een of meer parameters zijn ongeldig.", {}};
    for (const auto& error : errors) {
        const Mapping* found = nullptr;
        for (const auto& m : table)
            if (m.error == error.code) found = &m;
        // Every code but onbekende_gemeente is in the table; a code added to the analysis later is still
        // a bad value of some parameter rather than a crash.
        if (found == nullptr) problem.invalid_params.push_back({error.veld, std::string(param_codes::ongeldige_waarde), error.message});
        else problem.invalid_params.push_back({std::string(found->parameter), std::string(found->code), error.message});
    }
    return problem;
}

}  // namespace ido::service
