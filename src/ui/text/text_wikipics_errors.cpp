// Sampling's errors worded in EN and PT: one row per wikipics::ApiProblemKind and SampleErrorKind in enum order,
// {N} the error's Nth argument, the same ones in both languages (checked at compile time).
#include "ui/text/text_wikipics_errors.h"

#include "ui/text/text_wikipics.h"

#include <map>

namespace conclab::ui {
namespace {

using wikipics::ApiProblemKind;
using wikipics::SampleErrorKind;

constexpr text_table::Row<ApiProblemKind> kApiRows[] = {
    {ApiProblemKind::request_failed, "the API request failed: {0}", "a requisição à API falhou: {0}"},
    {ApiProblemKind::not_json, "the API answer is not JSON (it begins \"{0}\")",
     "a resposta da API não é JSON (começa com \"{0}\")"},
    {ApiProblemKind::api_error, "the API answered with an error: {0}", "a API respondeu com um erro: {0}"},
    {ApiProblemKind::no_query, "the API answer has no \"query\" object",
     "a resposta da API veio sem o objeto \"query\""},
    {ApiProblemKind::no_allimages, "the API answer has no \"query.allimages\" list",
     "a resposta da API veio sem a lista \"query.allimages\""},
    {ApiProblemKind::item_not_object, "query.allimages[{0}] is not an object", "query.allimages[{0}] não é um objeto"},
    {ApiProblemKind::item_lacks_fields,
     "query.allimages[{0}] lacks mime, url or size (was aiprop=url|size|mime asked for?)",
     "falta mime, url ou size em query.allimages[{0}] (o aiprop=url|size|mime foi pedido?)"},
    {ApiProblemKind::item_bad_types,
     "query.allimages[{0}] has a url that is not text or a size that is not a whole number",
     "query.allimages[{0}] tem uma url que não é texto ou um size que não é número inteiro"},
    {ApiProblemKind::item_url_not_absolute, "query.allimages[{0}] has a url that is not absolute: {1}",
     "query.allimages[{0}] tem uma url que não é absoluta: {1}"},
    {ApiProblemKind::continue_without_token, "the API answer's \"continue\" has no aicontinue",
     "o \"continue\" da resposta da API veio sem aicontinue"},
};
static_assert(text_table::rows_follow_the_keys(kApiRows),
              "every ApiProblemKind needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kApiRows), "every ApiProblemKind row needs EN and PT");
static_assert(text_table::same_placeholders(kApiRows), "an API problem's EN and PT must use the same {N} arguments");

// {3} is the requests phrase below ("6 API requests"), worded apart for its plural.
constexpr text_table::Row<SampleErrorKind> kSampleRows[] = {
    {SampleErrorKind::none_found, "no JPEGs sampled from {0}", "nenhum JPEG sorteado em {0}"},
    {SampleErrorKind::too_few, "only {0} JPEGs of about {1} bytes found on {2} in {3} ({4} wanted)",
     "só {0} JPEGs de cerca de {1} bytes encontrados em {2} com {3} ({4} pedidos)"},
    {SampleErrorKind::cancelled, "cancelled while sampling", "cancelado durante o sorteio"},
};
static_assert(text_table::rows_follow_the_keys(kSampleRows),
              "every SampleErrorKind needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kSampleRows), "every SampleErrorKind row needs EN and PT");
static_assert(text_table::same_placeholders(kSampleRows), "a sample error's EN and PT must use the same {N} arguments");

enum class Piece { no_code, one_request, requests, count_ };
constexpr text_table::Row<Piece> kPieces[] = {
    {Piece::no_code, "(no code)", "(sem código)"},
    {Piece::one_request, "{0} API request", "{0} requisição à API"},
    {Piece::requests, "{0} API requests", "{0} requisições à API"},
};
static_assert(text_table::rows_follow_the_keys(kPieces), "one row per piece, in order");
static_assert(text_table::every_row_has_both_languages(kPieces), "every piece needs EN and PT");

std::string arg(const std::vector<std::string>& args, std::size_t i) {
    return i < args.size() ? args[i] : std::string();
}

}  // namespace

std::string http_reason_text(const std::string& reason, Language language) {
    static const std::map<std::string, WikipicsText> kLabels{
        {"timeout", WikipicsText::reason_timeout},
        {"http_status", WikipicsText::reason_http_status},
        {"rate_limited", WikipicsText::reason_rate_limited},
        {"connection_reset", WikipicsText::reason_connection_reset},
        {"truncated", WikipicsText::reason_truncated},
        {"too_large", WikipicsText::reason_too_large},
        {"network", WikipicsText::reason_network},
        {"cancelled", WikipicsText::reason_cancelled}};
    const auto it = kLabels.find(reason);
    return it == kLabels.end() ? reason : tr(it->second, language);
}

std::string http_reason_text(const std::string& reason) { return http_reason_text(reason, language()); }

std::string api_problem_text(const wikipics::ApiProblem& p, Language language) {
    if (p.kind == ApiProblemKind::count_) return wikipics::english(p);
    std::vector<std::string> args = p.args;
    std::string tail;  // the optional parts, after the template
    if (p.kind == ApiProblemKind::request_failed) {
        args.resize(2);
        args[0] = http_reason_text(args[0], language);
        if (!args[1].empty()) tail = " (" + args[1] + ")";
    } else if (p.kind == ApiProblemKind::api_error) {
        args.resize(2);
        if (args[0].empty()) args[0] = text_table::text_of(kPieces, Piece::no_code, language);
        if (!args[1].empty()) tail = " \u2014 " + args[1];
    }
    return text_table::fill(text_table::text_of(kApiRows, p.kind, language), args) + tail;
}

std::string sample_error_text(const wikipics::SampleError& e, Language language) {
    if (e.kind == SampleErrorKind::count_) return wikipics::english(e);
    std::vector<std::string> args = e.args;
    if (e.kind == SampleErrorKind::too_few) {
        args.resize(5);
        args[3] = text_table::fill(
            text_table::text_of(kPieces, args[3] == "1" ? Piece::one_request : Piece::requests, language),
            {arg(e.args, 3)});
    }
    std::string out = text_table::fill(text_table::text_of(kSampleRows, e.kind, language), args);
    if (e.cause && e.kind != SampleErrorKind::cancelled)
        out += (e.kind == SampleErrorKind::too_few ? "; " : ": ") + api_problem_text(*e.cause, language);
    return out;
}

std::string sample_error_text(const wikipics::SampleError& error) { return sample_error_text(error, language()); }

}  // namespace conclab::ui
