// The mirror's files: a deterministic list (from a seed) of pleasant names like "Sunset_over_Lisbon_1234.jpg"
// with sizes spread log-uniformly from 24 KB to 50 MB, mostly JPEGs and a few PNG, SVG and WebM entries that
// a client must filter out, sorted by name as MediaWiki's allimages lists them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::mirror {

inline constexpr std::uint64_t kMinFileSize = 24'000;
inline constexpr std::uint64_t kMaxFileSize = 50'000'000;
inline constexpr int kDefaultImageCount = 4'600;
inline constexpr int kMaxImageCount = 100'000;

/// @brief One file of the catalog, as the API describes it.
struct CatalogEntry {
    std::string name;        ///< database key: underscores, no "File:" ("Sunset_over_Lisbon_1234.jpg")
    std::uint64_t size = 0;  ///< bytes
    int width = 0;
    int height = 0;
    std::string mime;       ///< "image/jpeg", "image/png", "image/svg+xml", "video/webm"
    std::string timestamp;  ///< upload time, ISO 8601 UTC ("2016-05-04T12:34:56Z")
    std::uint64_t page_id = 0;

    bool is_jpeg() const { return mime == "image/jpeg"; }
    /// @brief "File:Sunset over Lisbon 1234.jpg" (spaces, as MediaWiki titles have).
    std::string title() const;
    /// @brief "a/ab": the two folder levels of the image's path, from a hash of the name.
    std::string hash_path() const;
};

/// @brief `count` entries (1..kMaxImageCount) sorted by name (byte order, as MediaWiki's binary collation).
class Catalog {
public:
    Catalog(std::uint64_t seed, int count);

    const std::vector<CatalogEntry>& entries() const { return entries_; }
    std::uint64_t seed() const { return seed_; }

    /// @brief The entry named exactly `name`, or nullptr.
    const CatalogEntry* find(std::string_view name) const;
    /// @brief Index of the first entry whose name is >= `name` (entries().size() when none).
    std::size_t lower_bound(std::string_view name) const;

private:
    std::uint64_t seed_;
    std::vector<CatalogEntry> entries_;
};

/// @brief Width and height of a JPEG entry of `size` bytes, chosen so that the small picture always fits.
std::pair<int, int> picture_dimensions(std::string_view name, std::uint64_t size);

}  // namespace conclab::mirror
