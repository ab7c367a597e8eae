#pragma once
#include "service/render/problem.hpp"
#include "text/utf8.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ido::service {

/// Decodes %XX escapes and '+' (as space, per application/x-www-form-urlencoded). Returns nullopt on a
/// malformed escape.
std::optional<std::string> percent_decode(std::string_view text);

// The one UTF-8 check and the one echo-safe form of client text (text/utf8.hpp), named here because
// every parser and endpoint of the service uses them.
using text::is_clean_utf8;
using text::printable;

/// The query parameters of one request, checked against the names an endpoint accepts. Collects every
/// problem instead of stopping at the first, so a 400 can list them all.
class QueryParams {
public:
    QueryParams(const std::vector<std::pair<std::string, std::string>>& pairs, std::vector<std::string_view> accepted);

    /// The raw value of a parameter, nullopt when absent.
    std::optional<std::string_view> get(std::string_view name) const;
    bool has(std::string_view name) const { return get(name).has_value(); }
    /// Whether the client sent the parameter at all, valid or not (so a bad lon is not also "missing").
    bool sent(std::string_view name) const;

    /// A finite decimal number ("52.1", "-4", "5e-1"; no "nan", "inf", hex or spaces), else a problem.
    std::optional<double> number(std::string_view name);
    /// A whole number in [min, max], else a problem (ongeldig-getal or buiten-bereik).
    std::optional<long long> integer(std::string_view name, long long min, long long max);
    /// "true" or "false", else a problem.
    std::optional<bool> boolean(std::string_view name);

    void add_problem(std::string_view name, std::string_view code, std::string reason);
    const std::vector<InvalidParam>& problems() const { return problems_; }
    bool ok() const { return problems_.empty(); }

private:
    std::vector<std::pair<std::string, std::string>> pairs_;
    std::vector<std::string> sent_;
    std::vector<InvalidParam> problems_;
};

}  // namespace ido::service
