// The mirror's deterministic list of image names and sizes from a seed (catalog.h).
#include "server/mirror/catalog.h"

#include "server/mirror/name_hash.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <tuple>

namespace conclab::mirror {

namespace {

// First words start with many different letters, so that a random `aifrom` lands all over the list.
constexpr std::array<std::string_view, 40> kSubjects{"Aerial_view",  "Autumn_leaves",
                                                     "Bridge",       "Boats",
                                                     "Cathedral",    "Cliffs",
                                                     "Dawn",         "Dunes",
                                                     "Evening",      "Estuary",
                                                     "Fountain",     "Fishing_boats",
                                                     "Garden",       "Glacier",
                                                     "Harbour",      "Hot_air_balloons",
                                                     "Island",       "Ice_cave",
                                                     "Jetty",        "Kites",
                                                     "Lighthouse",   "Lavender_field",
                                                     "Market",       "Mountain_lake",
                                                     "Night_sky",    "Northern_lights",
                                                     "Old_town",     "Orchard",
                                                     "Palace",       "Pier",
                                                     "Quay",         "Rainbow",
                                                     "River_bend",   "Sunset",
                                                     "Snowy_forest", "Tower",
                                                     "Vineyard",     "Waterfall",
                                                     "Windmills",    "Yachts"};
constexpr std::array<std::string_view, 6> kLinks{"over", "in", "near", "at", "above", "of"};
constexpr std::array<std::string_view, 36> kPlaces{
    "Lisbon",     "Porto",        "Coimbra",   "Sintra",   "Madeira",    "Azores",    "Recife",  "Salvador",
    "Ouro_Preto", "Paraty",       "Manaus",    "Olinda",   "Kyoto",      "Hallstatt", "Bergen",  "Dubrovnik",
    "Valparaiso", "Quebec",       "Edinburgh", "Tallinn",  "Lucerne",    "Bruges",    "Granada", "Seville",
    "Cappadocia", "Petra",        "Zanzibar",  "Hoi_An",   "Queenstown", "Reykjavik", "Tromso",  "Siena",
    "Matera",     "Cinque_Terre", "Lofoten",   "Patagonia"};

struct OtherKind {
    std::string_view extension;
    std::string_view mime;
};
constexpr std::array<OtherKind, 3> kOtherKinds{
    {{".png", "image/png"}, {".svg", "image/svg+xml"}, {".webm", "video/webm"}}};

std::string make_name(std::uint64_t bits, std::string_view extension) {
    std::string name(kSubjects[bits % kSubjects.size()]);
    name += '_';
    name += kLinks[(bits >> 8) % kLinks.size()];
    name += '_';
    name += kPlaces[(bits >> 16) % kPlaces.size()];
    char number[16];
    std::snprintf(number, sizeof number, "_%04u", static_cast<unsigned>((bits >> 24) % 10'000));
    name += number;
    if ((bits >> 40) % 16 == 0) name += "_(2)";  // Commons-like names with characters a URL must encode
    name += extension;
    return name;
}

std::uint64_t log_uniform_size(std::uint64_t bits) {
    const double lo = std::log(static_cast<double>(kMinFileSize)), hi = std::log(static_cast<double>(kMaxFileSize));
    const double size = std::exp(lo + (hi - lo) * unit_interval(bits));
    return std::clamp(static_cast<std::uint64_t>(size), kMinFileSize, kMaxFileSize);
}

std::string make_timestamp(std::uint64_t bits) {
    // 2005-01-01 .. 2024-12-28, days of 28 to keep calendar arithmetic out of the way.
    char text[32];
    std::snprintf(text, sizeof text, "%04u-%02u-%02uT%02u:%02u:%02uZ", static_cast<unsigned>(2005 + bits % 20),
                  static_cast<unsigned>(1 + (bits >> 8) % 12), static_cast<unsigned>(1 + (bits >> 16) % 28),
                  static_cast<unsigned>((bits >> 24) % 24), static_cast<unsigned>((bits >> 32) % 60),
                  static_cast<unsigned>((bits >> 40) % 60));
    return text;
}

}  // namespace

std::pair<int, int> picture_dimensions(std::string_view name, std::uint64_t size) {
    // Encoded at quality 90 these patterns take about 6 KB (320x240) to 31 KB (1024x768); the encoder
    // lowers its quality when a picture would still not fit.
    std::pair<int, int> landscape = size < 40'000      ? std::pair{320, 240}
                                    : size < 120'000   ? std::pair{640, 480}
                                    : size < 1'000'000 ? std::pair{800, 600}
                                                       : std::pair{1024, 768};
    if (hash_name(name) % 4 == 0) std::swap(landscape.first, landscape.second);  // a portrait now and then
    return landscape;
}

std::string CatalogEntry::title() const {
    std::string text = "File:" + name;
    std::replace(text.begin(), text.end(), '_', ' ');
    return text;
}

std::string CatalogEntry::hash_path() const {
    static constexpr char kHex[] = "0123456789abcdef";
    const std::uint64_t h = hash_name(name);
    const char a = kHex[(h >> 60) & 0xF], b = kHex[(h >> 56) & 0xF];
    return std::string{a, '/', a, b};
}

Catalog::Catalog(std::uint64_t seed, int count) : seed_(seed) {
    if (count < 1 || count > kMaxImageCount) throw std::invalid_argument("Catalog: count out of range");
    std::set<std::string> taken;
    entries_.reserve(static_cast<std::size_t>(count));
    for (std::uint64_t i = 0; entries_.size() < static_cast<std::size_t>(count); ++i) {
        const std::uint64_t bits = mix64(mix64(seed) ^ i);
        const std::uint64_t more = mix64(bits);
        const bool other = more % 50 == 0;  // about 2%: PNG, SVG or WebM
        const OtherKind& kind = kOtherKinds[(more >> 8) % kOtherKinds.size()];
        CatalogEntry entry;
        entry.name = make_name(bits, other ? kind.extension : std::string_view(".jpg"));
        if (!taken.insert(entry.name).second) continue;
        entry.size = log_uniform_size(more);
        entry.mime = other ? std::string(kind.mime) : "image/jpeg";
        std::tie(entry.width, entry.height) = picture_dimensions(entry.name, entry.size);
        entry.timestamp = make_timestamp(mix64(more));
        entry.page_id = 10'000'000 + (mix64(bits ^ 0x5EED) % 90'000'000);
        entries_.push_back(std::move(entry));
    }
    std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
}

const CatalogEntry* Catalog::find(std::string_view name) const {
    const std::size_t i = lower_bound(name);
    return i < entries_.size() && entries_[i].name == name ? &entries_[i] : nullptr;
}

std::size_t Catalog::lower_bound(std::string_view name) const {
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), name,
                                     [](const CatalogEntry& e, std::string_view n) { return e.name < n; });
    return static_cast<std::size_t>(it - entries_.begin());
}

}  // namespace conclab::mirror
