// The lab run a step at a time on its worker thread, polled by the CLI and the panel (lab_run.h).
#include "core/lab/lab_run.h"

#include <exception>

namespace conclab::lab {

LabRun::LabRun(LabOptions options, std::unique_ptr<Probes> probes, int logical_cpus, PythonLabRunner python)
    : options_(std::move(options)), probes_(std::move(probes)), steps_(plan_steps(options_, logical_cpus)) {
    if (options_.python && python) {
        // After each suite's last step, so that its C++ figures are there first.
        for (Suite suite : options_.suites()) {
            auto measures = python_measures(suite);
            if (measures.empty()) continue;
            auto last = steps_.end();
            for (auto it = steps_.begin(); it != steps_.end(); ++it)
                if (it->suite == suite) last = it + 1;
            steps_.insert(last, LabStep{suite, StepName{StepId::cpython}, 2.0,
                                        [this, python, measures, repeats = options_.python_repeats()](Probes&, Section& s) {
                                            add_python_lines(s, python(measures, repeats, cancel_requested_));
                                        }});
        }
    }
    for (const auto& step : steps_) total_weight_ += step.weight;
    progress_.steps_total = static_cast<int>(steps_.size());
    progress_.report.quick = options_.quick;
    worker_ = std::thread([this] { work(); });
}

LabRun::~LabRun() {
    cancel();
    if (worker_.joinable()) worker_.join();
}

void LabRun::work() {
    double weight_done = 0;
    for (const auto& step : steps_) {
        if (cancel_requested_) break;
        Section section;
        {
            std::lock_guard lock(mutex_);
            progress_.suite = step.suite;
            progress_.step = step.label;
            progress_.step_name = step.name;
            if (const Section* existing = progress_.report.find(step.suite)) section = *existing;
            else section.suite = step.suite;
        }
        // The step works on a copy, so that poll() never sees a half-written section.
        try {
            step.run(*probes_, section);
        } catch (const std::exception& e) {
            add_note(section, {NoteId::step_failed, {step.label, e.what()}});
        }
        weight_done += step.weight;
        std::lock_guard lock(mutex_);
        auto& sections = progress_.report.sections;
        bool replaced = false;
        for (auto& existing : sections)
            if (existing.suite == section.suite) {
                existing = section;
                replaced = true;
            }
        if (!replaced) sections.push_back(std::move(section));
        ++progress_.steps_done;
        progress_.fraction = total_weight_ > 0 ? weight_done / total_weight_ : 1.0;
    }
    std::lock_guard lock(mutex_);
    progress_.cancelled = progress_.report.cancelled = progress_.steps_done < progress_.steps_total;
    progress_.finished = progress_.report.finished = true;
    if (!progress_.cancelled) progress_.fraction = 1.0;
    done_.notify_all();
}

LabProgress LabRun::poll() const {
    std::lock_guard lock(mutex_);
    return progress_;
}

const LabReport& LabRun::wait() {
    std::unique_lock lock(mutex_);
    done_.wait(lock, [this] { return progress_.finished; });
    return progress_.report;
}

void LabRun::cancel() { cancel_requested_ = true; }

bool LabRun::finished() const {
    std::lock_guard lock(mutex_);
    return progress_.finished;
}

}  // namespace conclab::lab
