// What is wrong with a field's value, one row per options::ErrorKind in its order (checked below); {N} is the
// error's Nth argument, and both languages use the same ones.
#include "ui/text/text_errors.h"
#include "ui/text/numbers.h"

namespace conclab::ui {
namespace {

using options::ErrorKind;

constexpr text_table::Row<ErrorKind> kRows[] = {
    {ErrorKind::text, "{0}", "{0}"},
    {ErrorKind::not_whole_number, "'{0}' is not a whole number", "'{0}' não é um número inteiro"},
    {ErrorKind::not_a_number, "'{0}' is not a number", "'{0}' não é um número"},
    {ErrorKind::out_of_range, "{0} is out of range: use {1} to {2}", "{0} está fora do intervalo: use de {1} a {2}"},
    {ErrorKind::out_of_range_above, "{0} is out of range: use more than {1}, up to {2}",
     "{0} está fora do intervalo: use mais de {1}, até {2}"},
    {ErrorKind::not_one_of, "unknown value '{0}': use {1}", "valor desconhecido '{0}': use {1}"},
    {ErrorKind::not_a_flag, "'{0}' is not 1|0|true|false", "'{0}' não é 1|0|true|false"},
    {ErrorKind::not_utf8, "the value is not UTF-8 text (byte {0} at {1})",
     "o valor não é texto UTF-8 (byte {0} na posição {1})"},
    {ErrorKind::unknown_option, "unknown option '{0}'", "opção desconhecida '{0}'"},
    {ErrorKind::not_both, "give this or {0}, not both", "preencha este campo ou {0}, não os dois"},
    {ErrorKind::too_long, "the list is {0} characters long: the limit is {1}", "a lista tem {0} caracteres: o limite é {1}"},
    {ErrorKind::list_empty, "the list is empty: give at least one number from 1 to 2**64-1",
     "a lista está vazia: informe pelo menos um número de 1 a 2**64-1"},
    {ErrorKind::number_empty, "empty number", "número vazio"},
    {ErrorKind::misplaced_underscore, "'{0}' is not a number: '_' only goes between digits",
     "'{0}' não é um número: o '_' só pode ficar entre dígitos"},
    {ErrorKind::number_too_large, "'{0}' is too large: the largest accepted is 18_446_744_073_709_551_615 (2**64-1)",
     "'{0}' é grande demais: o maior aceito é 18_446_744_073_709_551_615 (2**64-1)"},
    {ErrorKind::not_positive_number, "'{0}' is not a positive whole number (digits and '_' only, 1 to 2**64-1)",
     "'{0}' não é um número inteiro positivo (só dígitos e '_', de 1 a 2**64-1)"},
    {ErrorKind::number_zero, "'{0}' is out of range: numbers go from 1 to 2**64-1",
     "'{0}' está fora do intervalo: os números vão de 1 a 2**64-1"},
    {ErrorKind::unknown_sample, "unknown sample '{0}': use 2**K with K from {1} to {2} (the talk's is 2**{3}) or fluent",
     "amostra desconhecida '{0}': use 2**K com K de {1} a {2} (a da palestra é 2**{3}) ou fluent"},
    {ErrorKind::not_server_url, "'{0}' is not 'live' or an http(s)://HOST/…/api.php URL (e.g. http://127.0.0.1:8001/w/api.php)",
     "'{0}' não é 'live' nem uma URL http(s)://HOST/…/api.php (ex.: http://127.0.0.1:8001/w/api.php)"},
    {ErrorKind::not_a_size, "{0} is not a size: use WxH, {1} to {2}", "{0} não é um tamanho: use LxA, de {1} a {2}"},
    {ErrorKind::no_panel, "'{0}' has no panel in this app: use {1}", "'{0}' não tem painel neste app: use {1}"},
};

static_assert(text_table::rows_follow_the_keys(kRows), "every ErrorKind needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kRows), "every ErrorKind row needs an English and a Portuguese text");

static_assert(text_table::same_placeholders(kRows), "an error's English and Portuguese must use the same {N} arguments");

}  // namespace

const char* error_template(ErrorKind kind, Language language) { return text_table::text_of(kRows, kind, language); }

std::string error_text(const options::FieldError& error, Language language) {
    if (error.kind == ErrorKind::count_) return error.args.empty() ? std::string() : error.args[0];
    if (error.kind == ErrorKind::out_of_range || error.kind == ErrorKind::out_of_range_above) {
        auto args = error.args;   // figures core wrote ("0.5"): a comma in Portuguese ("use de 0,5 a 60")
        for (auto& arg : args) arg = localized(arg, language);
        return text_table::fill(error_template(error.kind, language), args);
    }
    return text_table::fill(error_template(error.kind, language), error.args);
}

std::string error_text(const options::FieldError& error) { return error_text(error, language()); }

}  // namespace conclab::ui
