#pragma once
// What every public page of the site shares around its content: the header with the skip link, the
// footer, and the tel: form of a phone number. One place, so the finder, a help point's page and the
// 404 page look like one site.
#include <string>
#include <string_view>

namespace ido::service::pagina {

/// The site header (skip link to #inhoud, the brand), in `taal` (service/render/teksten.hpp); `naar`
/// is the key of the skip link's text; `taalkeuze` the language choice's HTML, shown in the header.
std::string kop(std::string_view taal = "nl", std::string_view naar = "kop.naar_inhoud", std::string_view taalkeuze = {});
/// The site footer: privacy in one sentence, the generated examples, embedding, the open API.
std::string voet(std::string_view taal = "nl");
/// "tel:+31301234567" for "030 123 45 67" (digits and a leading +).
std::string tel_href(std::string_view nummer);

/// The URL paths of the files the pages load (versioned names: service/http/static_files.hpp).
struct Bestanden {
    std::string widget_js = "/widget/v1/ido-vinder.js";
    std::string pagina_css = "/widget/v1/pagina.css";
    std::string zonder_js_css = "/widget/v1/zonder-js.css";  ///< for readers without JavaScript (inside <noscript>)
};

}  // namespace ido::service::pagina
