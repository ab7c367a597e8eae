#pragma once
// Building blocks shared by the endpoints: JSON and problem responses, links, pre-rendered arrays.
#include "service/http/http_types.hpp"
#include "service/render/problem.hpp"
#include "service/render/snapshot_answers.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>
#include <vector>

namespace ido::service {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

/// 200 application/json with the given body, answered by `route` (a template, for the access log).
HttpResponse json_response(std::string body, std::string route);
/// 200 with a body that is fixed for the data snapshot and its ETag; 304 without a body when the request's
/// If-None-Match names that ETag (or is `*`).
HttpResponse fixed_response(const FixedBody& fixed, const HttpRequest& request, std::string route);
/// Whether an If-None-Match header value matches `etag` (RFC 9110 13.1.2: `*`, or a comma-separated list
/// of entity tags compared weakly, so `W/"x"` matches `"x"`).
bool if_none_match(std::string_view header, std::string_view etag);
/// A problem+json response; the status comes from the error table.
HttpResponse problem_response(const Problem& problem, std::string_view path, std::string route);
/// 400 listing every invalid parameter.
HttpResponse invalid_parameters(const std::vector<InvalidParam>& params, std::string_view path, std::string route);

/// Writes an array member of pre-rendered JSON objects; `buffer` is the one `w` writes into.
void write_raw_array(JsonWriter& w, rapidjson::StringBuffer& buffer, const char* key, const std::vector<std::string>& items);
/// Writes one pre-rendered JSON object as the next value of an open array (or after a key).
void write_raw_value(JsonWriter& w, rapidjson::StringBuffer& buffer, std::string_view json);
/// Writes one link object {rel, href, type[, title]}.
void write_link(JsonWriter& w, const char* rel, const std::string& href, const char* type = "application/json",
                const char* title = nullptr);


}  // namespace ido::service
