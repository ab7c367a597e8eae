#include "service/render/problem.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>

namespace ido::service {
namespace {

constexpr std::array table{std::to_array<ProblemKind>({
    {codes::ongeldige_parameters, 400, "Een of meer parameters zijn ongeldig"},
    {codes::ongeldige_inhoud, 400, "De inhoud van het verzoek is ongeldig"},
    {codes::niet_geauthenticeerd, 401, "Geen geldige sleutel (token)"},
    {codes::sleutel_verlopen, 401, "Deze sleutel is verlopen"},
    {codes::geen_toegang, 403, "Deze sleutel mag dit niet"},
    {codes::bestaat_al, 409, "Dit informatiepunt bestaat al"},
    {codes::al_afgesloten, 409, "Deze melding is al afgesloten"},
    {codes::versie_conflict, 412, "Iemand anders heeft dit intussen gewijzigd"},
    {codes::lijst_afgewezen, 422, "De lijst is niet verwerkt"},
    {codes::mediatype_niet_ondersteund, 415, "Stuur JSON (application/json)"},
    {codes::voorwaarde_vereist, 428, "Stuur If-Match met de ETag van de laatste versie"},
    {codes::niet_gevonden, 404, "Niet gevonden"},
    {codes::pad_niet_gevonden, 404, "Deze URL bestaat niet"},
    {codes::methode_niet_toegestaan, 405, "Deze methode is hier niet toegestaan"},
    {codes::verzoek_te_groot, 413, "Het verzoek is te groot"},
    {codes::te_veel_verzoeken, 429, "Te veel verzoeken"},
    {codes::niet_beschikbaar, 503, "De dienst is tijdelijk niet beschikbaar"},
    {codes::interne_fout, 500, "Interne fout"},
})};

}  // namespace

const ProblemKind& problem_kind(std::string_view code) {
    for (const auto& kind : table)
        if (kind.code == code) return kind;
    // An unknown code is a programming error; answer it as what it is rather than crash.
    return table.back();
}

std::string problem_json(const Problem& problem, std::string_view instance) {
    const ProblemKind& kind = problem_kind(problem.code);
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("type");
    w.String("https://ido-vinder.nl/problemen/" + std::string(kind.code));
    w.Key("title");
    w.String(kind.title.data(), static_cast<rapidjson::SizeType>(kind.title.size()));
    w.Key("status");
    w.Int(kind.status);
    w.Key("detail");
    w.String(problem.detail);
    w.Key("code");
    w.String(kind.code.data(), static_cast<rapidjson::SizeType>(kind.code.size()));
    w.Key("instance");
    w.String(instance.data(), static_cast<rapidjson::SizeType>(instance.size()));
    if (!problem.invalid_params.empty()) {
        w.Key("invalidParams");
        w.StartArray();
        for (const auto& p : problem.invalid_params) {
            w.StartObject();
            w.Key("name");
            w.String(p.name);
            w.Key("code");
            w.String(p.code);
            w.Key("reason");
            w.String(p.reason);
            w.EndObject();
        }
        w.EndArray();
    }
    w.EndObject();
    return buffer.GetString();
}

}  // namespace ido::service
