// wikipics' CPython runtime as core sees it, no interpreter needed: the lines python/wikipics.py prints (and what is
// not one), the job that starts it, and a WikipicsRun whose downloads a scripted executor answers — results in the
// report as they come, the interpreter's own CPU and client in it, a task the interpreter never answered a result.
#include "core/wikipics/python_protocol.h"
#include "core/wikipics/wikipics_report.h"
#include "core/wikipics/wikipics_run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <functional>

using namespace conclab;
using namespace conclab::wikipics;

namespace {

double monotonic_now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string result_line(std::size_t i, std::size_t bytes, double started, const std::string& extra = "") {
    return "{\"event\":\"result\",\"i\":" + std::to_string(i) + ",\"url\":\"u\",\"worker\":\"thread 1\",\"bytes\":" +
           std::to_string(bytes) + ",\"status\":200,\"error\":null,\"started\":" + std::to_string(started) +
           ",\"first_byte\":" + std::to_string(started + 0.01) + ",\"finished\":" + std::to_string(started + 0.02) +
           ",\"decode_s\":0.003" + extra + "}";
}

// An executor that, told to go, feeds the job's reader the lines given (as the platform's would from the pipe) and
// settles each future from them; a future left without a line fails as if the interpreter had died.
class ScriptedExecutor final : public exec::Executor {
public:
    ScriptedExecutor(exec::ScriptJob job, std::function<std::vector<std::string>()> lines,
                     std::vector<std::string>& arguments)
        : arguments_(arguments), job_(std::move(job)), lines_(std::move(lines)) {}
    exec::ExecutorKind kind() const override { return exec::ExecutorKind::threads; }
    int workers() const override { return 2; }
    exec::Future submit(exec::Task task) override {
        arguments_.push_back(task.argument);
        futures_.emplace_back(exec::make_future_state(futures_.size()));
        return futures_.back();
    }
    void end_of_submissions() override {
        for (const auto& line : lines_()) {
            const exec::ScriptEvent event = job_.read_line(line);
            if (const auto* r = std::get_if<exec::ScriptResult>(&event)) {
                futures_.at(r->index).set_running(r->worker, now_s());
                futures_.at(r->index).set_result(r->value, now_s());
            } else if (const auto* end = std::get_if<exec::ScriptEnded>(&event)) {
                facts_.cpu = end->cpu;
            }
        }
        for (auto& f : futures_)
            if (!f.done()) f.set_error("the interpreter ended (exit status 1) before this result", now_s());
    }
    void cancel_all() override {}
    void shutdown(bool, bool) override {}
    exec::RuntimeFacts runtime_facts() const override { return facts_; }

private:
    std::vector<std::string>& arguments_;   // the test's: the run destroys its executor before the test looks
    exec::ScriptJob job_;
    std::function<std::vector<std::string>()> lines_;   // made when told to go, as the interpreter's clock runs
    std::vector<exec::Future> futures_;
    exec::RuntimeFacts facts_;
};

}  // namespace

TEST(WikipicsPython, LinesAreReadOrRefused) {
    const auto hello = parse_script_line(R"({"event":"hello","python":"3.11.2","http":"urllib","decode":"no decode","t0":12.5})");
    ASSERT_TRUE(std::holds_alternative<ScriptHello>(hello));
    EXPECT_EQ(std::get<ScriptHello>(hello).decode, "no decode");
    const auto failed = parse_script_line(
        R"({"event":"result","i":2,"bytes":53,"status":429,"error":"rate_limited","detail":"HTTP 429","retry_after_s":1.0,)"
        R"("worker":"event loop","started":1.0,"first_byte":1.5,"finished":2.0,"decode_s":0})");
    ASSERT_TRUE(std::holds_alternative<ScriptImage>(failed));
    EXPECT_EQ(std::get<ScriptImage>(failed).error, "rate_limited");
    EXPECT_EQ(std::get<ScriptImage>(failed).retry_after_s, 1.0);
    const auto end = parse_script_line(
        R"({"event":"end","wall_s":2.5,"rusage":{"self":{"user_s":1.0,"sys_s":0.25},"children":{"user_s":0.5,"sys_s":0}}})");
    ASSERT_TRUE(std::holds_alternative<ScriptEnd>(end));
    EXPECT_DOUBLE_EQ(std::get<ScriptEnd>(end).cpu.user_s, 1.5);
    for (const char* bad : {"", "not json", "[]", R"({"event":"result","i":-1})", R"({"event":"what"})",
                            R"({"event":"result","i":0,"bytes":"12"})"})
        EXPECT_TRUE(std::holds_alternative<ScriptBad>(parse_script_line(bad))) << bad;
    EXPECT_TRUE(std::holds_alternative<exec::ScriptBadLine>(to_script_event("oops")));
}

