// The mirror's answers to the MediaWiki API queries the wikipics demo sends (api_query.h).
#include "server/mirror/api_query.h"

#include "core/base/options.h"
#include "server/http_common.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>

namespace conclab::mirror {

namespace {

using json = nlohmann::ordered_json;

constexpr long long kMaxLimit = 500;
constexpr long long kDefaultLimit = 10;

// Parameters any api.php request may carry; the mirror accepts them and changes nothing for them.
const std::set<std::string, std::less<>> kQuietParams{
    "action", "format", "formatversion", "list", "origin", "continue", "utf8", "maxlag", "smaxage", "maxage",
    "uselang", "errorformat", "requestid", "servedby", "curtimestamp", "assert", "ascii",
    "net"};   // the network the mirror plays for the request (net_profile.h), not MediaWiki's
const std::set<std::string, std::less<>> kAllImagesParams{
    "aisort", "aidir", "aifrom", "aito", "aiprefix", "aiminsize", "aimaxsize", "ailimit", "aiprop", "aicontinue",
    "aimime"};
// aiprop values MediaWiki knows; the mirror fills in the first five.
const std::set<std::string, std::less<>> kProvidedProps{"timestamp", "url", "size", "dimensions", "mime"};
const std::set<std::string, std::less<>> kKnownProps{
    "timestamp", "url", "size", "dimensions", "mime", "user", "userid", "comment", "parsedcomment", "canonicaltitle",
    "sha1", "mediatype", "metadata", "commonmetadata", "extmetadata", "bitdepth", "badfile"};

struct ApiError {
    std::string code;
    std::string info;
};

json error_document(const ApiError& error, std::string_view base_url) {
    return json{{"error",
                 {{"code", error.code},
                  {"info", error.info},
                  {"*", "See " + std::string(base_url) + "/w/api.php for API usage (this is Concurrency Lab's "
                        "mirror: action=query&list=allimages only)."}}},
                {"servedby", "conclab-mirror"}};
}

std::string in_quotes(std::string_view text) {
    std::string out;   // not "\"" + text + "\"": g++ 12 -O3 warns falsely (-Wrestrict) about that form
    out.reserve(text.size() + 2);
    out.append(1, '"').append(text).append(1, '"');
    return out;
}

ApiError unrecognized_value(std::string_view parameter, std::string_view value) {
    return {"badvalue", "Unrecognized value for parameter " + in_quotes(parameter) + ": " + std::string(value) + "."};
}

std::vector<std::string> split_values(std::string_view text) {
    std::vector<std::string> values;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t bar = text.find('|', start);
        const std::size_t end = bar == std::string_view::npos ? text.size() : bar;
        if (end > start) values.emplace_back(text.substr(start, end - start));
        if (bar == std::string_view::npos) break;
        start = bar + 1;
    }
    return values;
}

const std::string* find_param(const ApiParams& params, std::string_view name) {
    const auto it = params.find(std::string(name));
    return it == params.end() ? nullptr : &it->second;
}

// A title as MediaWiki stores it: underscores for spaces, first letter upper case (Commons' rule).
std::string to_db_key(std::string_view title) {
    std::string key(title);
    std::replace(key.begin(), key.end(), ' ', '_');
    if (!key.empty() && key[0] >= 'a' && key[0] <= 'z') key[0] = static_cast<char>(key[0] - 'a' + 'A');
    return key;
}

// Adds a warning as format version 1 shows it: {"warnings":{"<module>":{"*":"line\nline"}}}.
void add_warning(json& warnings, const std::string& module, const std::string& text) {
    json& slot = warnings[module]["*"];
    slot = slot.is_string() ? slot.get<std::string>() + "\n" + text : text;
}

struct AllImagesQuery {
    bool by_timestamp = false;
    std::optional<std::string> from, to, prefix, continue_name;
    std::optional<std::string> continue_timestamp;
    std::optional<long long> min_size, max_size;
    long long limit = kDefaultLimit;
    bool limit_is_max = false;
    std::set<std::string, std::less<>> props{"timestamp", "url"};
};

std::optional<long long> read_integer(const ApiParams& params, std::string_view name, std::optional<ApiError>& error) {
    const std::string* text = find_param(params, name);
    if (!text) return std::nullopt;
    auto value = options::parse_decimal(*text);
    if (!value)
        error = ApiError{"badinteger", "Invalid value " + in_quotes(options::echo(*text)) + " for integer parameter " +
                                           in_quotes(name) + "."};
    return value;
}

std::optional<AllImagesQuery> read_allimages(const ApiParams& params, json& warnings, std::optional<ApiError>& error) {
    AllImagesQuery q;
    if (find_param(params, "aimime")) {
        error = ApiError{"mimesearchdisabled", "MIME search disabled in Miser Mode."};
        return std::nullopt;
    }
    if (const std::string* sort = find_param(params, "aisort")) {
        if (*sort == "timestamp") q.by_timestamp = true;
        else if (*sort != "name") {
            error = unrecognized_value("aisort", options::echo(*sort));
            return std::nullopt;
        }
    }
    if (const std::string* dir = find_param(params, "aidir"); dir && *dir != "ascending" && *dir != "newer") {
        error = ApiError{"badvalue", "The mirror lists in ascending order only (aidir=" + options::echo(*dir) + ")."};
        return std::nullopt;
    }
    for (const char* name : {"aifrom", "aito", "aiprefix"}) {
        const std::string* value = find_param(params, name);
        if (!value) continue;
        if (q.by_timestamp) {
            error = ApiError{"badparams", "The parameter " + in_quotes(name) + " can only be used with aisort=name."};
            return std::nullopt;
        }
        std::optional<std::string>& slot = std::string_view(name) == "aifrom" ? q.from
                                           : std::string_view(name) == "aito" ? q.to
                                                                              : q.prefix;
        slot = to_db_key(*value);
    }
    if (const std::string* token = find_param(params, "aicontinue")) {
        if (q.by_timestamp) {
            const std::size_t bar = token->find('|');
            if (bar == std::string::npos) {
                error = ApiError{"badcontinue", "Invalid continue param. You should pass the original value returned "
                                                "by the previous query."};
                return std::nullopt;
            }
            q.continue_timestamp = token->substr(0, bar);
            q.continue_name = token->substr(bar + 1);
        } else {
            q.continue_name = *token;
        }
    }
    q.min_size = read_integer(params, "aiminsize", error);
    q.max_size = read_integer(params, "aimaxsize", error);
    if (error) return std::nullopt;
    if (const std::string* limit = find_param(params, "ailimit")) {
        if (*limit == "max") {
            q.limit = kMaxLimit;
            q.limit_is_max = true;
        } else if (auto value = read_integer(params, "ailimit", error)) {
            if (*value < 1) {
                add_warning(warnings, "allimages", "ailimit may not be less than 1 (set to 1).");
                q.limit = 1;
            } else if (*value > kMaxLimit) {
                add_warning(warnings, "allimages", "ailimit may not be over 500 (set to 500) for users.");
                q.limit = kMaxLimit;
            } else {
                q.limit = *value;
            }
        } else {
            return std::nullopt;
        }
    }
    if (const std::string* prop = find_param(params, "aiprop")) {
        q.props.clear();
        std::vector<std::string> unknown, unprovided;
        for (const std::string& value : split_values(*prop)) {
            if (!kKnownProps.contains(value)) unknown.push_back(options::echo(value));
            else if (!kProvidedProps.contains(value)) unprovided.push_back(value);
            else q.props.insert(value);
        }
        for (const auto& value : unknown) add_warning(warnings, "allimages", unrecognized_value("aiprop", value).info);
        for (const auto& value : unprovided)
            add_warning(warnings, "allimages", "aiprop=" + value + " is not provided by this mirror.");
    }
    return q;
}

json describe(const CatalogEntry& entry, const AllImagesQuery& q, std::string_view base_url) {
    json item{{"name", entry.name}};
    if (q.props.contains("timestamp")) item["timestamp"] = entry.timestamp;
    if (q.props.contains("size") || q.props.contains("dimensions")) {
        item["size"] = entry.size;
        item["width"] = entry.width;
        item["height"] = entry.height;
    }
    if (q.props.contains("url")) {
        item["url"] = std::string(base_url) + image_path(entry);
        item["descriptionurl"] = std::string(base_url) + "/wiki/File:" + url_encode(entry.name);
        item["descriptionshorturl"] = std::string(base_url) + "/w/index.php?curid=" + std::to_string(entry.page_id);
    }
    if (q.props.contains("mime")) item["mime"] = entry.mime;
    item["ns"] = 6;
    item["title"] = entry.title();
    return item;
}

bool size_matches(const CatalogEntry& entry, const AllImagesQuery& q) {
    const auto size = static_cast<long long>(entry.size);
    return (!q.min_size || size >= *q.min_size) && (!q.max_size || size <= *q.max_size);
}

// The entries in listing order, from where this request starts.
std::vector<const CatalogEntry*> listing(const Catalog& catalog, const AllImagesQuery& q) {
    const auto& entries = catalog.entries();
    std::vector<const CatalogEntry*> order;
    if (!q.by_timestamp) {
        std::string start = q.from.value_or("");
        if (q.prefix && *q.prefix > start) start = *q.prefix;
        if (q.continue_name && *q.continue_name > start) start = *q.continue_name;
        for (std::size_t i = catalog.lower_bound(start); i < entries.size(); ++i) {
            const CatalogEntry& e = entries[i];
            if (q.prefix && e.name.compare(0, q.prefix->size(), *q.prefix) != 0) break;
            if (q.to && e.name > *q.to) break;
            order.push_back(&e);
        }
        return order;
    }
    for (const auto& e : entries) order.push_back(&e);
    std::sort(order.begin(), order.end(), [](const CatalogEntry* a, const CatalogEntry* b) {
        return std::tie(a->timestamp, a->name, a) < std::tie(b->timestamp, b->name, b);
    });
    if (q.continue_timestamp) {
        const auto key = std::tie(*q.continue_timestamp, *q.continue_name);
        std::erase_if(order, [&](const CatalogEntry* e) { return std::tie(e->timestamp, e->name) < key; });
    }
    return order;
}

json answer_allimages(const Catalog& catalog, const AllImagesQuery& q, std::string_view base_url, json& document) {
    json images = json::array();
    std::optional<std::string> next;
    for (const CatalogEntry* e : listing(catalog, q)) {
        if (!size_matches(*e, q)) continue;
        if (static_cast<long long>(images.size()) == q.limit) {
            next = q.by_timestamp ? e->timestamp + "|" + e->name : e->name;
            break;
        }
        images.push_back(describe(*e, q, base_url));
    }
    if (next) document["continue"] = json{{"aicontinue", *next}, {"continue", "-||"}};
    if (q.limit_is_max) document["limits"] = json{{"allimages", kMaxLimit}};
    return images;
}

}  // namespace

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

