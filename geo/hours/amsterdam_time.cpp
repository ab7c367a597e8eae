#include "geo/hours/amsterdam_time.hpp"

#include <array>
#include <cstdio>

namespace ido::hours {

const date::time_zone& amsterdam() {
  static const date::time_zone* const zone = date::locate_zone("Europe/Amsterdam");
  return *zone;
}

date::local_seconds to_local(std::chrono::sys_seconds t) {
  return amsterdam().to_local(t);
}

std::chrono::sys_seconds to_sys(date::local_seconds local, std::chrono::sys_seconds not_before) {
  const date::local_info info = amsterdam().get_info(local);
  switch (info.result) {
    case date::local_info::unique:
      return std::chrono::sys_seconds{local.time_since_epoch()} - info.first.offset;
    case date::local_info::nonexistent:
      // The wall clock jumps over this time: the first wall time at or after it is the transition.
      return info.second.begin;
    case date::local_info::ambiguous:
    default: {
      const auto first = std::chrono::sys_seconds{local.time_since_epoch()} - info.first.offset;
      if (first >= not_before) return first;
      return std::chrono::sys_seconds{local.time_since_epoch()} - info.second.offset;
    }
  }
}

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

}  // namespace

std::optional<std::chrono::sys_seconds> parse_rfc3339(std::string_view s) {
  // RFC 3339 section 5.6: full-date "T" full-time, time-offset = "Z" / ("+" / "-") HH ":" MM.
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!digits(s, 0, 4, y) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't') || !digits(s, 11, 2, h) || s[13] != ':' ||
      !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec)) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  if (s[pos] == '.') {
    ++pos;
    const std::size_t start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
  }
  if (pos >= s.size()) return std::nullopt;
  int offset_minutes = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int oh = 0, om = 0;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(s, pos + 4, 2, om) ||
        oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_minutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  // Leap seconds (":60") are refused: the service has no use for them and sys_seconds cannot hold them.
  if (h > 23 || mi > 59 || sec > 59) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_seconds{date::sys_days{ymd}} + std::chrono::hours{h} + std::chrono::minutes{mi} +
         std::chrono::seconds{sec} - std::chrono::minutes{offset_minutes};
}

std::string format_amsterdam(std::chrono::sys_seconds t) {
  const date::sys_info info = amsterdam().get_info(t);
  const date::local_seconds local{(t + info.offset).time_since_epoch()};
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> tod{local - day};
  const auto offset = std::chrono::duration_cast<std::chrono::minutes>(info.offset).count();
  const long abs_offset = offset < 0 ? -offset : offset;
  const int year = static_cast<int>(ymd.year());
  if (year >= 0 && year <= 9999 && abs_offset < 100 * 60) {
    // Fixed-width digits by hand: snprintf's format parsing was a third of the instructions of a
    // one-location answer (callgrind, bench/http/README.md). Same output as the snprintf below.
    std::string out(25, '0');  // YYYY-MM-DDThh:mm:ss+hh:mm
    const auto put = [&out](std::size_t at, long value, int digits) {
      for (int i = digits - 1; i >= 0; --i, value /= 10) out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    };
    put(0, year, 4);
    out[4] = '-';
    put(5, static_cast<unsigned>(ymd.month()), 2);
    out[7] = '-';
    put(8, static_cast<unsigned>(ymd.day()), 2);
    out[10] = 'T';
    put(11, tod.hours().count(), 2);
    out[13] = ':';
    put(14, tod.minutes().count(), 2);
    out[16] = ':';
    put(17, tod.seconds().count(), 2);
    out[19] = offset < 0 ? '-' : '+';
    put(20, abs_offset / 60, 2);
    out[22] = ':';
    put(23, abs_offset % 60, 2);
    return out;
  }
  std::array<char, 96> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02uT%02d:%02d:%02d%c%02ld:%02ld",
                year, static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                static_cast<int>(tod.seconds().count()), offset < 0 ? '-' : '+', abs_offset / 60, abs_offset % 60);
  return std::string{buffer.data()};
}

}  // namespace ido::hours
