#include "service/endpoints/publieke_paginas.hpp"

#include "geo/hours/amsterdam_time.hpp"
#include "service/endpoints/endpoints.hpp"
#include "service/endpoints/ogc.hpp"
#include "service/endpoints/parameters.hpp"
#include "service/http/query.hpp"
#include "service/render/html.hpp"
#include "service/render/pagina_finder.hpp"
#include "service/render/pagina_informatiepunt.hpp"
#include "service/render/pagina_opmaak.hpp"
#include "service/render/pagina_taalkeuze.hpp"
#include "service/render/teksten.hpp"

#include <rapidjson/document.h>

#include <optional>
#include <string>

namespace ido::service {
namespace {

std::optional<std::string> decoded(const HttpRequest& request, std::string_view name) {
    for (const auto& [n, v] : request.query)
        if (n == name) {
            auto value = percent_decode(v);
            if (!value || !is_clean_utf8(*value)) return std::nullopt;
            return value;
        }
    return std::nullopt;
}

// The raw (still %-encoded) value, to pass on to the API unchanged.
std::optional<std::string> raw(const HttpRequest& request, std::string_view name) {
    for (const auto& [n, v] : request.query)
        if (n == name) return v;
    return std::nullopt;
}

bool parse_json(rapidjson::Document& doc, std::string_view body) {
    doc.Parse(body.data(), body.size());
    return !doc.HasParseError() && doc.IsObject();
}

// The message a resident reads for a 400 of the API: the search text not found, or a filter we do not know.
std::string melding_voor(const rapidjson::Document& problem, const std::string& zoek, std::string_view taal) {
    const rapidjson::Value* params = pagina::member(problem, "invalidParams");
    if (params && params->IsArray())
        for (const auto& p : params->GetArray()) {
            const auto name = pagina::text(p, "name");
            if (name == "zoek" || name == "postcode") return teksten::tekst(taal, "melding.niet_gevonden", {{"zoek", zoek}});
            if (name == "dienst") return std::string(teksten::tekst(taal, "melding.dienst"));
            if (name == "gemeente") return std::string(teksten::tekst(taal, "melding.gemeente"));
        }
    return std::string(teksten::tekst(taal, "melding.algemeen"));
}

// The page's language (docs/talen.md): ?taal=, then Accept-Language, then Dutch; and the query without
// `taal`, which the language links keep.
struct PaginaTaal {
    std::string taal;
    std::string gevraagd;  ///< the ?taal= when it is one of ours, else empty
    std::string query_zonder_taal;
};

PaginaTaal pagina_taal(const HttpRequest& request) {
    PaginaTaal out;
    const std::string query_taal = decoded(request, "taal").value_or("");
    out.taal = teksten::kies(query_taal, request.header("accept-language").value_or(""));
    if (teksten::bekend(query_taal)) out.gevraagd = query_taal;
    for (const auto& [n, v] : request.query) {
        if (n == "taal") continue;
        if (!out.query_zonder_taal.empty()) out.query_zonder_taal += '&';
        out.query_zonder_taal += n + (v.empty() ? std::string() : "=" + v);
    }
    return out;
}

// A page whose words follow Accept-Language says which language it is in and that caches must keep one
// copy per Accept-Language (compression adds Accept-Encoding to the same Vary).
void taal_headers(HttpResponse& response, std::string_view taal) {
    response.headers.emplace_back("Content-Language", std::string(taal));
    response.headers.emplace_back("Vary", "Accept-Language");
}

pagina::Bestanden bestanden(const StaticFiles& files) {
    return {files.versioned_path("ido-vinder.js"), files.versioned_path("pagina.css"), files.versioned_path("zonder-js.css")};
}

HttpResponse page(std::string body, std::string route, int status) {
    auto response = html::html_response(std::move(body), std::move(route));
    response.status = status;
    return response;
}

}  // namespace

HttpResponse get_finder_page(const geo::Snapshot& snapshot, const geocode::Geocoder& geocoder, const StaticFiles& files,
                             const HttpRequest& request, bool embed, pdok::Locatieserver* locatieserver) {
    const std::string route = embed ? "/embed" : "/";
    pagina::FinderVraag vraag;
    vraag.embed = embed;
    const PaginaTaal taal = pagina_taal(request);
    vraag.pagina_taal = taal.taal;
    vraag.taal = taal.gevraagd;
    vraag.query_zonder_taal = taal.query_zonder_taal;
    vraag.zoek = decoded(request, "zoek").value_or("");
    vraag.dienst = decoded(request, "dienst").value_or("");
    vraag.open_nu = decoded(request, "openNu").value_or("") == "true";
    if (embed) {
        vraag.gemeente = decoded(request, "gemeente").value_or("");
        vraag.kaart = decoded(request, "kaart").value_or("");
    }
    const bool has_zoek = vraag.zoek.find_first_not_of(" \t") != std::string::npos;

    // The API request this page stands for: the same names and values, so the same parser judges them.
    HttpRequest api;
    api.method = "GET";
    if (has_zoek) {
        api.path = "/v1/informatiepunten";
        api.query.emplace_back("zoek", *raw(request, "zoek"));
        if (!vraag.dienst.empty()) api.query.emplace_back("dienst", *raw(request, "dienst"));
        if (vraag.open_nu) api.query.emplace_back("openNu", "true");
    } else if (embed && !vraag.gemeente.empty()) {
        // The municipality's own list, as the widget shows it first (filtered on the page, as the widget does).
        api.path = "/v1/gemeenten/" + query_encode(vraag.gemeente) + "/informatiepunten";
    }

    pagina::FinderAntwoord antwoord;
    antwoord.now = now();
    antwoord.zoekresultaat = has_zoek;
    rapidjson::Document doc;
    int status = 200;
    if (!api.path.empty()) {
        const HttpResponse answer = has_zoek ? get_informatiepunten(snapshot, geocoder, api, locatieserver)
                                             : get_gemeente(snapshot, api, query_encode(vraag.gemeente), true);
        if (!parse_json(doc, answer.payload())) {
            antwoord.melding = std::string(teksten::tekst(taal.taal, "melding.fout"));
            status = 500;
        } else if (answer.status == 200) {
            antwoord.api = &doc;
        } else {
            antwoord.melding = melding_voor(doc, vraag.zoek, taal.taal);
            status = answer.status >= 500 ? answer.status : 400;
        }
    }
    auto response = page(pagina::render_finder(vraag, antwoord, link_base(request), bestanden(files)), route, status);
    taal_headers(response, taal.taal);
    return response;
}

HttpResponse get_informatiepunt_page(const geo::Snapshot& snapshot, const StaticFiles& files, const HttpRequest& request,
                                     std::string_view id) {
    const std::string route = "/informatiepunten/{id}";
    HttpRequest api;
    api.method = "GET";
    api.path = "/v1/informatiepunten/" + std::string(id);
    const HttpResponse answer = get_informatiepunt(snapshot, api, id);
    const PaginaTaal taal = pagina_taal(request);
    rapidjson::Document doc;
    if (answer.status != 200 || !parse_json(doc, answer.payload())) {
        auto niet_gevonden = page(pagina::render_niet_gevonden(bestanden(files), taal.taal), route, 404);
        taal_headers(niet_gevonden, taal.taal);
        return niet_gevonden;
    }
    auto response = page(pagina::render_informatiepunt(doc, now(), link_base(request), bestanden(files), taal.taal, taal.query_zonder_taal,
                                                        taal.gevraagd),
                         route, 200);
    taal_headers(response, taal.taal);
    // The hours in words change with the clock: a short cache, no stale "open now" for long.
    response.headers.emplace_back("Cache-Control", "public, max-age=300");
    return response;
}

HttpResponse get_sitemap(const geo::Snapshot& snapshot, const HttpRequest& request) {
    const std::string base = link_base(request);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
    // Each page in every language (docs/talen.md): the address without ?taal= (x-default, it follows the
    // browser's language) is the <loc>; every language's ?taal= address and the x-default are alternates,
    // as in the pages' heads (pagina_taalkeuze.hpp hreflang_links).
    auto talen = [&base](const std::string& pad) {
        std::string links;
        for (const auto code : teksten::talen())
            links += "<xhtml:link rel=\"alternate\" hreflang=\"" + std::string(code) + "\" href=\"" +
                     html::escape(base + pagina::taal_href(pad, "", code)) + "\"/>";
        links += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" + html::escape(base + pad) + "\"/>";
        return links;
    };
    out += "<url><loc>" + html::escape(base + "/") + "</loc>" + talen("/") + "</url>\n";
    for (const auto& location : snapshot.locations()) {
        rapidjson::Document doc;
        if (!parse_json(doc, "{" + location.properties_json + "}")) continue;
        if (pagina::is_voorbeeld(doc)) continue;  // generated examples are noindex and not listed
        const std::string pad = "/informatiepunten/" + query_encode(location.id);
        out += "<url><loc>" + html::escape(base + pad) + "</loc>";
        if (const auto checked = pagina::text(doc, "laatstGecontroleerd"); checked.size() >= 10 && !pagina::datum(checked).empty())
            out += "<lastmod>" + html::escape(checked.substr(0, 10)) + "</lastmod>";
        out += talen(pad) + "</url>\n";
    }
    out += "</urlset>\n";
    HttpResponse response;
    response.content_type = "application/xml; charset=utf-8";
    response.body = std::move(out);
    response.route = "/sitemap.xml";
    response.headers.emplace_back("Cache-Control", "public, max-age=3600");
    return response;
}

HttpResponse get_robots(const HttpRequest& request) {
    HttpResponse response;
    response.content_type = "text/plain; charset=utf-8";
    // The editing page and the API are not for search engines; the finder and the help point pages are.
    response.body = "User-agent: *\nAllow: /\nDisallow: /beheer\nDisallow: /v1/\n\nSitemap: " + link_base(request) + "/sitemap.xml\n";
    response.route = "/robots.txt";
    response.headers.emplace_back("Cache-Control", "public, max-age=86400");
    return response;
}

}  // namespace ido::service
