#include "service/render/html.hpp"

#include <utility>

namespace ido::service::html {

void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_escaped(out, text);
    return out;
}

std::string script_safe_json(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    for (const char c : json) {
        // Outside JSON strings these characters never occur, so escaping them everywhere is safe.
        if (c == '<') out += "\\u003c";
        else if (c == '>') out += "\\u003e";
        else if (c == '&') out += "\\u0026";
        else out += c;
    }
    return out;
}

std::string render_document(const Page& page) {
    std::string out = "<!doctype html>\n<html lang=\"";
    append_escaped(out, page.lang);
    out += "\" dir=\"";
    append_escaped(out, page.dir);
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    append_escaped(out, page.title);
    out += "</title>\n";
    if (!page.description.empty()) {
        out += "<meta name=\"description\" content=\"";
        append_escaped(out, page.description);
        out += "\">\n";
    }
    out += "<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">\n";
    if (!page.canonical.empty()) {
        out += "<link rel=\"canonical\" href=\"";
        append_escaped(out, page.canonical);
        out += "\">\n";
    }
    if (page.noindex) out += "<meta name=\"robots\" content=\"noindex\">\n";
    for (const auto& href : page.stylesheets) {
        out += "<link rel=\"stylesheet\" href=\"";
        append_escaped(out, href);
        out += "\">\n";
    }
    for (const auto& src : page.scripts) {
        out += "<script src=\"";
        append_escaped(out, src);
        out += "\" defer></script>\n";
    }
    out += page.head_extra;
    out += "</head>\n<body>\n";
    out += page.body;
    out += "\n</body>\n</html>\n";
    return out;
}

HttpResponse html_response(std::string body, std::string route) {
    HttpResponse response;
    response.content_type = "text/html; charset=utf-8";
    response.body = std::move(body);
    response.route = std::move(route);
    return response;
}

}  // namespace ido::service::html
