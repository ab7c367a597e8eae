#include "geo/coverage/errors.hpp"

namespace ido::coverage {

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::onbekende_gemeente: return "onbekende-gemeente";
        case ErrorCode::ongeldig_aantal_drempels: return "ongeldig-aantal-drempels";
        case ErrorCode::drempel_buiten_bereik: return "drempel-buiten-bereik";
        case ErrorCode::dubbele_drempel: return "dubbele-drempel";
        case ErrorCode::onbekende_herkomst: return "onbekende-herkomst";
        case ErrorCode::te_veel_extra_posities: return "te-veel-extra-posities";
        case ErrorCode::ongeldige_coordinaat: return "ongeldige-coordinaat";
        case ErrorCode::buiten_nederland: return "buiten-nederland";
        case ErrorCode::ongeldig_aantal_locaties: return "ongeldig-aantal-locaties";
        case ErrorCode::geen_informatiepunten: return "geen-informatiepunten";
    }
    return "onbekend";
}

}  // namespace ido::coverage
