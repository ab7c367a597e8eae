#include "service/render/gemeente_html.hpp"

#include "service/endpoints/ogc.hpp"

#include "service/render/gemeente_kaart.hpp"
#include "service/render/html.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace ido::service::gemeente_html {
namespace {

using html::append_escaped;
using html::escape;

// ---- numbers in Dutch: 12.345 and 87,3% ----

std::string whole(std::int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

std::string decimal(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string out(buffer);
    std::replace(out.begin(), out.end(), '.', ',');
    return out;
}

std::string km(std::optional<double> metres) {
    if (!metres || !std::isfinite(*metres)) return "onbekend";
    return decimal(*metres / 1000.0, 1) + " km";
}

std::string percent(std::optional<double> share) {
    if (!share) return "onbekend";
    return decimal(*share * 100.0, 1) + "%";
}

// The exact value the API answers (metres rounded as coverage_json does, shares unrounded), for the
// script's sorting and for the contract test that compares the page with the API.
std::string raw_metres(std::optional<double> metres) {
    if (!metres || !std::isfinite(*metres)) return "";
    return std::to_string(std::llround(*metres));
}
std::string raw_share(std::optional<double> share) {
    if (!share) return "";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.9f", *share);
    return buffer;
}

const coverage::ThresholdCoverage* threshold(const coverage::CoverageFigures& figures, double metres) {
    for (const auto& t : figures.drempels)
        if (t.drempel_m == metres) return &t;
    return nullptr;
}
std::optional<double> share_within(const coverage::CoverageFigures& figures, double metres) {
    const auto* t = threshold(figures, metres);
    return t != nullptr ? t->aandeel : std::nullopt;
}

constexpr std::array<double, 4> thresholds_m{1000, 3000, 5000, 10000};

// ---- the colour classes ----

// Share within 3 km: five classes of a sequential blue scale (ColorBrewer "Blues", colour-blind safe).
struct ShareClass {
    double from;
    const char* colour;
    const char* label;
};
constexpr std::array<ShareClass, 5> share_classes{{{0.95, "#08519c", "95% of meer"},
                                                   {0.85, "#3182bd", "85% tot 95%"},
                                                   {0.70, "#6baed6", "70% tot 85%"},
                                                   {0.50, "#bdd7e7", "50% tot 70%"},
                                                   {0.0, "#eff3ff", "minder dan 50%"}}};
std::size_t share_class(std::optional<double> share) {
    for (std::size_t i = 0; i < share_classes.size(); ++i)
        if (share && *share >= share_classes[i].from) return i;
    return share_classes.size() - 1;
}

// Distance of a PC4 to the nearest help point: ColorBrewer "RdYlGn" reversed, five classes.
struct DistanceClass {
    double up_to_m;
    const char* colour;
    const char* label;
};
constexpr std::array<DistanceClass, 5> distance_classes{{{1000, "#1a9850", "tot 1 km"},
                                                         {3000, "#91cf60", "1 tot 3 km"},
                                                         {5000, "#fee08b", "3 tot 5 km"},
                                                         {10000, "#fc8d59", "5 tot 10 km"},
                                                         {1e300, "#d73027", "meer dan 10 km"}}};
std::size_t distance_class(double metres) {
    for (std::size_t i = 0; i < distance_classes.size(); ++i)
        if (metres <= distance_classes[i].up_to_m) return i;
    return distance_classes.size() - 1;
}

// ---- the national table ----

struct Column {
    std::string_view key;
    const char* header;
    bool numeric;
};
constexpr std::array<Column, 10> columns{{{"naam", "Gemeente", false},
                                          {"code", "Code", false},
                                          {"inwoners", "Inwoners", true},
                                          {"gemiddeld", "Gemiddelde afstand", true},
                                          {"mediaan", "Mediane afstand", true},
                                          {"binnen1", "Binnen 1 km", true},
                                          {"binnen3", "Binnen 3 km", true},
                                          {"binnen5", "Binnen 5 km", true},
                                          {"binnen10", "Binnen 10 km", true},
                                          {"punten", "Informatiepunten", true}}};

// The sort value of a municipality for a column; text columns compare the name or code.
double sort_value(const coverage::MunicipalityCoverage& m, std::string_view key) {
    const auto& c = m.cijfers;
    const auto or_low = [](std::optional<double> v) { return v.value_or(-1.0); };
    if (key == "inwoners") return static_cast<double>(c.inwoners);
    if (key == "gemiddeld") return or_low(c.gemiddelde_afstand_m);
    if (key == "mediaan") return or_low(c.mediaan_afstand_m);
    if (key == "binnen1") return or_low(share_within(c, 1000));
    if (key == "binnen3") return or_low(share_within(c, 3000));
    if (key == "binnen5") return or_low(share_within(c, 5000));
    if (key == "binnen10") return or_low(share_within(c, 10000));
    if (key == "punten") return static_cast<double>(m.informatiepunten);
    return 0;
}

void figure_cells(std::string& out, const coverage::MunicipalityCoverage& m) {
    const auto& c = m.cijfers;
    out += "<td data-waarde=\"" + std::to_string(c.inwoners) + "\">" + whole(c.inwoners) + "</td>";
    out += "<td data-waarde=\"" + raw_metres(c.gemiddelde_afstand_m) + "\">" + km(c.gemiddelde_afstand_m) + "</td>";
    out += "<td data-waarde=\"" + raw_metres(c.mediaan_afstand_m) + "\">" + km(c.mediaan_afstand_m) + "</td>";
    for (double t : thresholds_m) {
        const auto share = share_within(c, t);
        out += "<td data-waarde=\"" + raw_share(share) + "\">" + percent(share) + "</td>";
    }
    out += "<td data-waarde=\"" + std::to_string(m.informatiepunten) + "\">" + std::to_string(m.informatiepunten) + "</td>";
}

std::string stylesheet_and_script(html::Page& page) {
    page.stylesheets.push_back("/widget/v1/gemeente.css");
    page.scripts.push_back("/widget/v1/gemeente.js");
    return {};
}

std::string header_html(std::string_view crumb) {
    std::string out = "<a class=\"overslaan\" href=\"#inhoud\">Naar de inhoud</a>\n<header class=\"kop\"><p class=\"merk\">"
                      "<a href=\"/gemeenten\">IDO-vinder voor gemeenten</a></p>";
    if (!crumb.empty()) {
        out += "<nav aria-label=\"Kruimelpad\"><ol class=\"kruimels\"><li><a href=\"/gemeenten\">Alle gemeenten</a></li><li aria-current=\"page\">";
        append_escaped(out, crumb);
        out += "</li></ol></nav>";
    }
    out += "</header>\n";
    return out;
}

const char* footer_html =
    "<footer class=\"voet\"><p>Bevolking: CBS, 1 januari 2021, per postcode van vier cijfers. Afstanden zijn hemelsbreed "
    "(in een rechte lijn). Het CBS meet de afstand over de weg; die is langer. Grenzen: Kadaster en CBS, 2023.</p>"
    "<p><a href=\"/\">Zoek een informatiepunt</a> · <a href=\"/v1/openapi.json\">API</a></p></footer>\n";

}  // namespace

std::string national_map(const coverage::NationalCoverage& national, const std::vector<std::string>& paths, const std::string& view_box) {
    std::array<std::size_t, share_classes.size()> counts{};
    std::string out = "<figure class=\"kaart-figuur\"><svg class=\"kaart landkaart\" viewBox=\"" + view_box +
                      "\" role=\"img\" aria-labelledby=\"landkaart-titel landkaart-uitleg\" xmlns=\"http://www.w3.org/2000/svg\">"
                      "<title id=\"landkaart-titel\">Kaart: deel van de inwoners binnen 3 km van een informatiepunt, per gemeente</title>"
                      "<desc id=\"landkaart-uitleg\">Hoe donkerder de gemeente, hoe meer inwoners binnen 3 km van een informatiepunt wonen. "
                      "De tabel hieronder geeft dezelfde cijfers.</desc>";
    for (std::size_t i = 0; i < national.gemeenten.size() && i < paths.size(); ++i) {
        const auto& m = national.gemeenten[i];
        const auto cls = share_class(share_within(m.cijfers, 3000));
        ++counts[cls];
        // No links in the map: a role="img" may not hold controls, and the table links every municipality.
        out += "<path fill=\"";
        out += share_classes[cls].colour;
        out += "\" d=\"" + paths[i] + "\"><title>";
        append_escaped(out, m.gemeentenaam);
        out += ": " + percent(share_within(m.cijfers, 3000)) + " binnen 3 km</title></path>";
    }
    out += "</svg><figcaption><p class=\"legenda-titel\">Deel van de inwoners binnen 3 km</p><ul class=\"legenda\">";
    for (std::size_t i = 0; i < share_classes.size(); ++i) {
        out += "<li><span class=\"vlak\" style=\"background:";
        out += share_classes[i].colour;
        out += "\"></span>";
        out += share_classes[i].label;
        out += ": " + std::to_string(counts[i]) + (counts[i] == 1 ? " gemeente" : " gemeenten") + "</li>";
    }
    out += "</ul></figcaption></figure>";
    return out;
}

std::string national_page(const coverage::NationalCoverage& national, const std::string& map_svg, std::string_view sorteer) {
    const bool descending = sorteer.starts_with('-');
    std::string_view key = descending ? sorteer.substr(1) : sorteer;
    if (std::find(std::begin(sort_keys), std::end(sort_keys), key) == std::end(sort_keys)) key = "naam";

    std::vector<const coverage::MunicipalityCoverage*> rows;
    for (const auto& m : national.gemeenten) rows.push_back(&m);
    std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
        if (key == "naam") return descending ? b->gemeentenaam < a->gemeentenaam : a->gemeentenaam < b->gemeentenaam;
        if (key == "code") return descending ? b->gemeentecode < a->gemeentecode : a->gemeentecode < b->gemeentecode;
        const double va = sort_value(*a, key), vb = sort_value(*b, key);
        return descending ? vb < va : va < vb;
    });

    html::Page page;
    page.title = "Bereikbaarheid van informatiepunten per gemeente";
    page.description = "Hoe ver wonen inwoners van een Informatiepunt Digitale Overheid? Cijfers voor alle gemeenten.";
    page.canonical = "/gemeenten";
    stylesheet_and_script(page);

    const auto& land = national.land;
    std::string& b = page.body;
    b += header_html("");
    b += "<main id=\"inhoud\"><h1>Hoe ver wonen inwoners van een informatiepunt?</h1>"
         "<p class=\"inleiding\">Een Informatiepunt Digitale Overheid helpt mensen met DigiD, toeslagen en andere zaken van de overheid. "
         "Hier ziet u per gemeente hoe ver de inwoners van het dichtstbijzijnde informatiepunt wonen. "
         "Kies een gemeente voor meer cijfers, de plekken zonder informatiepunt in de buurt en een advies.</p>";
    b += "<section aria-labelledby=\"land-kop\"><h2 id=\"land-kop\">Heel Nederland</h2><dl class=\"kerncijfers\" id=\"landcijfers\">";
    b += "<div><dt>Inwoners</dt><dd data-waarde=\"" + std::to_string(land.inwoners) + "\">" + whole(land.inwoners) + "</dd></div>";
    b += "<div><dt>Informatiepunten</dt><dd data-waarde=\"" + std::to_string(national.informatiepunten) + "\">" +
         whole(static_cast<std::int64_t>(national.informatiepunten)) + "</dd></div>";
    b += "<div><dt>Gemiddelde afstand</dt><dd data-waarde=\"" + raw_metres(land.gemiddelde_afstand_m) + "\">" +
         km(land.gemiddelde_afstand_m) + "</dd></div>";
    b += "<div><dt>Mediane afstand</dt><dd data-waarde=\"" + raw_metres(land.mediaan_afstand_m) + "\">" + km(land.mediaan_afstand_m) +
         "</dd></div>";
    for (double t : thresholds_m) {
        const auto share = share_within(land, t);
        b += "<div><dt>Binnen " + std::to_string(static_cast<int>(t / 1000)) + " km</dt><dd data-waarde=\"" + raw_share(share) + "\">" +
             percent(share) + "</dd></div>";
    }
    b += "</dl><p class=\"uitleg\">De mediane afstand: de helft van de inwoners woont dichterbij, de andere helft verder weg.</p></section>";

    b += "<section aria-labelledby=\"kaart-kop\"><h2 id=\"kaart-kop\">Kaart</h2>" + map_svg + "</section>";

    b += "<section aria-labelledby=\"tabel-kop\"><h2 id=\"tabel-kop\">Alle gemeenten</h2>"
         "<p>Klik op een kolomkop om de tabel te sorteren. Klik nog een keer om de volgorde om te draaien.</p>"
         "<div class=\"tabel-rol\" tabindex=\"0\" role=\"region\" aria-label=\"Tabel met alle gemeenten\">"
         "<table class=\"sorteerbaar\" id=\"gemeenten-tabel\"><caption>Bereikbaarheid per gemeente (" +
         std::to_string(rows.size()) + " gemeenten)</caption><thead><tr>";
    for (const auto& column : columns) {
        const bool active = column.key == key;
        const bool next_descending = active ? !descending : column.numeric && column.key != "gemiddeld" && column.key != "mediaan";
        b += "<th scope=\"col\" data-sleutel=\"" + std::string(column.key) + "\"" + (column.numeric ? " data-soort=\"getal\"" : "");
        if (active) b += descending ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"";
        b += "><a href=\"/gemeenten?sorteer=" + std::string(next_descending ? "-" : "") + std::string(column.key) + "#tabel-kop\">";
        b += column.header;
        b += "</a></th>";
    }
    b += "</tr></thead><tbody>";
    for (const auto* m : rows) {
        b += "<tr><th scope=\"row\" data-waarde=\"";
        append_escaped(b, m->gemeentenaam);
        b += "\"><a href=\"/gemeenten/";
        append_escaped(b, m->gemeentecode);
        b += "\">";
        append_escaped(b, m->gemeentenaam);
        b += "</a></th><td data-waarde=\"";
        append_escaped(b, m->gemeentecode);
        b += "\">";
        append_escaped(b, m->gemeentecode);
        b += "</td>";
        figure_cells(b, *m);
        b += "</tr>";
    }
    b += "</tbody></table></div></section></main>";
    b += footer_html;
    return html::render_document(page);
}

