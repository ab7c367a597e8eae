#include "service/http/static_files.hpp"

#include <fstream>
#include <functional>
#include <sstream>

namespace ido::service {
namespace {

std::string content_type_for(const std::filesystem::path& path) {
    const std::string ext = path.extension().string();
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

}  // namespace

StaticFiles StaticFiles::load(const std::filesystem::path& directory) {
    StaticFiles files;
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) return files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory, ec)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        File file{content_type_for(entry.path()), body.str(), {}};
        file.etag = "\"" + std::to_string(std::hash<std::string>{}(file.body)) + "\"";
        files.files_.emplace(std::filesystem::relative(entry.path(), directory).generic_string(), std::move(file));
    }
    return files;
}

const StaticFiles::File* StaticFiles::find(std::string_view name) const {
    auto it = files_.find(name);
    return it == files_.end() ? nullptr : &it->second;
}

}  // namespace ido::service
