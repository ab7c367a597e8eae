// The HTML home: escaping and the document shell.
#include "service/render/html.hpp"

#include <gtest/gtest.h>

namespace ido::service::html {
namespace {

TEST(HtmlEscape, EscapesEveryCharacterThatEndsTextOrAnAttribute) {
    EXPECT_EQ(escape("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &#39; f");
    EXPECT_EQ(escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
    EXPECT_EQ(escape("Bibliotheek Overvecht ü"), "Bibliotheek Overvecht ü");  // UTF-8 passes through
}

TEST(HtmlEscape, ScriptSafeJsonCannotCloseItsBlock) {
    const std::string json = R"({"naam":"</script><script>x()</script> & <!--"})";
    const std::string safe = script_safe_json(json);
    EXPECT_EQ(safe.find('<'), std::string::npos);
    EXPECT_EQ(safe.find('>'), std::string::npos);
    EXPECT_EQ(safe, R"({"naam":"\u003c/script\u003e\u003cscript\u003ex()\u003c/script\u003e \u0026 \u003c!--"})");
}

TEST(HtmlDocument, HeadCarriesLanguageCanonicalRobotsAndEscapedTexts) {
    Page page;
    page.lang = "ar";
    page.dir = "rtl";
    page.title = "Hulp & uitleg <nu>";
    page.description = "Een \"beschrijving\"";
    page.canonical = "/informatiepunten/ido-1";
    page.noindex = true;
    page.stylesheets = {"/widget/v1/pagina.css"};
    page.scripts = {"/widget/v1/ido-vinder.js"};
    page.body = "<main>x</main>";
    const std::string doc = render_document(page);
    EXPECT_EQ(doc.rfind("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">", 0), 0u);
    EXPECT_NE(doc.find("<title>Hulp &amp; uitleg &lt;nu&gt;</title>"), std::string::npos);
    EXPECT_NE(doc.find("content=\"Een &quot;beschrijving&quot;\""), std::string::npos);
    EXPECT_NE(doc.find("<link rel=\"canonical\" href=\"/informatiepunten/ido-1\">"), std::string::npos);
    EXPECT_NE(doc.find("<meta name=\"robots\" content=\"noindex\">"), std::string::npos);
    EXPECT_NE(doc.find("<script src=\"/widget/v1/ido-vinder.js\" defer></script>"), std::string::npos);
    EXPECT_NE(doc.find("<body>\n<main>x</main>\n</body>"), std::string::npos);
}

TEST(HtmlDocument, IndexableByDefault) {
    Page page;
    page.title = "t";
    const std::string doc = render_document(page);
    EXPECT_EQ(doc.find("robots"), std::string::npos);
    EXPECT_EQ(doc.find("canonical"), std::string::npos);
    EXPECT_NE(doc.find("lang=\"nl\" dir=\"ltr\""), std::string::npos);
}

TEST(HtmlResponse, IsUtf8Html) {
    const HttpResponse r = html_response("<p>x</p>", "/informatiepunten/{id}");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(r.route, "/informatiepunten/{id}");
    EXPECT_EQ(r.body, "<p>x</p>");
}

}  // namespace
}  // namespace ido::service::html