std::string municipal_map(const std::string& outline_path, const std::string& view_box, const std::vector<MapPc4>& pc4s,
                          const std::vector<const geo::Location*>& help_points, const std::vector<geo::RdPoint>& advised,
                          const std::vector<geo::RdPoint>& what_if, std::string_view gemeentenaam, double unit_m) {
    char unit_buffer[32];
    std::snprintf(unit_buffer, sizeof unit_buffer, "%ld", std::max(1L, std::lround(unit_m)));
    const std::string r = std::string("r=\"") + unit_buffer + "\" ";
    char square[64];
    std::snprintf(square, sizeof square, "width=\"%ld\" height=\"%ld\" ", std::max(2L, std::lround(unit_m * 2)), std::max(2L, std::lround(unit_m * 2)));
    std::string out = "<figure class=\"kaart-figuur\"><svg class=\"kaart gemeentekaart\" id=\"gemeentekaart\" viewBox=\"" + view_box +
                      "\" role=\"img\" aria-labelledby=\"gemeentekaart-titel gemeentekaart-uitleg\" xmlns=\"http://www.w3.org/2000/svg\">"
                      "<title id=\"gemeentekaart-titel\">Kaart van ";
    append_escaped(out, gemeentenaam);
    out += "</title><desc id=\"gemeentekaart-uitleg\">De grens van de gemeente, de informatiepunten (zwarte vierkantjes), "
           "de postcodegebieden als stip met een kleur voor de afstand tot het dichtstbijzijnde informatiepunt, "
           "witte vlekken met een rode rand en de voorgestelde plekken als ster. De tabellen op deze pagina geven dezelfde gegevens.</desc>";
    out += "<path class=\"grens\" d=\"" + outline_path + "\"/>";
    for (const auto& p : pc4s) {
        out += "<circle class=\"pc4";
        if (p.witte_vlek) out += " witte-vlek";
        out += "\" " + r + kaart::circle_position(p.rd) + " fill=\"" + distance_classes[distance_class(p.afstand_m)].colour +
               "\"><title>Postcode " + escape(p.pc4) + ": " + km(p.afstand_m) + "</title></circle>";
    }
    for (const auto* location : help_points) {
        char buffer[96];
        std::snprintf(buffer, sizeof buffer, "x=\"%ld\" y=\"%ld\"", std::lround(location->rd.x - unit_m), -std::lround(location->rd.y + unit_m));
        out += std::string("<rect class=\"punt\" ") + square;
        out += buffer;
        out += "><title>";
        append_escaped(out, location->naam);
        out += "</title></rect>";
    }
    for (const auto& rd : advised) out += "<circle class=\"advies\" " + r + kaart::circle_position(rd) + "><title>Voorgestelde plek</title></circle>";
    for (const auto& rd : what_if) out += "<circle class=\"wat-als\" " + r + kaart::circle_position(rd) + "><title>Extra locatie (wat als)</title></circle>";
    out += "</svg><figcaption><p class=\"legenda-titel\">Afstand van een postcodegebied tot het dichtstbijzijnde informatiepunt</p><ul class=\"legenda\">";
    for (const auto& c : distance_classes) {
        out += "<li><span class=\"vlak rond\" style=\"background:";
        out += c.colour;
        out += "\"></span>";
        out += c.label;
        out += "</li>";
    }
    out += "<li><span class=\"vlak punt-teken\"></span>informatiepunt</li><li><span class=\"vlak vlek-teken\"></span>witte vlek</li>"
           "<li><span class=\"vlak advies-teken\"></span>voorgestelde plek</li><li><span class=\"vlak wat-als-teken\"></span>extra locatie (wat als)</li>"
           "</ul></figcaption></figure>";
    return out;
}

