#include "cli/token.hpp"

#include "cli/options.hpp"
#include "record/codes.hpp"
#include "service/http/config.hpp"
#include "store/store.hpp"
#include "store/token_dates.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace ido::cli {
namespace {

// The usage text names the default database from the one constant (service/http/config.hpp).
const std::string& usage() {
    // std::string first: a literal in front of a temporary string trips GCC 12's -Wrestrict (bug 105329).
    static const std::string text =
        std::string(
        "usage:\n"
        "  ido-vinder token create --rol bibliotheek --organisatie NAAM [--label TEKST] [--geldig-tot JJJJ-MM-DD] [--db PAD]\n"
        "  ido-vinder token create --rol gemeente --gemeente GM0363 [--label TEKST] [--geldig-tot JJJJ-MM-DD] [--db PAD]\n"
        "  ido-vinder token create --rol beheerder [--label TEKST] [--geldig-tot JJJJ-MM-DD] [--db PAD]\n"
        "  ido-vinder token list [--db PAD]\n"
        "  ido-vinder token revoke ID [--db PAD]\n"
        "\n"
        "The secret of a new token is printed once; only its SHA-256 is stored. A token is accepted up to and\n"
        "including its --geldig-tot day (UTC; default: a year from today). `list` shows per token: id, role,\n"
        "organisation or municipality, label, status, valid until, last used (a day; recorded once a day).\n"
        "--db defaults to IDO_DB or\n"
        "./") + service::default_database + ", the same database `ido-vinder serve` uses (a file, or postgresql://...).\n";
    return text;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "ido-vinder token: %s\n%s", message.c_str(), usage().c_str());
    return 2;
}

}  // namespace

int token_command(const std::vector<std::string>& args, const Environment& environment) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::fputs(usage().c_str(), args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    const std::string action = args[0];
    CLI::App app("create, list and revoke write tokens", "ido-vinder token");
    std::vector<std::string> positional;
    std::string rol_text, organisatie, gemeente, label_text, db_flag, geldig_tot;
    app.add_option("arguments", positional);
    app.add_option("--rol", rol_text);
    app.add_option("--organisatie", organisatie);
    app.add_option("--gemeente", gemeente);
    const auto* label = app.add_option("--label", label_text);
    app.add_option("--geldig-tot", geldig_tot);
    const auto* db_option = app.add_option("--db", db_flag);
    const auto leftovers = parse(app, std::vector<std::string>(args.begin() + 1, args.end()));
    if (!leftovers.error.empty()) return fail(leftovers.error);
    if (!leftovers.unknown.empty()) return fail("unknown option " + leftovers.unknown.front());
    const std::string db = setting(*db_option, db_flag, environment, "IDO_DB", service::default_database);

    try {
        auto store = store::open_store(db);
        if (action == "create") {
            auto rol = store::role_from_string(rol_text);
            if (!rol) return fail("--rol must be bibliotheek, gemeente or beheerder");
            if (*rol == store::Role::bibliotheek && organisatie.empty()) return fail("a bibliotheek token needs --organisatie");
            if (*rol == store::Role::gemeente && !record::is_gemeentecode(gemeente))
                return fail("a gemeente token needs --gemeente GMxxxx");
            if (*rol != store::Role::bibliotheek) organisatie.clear();
            if (*rol != store::Role::gemeente) gemeente.clear();
            const std::string name = label->count() > 0 ? label_text
                                                        : std::string(store::to_string(*rol)) + " " + (organisatie.empty() ? gemeente : organisatie);
            const std::string today = store::utc_date(std::chrono::system_clock::now());
            if (geldig_tot.empty()) geldig_tot = store::default_token_expiry(std::chrono::system_clock::now());
            if (!store::is_calendar_date(geldig_tot)) return fail("--geldig-tot must be a date JJJJ-MM-DD, such as 2027-12-31");
            if (geldig_tot < today) return fail("--geldig-tot " + geldig_tot + " lies in the past: the token would never work");
            auto [token, secret] = store->create_token(*rol, organisatie, gemeente, name, geldig_tot);
            std::fprintf(stderr, "token %lld created (%s, %s), valid until %s inclusive. Store the secret now: it is not shown again.\n",
                         static_cast<long long>(token.id), std::string(store::to_string(token.rol)).c_str(), token.label.c_str(),
                         token.geldig_tot.c_str());
            std::printf("%s\n", secret.c_str());
            return 0;
        }
        if (action == "list") {
            const std::string today = store::utc_date(std::chrono::system_clock::now());
            for (const auto& t : store->tokens()) {
                const std::string status = t.ingetrokken ? "ingetrokken " + *t.ingetrokken : store::is_expired(t, today) ? "verlopen" : "actief";
                std::printf("%lld\t%s\t%s\t%s\t%s\tgeldig tot %s\tlaatst gebruikt %s\n", static_cast<long long>(t.id),
                            std::string(store::to_string(t.rol)).c_str(), (t.organisatie.empty() ? t.gemeentecode : t.organisatie).c_str(),
                            t.label.c_str(), status.c_str(), t.geldig_tot.c_str(), t.laatst_gebruikt.value_or("nooit").c_str());
            }
            return 0;
        }
        if (action == "revoke") {
            long long id = 0;
            if (positional.size() != 1) return fail("revoke takes one token id");
            auto [end, error] = std::from_chars(positional[0].data(), positional[0].data() + positional[0].size(), id);
            if (error != std::errc() || end != positional[0].data() + positional[0].size()) return fail("not a token id: " + positional[0]);
            if (!store->revoke_token(id)) {
                std::fprintf(stderr, "ido-vinder token: no active token %lld\n", id);
                return 1;
            }
            std::fprintf(stderr, "token %lld revoked\n", id);
            return 0;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ido-vinder token: %s\n", e.what());
        return 1;
    }
    return fail("unknown action " + action);
}

}  // namespace ido::cli
