#include "record/codes.hpp"

#include <algorithm>

namespace ido::record {

const std::vector<std::string>& diensten() {
    static const std::vector<std::string> codes{"digid", "belastingdienst", "toeslagen", "uwv", "svb", "cjib",
                                                "cbr", "duo", "zorg", "gemeente", "digitale-vaardigheden"};
    return codes;
}

bool is_dienst(std::string_view code) {
    const auto& known = diensten();
    return std::find(known.begin(), known.end(), code) != known.end();
}

const std::vector<std::string>& herkomst_soorten() {
    static const std::vector<std::string> soorten{"ido-voorbeeld", "bibliotheekgebouw", "gegenereerd", "beheer", "import"};
    return soorten;
}

// The same language as the regular expression GM[0-9]{4}, without building one per call.
bool is_gemeentecode(std::string_view text) {
    return text.size() == 6 && text.starts_with("GM") &&
           std::all_of(text.begin() + 2, text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace ido::record