namespace {

// The comparison group's figures: residents and within-counts added up, the mean weighted by residents.
// A median cannot be added up, so the group has none.
struct GroupFigures {
    std::int64_t inwoners = 0;
    std::optional<double> gemiddelde_m;
    std::array<std::optional<double>, thresholds_m.size()> aandeel{};
};
GroupFigures group(const std::vector<const coverage::MunicipalityCoverage*>& members) {
    GroupFigures g;
    double weighted = 0;
    std::array<std::int64_t, thresholds_m.size()> within{};
    for (const auto* m : members) {
        g.inwoners += m->cijfers.inwoners;
        if (m->cijfers.gemiddelde_afstand_m) weighted += *m->cijfers.gemiddelde_afstand_m * static_cast<double>(m->cijfers.inwoners);
        for (std::size_t i = 0; i < thresholds_m.size(); ++i)
            if (const auto* t = threshold(m->cijfers, thresholds_m[i])) within[i] += t->inwoners_binnen;
    }
    if (g.inwoners > 0) {
        g.gemiddelde_m = weighted / static_cast<double>(g.inwoners);
        for (std::size_t i = 0; i < thresholds_m.size(); ++i)
            g.aandeel[i] = static_cast<double>(within[i]) / static_cast<double>(g.inwoners);
    }
    return g;
}

void figures_table(std::string& b, const MunicipalPage& p) {
    const auto& c = p.cijfers.cijfers;
    const auto g = group(p.vergelijkbaar);
    const coverage::CoverageFigures* w = p.wat_als ? &p.wat_als->cijfers.cijfers : nullptr;
    b += "<div class=\"tabel-rol\" tabindex=\"0\" role=\"region\" aria-label=\"Tabel met de cijfers\"><table class=\"cijfers\" id=\"cijfers-tabel\">"
         "<caption>De cijfers van ";
    append_escaped(b, p.cijfers.gemeentenaam);
    b += " naast Nederland en gemeenten van dezelfde grootte</caption><thead><tr><th scope=\"col\">Cijfer</th><th scope=\"col\">";
    append_escaped(b, p.cijfers.gemeentenaam);
    b += "</th>";
    if (w != nullptr) b += "<th scope=\"col\" class=\"wat-als-kolom\">Met extra locaties</th>";
    b += "<th scope=\"col\">Gemeenten van dezelfde grootte</th><th scope=\"col\">Nederland</th></tr></thead><tbody>";
    const auto* land = p.land != nullptr ? &p.land->land : nullptr;
    b += "<tr><th scope=\"row\">Inwoners</th><td data-veld=\"inwoners\" data-waarde=\"" + std::to_string(c.inwoners) + "\">" +
         whole(c.inwoners) + "</td>";
    if (w != nullptr) b += "<td>" + whole(w->inwoners) + "</td>";
    b += "<td>" + whole(g.inwoners) + "</td><td>" + (land ? whole(land->inwoners) : std::string("onbekend")) + "</td></tr>";
    b += "<tr><th scope=\"row\">Gemiddelde afstand</th><td data-veld=\"gemiddeldeAfstand\" data-waarde=\"" + raw_metres(c.gemiddelde_afstand_m) +
         "\">" + km(c.gemiddelde_afstand_m) + "</td>";
    if (w != nullptr) b += "<td>" + km(w->gemiddelde_afstand_m) + "</td>";
    b += "<td>" + km(g.gemiddelde_m) + "</td><td>" + (land ? km(land->gemiddelde_afstand_m) : std::string("onbekend")) + "</td></tr>";
    b += "<tr><th scope=\"row\">Mediane afstand</th><td data-veld=\"medianeAfstand\" data-waarde=\"" + raw_metres(c.mediaan_afstand_m) +
         "\">" + km(c.mediaan_afstand_m) + "</td>";
    if (w != nullptr) b += "<td>" + km(w->mediaan_afstand_m) + "</td>";
    b += "<td>niet op te tellen</td><td>" + (land ? km(land->mediaan_afstand_m) : std::string("onbekend")) + "</td></tr>";
    for (std::size_t i = 0; i < thresholds_m.size(); ++i) {
        const auto label = std::to_string(static_cast<int>(thresholds_m[i] / 1000));
        const auto* t = threshold(c, thresholds_m[i]);
        b += "<tr><th scope=\"row\">Binnen " + label + " km</th><td data-veld=\"binnen" + std::to_string(static_cast<long>(thresholds_m[i])) +
             "\" data-waarde=\"" + raw_share(t ? t->aandeel : std::nullopt) + "\">" + percent(t ? t->aandeel : std::nullopt);
        if (t) b += " <span class=\"klein\">(" + whole(t->inwoners_binnen) + ")</span>";
        b += "</td>";
        if (w != nullptr) b += "<td>" + percent(share_within(*w, thresholds_m[i])) + "</td>";
        b += "<td>" + percent(g.aandeel[i]) + "</td><td>" + (land ? percent(share_within(*land, thresholds_m[i])) : std::string("onbekend")) +
             "</td></tr>";
    }
    b += "</tbody></table></div>";
    b += "<p class=\"uitleg\" id=\"vergelijkbaar-uitleg\">Gemeenten van dezelfde grootte: de " + std::to_string(p.vergelijkbaar.size()) +
         " gemeenten met het aantal inwoners dat het dichtst bij dat van ";
    append_escaped(b, p.cijfers.gemeentenaam);
    b += " ligt. Hun inwoners zijn bij elkaar opgeteld. Dat zijn: ";
    for (std::size_t i = 0; i < p.vergelijkbaar.size(); ++i) {
        if (i > 0) b += ", ";
        b += "<a href=\"/gemeenten/" + escape(p.vergelijkbaar[i]->gemeentecode) + "\">" + escape(p.vergelijkbaar[i]->gemeentenaam) + "</a>";
    }
    b += ".</p>";
}

std::string yes_no_unknown(std::optional<bool> value) { return value ? (*value ? "ja" : "nee") : "onbekend"; }

void help_point_table(std::string& b, const std::vector<HelpPointRow>& rows, std::string_view id, std::string_view caption, bool across) {
    b += "<div class=\"tabel-rol\" tabindex=\"0\" role=\"region\" aria-label=\"";
    append_escaped(b, caption);
    b += "\"><table class=\"punten\" id=\"" + std::string(id) + "\"><caption>";
    append_escaped(b, caption);
    b += "</caption><thead><tr><th scope=\"col\">Informatiepunt</th><th scope=\"col\">Organisatie</th>";
    if (across) b += "<th scope=\"col\">Afstand tot de grens</th>";
    b += "<th scope=\"col\">Uren per week</th><th scope=\"col\">Zonder afspraak</th><th scope=\"col\">Op afspraak</th>"
         "<th scope=\"col\">Diensten</th><th scope=\"col\">Laatst gecontroleerd</th></tr></thead><tbody>";
    for (const auto& row : rows) {
        const auto& l = *row.location;
        // The name links to the help point's own page (service/render/pagina_informatiepunt.cpp).
        b += "<tr><th scope=\"row\"><a href=\"/informatiepunten/" + escape(query_encode(l.id)) + "\">" + escape(l.naam) + "</a> <span class=\"klein\">(" + escape(l.id) + ")</span></th><td>" +
             (l.organisatie.empty() ? std::string("onbekend") : escape(l.organisatie)) + "</td>";
        if (across) b += "<td>" + km(row.afstand_tot_grens_m) + "</td>";
        b += "<td>" + (row.overzicht.tijden_onbekend ? std::string("onbekend") : decimal(row.overzicht.uren.per_week, 1)) + "</td>";
        b += "<td>" + yes_no_unknown(l.inloop) + "</td><td>" + (l.afspraak_mogelijk ? std::string("ja") : yes_no_unknown(l.op_afspraak)) + "</td><td>";
        for (std::size_t i = 0; i < l.diensten.size(); ++i) b += (i > 0 ? ", " : "") + escape(l.diensten[i]);
        if (l.diensten.empty()) b += "onbekend";
        b += "</td><td>" + (row.overzicht.laatst_gecontroleerd ? escape(*row.overzicht.laatst_gecontroleerd) : std::string("nooit"));
        if (row.overzicht.te_controleren) b += " <strong class=\"let-op\">controleren</strong>";
        b += "</td></tr>";
    }
    if (rows.empty()) b += "<tr><td colspan=\"" + std::to_string(across ? 8 : 7) + "\">Geen.</td></tr>";
    b += "</tbody></table></div>";
}

void witte_vlekken(std::string& b, const MunicipalPage& p) {
    const coverage::ThresholdCoverage* largest = nullptr;
    for (const auto& t : p.cijfers.cijfers.drempels)
        if (largest == nullptr || t.drempel_m > largest->drempel_m) largest = &t;
    const coverage::ThresholdCoverage* three = threshold(p.cijfers.cijfers, 3000);
    b += "<p>Een witte vlek is een postcodegebied waar het dichtstbijzijnde informatiepunt verder dan 3 km weg is. "
         "De grootste staan bovenaan.</p>";
    b += "<div class=\"tabel-rol\" tabindex=\"0\" role=\"region\" aria-label=\"Tabel met witte vlekken\"><table id=\"vlekken-tabel\"><caption>Witte vlekken: "
         "postcodes verder dan 3 km van een informatiepunt</caption><thead><tr><th scope=\"col\">Postcode</th><th scope=\"col\">Woonplaats</th>"
         "<th scope=\"col\">Inwoners</th><th scope=\"col\">Afstand</th></tr></thead><tbody>";
    std::size_t shown = 0;
    if (three != nullptr)
        for (const auto& gap : three->witte_vlekken) {
            if (shown++ == 25) break;
            b += "<tr><th scope=\"row\">" + escape(gap.pc4) + "</th><td>" + (gap.woonplaatsen.empty() ? std::string() : escape(gap.woonplaatsen.front())) +
                 "</td><td>" + whole(gap.inwoners) + "</td><td>" + km(gap.afstand_m) + "</td></tr>";
        }
    if (shown == 0) b += "<tr><td colspan=\"4\">Geen: alle inwoners wonen binnen 3 km van een informatiepunt.</td></tr>";
    b += "</tbody></table></div>";
    if (three != nullptr && three->witte_vlekken.size() > 25)
        b += "<p>Dit zijn de 25 grootste van " + std::to_string(three->witte_vlekken.size()) + " witte vlekken.</p>";
    (void)largest;
}

void advice(std::string& b, const MunicipalPage& p) {
    if (!p.advies || p.advies->locaties.empty()) {
        b += "<p>Er is geen plek waar een nieuw informatiepunt meer inwoners binnen 3 km brengt.</p>";
        return;
    }
    const auto& a = *p.advies;
    b += "<p>Waar brengt een nieuw informatiepunt de meeste inwoners binnen 3 km? We kijken naar bibliotheekgebouwen en het midden van "
         "elk postcodegebied zonder informatiepunt in de buurt. We kiezen eerst de beste plek, daarna de beste plek als die eerste er al is, "
         "en zo verder. Die manier heet <em>gretig</em>: snel en bijna altijd goed, maar niet altijd de allerbeste combinatie.</p><ol class=\"advies-lijst\">";
    for (const auto& site : a.locaties) {
        b += "<li><strong>" + escape(site.naam) + "</strong>";
        if (site.soort == coverage::SiteKind::bibliotheek) b += " (bibliotheekgebouw)";
        else b += " (midden van postcode " + escape(site.id) + ")";
        b += ": " + whole(site.winst) + " inwoners meer binnen 3 km.</li>";
    }
    b += "</ol>";
    if (a.inwoners > 0)
        b += "<p>Nu wonen " + whole(a.binnen_voor) + " inwoners binnen 3 km (" + percent(static_cast<double>(a.binnen_voor) / static_cast<double>(a.inwoners)) +
             "). Met deze plekken zijn dat er " + whole(a.binnen_na) + " (" + percent(static_cast<double>(a.binnen_na) / static_cast<double>(a.inwoners)) + ").</p>";
}

void what_if_form(std::string& b, const MunicipalPage& p) {
    const std::string code = escape(p.cijfers.gemeentecode);
    b += "<form class=\"wat-als-formulier\" method=\"get\" action=\"/gemeenten/" + code + "#wat-als-kop\">"
         "<p>Wat als er een informatiepunt bij komt? Kies een postcodegebied: we rekenen alsof er in het midden een informatiepunt staat. "
         "<span class=\"met-js\" hidden>U kunt ook op de kaart klikken.</span></p>"
         "<label for=\"extraPostcode\">Postcodegebied</label><select id=\"extraPostcode\" name=\"extraPostcode\">";
    for (const auto& [pc4, place] : p.postcodes) {
        const bool chosen = p.wat_als && std::find(p.wat_als->postcodes.begin(), p.wat_als->postcodes.end(), pc4) != p.wat_als->postcodes.end();
        b += "<option value=\"" + escape(pc4) + "\"" + (chosen ? " selected" : "") + ">" + escape(pc4) + (place.empty() ? "" : " " + escape(place)) + "</option>";
    }
    b += "</select> <button type=\"submit\" class=\"knop\">Bereken</button>";
    if (p.wat_als) b += " <a href=\"/gemeenten/" + code + "#wat-als-kop\">Zonder extra locatie</a>";
    b += "</form>";
    if (!p.fout.empty()) b += "<p class=\"fout\" role=\"alert\">" + escape(p.fout) + "</p>";
    b += "<div id=\"wat-als-uitkomst\" aria-live=\"polite\">";
    if (p.wat_als) {
        const auto* before = threshold(p.cijfers.cijfers, 3000);
        const auto* after = threshold(p.wat_als->cijfers.cijfers, 3000);
        b += "<p><strong>Met " + std::to_string(p.wat_als->posities.size()) + (p.wat_als->posities.size() == 1 ? " extra locatie" : " extra locaties") +
             "</strong>: binnen 3 km " + percent(before ? before->aandeel : std::nullopt) + " wordt " + percent(after ? after->aandeel : std::nullopt) +
             "; gemiddelde afstand " + km(p.cijfers.cijfers.gemiddelde_afstand_m) + " wordt " + km(p.wat_als->cijfers.cijfers.gemiddelde_afstand_m) +
             ". Zie ook de kolom ‘Met extra locaties’ in de tabel met cijfers.</p>";
    }
    b += "</div>";
}

void panels(std::string& b, const MunicipalPage& p) {
    const std::string code = escape(p.cijfers.gemeentecode);
    // The three duties of the specific grant (SPUK): financier, promotor, regisseur. The data of the
    // first and the last come from the municipality itself through the API; the script fills them in.
    b += "<section class=\"paneel\" id=\"financier\" aria-labelledby=\"financier-kop\" data-gemeente=\"" + code + "\"><h2 id=\"financier-kop\">Financier: "
         "het geld voor het informatiepunt</h2><p>De gemeente betaalt het informatiepunt uit de specifieke uitkering (SPUK). "
         "Hier staan de bedragen die de gemeente zelf heeft ingevuld, met de bron. We vullen nooit zelf een bedrag in.</p>"
         "<div class=\"paneel-inhoud\" data-bron=\"/v1/gemeenten/" + code + "/financiering\"><p>Bekijk de bedragen in de "
         "<a href=\"/v1/gemeenten/" + code + "/financiering\">gegevens (JSON)</a>.</p></div>"
         "<form class=\"wijzig-formulier controle\" id=\"financiering-formulier\" hidden><h3>Bedrag invullen</h3>"
         "<p>Hiervoor heeft u een sleutel van uw gemeente nodig.</p>"
         "<label for=\"fin-sleutel\">Sleutel</label><input id=\"fin-sleutel\" type=\"password\" autocomplete=\"off\" required>"
         "<label for=\"fin-jaar\">Jaar</label><input id=\"fin-jaar\" type=\"number\" min=\"2023\" max=\"2100\" required>"
         "<label for=\"fin-bedrag\">Bedrag in euro</label><input id=\"fin-bedrag\" type=\"number\" min=\"0\" step=\"0.01\" required>"
         "<label for=\"fin-bron\">Bron (bijvoorbeeld het raadsbesluit)</label><input id=\"fin-bron\" type=\"text\" required>"
         "<button type=\"submit\" class=\"knop\">Opslaan</button><p class=\"melding\" role=\"status\"></p></form></section>";

    b += "<section class=\"paneel controle\" id=\"promotor\" aria-labelledby=\"promotor-kop\" data-gemeente=\"" + code + "\"><h2 id=\"promotor-kop\">Promotor: "
         "de zoeker op uw eigen website</h2><p>Zet de zoeker naar informatiepunten op de website van uw gemeente. Kies hoe hij eruitziet en "
         "kopieer de code.</p><noscript><p>Zonder JavaScript kunt u de code hieronder overnemen.</p></noscript>"
         "<form class=\"configurator\" id=\"configurator\"><fieldset><legend>Taal</legend>"
         // Without a taal attribute the widget follows the resident's browser (docs/talen.md): the advice.
         "<label><input type=\"radio\" name=\"taal\" value=\"\" checked> De taal van de bezoeker (aangeraden)</label>"
         "<label><input type=\"radio\" name=\"taal\" value=\"nl\"> Altijd Nederlands</label>"
         "<label><input type=\"radio\" name=\"taal\" value=\"en\"> Altijd Engels (<span lang=\"en\">English</span>)</label>"
         "<label><input type=\"radio\" name=\"taal\" value=\"ar\"> Altijd Arabisch (<span lang=\"ar\" dir=\"rtl\">العربية</span>)</label>"
         "<label><input type=\"radio\" name=\"taal\" value=\"tr\"> Altijd Turks (<span lang=\"tr\">Türkçe</span>)</label>"
         "<label><input type=\"radio\" name=\"taal\" value=\"pl\"> Altijd Pools (<span lang=\"pl\">Polski</span>)</label>"
         "<label><input type=\"radio\" name=\"taal\" value=\"uk\"> Altijd Oekraïens (<span lang=\"uk\">Українська</span>)</label></fieldset>"
         "<fieldset><legend>Kaart</legend><label><input type=\"radio\" name=\"kaart\" value=\"uit\" checked> Zonder kaart</label>"
         "<label><input type=\"radio\" name=\"kaart\" value=\"aan\"> Met kaart (de kaartplaatjes komen van PDOK)</label></fieldset>"
         "<fieldset><legend>Kleuren (NL Design System tokens)</legend>"
         "<label for=\"kleur-primair\">Hoofdkleur (--ido-kleur-primair)</label><input id=\"kleur-primair\" name=\"--ido-kleur-primair\" type=\"color\" value=\"#154273\">"
         "<label for=\"kleur-tekst\">Tekst (--ido-kleur-tekst)</label><input id=\"kleur-tekst\" name=\"--ido-kleur-tekst\" type=\"color\" value=\"#1a1a1a\">"
         "<label for=\"kleur-achtergrond\">Achtergrond (--ido-kleur-achtergrond)</label><input id=\"kleur-achtergrond\" name=\"--ido-kleur-achtergrond\" type=\"color\" value=\"#ffffff\">"
         "</fieldset></form>"
         "<label for=\"snippet\">Code voor uw website</label><textarea id=\"snippet\" readonly rows=\"4\">&lt;script src=\"/widget/v1/ido-vinder.js\" defer&gt;&lt;/script&gt;\n"
         "&lt;ido-vinder gemeente=\"" + code + "\" kaart=\"uit\"&gt;&lt;/ido-vinder&gt;</textarea>"
         "<p><button type=\"button\" class=\"knop\" id=\"kopieer\" hidden>Kopieer de code</button> <span class=\"melding\" role=\"status\"></span></p>"
         "<h3>Voorbeeld</h3><div class=\"voorbeeld\" id=\"voorbeeld\"><p>Het voorbeeld verschijnt hier als JavaScript aan staat.</p></div></section>";

    b += "<section class=\"paneel\" id=\"regisseur\" aria-labelledby=\"regisseur-kop\" data-gemeente=\"" + code + "\"><h2 id=\"regisseur-kop\">Regisseur: "
         "partners in de buurt</h2><p>Andere organisaties die ook helpen, zoals het Taalhuis, een belastingspreekuur of formulierenhulp. "
         "De gemeente houdt deze lijst zelf bij. De zoeker laat ze zien.</p>"
         "<div class=\"paneel-inhoud\" data-bron=\"/v1/gemeenten/" + code + "/partners\"><p>Bekijk de partners in de "
         "<a href=\"/v1/gemeenten/" + code + "/partners\">gegevens (JSON)</a>.</p></div>"
         "<form class=\"wijzig-formulier controle\" id=\"partner-formulier\" hidden><h3>Partner toevoegen of wijzigen</h3>"
         "<p>Hiervoor heeft u een sleutel van uw gemeente nodig.</p><input type=\"hidden\" id=\"partner-id\">"
         "<label for=\"partner-sleutel\">Sleutel</label><input id=\"partner-sleutel\" type=\"password\" autocomplete=\"off\" required>"
         "<label for=\"partner-naam\">Naam</label><input id=\"partner-naam\" type=\"text\" required>"
         "<label for=\"partner-soort\">Soort</label><select id=\"partner-soort\"><option value=\"taalhuis\">Taalhuis</option>"
         "<option value=\"belastingspreekuur\">Belastingspreekuur</option><option value=\"formulierenhulp\">Formulierenhulp</option>"
         "<option value=\"schuldhulp\">Schuldhulp</option><option value=\"anders\">Anders</option></select>"
         "<label for=\"partner-omschrijving\">Omschrijving</label><input id=\"partner-omschrijving\" type=\"text\">"
         "<label for=\"partner-adres\">Adres</label><input id=\"partner-adres\" type=\"text\">"
         "<label for=\"partner-telefoon\">Telefoon</label><input id=\"partner-telefoon\" type=\"tel\">"
         "<label for=\"partner-email\">E-mail</label><input id=\"partner-email\" type=\"email\">"
         "<label for=\"partner-website\">Website</label><input id=\"partner-website\" type=\"url\">"
         "<button type=\"submit\" class=\"knop\">Opslaan</button> <button type=\"reset\" class=\"knop knop-tweede\">Leegmaken</button>"
         "<p class=\"melding\" role=\"status\"></p></form></section>";
}

}  // namespace

