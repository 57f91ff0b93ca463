// A wikipics run as a Chrome JSON trace (wikipics_trace.h).
#include "core/wikipics/wikipics_trace.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace conclab::wikipics {
namespace {

nlohmann::json image_args(const ImageResult& r) {
    nlohmann::json args{{"url", r.url}, {"bytes", r.bytes}, {"status", r.status}, {"index", r.index},
                        {"elapsed_s", r.elapsed_s}, {"wait_s", r.wait_s}, {"transfer_s", r.transfer_s},
                        {"decode_s", r.decode_s}};
    if (r.error) args["error"] = *r.error;
    if (r.decode_error) args["decode_error"] = *r.decode_error;
    return args;
}

std::string image_name(const ImageResult& r) { return r.title.empty() ? r.url : r.title; }

}  // namespace

void add_to_trace(trace::TraceBuilder& builder, const WikipicsReport& report, const std::string& label) {
    const int pid = builder.add_process(label);
    std::vector<const ImageResult*> ran;
    for (const auto& r : report.results)
        if (!r.worker.empty()) ran.push_back(&r);
    std::sort(ran.begin(), ran.end(), [](const ImageResult* a, const ImageResult* b) {
        return std::tie(a->started_s, a->index) < std::tie(b->started_s, b->index);
    });
    std::map<std::string, int> tracks;
    for (std::size_t i = 0; i < ran.size(); ++i) {
        const ImageResult& r = *ran[i];
        const double start = r.started_s, wait_end = start + r.wait_s, transfer_end = wait_end + r.transfer_s;
        double end = transfer_end + r.decode_s;
        if (r.worker == "event loop") {
            builder.add_async(pid, image_name(r), "image", r.index + 1, start, end,
                              {{"wait", "wait", start, wait_end}, {"transfer", "transfer", wait_end, transfer_end},
                               {"decode", "decode", transfer_end, end}},
                              image_args(r));
            continue;
        }
        if (!tracks.count(r.worker)) tracks[r.worker] = builder.add_track(pid, r.worker);
        // Decoding is timed in thread CPU seconds where the platform has them, which may round past the next image's
        // start on the same thread: the image ends there at the latest.
        for (std::size_t j = i + 1; j < ran.size(); ++j)
            if (ran[j]->worker == r.worker) {
                end = std::min(end, std::max(start, ran[j]->started_s));
                break;
            }
        const int tid = tracks.at(r.worker);
        builder.add_slice(pid, tid, image_name(r), "image", start, end, image_args(r));
        const double w = std::min(wait_end, end), t = std::min(transfer_end, end);
        builder.add_slice(pid, tid, "wait", "wait", start, w);
        builder.add_slice(pid, tid, "transfer", "transfer", w, t);
        builder.add_slice(pid, tid, "decode", "decode", t, end);
    }
}

nlohmann::json to_trace(const WikipicsReport& report, const trace::Machine& machine) {
    trace::TraceBuilder builder(trace::TimeBase::wall, machine);
    const auto& o = report.options;
    std::string label(to_string(o.executor));
    label += " x" + std::to_string(report.workers);
    add_to_trace(builder, report, label);
    builder.set_metadata("demo", "wikipics");
    builder.set_metadata("runtime", "C++");
    builder.set_metadata("options", {{"executor", std::string(to_string(o.executor))}, {"workers", report.workers},
                                     {"count", o.count}, {"size", std::to_string(o.size)}, {"server", api_url(o)},
                                     {"net", net_label(o)}, {"max_req", o.max_req}, {"timeout_s", o.timeout_s},
                                     {"seed", std::to_string(o.seed)}});
    builder.set_metadata("wall_s", report.wall_s);
    builder.set_metadata("startup_s", report.startup_s);
    builder.set_metadata("sample_s", report.sample_s);
    builder.set_metadata("cancelled", report.cancelled);
    builder.set_metadata("note", "times since the downloads started (sampling came before, not shown)");
    return builder.build();
}

}  // namespace conclab::wikipics
