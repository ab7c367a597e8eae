// "Gecontroleerd in oktober 2026." on a help point's page (service/render/gecontroleerd.*): the month in
// words, and "more than a year ago" by the widget's rule (the same calendar date one year before today).
#include "service/render/gecontroleerd.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace {

using ido::service::pagina::gecontroleerd;
using ido::service::pagina::gecontroleerd_html;

TEST(Gecontroleerd, TheMonthAndYearInDutchWords) {
    EXPECT_EQ(gecontroleerd("2026-10-14", "2026-12-01").tekst, "Gecontroleerd in oktober 2026.");
    EXPECT_EQ(gecontroleerd("2026-03-01", "2026-12-01").tekst, "Gecontroleerd in maart 2026.");
    EXPECT_EQ(gecontroleerd("2025-12-31", "2026-12-01").tekst, "Gecontroleerd in december 2025.");
    EXPECT_EQ(gecontroleerd("2026-01-05", "2026-12-01").tekst, "Gecontroleerd in januari 2026.");
}

TEST(Gecontroleerd, OverAYearAgoFromTheSameDateAYearEarlier) {
    // Today 2026-12-01: a year ago is 2025-12-01, which is not yet "more than a year".
    EXPECT_FALSE(gecontroleerd("2025-12-01", "2026-12-01").oud);
    EXPECT_TRUE(gecontroleerd("2025-11-30", "2026-12-01").oud);
    EXPECT_FALSE(gecontroleerd("2026-12-01", "2026-12-01").oud);
    EXPECT_TRUE(gecontroleerd("2019-06-15", "2026-12-01").oud);
    // A leap day: the year before has no 29 February; the text comparison puts 28 February before it.
    EXPECT_TRUE(gecontroleerd("2027-02-28", "2028-02-29").oud);
    EXPECT_FALSE(gecontroleerd("2027-03-01", "2028-02-29").oud);
}

TEST(Gecontroleerd, NoOrAMalformedDateIsNotChecked) {
    for (const char* bad : {"", "2026-13-01", "2026-02-30", "14-10-2026", "2026-10-14T10:00:00Z", "gisteren"}) {
        const auto regel = gecontroleerd(bad, "2026-12-01");
        EXPECT_EQ(regel.tekst, "Nog niet gecontroleerd.") << bad;
        EXPECT_FALSE(regel.oud) << bad;
    }
}

TEST(Gecontroleerd, ThePageSaysPlainlyWhenItIsOld) {
    // 2026-12-01 12:00 UTC is 13:00 in Amsterdam, the same date.
    const auto now = std::chrono::sys_days{std::chrono::year{2026} / 12 / 1} + std::chrono::hours(12);
    const auto now_s = std::chrono::time_point_cast<std::chrono::seconds>(now);
    const std::string old = gecontroleerd_html("2024-05-02", now_s);
    EXPECT_NE(old.find("Gecontroleerd in mei 2024."), std::string::npos) << old;
    EXPECT_NE(old.find("<strong class=\"gecontroleerd-oud\">Dit is meer dan een jaar geleden gecontroleerd. Bel voor u gaat.</strong>"), std::string::npos) << old;
    const std::string recent = gecontroleerd_html("2026-10-14", now_s);
    EXPECT_NE(recent.find("Gecontroleerd in oktober 2026."), std::string::npos);
    EXPECT_EQ(recent.find("meer dan een jaar"), std::string::npos) << recent;
    // Amsterdam's date, not UTC's: 2026-11-30 23:30 UTC is already 1 December there, so 30 November 2025
    // is more than a year ago (by UTC's date it would be exactly a year).
    const auto late = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::sys_days{std::chrono::year{2026} / 11 / 30} +
                                                                          std::chrono::hours(23) + std::chrono::minutes(30));
    EXPECT_NE(gecontroleerd_html("2025-11-30", late).find("meer dan een jaar"), std::string::npos);
}

TEST(Gecontroleerd, MonthAndYearInEveryLanguageAsTheWidgetSaysIt) {
    // The widget's words (web-widget/src/talen/*.js gecontroleerdIn) around Intl's month and year
    // (Chromium: { month: 'long', year: 'numeric' }), so the page reads the same before and after it.
    EXPECT_EQ(gecontroleerd("2026-10-14", "2026-12-01", "en").tekst, "Checked in October 2026.");
    EXPECT_EQ(gecontroleerd("2026-10-14", "2026-12-01", "tr").tekst, "Ekim 2026 içinde kontrol edildi.");
    EXPECT_EQ(gecontroleerd("2026-10-14", "2026-12-01", "ar").tekst, "تم التحقق في أكتوبر 2026.");
    // Polish and Ukrainian name a month standing alone otherwise than in a date ("14 października").
    EXPECT_EQ(gecontroleerd("2026-10-14", "2026-12-01", "pl").tekst, "Sprawdzono: październik 2026.");
    EXPECT_EQ(gecontroleerd("2026-03-01", "2026-12-01", "uk").tekst, "Перевірено: березень 2026 р.");
    EXPECT_EQ(gecontroleerd("gisteren", "2026-12-01", "en").tekst, "Not checked yet.");
    EXPECT_TRUE(gecontroleerd("2019-06-15", "2026-12-01", "pl").oud);
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::sys_days{std::chrono::year{2026} / 12 / 1} + std::chrono::hours(12));
    const std::string old = gecontroleerd_html("2024-05-02", now, "en");
    EXPECT_NE(old.find("<p class=\"gecontroleerd\">Checked in May 2024. <strong class=\"gecontroleerd-oud\">That was more than a year ago."),
              std::string::npos) << old;
    EXPECT_EQ(old.find("2 May"), std::string::npos) << "no full date: " << old;
}

}  // namespace
