// The MediaWiki API subset the wikipics demo uses, answered from the mirror's catalog as Wikimedia Commons
// answers it: action=query&list=allimages (aisort, aifrom, aito, aiprefix, aiminsize, aimaxsize, ailimit,
// aiprop=timestamp|url|size|dimensions|mime, aicontinue), JSON format versions 1 and 2, and the API's
// errors and warnings for what it refuses (aimime is refused as on Wikimedia's wikis, "Miser Mode").
#pragma once

#include "server/mirror/catalog.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>

namespace conclab::mirror {

/// @brief Query parameters of one api.php request (name → value, already URL-decoded).
using ApiParams = std::map<std::string, std::string>;

/// @brief The JSON document api.php answers (always with HTTP 200, errors included, as MediaWiki does).
/// `base_url` is "http://host:port", the start of every URL in the answer.
nlohmann::ordered_json answer_api_query(const Catalog& catalog, const ApiParams& params, std::string_view base_url);

/// @brief The path of an entry's file below `base_url`: "/images/a/ab/Name_%282%29.jpg".
std::string image_path(const CatalogEntry& entry);

/// @brief Percent-encodes everything but letters, digits and "-_.~" (as PHP's rawurlencode).
std::string url_encode(std::string_view text);

}  // namespace conclab::mirror
