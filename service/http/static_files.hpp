#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace ido::service {

/// The built widget files (web-widget/dist), read into memory once at start so that serving them never
/// blocks an I/O thread on the disk. A missing directory is not an error: the API runs without them.
class StaticFiles {
public:
    struct File {
        std::string content_type;
        std::string body;
        std::string etag;
    };

    static StaticFiles load(const std::filesystem::path& directory);

    /// A file by its name relative to the directory ("ido-vinder.js"), nullptr when absent.
    const File* find(std::string_view name) const;
    std::size_t size() const { return files_.size(); }

private:
    std::map<std::string, File, std::less<>> files_;
};

}  // namespace ido::service
