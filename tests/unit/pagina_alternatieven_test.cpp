// The canonical link and the hreflang alternates in the head of the finder page and of a help point's
// page (service/render/pagina_taalkeuze.*): each language version canonical to itself, the address
// without ?taal= (it follows the browser's language) the x-default and canonical to itself as well,
// and the same full set of alternates on every version. The rule Lighthouse's `canonical` audit and
// search engines apply: a page whose own address is one of the alternates must not name another one as
// canonical (a page answered in English by Accept-Language at "/" once pointed at "/?taal=en").
#include "service/render/pagina_finder.hpp"
#include "service/render/pagina_informatiepunt.hpp"
#include "service/render/teksten.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <chrono>
#include <map>
#include <regex>
#include <string>
#include <vector>

namespace {

using namespace ido::service;

const std::string base = "https://ido.example";

struct Kop {
    std::vector<std::string> canonicals;
    std::map<std::string, std::string> alternatieven;  ///< hreflang → href
};

Kop kop_van(const std::string& document) {
    const std::string head = document.substr(0, document.find("</head>"));
    Kop kop;
    const std::regex canonical("<link rel=\"canonical\" href=\"([^\"]*)\">");
    for (std::sregex_iterator it(head.begin(), head.end(), canonical), end; it != end; ++it) kop.canonicals.push_back((*it)[1]);
    const std::regex alternate("<link rel=\"alternate\" hreflang=\"([^\"]*)\" href=\"([^\"]*)\">");
    for (std::sregex_iterator it(head.begin(), head.end(), alternate), end; it != end; ++it) {
        EXPECT_FALSE(kop.alternatieven.contains((*it)[1])) << "twice: " << (*it)[1];
        kop.alternatieven[(*it)[1]] = (*it)[2];
    }
    return kop;
}

// The head of the page served at `adres` (absolute): one canonical, absolute, the page's own address;
// an alternate for every language at path?taal=xx and x-default at the path.
void expect_kop(const std::string& document, const std::string& pad, const std::string& adres) {
    const Kop kop = kop_van(document);
    ASSERT_EQ(kop.canonicals.size(), 1u) << document.substr(0, 1500);
    EXPECT_EQ(kop.canonicals[0], adres);
    std::map<std::string, std::string> verwacht{{"x-default", base + pad}};
    for (const auto code : teksten::talen()) verwacht[std::string(code)] = base + pad + "?taal=" + std::string(code);
    EXPECT_EQ(kop.alternatieven, verwacht);
    // Lighthouse's rule (core/audits/seo/canonical.js): the page's address among the alternates and a
    // canonical among them that is another one fails.
    bool adres_is_alternatief = false, canonical_is_alternatief = false;
    for (const auto& [taal, href] : kop.alternatieven) {
        adres_is_alternatief = adres_is_alternatief || href == adres;
        canonical_is_alternatief = canonical_is_alternatief || href == kop.canonicals[0];
    }
    EXPECT_FALSE(adres_is_alternatief && canonical_is_alternatief && adres != kop.canonicals[0]);
}

std::string finder(const std::string& gevraagd, const std::string& pagina_taal) {
    pagina::FinderVraag vraag;
    vraag.taal = gevraagd;
    vraag.pagina_taal = pagina_taal;
    return pagina::render_finder(vraag, {}, base, {});
}

TEST(PaginaAlternatieven, FinderWithoutParameterIsTheXDefaultInWhateverLanguageItAnswers) {
    expect_kop(finder("", "nl"), "/", base + "/");
    // Accept-Language chose English: still the address "/", so still canonical "/".
    const std::string en = finder("", "en");
    EXPECT_NE(en.find("<html lang=\"en\""), std::string::npos);
    expect_kop(en, "/", base + "/");
}

TEST(PaginaAlternatieven, FinderInANamedLanguageIsCanonicalToItself) {
    expect_kop(finder("nl", "nl"), "/", base + "/?taal=nl");
    expect_kop(finder("ar", "ar"), "/", base + "/?taal=ar");
}

TEST(PaginaAlternatieven, ASearchNamesNoCanonical) {
    pagina::FinderVraag vraag;
    vraag.zoek = "3511AB";
    const Kop kop = kop_van(pagina::render_finder(vraag, {}, base, {}));
    EXPECT_TRUE(kop.canonicals.empty());
    EXPECT_TRUE(kop.alternatieven.empty());
}

TEST(PaginaAlternatieven, HelpPointPageInDutchAndInArabic) {
    rapidjson::Document ip;
    ip.Parse(R"({"id": "IDO-1", "naam": "Bibliotheek Centrum", "adres": {"straat": "Plein", "huisnummer": "1", "postcode": "3511 AB", "plaats": "Utrecht"}})");
    ASSERT_FALSE(ip.HasParseError());
    const auto now = std::chrono::sys_seconds{std::chrono::seconds{1'790'000'000}};
    const std::string pad = "/informatiepunten/IDO-1";
    expect_kop(pagina::render_informatiepunt(ip, now, base, {}, "nl", "", ""), pad, base + pad);
    expect_kop(pagina::render_informatiepunt(ip, now, base, {}, "nl", "", "nl"), pad, base + pad + "?taal=nl");
    const std::string ar = pagina::render_informatiepunt(ip, now, base, {}, "ar", "", "ar");
    EXPECT_NE(ar.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
    expect_kop(ar, pad, base + pad + "?taal=ar");
    // Arabic chosen by Accept-Language at the address without the parameter.
    expect_kop(pagina::render_informatiepunt(ip, now, base, {}, "ar", "", ""), pad, base + pad);
}

}  // namespace
