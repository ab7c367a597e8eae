#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ido::service {

/// The built widget files (web-widget/dist), read into memory once at start so that serving them never
/// blocks an I/O thread on the disk. A missing directory is not an error: the API runs without them.
///
/// Each file may come with the build's precompressed copies beside it (`name.gz`, `name.br`, written by
/// web-widget/build.mjs); they are kept as encodings of that file, not served under their own names.
/// Each file is also found under a versioned name carrying its content hash ("ido-vinder.3fa4c2d1e0b9a817.js"),
/// which pages link to so that it can be cached for a year: a new build is a new name.
class StaticFiles {
public:
    struct File {
        std::string content_type;
        std::string body;
        std::string etag;
        std::optional<std::string> gzip;    ///< the build's gzip copy
        std::optional<std::string> brotli;  ///< the build's brotli copy
        std::string versioned_name;         ///< "name.<hash>.ext"
    };

    static StaticFiles load(const std::filesystem::path& directory);

    /// A file by its name relative to the directory ("ido-vinder.js") or by its versioned name
    /// (`immutable` is then set), nullptr when absent.
    const File* find(std::string_view name, bool* immutable = nullptr) const;
    /// The URL path of a file's versioned name ("/widget/v1/ido-vinder.<hash>.js"); the plain path
    /// ("/widget/v1/ido-vinder.js") when the file is not there (a build without the widget).
    std::string versioned_path(std::string_view name) const;
    std::size_t size() const { return files_.size(); }

private:
    std::map<std::string, File, std::less<>> files_;
    std::map<std::string, std::string, std::less<>> versioned_;  ///< versioned name -> name
};

}  // namespace ido::service
