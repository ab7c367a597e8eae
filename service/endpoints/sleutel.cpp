#include "service/endpoints/sleutel.hpp"

#include "service/http/auth.hpp"
#include "service/http/query.hpp"
#include "service/render/json_output.hpp"
#include "service/render/problem.hpp"
#include "service/render/responses.hpp"
#include "store/store.hpp"

#include <string>
#include <variant>

namespace ido::service {

HttpResponse get_sleutel(WriteContext& context, const HttpRequest& request) {
    const std::string route = "/v1/sleutel";
    try {
        QueryParams query(request.query, {});
        if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);
        auto who = authenticate(request, context.editor.store(), context.limiter, route);
        if (auto* problem = std::get_if<HttpResponse>(&who)) return std::move(*problem);
        const store::Token& token = std::get<Authenticated>(who).token;
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        w.Key("id");
        w.Int64(token.id);
        w.Key("label");
        w.String(token.label);
        w.Key("rol");
        w.String(std::string(store::to_string(token.rol)));
        // Only the scope that applies to the role, as on the command line.
        if (token.rol == store::Role::bibliotheek) {
            w.Key("organisatie");
            w.String(token.organisatie);
        } else if (token.rol == store::Role::gemeente) {
            w.Key("gemeentecode");
            w.String(token.gemeentecode);
        }
        w.Key("aangemaakt");
        w.String(token.aangemaakt);
        w.Key("geldigTot");
        w.String(token.geldig_tot);
        w.Key("laatstGebruikt");
        if (token.laatst_gebruikt) w.String(*token.laatst_gebruikt);
        else w.Null();
        w.EndObject();
        auto response = json_response(std::string(buffer.GetString(), buffer.GetSize()), route);
        // An answer about one token: no shared cache may keep it.
        response.headers.emplace_back("Cache-Control", "no-store");
        return response;
    } catch (const store::StoreUnavailable&) {
        auto response = problem_response({std::string(codes::niet_beschikbaar), "De opslag is even niet bereikbaar. Probeer het over een paar seconden opnieuw.", {}},
                                         request.path, route);
        response.headers.emplace_back("Retry-After", "5");
        return response;
    }
}

}  // namespace ido::service