std::string municipal_page(const MunicipalPage& p) {
    html::Page page;
    const std::string naam = p.cijfers.gemeentenaam;
    const std::string code = escape(p.cijfers.gemeentecode);
    page.title = naam + ": bereikbaarheid van informatiepunten";
    page.description = "Hoe ver wonen de inwoners van " + naam + " van een Informatiepunt Digitale Overheid?";
    page.canonical = "/gemeenten/" + p.cijfers.gemeentecode;
    page.noindex = p.wat_als.has_value();
    stylesheet_and_script(page);
    page.scripts.push_back("/widget/v1/ido-vinder.js");

    std::string& b = page.body;
    b += header_html(naam);
    b += "<main id=\"inhoud\" data-gemeente=\"" + code + "\"><h1>";
    append_escaped(b, naam);
    b += ": hoe ver wonen inwoners van een informatiepunt?</h1>";
    b += "<p class=\"inleiding\">Cijfers voor de gemeente ";
    append_escaped(b, naam);
    b += " (" + code + "). Afstanden zijn hemelsbreed, van het midden van elk postcodegebied naar het dichtstbijzijnde informatiepunt, "
         "ook als dat in een andere gemeente ligt.</p>";
    b += "<nav class=\"acties controle\" aria-label=\"Rapport\"><button type=\"button\" class=\"knop\" id=\"afdrukken\" hidden>Druk af of bewaar als PDF</button>"
         "<ul class=\"exports\"><li><a href=\"/v1/gemeenten/" + code + "/rapport?formaat=xlsx\">Rapport als Excel (XLSX)</a></li>";
    for (const char* table : {"locaties", "openingstijden", "diensten", "bereikbaarheid", "wijzigingen"})
        b += "<li><a href=\"/v1/gemeenten/" + code + "/rapport?formaat=csv&amp;tabel=" + table + "\">" + table + " (CSV)</a></li>";
    b += "</ul></nav>";

    b += "<section aria-labelledby=\"cijfers-kop\"><h2 id=\"cijfers-kop\">De cijfers</h2>";
    figures_table(b, p);
    const auto& o = p.overzicht;
    b += "<p>Spreekuren per week (gemiddeld over de komende vier weken): <strong>" + decimal(o.uren.per_week, 1) + " uur</strong>, waarvan " +
         decimal(o.uren.inloop, 1) + " uur zonder afspraak, " + decimal(o.uren.op_afspraak, 1) + " uur op afspraak, " + decimal(o.uren.avond, 1) +
         " uur 's avonds en " + decimal(o.uren.zaterdag, 1) + " uur op zaterdag.";
    if (o.uren_per_10000_inwoners) b += " Dat is " + decimal(*o.uren_per_10000_inwoners, 1) + " uur per 10.000 inwoners.";
    b += "</p>";
    if (!o.ontbrekende_diensten.empty()) {
        b += "<p>Geen enkel informatiepunt in de gemeente biedt: ";
        for (std::size_t i = 0; i < o.ontbrekende_diensten.size(); ++i) b += (i > 0 ? ", " : "") + escape(o.ontbrekende_diensten[i]);
        b += ".</p>";
    }
    b += "</section>";

    b += "<section aria-labelledby=\"kaart-kop\"><h2 id=\"kaart-kop\">Kaart</h2>" + p.kaart_svg + "</section>";
    b += "<section aria-labelledby=\"wat-als-kop\" class=\"controle-deels\"><h2 id=\"wat-als-kop\">Wat als er een informatiepunt bij komt?</h2>";
    what_if_form(b, p);
    b += "</section>";

    b += "<section aria-labelledby=\"punten-kop\"><h2 id=\"punten-kop\">Informatiepunten</h2>";
    help_point_table(b, p.binnen, "punten-binnen", "Informatiepunten in de gemeente", false);
    help_point_table(b, p.over_de_grens, "punten-grens", "De dichtstbijzijnde informatiepunten net over de grens", true);
    b += "<p class=\"uitleg\">Uren per week: gemiddeld over de komende vier weken, met feestdagen. ‘Controleren’: niet gecontroleerd in de "
         "afgelopen 12 maanden.</p></section>";

    b += "<section aria-labelledby=\"vlekken-kop\"><h2 id=\"vlekken-kop\">Witte vlekken</h2>";
    witte_vlekken(b, p);
    b += "</section><section aria-labelledby=\"advies-kop\"><h2 id=\"advies-kop\">Advies: waar kan een nieuw informatiepunt komen?</h2>";
    advice(b, p);
    b += "</section>";
    panels(b, p);
    b += "</main>";
    b += footer_html;
    return html::render_document(page);
}

std::string problem_page(std::string_view title, std::string_view text) {
    html::Page page;
    page.title = std::string(title);
    page.noindex = true;
    stylesheet_and_script(page);
    page.body = header_html("") + "<main id=\"inhoud\"><h1>" + escape(title) + "</h1><p>" + escape(text) +
                "</p><p><a href=\"/gemeenten\">Naar alle gemeenten</a></p></main>" + footer_html;
    return html::render_document(page);
}

}  // namespace ido::service::gemeente_html