TEST(WikipicsPython, JobNamesTheScriptItsExecutorAndCaps) {
    WikipicsOptions options;
    options.executor = WikipicsExecutor::async;
    options.size = 40000;
    const auto job = python_job(options, 6);
    EXPECT_EQ(job.script, "wikipics.py");
    const auto& a = job.arguments;
    ASSERT_NE(std::find(a.begin(), a.end(), "asyncio"), a.end());
    ASSERT_NE(std::find(a.begin(), a.end(), "--stdin"), a.end());
    ASSERT_NE(std::find(a.begin(), a.end(), std::to_string(image_body_cap(40000))), a.end());
    EXPECT_EQ(nlohmann::json::parse(script_argument("http://x/a\nb.jpg"))["url"], "http://x/a\nb.jpg") << "one line";
    EXPECT_EQ(script_argument("http://x/a\nb.jpg").find('\n'), std::string::npos);
}

TEST(WikipicsPython, ARunTakesTheInterpretersResultsCpuAndClient) {
    std::vector<ImageInfo> sample(3);
    for (std::size_t i = 0; i < sample.size(); ++i) {
        sample[i].url = "http://mirror/images/" + std::to_string(i) + ".jpg";
        sample[i].title = "Image " + std::to_string(i);
        sample[i].size = 40000;
    }
    const auto lines = [] {
        const double t0 = monotonic_now();
        return std::vector<std::string>{
        R"({"event":"hello","python":"3.11.2","http":"httpx 0.23.3","decode":"Pillow 9.4.0","t0":)" + std::to_string(t0) + "}",
        result_line(1, 41000, t0 + 0.001),
        result_line(0, 42000, t0 + 0.002, R"(,"decode_error":"corrupt","decode_detail":"broken data stream")"),
        R"({"event":"end","wall_s":0.05,"rusage":{"self":{"user_s":0.75,"sys_s":0.25},"children":{"user_s":0,"sys_s":0}}})"};
    };
    std::vector<std::string> arguments;
    ScriptRuntime script;
    script.info.name = "CPython";
    script.info.version = "3.11.2";
    script.make_executor = [&](exec::ExecutorKind kind, int workers, exec::ScriptJob job) {
        EXPECT_EQ(kind, exec::ExecutorKind::threads);
        EXPECT_EQ(workers, 2);
        return std::make_unique<ScriptedExecutor>(std::move(job), lines, arguments);
    };
    WikipicsOptions options;
    options.executor = WikipicsExecutor::threads;
    options.workers = 2;
    options.server = "http://mirror/w/api.php";
    options.net = NetProfile::instant;
    RunClock clock{[] { return monotonic_now() - 1000; }, [] { return std::optional<CpuSeconds>(CpuSeconds{99, 99}); }};
    WikipicsRun run(options, sample, nullptr, WikipicsClock{clock, nullptr}, script);
    run.wait_finished();
    const WikipicsReport report = run.report();
    ASSERT_EQ(arguments.size(), 3u);
    EXPECT_EQ(nlohmann::json::parse(arguments[2])["url"], "http://mirror/images/2.jpg?net=instant");
    ASSERT_EQ(report.results.size(), 3u);
    EXPECT_EQ(report.results[0].index, 1u);
    EXPECT_EQ(report.results[0].bytes, 41000u);
    EXPECT_EQ(report.results[0].worker, "thread 1");
    EXPECT_NEAR(report.results[0].elapsed_s, 0.02, 1e-5);
    EXPECT_NEAR(report.results[0].wait_s, 0.01, 1e-5);
    EXPECT_NEAR(report.results[0].started_s, 0.001, 0.001) << "times since the interpreter's downloads began";
    EXPECT_DOUBLE_EQ(report.results[0].decode_s, 0.003);
    EXPECT_EQ(report.results[1].decode_error, "corrupt");
    EXPECT_EQ(report.results[2].index, 2u);
    EXPECT_EQ(report.results[2].error, "interpreter") << "no line for it: the interpreter's failure, said";
    EXPECT_NE(report.results[2].error_detail.find("exit status 1"), std::string::npos);
    ASSERT_TRUE(report.cpu);
    EXPECT_DOUBLE_EQ(report.cpu->user_s, 0.75) << "the interpreter's getrusage, not this process's";
    EXPECT_EQ(report.script_decode, "Pillow 9.4.0");
    const auto doc = to_json(report);
    EXPECT_EQ(doc["runtime"]["name"], "CPython");
    EXPECT_EQ(doc["runtime"]["http"], "httpx 0.23.3");
    EXPECT_EQ(doc["runtime"]["cpu"]["user_s"], 0.75);
    EXPECT_EQ(doc["total_bytes"], 83000);
    EXPECT_NE(format_summary(report).find("Downloaded by CPython 3.11 (httpx 0.23.3, Pillow 9.4.0)"), std::string::npos)
        << format_summary(report);
}
