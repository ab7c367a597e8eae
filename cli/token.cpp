#include "cli/token.hpp"

#include "store/store.hpp"

#include <charconv>
#include <cstdio>
#include <map>
#include <regex>

namespace ido::cli {
namespace {

constexpr const char* usage =
    "usage:\n"
    "  ido-vinder token create --rol bibliotheek --organisatie NAAM [--label TEKST] [--db PAD]\n"
    "  ido-vinder token create --rol gemeente --gemeente GM0363 [--label TEKST] [--db PAD]\n"
    "  ido-vinder token create --rol beheerder [--label TEKST] [--db PAD]\n"
    "  ido-vinder token list [--db PAD]\n"
    "  ido-vinder token revoke ID [--db PAD]\n"
    "\n"
    "The secret of a new token is printed once; only its SHA-256 is stored. --db defaults to IDO_DB or\n"
    "./var/ido-vinder.db, the same database `ido-vinder serve` uses (a file, or postgresql://...).\n";

int fail(const std::string& message) {
    std::fprintf(stderr, "ido-vinder token: %s\n%s", message.c_str(), usage);
    return 2;
}

}  // namespace

int token_command(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& environment) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::fputs(usage, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    const std::string action = args[0];
    std::map<std::string, std::string> options;
    std::vector<std::string> positional;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i].starts_with("--")) {
            if (i + 1 >= args.size()) return fail(args[i] + " needs a value");
            options[args[i]] = args[i + 1];
            ++i;
        } else {
            positional.push_back(args[i]);
        }
    }
    std::string db = "var/ido-vinder.db";
    for (const auto& [name, value] : environment)
        if (name == "IDO_DB" && !value.empty()) db = value;
    if (options.count("--db")) db = options["--db"];
    for (const auto& [name, value] : options)
        if (name != "--db" && name != "--rol" && name != "--organisatie" && name != "--gemeente" && name != "--label")
            return fail("unknown option " + name);

    try {
        auto store = store::open_store(db);
        if (action == "create") {
            auto rol = store::role_from_string(options["--rol"]);
            if (!rol) return fail("--rol must be bibliotheek, gemeente or beheerder");
            std::string organisatie = options["--organisatie"], gemeente = options["--gemeente"];
            if (*rol == store::Role::bibliotheek && organisatie.empty()) return fail("a bibliotheek token needs --organisatie");
            if (*rol == store::Role::gemeente && !std::regex_match(gemeente, std::regex("GM[0-9]{4}")))
                return fail("a gemeente token needs --gemeente GMxxxx");
            if (*rol != store::Role::bibliotheek) organisatie.clear();
            if (*rol != store::Role::gemeente) gemeente.clear();
            std::string label = options.count("--label") ? options["--label"]
                                                         : std::string(store::to_string(*rol)) + " " + (organisatie.empty() ? gemeente : organisatie);
            auto [token, secret] = store->create_token(*rol, organisatie, gemeente, label);
            std::fprintf(stderr, "token %lld created (%s, %s). Store the secret now: it is not shown again.\n",
                         static_cast<long long>(token.id), std::string(store::to_string(token.rol)).c_str(), token.label.c_str());
            std::printf("%s\n", secret.c_str());
            return 0;
        }
        if (action == "list") {
            for (const auto& t : store->tokens())
                std::printf("%lld\t%s\t%s\t%s\t%s\n", static_cast<long long>(t.id), std::string(store::to_string(t.rol)).c_str(),
                            (t.organisatie.empty() ? t.gemeentecode : t.organisatie).c_str(), t.label.c_str(),
                            t.ingetrokken ? ("ingetrokken " + *t.ingetrokken).c_str() : "actief");
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
