#pragma once
// Checks of single field values shared by the import and the write endpoints:
// contact details and dates. Pure functions of a string; no JSON, no HTTP.
#include <string_view>

namespace ido::record {

/// A telephone number: 6 to 30 digits, spaces, '+', '-', '(' or ')'.
bool valid_phone(std::string_view text);
/// An e-mail address of the plain form local@domain.tld (no display name).
bool valid_email(std::string_view text);
/// An http(s) URL without spaces, quotes or angle brackets, at most 300 characters.
bool valid_web_url(std::string_view text);
/// A calendar date written YYYY-MM-DD that exists (no 2026-02-30).
bool valid_date(std::string_view text);
/// A date that may be partial: YYYY, YYYY-MM or YYYY-MM-DD (the seed set's `herkomst.peildatum`).
bool valid_partial_date(std::string_view text);

}  // namespace ido::record
