#include "record/field_checks.hpp"

#include <regex>
#include <string>

namespace ido::record {
namespace {

// One set of patterns for the write API and the import, so that what the API accepts
// an import accepts too.
const std::regex phone_pattern(R"([0-9+() -]{6,30})");
const std::regex url_pattern(R"(https?://[^\s<>"]{1,290})");
const std::regex email_pattern(R"([^\s@<>"]{1,100}@[^\s@<>"]{1,100}\.[A-Za-z]{2,20})");

bool matches(std::string_view text, const std::regex& pattern) {
    return text.size() <= 300 && std::regex_match(text.begin(), text.end(), pattern);
}

bool digits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return !text.empty();
}

bool leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

bool valid_phone(std::string_view text) { return matches(text, phone_pattern); }
bool valid_email(std::string_view text) { return matches(text, email_pattern); }
bool valid_web_url(std::string_view text) { return matches(text, url_pattern); }

bool valid_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    if (!digits(text.substr(0, 4)) || !digits(text.substr(5, 2)) || !digits(text.substr(8, 2))) return false;
    const int year = std::stoi(std::string(text.substr(0, 4)));
    const int month = std::stoi(std::string(text.substr(5, 2)));
    const int day = std::stoi(std::string(text.substr(8, 2)));
    static constexpr int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return false;
    return day <= days_in_month[month - 1] + (month == 2 && leap_year(year) ? 1 : 0);
}

bool valid_partial_date(std::string_view text) {
    if (text.size() == 4) return digits(text);
    if (text.size() == 7) return digits(text.substr(0, 4)) && text[4] == '-' && digits(text.substr(5, 2)) &&
                                 text.substr(5, 2) >= "01" && text.substr(5, 2) <= "12";
    return valid_date(text);
}

}  // namespace ido::record
