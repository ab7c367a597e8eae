#include "service/http/query.hpp"

#include "text/number.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ido::service {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

constexpr std::size_t max_value_bytes = 2048;

}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;  // needs two hex digits after '%'
            const int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (c == '+') {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

QueryParams::QueryParams(const std::vector<std::pair<std::string, std::string>>& pairs,
                         std::vector<std::string_view> accepted) {
    auto accepted_list = [&] {
        std::string list;
        for (auto a : accepted) list += (list.empty() ? "" : ", ") + std::string(a);
        return list.empty() ? std::string("geen") : list;
    };
    for (const auto& [raw_name, raw_value] : pairs) {
        // Pistache hands over the query undecoded; decode here, once.
        const auto name = percent_decode(raw_name);
        if (!name || std::find(accepted.begin(), accepted.end(), *name) == accepted.end()) {
            add_problem(printable(name.value_or(raw_name)), param_codes::onbekende_parameter,
                        "Onbekende parameter. Toegestaan: " + accepted_list());
            continue;
        }
        sent_.push_back(*name);
        if (get(*name)) {
            add_problem(*name, param_codes::herhaalde_parameter, "Deze parameter mag maar een keer voorkomen.");
            continue;
        }
        if (raw_value.size() > max_value_bytes) {
            add_problem(*name, param_codes::te_lang, "De waarde is langer dan " + std::to_string(max_value_bytes) + " bytes.");
            continue;
        }
        const auto value = percent_decode(raw_value);
        if (!value || !is_clean_utf8(*value)) {
            add_problem(*name, param_codes::ongeldige_tekens,
                        "De waarde bevat ongeldige tekens (een fout %-teken, geen UTF-8, of stuurtekens).");
            continue;
        }
        pairs_.emplace_back(*name, *value);
    }
}

std::optional<std::string_view> QueryParams::get(std::string_view name) const {
    for (const auto& [n, v] : pairs_)
        if (n == name) return std::string_view(v);
    return std::nullopt;
}

bool QueryParams::sent(std::string_view name) const {
    return std::find(sent_.begin(), sent_.end(), name) != sent_.end();
}

std::optional<double> QueryParams::number(std::string_view name) {
    auto text = get(name);
    if (!text) return std::nullopt;
    const auto value = text::parse_finite(*text);
    if (!value) {
        add_problem(name, param_codes::ongeldig_getal, "Geef een getal, bijvoorbeeld 52.09 (punt als decimaalteken).");
        return std::nullopt;
    }
    return *value;
}

std::optional<long long> QueryParams::integer(std::string_view name, long long min, long long max) {
    auto text = get(name);
    if (!text) return std::nullopt;
    long long value = 0;
    auto [stop, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (text->empty() || stop != text->data() + text->size() || (error != std::errc() && error != std::errc::result_out_of_range)) {
        add_problem(name, param_codes::ongeldig_getal, "Geef een geheel getal.");
        return std::nullopt;
    }
    if (error == std::errc::result_out_of_range || value < min || value > max) {
        add_problem(name, param_codes::buiten_bereik,
                    "Geef een geheel getal van " + std::to_string(min) + " tot en met " + std::to_string(max) + ".");
        return std::nullopt;
    }
    return value;
}

std::optional<bool> QueryParams::boolean(std::string_view name) {
    auto text = get(name);
    if (!text) return std::nullopt;
    if (*text == "true") return true;
    if (*text == "false") return false;
    add_problem(name, param_codes::ongeldige_waarde, "Geef true of false.");
    return std::nullopt;
}

void QueryParams::add_problem(std::string_view name, std::string_view code, std::string reason) {
    problems_.push_back({std::string(name), std::string(code), std::move(reason)});
}

}  // namespace ido::service
