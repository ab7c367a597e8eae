#include "store/token_dates.hpp"

#include <cstdio>

namespace ido::store {

std::string utc_date(std::chrono::system_clock::time_point when) {
    const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(when)};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    return text;
}

std::string default_token_expiry(std::chrono::system_clock::time_point now) {
    const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(now)};
    std::chrono::year_month_day next = today + std::chrono::years(1);
    if (!next.ok()) next = std::chrono::year_month_day_last(next.year(), std::chrono::month_day_last(next.month()));
    return utc_date(std::chrono::sys_days(next));
}

bool is_calendar_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    auto number = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
        return v;
    };
    const std::chrono::year_month_day day{std::chrono::year(number(0, 4)), std::chrono::month(static_cast<unsigned>(number(5, 2))),
                                          std::chrono::day(static_cast<unsigned>(number(8, 2)))};
    return day.ok();
}

bool is_expired(const Token& token, std::string_view today) {
    return !is_calendar_date(token.geldig_tot) || token.geldig_tot < today;
}

bool use_needs_recording(const Token& token, std::string_view today) {
    return !token.laatst_gebruikt || *token.laatst_gebruikt != today;
}

}  // namespace ido::store
