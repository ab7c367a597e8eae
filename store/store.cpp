// What both stores share: role names, choosing a store by its configuration, and keeping passwords
// out of logs.
#include "store/store.hpp"

namespace ido::store {

std::string_view to_string(Role role) {
    switch (role) {
        case Role::bibliotheek: return "bibliotheek";
        case Role::gemeente: return "gemeente";
        case Role::beheerder: return "beheerder";
    }
    return "bibliotheek";
}

std::optional<Role> role_from_string(std::string_view text) {
    if (text == "bibliotheek") return Role::bibliotheek;
    if (text == "gemeente") return Role::gemeente;
    if (text == "beheerder") return Role::beheerder;
    return std::nullopt;
}

bool is_postgres_uri(std::string_view db) { return db.starts_with("postgresql://") || db.starts_with("postgres://"); }

std::unique_ptr<Store> open_store(const std::string& db) {
    if (is_postgres_uri(db)) return open_postgres(db);
    return open_sqlite(db);
}

std::string redacted(std::string_view db) {
    if (!is_postgres_uri(db)) return std::string(db);
    std::string out(db);
    // postgresql://user:password@host/...: the password sits between the first ':' after the scheme and
    // the '@' that ends the user info.
    const std::size_t authority = out.find("://") + 3;
    const std::size_t at = out.find('@', authority);
    const std::size_t slash = out.find('/', authority);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
        const std::size_t colon = out.find(':', authority);
        if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
    // ...?password=secret&...
    for (std::size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
        if (p > 0 && out[p - 1] != '?' && out[p - 1] != '&') continue;
        const std::size_t value = p + 9;
        const std::size_t end = std::min(out.find('&', value), out.size());
        out.replace(value, end - value, "***");
    }
    return out;
}

}  // namespace ido::store
