#include "service/http/static_files.hpp"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

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

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    return body.str();
}

// FNV-1a, 64 bit (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/): stable across builds
// and platforms, unlike std::hash, so a file's versioned name only changes when its bytes do.
std::string content_hash(std::string_view bytes) {
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
    return buffer;
}

std::string versioned(const std::string& name, const std::string& hash) {
    const auto slash = name.rfind('/');
    const auto dot = name.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return name + "." + hash;
    return name.substr(0, dot) + "." + hash + name.substr(dot);
}

}  // namespace

StaticFiles StaticFiles::load(const std::filesystem::path& directory) {
    StaticFiles files;
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) return files;
    std::vector<std::filesystem::path> compressed;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory, ec)) {
        if (!entry.is_regular_file()) continue;
        const auto ext = entry.path().extension();
        if (ext == ".gz" || ext == ".br") {
            compressed.push_back(entry.path());
            continue;
        }
        File file{content_type_for(entry.path()), read_file(entry.path()), {}, {}, {}, {}};
        const std::string hash = content_hash(file.body);
        file.etag = "\"" + hash + "\"";
        const std::string name = std::filesystem::relative(entry.path(), directory).generic_string();
        file.versioned_name = versioned(name, hash);
        files.versioned_.emplace(file.versioned_name, name);
        files.files_.emplace(name, std::move(file));
    }
    // A compressed copy belongs to the file of its name without the suffix; one without that file is ignored.
    for (const auto& path : compressed) {
        auto it = files.files_.find(std::filesystem::relative(path, directory).replace_extension().generic_string());
        if (it == files.files_.end()) continue;
        (path.extension() == ".gz" ? it->second.gzip : it->second.brotli) = read_file(path);
    }
    return files;
}

const StaticFiles::File* StaticFiles::find(std::string_view name, bool* immutable) const {
    if (immutable) *immutable = false;
    if (auto it = files_.find(name); it != files_.end()) return &it->second;
    if (auto v = versioned_.find(name); v != versioned_.end()) {
        if (immutable) *immutable = true;
        return &files_.find(v->second)->second;
    }
    return nullptr;
}

std::string StaticFiles::versioned_path(std::string_view name) const {
    const auto it = files_.find(name);
    return "/widget/v1/" + (it == files_.end() ? std::string(name) : it->second.versioned_name);
}

}  // namespace ido::service
