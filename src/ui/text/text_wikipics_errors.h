// Why a wikipics sample failed, in the page's language, from core's typed SampleError (core/wikipics/sample_error.h):
// the CLI and --json word the same errors in English with wikipics::english().
#pragma once

#include "ui/text/language.h"

#include "core/wikipics/sample_error.h"

#include <string>

namespace conclab::ui {

/// @brief A request's failure reason as the JSON spells it ("timeout", "http_status", …) in `language`; an unknown
/// one as it is.
std::string http_reason_text(const std::string& reason, Language language);
std::string http_reason_text(const std::string& reason);

/// @brief "a resposta da API não é JSON (começa com \"<html>\")".
std::string api_problem_text(const wikipics::ApiProblem& problem, Language language);

/// @brief "nenhum JPEG amostrado de 127.0.0.1:8001: a requisição à API falhou: rede (…)".
std::string sample_error_text(const wikipics::SampleError& error, Language language);
std::string sample_error_text(const wikipics::SampleError& error);

}  // namespace conclab::ui
