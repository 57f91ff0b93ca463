// The English of sampling's typed errors (sample_error.h): the words the CLI and --json have always printed.
#include "core/wikipics/sample_error.h"

namespace conclab::wikipics {
namespace {

constexpr std::string_view kApiIds[] = {"request_failed",
                                        "not_json",
                                        "api_error",
                                        "no_query",
                                        "no_allimages",
                                        "item_not_object",
                                        "item_lacks_fields",
                                        "item_bad_types",
                                        "item_url_not_absolute",
                                        "continue_without_token"};
static_assert(std::size(kApiIds) == static_cast<std::size_t>(ApiProblemKind::count_), "one id per ApiProblemKind");
constexpr std::string_view kSampleIds[] = {"none_found", "too_few", "cancelled"};
static_assert(std::size(kSampleIds) == static_cast<std::size_t>(SampleErrorKind::count_), "one id per SampleErrorKind");

// A missing argument reads as "" rather than crashing on an error built by hand.
std::string arg(const std::vector<std::string>& args, std::size_t i) {
    return i < args.size() ? args[i] : std::string();
}

}  // namespace

std::string_view to_string(ApiProblemKind kind) {
    const auto i = static_cast<std::size_t>(kind);
    return i < std::size(kApiIds) ? kApiIds[i] : std::string_view("unknown");
}

std::string_view to_string(SampleErrorKind kind) {
    const auto i = static_cast<std::size_t>(kind);
    return i < std::size(kSampleIds) ? kSampleIds[i] : std::string_view("unknown");
}

std::string english(const ApiProblem& p) {
    const auto& a = p.args;
    const std::string item = "query.allimages[" + arg(a, 0) + "]";
    switch (p.kind) {
    case ApiProblemKind::request_failed: {
        std::string out = "the API request failed: " + arg(a, 0);
        if (!arg(a, 1).empty()) out += " (" + arg(a, 1) + ")";
        return out;
    }
    case ApiProblemKind::not_json: return "the API answer is not JSON (it begins \"" + arg(a, 0) + "\")";
    case ApiProblemKind::api_error: {
        std::string out =
            "the API answered with an error: " + (arg(a, 0).empty() ? std::string("(no code)") : arg(a, 0));
        if (!arg(a, 1).empty()) out += " \u2014 " + arg(a, 1);
        return out;
    }
    case ApiProblemKind::no_query: return "the API answer has no \"query\" object";
    case ApiProblemKind::no_allimages: return "the API answer has no \"query.allimages\" list";
    case ApiProblemKind::item_not_object: return item + " is not an object";
    case ApiProblemKind::item_lacks_fields:
        return item + " lacks mime, url or size (was aiprop=url|size|mime asked for?)";
    case ApiProblemKind::item_bad_types:
        return item + " has a url that is not text or a size that is not a whole number";
    case ApiProblemKind::item_url_not_absolute: return item + " has a url that is not absolute: " + arg(a, 1);
    case ApiProblemKind::continue_without_token: return "the API answer's \"continue\" has no aicontinue";
    case ApiProblemKind::count_: break;
    }
    return "the API answer could not be read";
}

std::string english(const SampleError& e) {
    const auto& a = e.args;
    switch (e.kind) {
    case SampleErrorKind::none_found:
        return "no JPEGs sampled from " + arg(a, 0) + ": " +
               (e.cause ? english(*e.cause) : std::string("nothing found"));
    case SampleErrorKind::too_few: {
        std::string out = "only " + arg(a, 0) + " JPEGs of about " + arg(a, 1) + " bytes found on " + arg(a, 2) +
                          " in " + arg(a, 3) + " API request" + (arg(a, 3) == "1" ? "" : "s") + " (" + arg(a, 4) +
                          " wanted)";
        if (e.cause) out += "; " + english(*e.cause);
        return out;
    }
    case SampleErrorKind::cancelled: return "cancelled while sampling";
    case SampleErrorKind::count_: break;
    }
    return "sampling failed";
}

}  // namespace conclab::wikipics
