#include "service/endpoints/melding_pagina.hpp"

#include "record/melding.hpp"
#include "record/problem_codes.hpp"
#include "record/validate.hpp"
#include "service/endpoints/ogc.hpp"
#include "service/http/query.hpp"
#include "service/render/html.hpp"
#include "service/render/pagina_informatiepunt.hpp"
#include "service/render/pagina_melding.hpp"
#include "service/render/pagina_taalkeuze.hpp"
#include "service/render/teksten.hpp"
#include "store/store.hpp"

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ido::service {
namespace {

const std::string form_route = "/informatiepunten/{id}/melding";
const std::string thanks_route = "/informatiepunten/{id}/melding/bedankt";

pagina::Bestanden bestanden(const StaticFiles& files) {
    return {files.versioned_path("ido-vinder.js"), files.versioned_path("pagina.css"), files.versioned_path("zonder-js.css")};
}

HttpResponse page(std::string body, const std::string& route, int status) {
    auto response = html::html_response(std::move(body), route);
    response.status = status;
    // A form and the answers to it are one resident's: never kept by a cache.
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

const geo::Location* find_location(MeldingContext& context, std::string_view id) {
    if (!ido::record::is_id(id)) return nullptr;
    return context.editor.snapshot()->find(id);
}

// The pages' language as for the other public pages (docs/talen.md): ?taal=, then Accept-Language,
// then Dutch. A language code is plain letters, so the parameter is compared as sent.
std::string taal_van(const HttpRequest& request) {
    std::string_view gevraagd;
    for (const auto& [n, v] : request.query)
        if (n == "taal") {
            gevraagd = v;
            break;
        }
    return teksten::kies(gevraagd, request.header("accept-language").value_or(""));
}

// What every answer in a language carries (as publieke_paginas.cpp does for the other pages).
HttpResponse in_taal(HttpResponse response, std::string_view taal) {
    response.headers.emplace_back("Content-Language", std::string(taal));
    response.headers.emplace_back("Vary", "Accept-Language");
    return response;
}

HttpResponse not_found(const StaticFiles& files, const std::string& route, std::string_view taal) {
    return in_taal(page(pagina::render_niet_gevonden(bestanden(files), taal), route, 404), taal);
}

// A form's fields as the report's JSON object, so that record::validate_melding judges them exactly as
// it judges the API's body: every field sent becomes a member (an unknown one is refused there, as in
// JSON; a name sent twice is refused here, as the JSON body parser does). A textarea sends its line breaks as CR LF (HTML's form encoding); they go
// back to LF, as the widget's JSON sends them, so that a line break counts one character in both.
std::optional<rapidjson::Document> form_as_json(std::string_view body) {
    rapidjson::Document doc;
    doc.SetObject();
    auto& allocator = doc.GetAllocator();
    while (!body.empty()) {
        const auto amp = body.find('&');
        const auto pair = body.substr(0, amp);
        body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        auto name = percent_decode(pair.substr(0, eq));
        auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
        // A broken escape, or a name twice (which the JSON body parser refuses as well).
        if (!name || !value || doc.HasMember(name->c_str())) return std::nullopt;
        std::string text;
        for (std::size_t i = 0; i < value->size(); ++i)
            if (!((*value)[i] == '\r' && i + 1 < value->size() && (*value)[i + 1] == '\n')) text.push_back((*value)[i]);
        rapidjson::Value key(name->c_str(), static_cast<rapidjson::SizeType>(name->size()), allocator);
        rapidjson::Value member(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), allocator);
        doc.AddMember(key, member, allocator);
    }
    return doc;
}

std::string member_text(const rapidjson::Document& doc, const char* name) {
    const auto it = doc.FindMember(name);
    if (it == doc.MemberEnd() || !it->value.IsString()) return {};
    std::string text(it->value.GetString(), it->value.GetStringLength());
    return is_clean_utf8(text) ? text : std::string();  // shown again in the page only when it is text
}

// The validator's problems as the form's errors: by field; a text that is not too long is refused for
// its characters.
pagina::MeldFouten fouten_van(const ido::record::FieldProblems& problems, std::string_view toelichting) {
    pagina::MeldFouten fouten;
    for (const auto& p : problems) {
        if (p.pointer == "/soort") fouten.soort = true;
        else if (p.pointer == "/toelichting") {
            std::size_t tekens = 0;
            for (const char c : toelichting) tekens += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            fouten.toelichting = tekens > ido::record::max_toelichting_tekens ? pagina::MeldFouten::Tekst::te_lang : pagina::MeldFouten::Tekst::ongeldig;
        } else {
            fouten.formulier = true;
        }
    }
    return fouten;
}

}  // namespace

HttpResponse get_melding_formulier(MeldingContext& context, const StaticFiles& files, const HttpRequest& request, std::string_view id) {
    const std::string taal = taal_van(request);
    const geo::Location* location = find_location(context, id);
    if (location == nullptr) return not_found(files, form_route, taal);
    pagina::MeldFormulier formulier;
    formulier.id = location->id;
    formulier.naam = location->naam;
    formulier.taal = taal;
    return in_taal(page(pagina::render_meld_formulier(formulier, bestanden(files)), form_route, 200), taal);
}

HttpResponse get_melding_bedankt(MeldingContext& context, const StaticFiles& files, const HttpRequest& request, std::string_view id) {
    const std::string taal = taal_van(request);
    const geo::Location* location = find_location(context, id);
    if (location == nullptr) return not_found(files, thanks_route, taal);
    return in_taal(page(pagina::render_meld_bedankt(location->id, location->naam, bestanden(files), taal), thanks_route, 200), taal);
}

HttpResponse post_melding_formulier(MeldingContext& context, const StaticFiles& files, const HttpRequest& request, std::string_view id) {
    const std::string taal = taal_van(request);
    const geo::Location* location = find_location(context, id);
    if (location == nullptr) return not_found(files, form_route, taal);
    // Copies: the snapshot may be replaced while the report is taken in.
    const std::string ip_id = location->id, naam = location->naam;
    pagina::MeldFormulier formulier;
    formulier.id = ip_id;
    formulier.naam = naam;
    formulier.taal = taal;
    std::string sent;  // the text as sent, for telling "too long" from "characters we cannot use"
    try {
        const auto received = receive_melding(context, ip_id, request.client, [&]() -> std::variant<rapidjson::Document, HttpResponse> {
            // The browser's encoding of a form without files; anything else did not come from this form.
            const auto type = request.header("content-type");
            std::optional<rapidjson::Document> doc;
            if (type && type->starts_with("application/x-www-form-urlencoded")) doc = form_as_json(request.body);
            if (!doc) {
                formulier.fouten.formulier = true;
                return in_taal(page(pagina::render_meld_formulier(formulier, bestanden(files)), form_route,
                                    type && type->starts_with("application/x-www-form-urlencoded") ? 400 : 415),
                               taal);
            }
            formulier.soort = member_text(*doc, "soort");
            if (const auto it = doc->FindMember("toelichting"); it != doc->MemberEnd() && it->value.IsString())
                sent.assign(it->value.GetString(), it->value.GetStringLength());
            formulier.toelichting = member_text(*doc, "toelichting");
            return std::move(*doc);
        });
        using Uitkomst = MeldingOntvangst::Uitkomst;
        switch (received.uitkomst) {
            case Uitkomst::opgeslagen:
            case Uitkomst::samengevoegd: {
                // Post/Redirect/Get: a reload of the thank-you page sends nothing again.
                HttpResponse response = page({}, form_route, 303);
                response.content_type.clear();
                response.headers.emplace_back("Location", pagina::taal_href("/informatiepunten/" + query_encode(ip_id) + "/melding/bedankt", "", taal, true));
                return response;
            }
            case Uitkomst::niet_gevonden:
            case Uitkomst::verdwenen: return not_found(files, form_route, taal);
            case Uitkomst::te_veel_van_adres:
            case Uitkomst::te_veel_over_informatiepunt: {
                auto response = in_taal(page(pagina::render_meld_te_vaak(ip_id, naam, received.uitkomst == Uitkomst::te_veel_van_adres,
                                                                         received.wacht, bestanden(files), taal),
                                             form_route, 429),
                                        taal);
                response.headers.emplace_back("Retry-After", std::to_string(received.wacht));
                return response;
            }
            case Uitkomst::ongeldig: {
                formulier.fouten = fouten_van(received.problemen, sent);
                return in_taal(page(pagina::render_meld_formulier(formulier, bestanden(files)), form_route, 400), taal);
            }
            case Uitkomst::onleesbaar: return *received.weigering;
        }
    } catch (const store::StoreUnavailable&) {
        auto response = in_taal(page(pagina::render_meld_niet_beschikbaar(ip_id, naam, bestanden(files), taal), form_route, 503), taal);
        response.headers.emplace_back("Retry-After", "5");
        return response;
    }
    return in_taal(page(pagina::render_meld_niet_beschikbaar(ip_id, naam, bestanden(files), taal), form_route, 500), taal);
}

}  // namespace ido::service
