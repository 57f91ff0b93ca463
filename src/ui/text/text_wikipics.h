// The Wikipedia-images panel's words, in English and Portuguese.
#pragma once

#include "ui/text/language.h"

namespace conclab::ui {

enum class WikipicsText {
    menu, title, intro, lesson, count, size, max_req, server, timeout, seed, server_live, server_mirror,
    server_other, live_checking, live_ok, live_unreachable, no_mirror, executor_async, async_unsupported,
    sampling, sample_failed, gallery, lanes, wait, transfer, decode, total_bytes, downloaded, errors,
    cpu_unavailable, web_cancel_note, cancelling, decode_error, mb_s, reason_timeout, reason_http_status,
    reason_rate_limited, reason_connection_reset, reason_truncated, reason_too_large, reason_network,
    reason_cancelled, details_in_english, net, net_instant, net_talk, net_phone, net_live_reason, server_builtin,
    builtin_started, finding_server, two_waves, loop_lanes, request_row, queued, cpu_times_note, size_default_note, python_sequential, python_threads, python_async, count_,
};

/// @brief The text in the current language.
const char* tr(WikipicsText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(WikipicsText key, Language language);

}  // namespace conclab::ui
