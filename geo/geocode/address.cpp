#include "geo/geocode/address.hpp"

#include "geo/geocode/text.hpp"

#include <algorithm>
#include <cstddef>

namespace ido::geocode {
namespace {

struct Token {
    std::string text;       // normalised: lower case, ASCII-folded
    std::size_t part = 0;   // which comma-separated part it came from
    bool first_in_part = false;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool starts_with_digit(std::string_view t) { return !t.empty() && is_digit(t.front()); }
bool all_of(std::string_view t, bool (*pred)(char)) { return !t.empty() && std::all_of(t.begin(), t.end(), pred); }

// PostNL never issues the letter pairs SA, SD and SS (the same rule Geocoder::geocode applies).
bool letters_allowed(std::string_view l) { return l != "sa" && l != "sd" && l != "ss"; }
bool is_pc4(std::string_view t) { return t.size() == 4 && all_of(t, is_digit) && t.front() != '0'; }
bool is_pair(std::string_view t) { return t.size() == 2 && all_of(t, is_lower) && letters_allowed(t); }
bool is_pc6(std::string_view t) { return t.size() == 6 && is_pc4(t.substr(0, 4)) && is_pair(t.substr(4)); }

// "1e", "2de", "3ste", "10e": the ordinal that starts street names such as "1e Jacob van Campenstraat".
bool is_ordinal(std::string_view t) {
    std::size_t i = 0;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == 0 || i > 2) return false;
    const auto suffix = t.substr(i);
    return suffix == "e" || suffix == "de" || suffix == "ste";
}

std::vector<Token> tokenise(std::string_view query) {
    std::vector<Token> tokens;
    std::size_t part = 0;
    std::size_t start = 0;
    while (start <= query.size()) {
        const auto end = std::min(query.find_first_of(",;", start), query.size());
        const std::string key = normalise(query.substr(start, end - start));
        std::size_t pos = 0;
        bool first = true;
        while (pos < key.size()) {
            const auto space = std::min(key.find(' ', pos), key.size());
            tokens.push_back({key.substr(pos, space - pos), part, first});
            first = false;
            pos = space + 1;
        }
        if (!key.empty()) ++part;
        start = end + 1;
    }
    return tokens;
}

std::string join(const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
        if (!out.empty()) out.push_back(' ');
        out += tokens[i].text;
    }
    return out;
}

}  // namespace

AddressParts parse_address(std::string_view query) {
    const auto tokens = tokenise(query);
    const std::size_t n = tokens.size();
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    AddressParts out;
    std::vector<bool> postcode_token(n, false);
    std::size_t postcode_end = none;  // index just after the postcode's tokens

    // A full postcode anywhere beats four digits that might be one.
    for (std::size_t i = 0; i < n && postcode_end == none; ++i) {
        const auto& t = tokens[i].text;
        if (is_pc6(t)) {
            out.postcode_digits = t.substr(0, 4);
            out.postcode_letters = t.substr(4);
            postcode_token[i] = true;
            postcode_end = i + 1;
        } else if (is_pc4(t) && i + 1 < n && tokens[i + 1].part == tokens[i].part && is_pair(tokens[i + 1].text)) {
            out.postcode_digits = t;
            out.postcode_letters = tokens[i + 1].text;
            postcode_token[i] = postcode_token[i + 1] = true;
            postcode_end = i + 2;
        }
    }
    // Four digits alone are a postcode only where an address puts one: at the start of a part
    // ("Kerkstraat 12, 3511") or after the house number ("Kerkstraat 12 3511 Utrecht"); after a street
    // name ("Dorpsstraat 1234") they are the house number.
    for (std::size_t i = 0; i < n && postcode_end == none; ++i) {
        if (is_pc4(tokens[i].text) && (tokens[i].first_in_part || (i > 0 && starts_with_digit(tokens[i - 1].text)))) {
            out.postcode_digits = tokens[i].text;
            postcode_token[i] = true;
            postcode_end = i + 1;
        }
    }
    for (auto& c : out.postcode_letters) c = static_cast<char>(c - 'a' + 'A');

    // The house number: the last number that is neither the postcode nor a street's ordinal.
    std::size_t last_number = none;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& t = tokens[i].text;
        if (postcode_token[i] || !starts_with_digit(t)) continue;
        const bool ordinal_of_street = is_ordinal(t) && i + 1 < n && tokens[i + 1].part == tokens[i].part &&
                                       !starts_with_digit(tokens[i + 1].text);
        if (ordinal_of_street) continue;
        last_number = i;
        out.house_number = true;
        for (std::size_t j = 0; j < i; ++j) {
            if (!postcode_token[j] && !starts_with_digit(tokens[j].text)) out.street = true;
        }
    }

    const auto add = [&](std::string key, bool allow_typo, std::size_t min_size) {
        if (key.size() < min_size) return;
        if (std::any_of(key.begin(), key.end(), is_digit)) return;
        const auto same = std::find_if(out.places.begin(), out.places.end(), [&](const PlaceCandidate& p) { return p.key == key; });
        if (same == out.places.end()) {
            out.places.push_back({std::move(key), allow_typo});
        } else {
            same->allow_typo = same->allow_typo || allow_typo;
        }
    };
    // The words up to the next number, from `from` on.
    const auto words_from = [&](std::size_t from) {
        std::size_t to = from;
        while (to < n && !starts_with_digit(tokens[to].text)) ++to;
        return to;
    };
    if (postcode_end != none) add(join(tokens, postcode_end, words_from(postcode_end)), true, 2);
    if (last_number != none) {
        std::size_t from = last_number + 1;
        while (from < n && postcode_token[from]) ++from;
        const auto to = words_from(from);
        add(join(tokens, from, to), true, 2);
        // "12 a Utrecht", "12 bis Utrecht": the place without the house number's suffix.
        for (auto f = from + 1; f < to; ++f) add(join(tokens, f, to), false, 3);
    }
    // A part of its own between commas ("Kerkstraat 12, Utrecht", "Amsterdam, 1e Jacob van Campenstraat 5"),
    // last part first.
    const std::size_t parts = n == 0 ? 0 : tokens.back().part + 1;
    if (parts > 1) {
        for (std::size_t p = parts; p-- > 0;) {
            std::size_t from = 0;
            while (from < n && tokens[from].part != p) ++from;
            std::size_t to = from;
            bool digits = false;
            for (; to < n && tokens[to].part == p; ++to) {
                if (starts_with_digit(tokens[to].text)) digits = true;
            }
            if (!digits) add(join(tokens, from, to), true, 2);
        }
    }
    // Free text without a number ("Bibliotheek Utrecht", "Kerkstraat Zwolle"): its last words.
    if (!out.is_address() && n >= 2) {
        for (std::size_t k = std::min<std::size_t>(3, n - 1); k >= 1; --k) add(join(tokens, n - k, n), false, 3);
    }
    return out;
}

}  // namespace ido::geocode
