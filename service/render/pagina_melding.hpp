#pragma once
// The report form without JavaScript (issue 14): /informatiepunten/{id}/melding, the same report the
// widget's form sends to POST /v1/informatiepunten/{id}/meldingen, as a plain HTML form with the
// GOV.UK / NL Design System error pattern (an error summary at the top linking to each field, the error
// named at the field, aria-invalid), and the pages after it: thank you, too many reports, store away.
// The page texts are in the one table of page texts (service/render/teksten.*, keys meld.* and wacht.*),
// in every language the pages speak; the language is chosen as for the other pages (docs/talen.md).
#include "service/render/pagina_kader.hpp"

#include <string>
#include <string_view>

namespace ido::service::pagina {

/// What is wrong with a sent form, per field.
struct MeldFouten {
    bool soort = false;                          ///< no kind chosen, or one we do not know
    enum class Tekst { goed, te_lang, ongeldig } toelichting = Tekst::goed;
    bool formulier = false;                      ///< the form itself did not arrive whole (other fields, a name twice)

    bool any() const { return soort || toelichting != Tekst::goed || formulier; }
};

/// The form of one help point, empty or as sent (with its errors).
struct MeldFormulier {
    std::string id;           ///< the help point's id
    std::string naam;         ///< its name
    std::string soort;        ///< the kind chosen, kept on an error page
    std::string toelichting;  ///< the text written, kept on an error page (valid UTF-8 only)
    MeldFouten fouten;
    std::string taal = "nl";  ///< the page's language (service/render/teksten.hpp)
};

/// The form page; with errors, their summary first and "Fout: " before the title.
std::string render_meld_formulier(const MeldFormulier& formulier, const Bestanden& bestanden);
/// The thank-you page, with a link back to the help point's page.
std::string render_meld_bedankt(const std::string& id, const std::string& naam, const Bestanden& bestanden, std::string_view taal = "nl");
/// Too many reports: from this address in the past hour (`van_adres`), or about this help point today;
/// says when to try again, from `wacht_seconden` (the Retry-After).
std::string render_meld_te_vaak(const std::string& id, const std::string& naam, bool van_adres, long wacht_seconden, const Bestanden& bestanden,
                                std::string_view taal = "nl");
/// The report could not be stored now (the database is away): try again in a moment.
std::string render_meld_niet_beschikbaar(const std::string& id, const std::string& naam, const Bestanden& bestanden,
                                         std::string_view taal = "nl");

/// "over 1 minuut", "over 42 minuten", "over 2 uur", "morgen" (more than 12 hours): when `seconden` have
/// passed, in `taal` ("in 42 minutes", "za 42 min").
std::string wachttijd(long seconden, std::string_view taal = "nl");

}  // namespace ido::service::pagina