std::string image_path(const CatalogEntry& entry) {
    return "/images/" + entry.hash_path() + "/" + url_encode(entry.name);
}

json answer_api_query(const Catalog& catalog, const ApiParams& params, std::string_view base_url) {
    // Bytes that are not UTF-8 would reach the answer (echoed values, titles, warnings) and cannot be JSON. The
    // error is MediaWiki's badvalue with its words for such data (apiwarn-badutf8); the bytes are not echoed.
    for (const auto& [name, value] : params) {
        if (!http::is_valid_utf8(name))
            return error_document({"badvalue", "The parameter name " + in_quotes(url_encode(name)) + " is not valid UTF-8."},
                                  base_url);
        if (!http::is_valid_utf8(value))
            return error_document({"badvalue", "The value passed for " + in_quotes(name) +
                                                   " contains invalid or non-normalized data. Textual data should be "
                                                   "valid, NFC-normalized Unicode without C0 control characters other "
                                                   "than HT (\\t), LF (\\n), and CR (\\r)."},
                                  base_url);
    }
    const std::string* format = find_param(params, "format");
    if (format && *format != "json")
        return error_document({"badvalue", "The mirror answers format=json only (format=" + options::echo(*format) +
                                               ")."}, base_url);
    const std::string* version = find_param(params, "formatversion");
    const bool version2 = version && (*version == "2" || *version == "latest");
    if (version && !version2 && *version != "1")
        return error_document(unrecognized_value("formatversion", options::echo(*version)), base_url);

    const std::string* action = find_param(params, "action");
    if (!action || *action == "help")
        return json{{"help",
                     {{"mime", "text/plain"},
                      {"help", "Concurrency Lab's mirror of Wikimedia Commons answers action=query&list=allimages "
                               "(aisort, aifrom, aito, aiprefix, aiminsize, aimaxsize, ailimit, aiprop=timestamp|url|"
                               "size|mime, aicontinue) with generated JPEGs."}}}};
    if (*action != "query") return error_document(unrecognized_value("action", options::echo(*action)), base_url);

    json warnings = json::object();
    std::vector<std::string> unknown_params;
    for (const auto& [name, value] : params)
        if (!kQuietParams.contains(name) && !kAllImagesParams.contains(name)) unknown_params.push_back(options::echo(name));
    if (!unknown_params.empty()) {
        std::string list;
        for (const auto& name : unknown_params) list += (list.empty() ? "" : ", ") + name;
        add_warning(warnings, "main", "Unrecognized parameter" + std::string(unknown_params.size() > 1 ? "s" : "") +
                                          ": " + list + ".");
    }

    bool wants_allimages = false;
    if (const std::string* lists = find_param(params, "list")) {
        for (const std::string& value : split_values(*lists)) {
            if (value == "allimages") wants_allimages = true;
            else add_warning(warnings, "query", unrecognized_value("list", options::echo(value)).info);
        }
    }

    json document = json::object();
    document["batchcomplete"] = version2 ? json(true) : json("");
    json images;
    if (wants_allimages) {
        std::optional<ApiError> error;
        const auto query = read_allimages(params, warnings, error);
        if (!query) return error_document(*error, base_url);
        images = answer_allimages(catalog, *query, base_url, document);
    }
    if (!warnings.empty()) {
        if (version2)
            for (auto& [module, slot] : warnings.items()) slot = json{{"warnings", slot["*"]}};
        document["warnings"] = warnings;
    }
    if (wants_allimages) document["query"] = json{{"allimages", images}};
    return document;
}

}  // namespace conclab::mirror
