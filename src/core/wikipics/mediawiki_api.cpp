// MediaWiki API URLs built and answers read (mediawiki_api.h) for Commons and the mirror alike.
#include "core/wikipics/mediawiki_api.h"

#include "core/base/utf8.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace conclab::wikipics {

std::string url_encode(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '_' || c == '.' || c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

std::string allimages_url(std::string_view api_base, std::string_view from_prefix, long long min_size,
                          long long max_size, int limit, std::string_view continue_token) {
    std::string url(api_base);
    url += "?action=query&list=allimages&aisort=name&aiprop=url%7Csize%7Cmime";
    url += "&aifrom=" + url_encode(from_prefix);
    url += "&aiminsize=" + std::to_string(min_size);
    url += "&aimaxsize=" + std::to_string(max_size);
    url += "&ailimit=" + std::to_string(limit);
    if (!continue_token.empty()) url += "&aicontinue=" + url_encode(continue_token);
    url += "&format=json&origin=*";
    return url;
}

namespace {

// A server's text in one of our messages: repaired UTF-8, cut at a character boundary (a cut inside "é" made the
// message invalid UTF-8, and --json died in nlohmann's dump), line breaks and other C0 controls as spaces.
std::string shorten(std::string_view text) {
    constexpr std::size_t kShown = 60;
    std::string out = utf8::shorten(text, kShown);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return out;
}

bool is_jpeg(const nlohmann::json& mime) { return mime.is_string() && mime.get<std::string>() == "image/jpeg"; }

}  // namespace

std::variant<AllImagesPage, ApiProblem> parse_allimages(std::string_view body) {
    using nlohmann::json;
    using K = ApiProblemKind;
    const json doc = json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return ApiProblem{K::not_json, {shorten(body)}};
    if (auto error = doc.find("error"); error != doc.end()) {
        std::string code = error->is_object() ? error->value("code", "") : "";
        std::string info = error->is_object() ? error->value("info", "") : "";
        return ApiProblem{K::api_error, {std::move(code), std::move(info)}};
    }
    auto query = doc.find("query");
    if (query == doc.end() || !query->is_object()) {
        // An empty result may come without "query" at all.
        if (doc.contains("batchcomplete") && !doc.contains("continue")) return AllImagesPage{};
        return ApiProblem{K::no_query, {}};
    }
    auto list = query->find("allimages");
    if (list == query->end() || !list->is_array()) return ApiProblem{K::no_allimages, {}};
    AllImagesPage page;
    std::size_t index = 0;
    for (const auto& item : *list) {
        const std::string where = std::to_string(index++);
        if (!item.is_object()) return ApiProblem{K::item_not_object, {where}};
        auto mime = item.find("mime");
        auto url = item.find("url");
        auto size = item.find("size");
        if (mime == item.end() || url == item.end() || size == item.end())
            return ApiProblem{K::item_lacks_fields, {where}};
        if (!url->is_string() || !size->is_number_integer() || size->get<long long>() < 0)
            return ApiProblem{K::item_bad_types, {where}};
        if (!is_jpeg(*mime)) {
            ++page.skipped_not_jpeg;
            continue;
        }
        ImageInfo image;
        image.url = url->get<std::string>();
        if (image.url.rfind("http://", 0) != 0 && image.url.rfind("https://", 0) != 0)
            return ApiProblem{K::item_url_not_absolute, {where, shorten(image.url)}};
        image.size = size->get<long long>();
        if (auto name = item.find("name"); name != item.end() && name->is_string()) {
            image.title = name->get<std::string>();
        } else if (auto title = item.find("title"); title != item.end() && title->is_string()) {
            image.title = title->get<std::string>();
            if (image.title.rfind("File:", 0) == 0) image.title.erase(0, 5);
        } else {
            image.title = image.url.substr(image.url.rfind('/') + 1);
        }
        page.images.push_back(std::move(image));
    }
    if (auto cont = doc.find("continue"); cont != doc.end() && cont->is_object()) {
        auto token = cont->find("aicontinue");
        if (token == cont->end() || !token->is_string()) return ApiProblem{K::continue_without_token, {}};
        page.continue_token = token->get<std::string>();
    }
    return page;
}

}  // namespace conclab::wikipics
