// `conclab wikipics --runtime python`: the machine's CPython downloads the sample (python/wikipics.py) from the same
// mirror as the C++ run — the same bytes per image, each pinned fault reported as the same kind, the standard
// library's fallback saying "no decode", the missing interpreter a usage error, and no interpreter left after Ctrl+C.
#include "cli_run.h"
#include "free_port.h"
#include "process_groups.h"
#include "wait_until.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <dirent.h>
#include <filesystem>
#include <fstream>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using conclab::test::expect_usage_error;
using conclab::test::run_conclab;
namespace fs = std::filesystem;

// `conclab mirror` in a process of its own, on a free port, answering once constructed.
class Mirror {
public:
    explicit Mirror(std::vector<std::string> flags) : port_(conclab::test::free_port()) {
        flags.insert(flags.begin(), {"mirror", "--port", std::to_string(port_)});
        pid_ = conclab::test::start_conclab(flags);
        const bool up = conclab::test::wait_until([&] {
            httplib::Client client("127.0.0.1", port_);
            return static_cast<bool>(client.Get("/w/api.php"));
        }, std::chrono::seconds(20));
        if (!up) throw std::runtime_error("conclab mirror did not answer within 20 s");
    }
    ~Mirror() {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    std::string api() const { return "http://127.0.0.1:" + std::to_string(port_) + "/w/api.php"; }

private:
    int port_;
    pid_t pid_ = -1;
};

struct Image {
    std::size_t bytes = 0;
    int status = 0;
    std::string error;   // "" when none
};

std::map<std::string, Image> images_by_url(const nlohmann::json& doc) {
    std::map<std::string, Image> out;
    for (const auto& image : doc["images"])
        out[image["url"]] = {image["bytes"].get<std::size_t>(), image["status"].get<int>(),
                             image["error"].is_null() ? "" : image["error"].get<std::string>()};
    return out;
}

bool operator==(const Image& a, const Image& b) { return a.bytes == b.bytes && a.status == b.status && a.error == b.error; }

std::ostream& operator<<(std::ostream& out, const Image& i) {
    return out << "{" << i.bytes << " bytes, status " << i.status << ", error '" << i.error << "'}";
}

nlohmann::json run_json(const std::string& arguments, const std::string& launcher = "") {
    const auto o = run_conclab("wikipics --json " + arguments, launcher);
    EXPECT_EQ(o.status, 0) << arguments << ": " << o.err;
    return o.status == 0 ? nlohmann::json::parse(o.out) : nlohmann::json::object();
}

// Debian's python3 with python3-httpx and python3-pil (what scripts/setup installs), if this machine has it.
std::string python_with_httpx_and_pillow() {
    for (const char* python : {"/usr/bin/python3"})
        if (access(python, X_OK) == 0 &&
            std::system((std::string(python) + " -c 'import httpx, PIL.Image' >/dev/null 2>&1").c_str()) == 0)
            return python;
    return {};
}

// A folder whose httpx and PIL fail to import, put first on PYTHONPATH: any interpreter takes the fallback.
struct NoHttpxNorPillow {
    fs::path path = fs::path(testing::TempDir()) / ("no-httpx-" + std::to_string(getpid()));
    NoHttpxNorPillow() {
        fs::create_directories(path / "PIL");
        std::ofstream(path / "httpx.py") << "raise ImportError('hidden by the test')\n";
        std::ofstream(path / "PIL" / "__init__.py") << "raise ImportError('hidden by the test')\n";
    }
    ~NoHttpxNorPillow() { fs::remove_all(path); }
    std::string launcher() const { return "env PYTHONPATH=" + path.string(); }
};

const char* kSample = "--count 4 --size 40000 --seed 5 --net instant --workers 3 --max-req 3 --timeout 10";

}  // namespace

TEST(PythonWikipicsCli, EveryImageHasTheBytesOfTheCppRunOnEachExecutor) {
    Mirror mirror({"--seed", "7"});
    const std::string common = std::string(kSample) + " --server " + mirror.api();
    const auto cpp = run_json(common + " --executor threads");
    ASSERT_EQ(cpp["runtime"]["name"], "C++") << cpp;
    const auto expected = images_by_url(cpp);
    ASSERT_EQ(expected.size(), 4u);
    for (const auto& [url, image] : expected) ASSERT_EQ(image.error, "") << url << " " << image;

    std::vector<std::pair<std::string, std::string>> runs;   // (--python …, executor)
    for (const char* executor : {"sequential", "threads", "async"}) runs.emplace_back("", executor);
    const std::string decoding = python_with_httpx_and_pillow();
    if (!decoding.empty())
        for (const char* executor : {"threads", "async"}) runs.emplace_back(decoding, executor);
    for (const auto& [python, executor] : runs) {
        SCOPED_TRACE((python.empty() ? "python3 on PATH" : python) + " " + executor);
        const auto doc = run_json(common + " --runtime python --executor " + executor +
                                  (python.empty() ? "" : " --python " + python));
        EXPECT_EQ(images_by_url(doc), expected);
        EXPECT_EQ(doc["executor"], executor);
        EXPECT_EQ(doc["total_bytes"], cpp["total_bytes"]);
        EXPECT_EQ(doc["workers"], std::string(executor) == "sequential" ? 1 : 3);
        const auto& runtime = doc["runtime"];
        EXPECT_EQ(runtime["name"], "CPython") << runtime;
        EXPECT_EQ(runtime["gil"], true) << runtime;
        EXPECT_TRUE(runtime["cpu"]["total_s"].is_number()) << runtime;
        EXPECT_EQ(doc["cpu"]["kind"], "getrusage self + children over the downloads, in the interpreter");
        for (const auto& image : doc["images"]) {
            const std::string worker = image["worker"];
            if (std::string(executor) == "threads") {
                EXPECT_EQ(worker.rfind("thread ", 0), 0u) << image;
            } else {
                EXPECT_EQ(worker, std::string(executor) == "async" ? "event loop" : "sequential") << image;
            }
        }
        if (!python.empty()) {
            EXPECT_EQ(runtime["http"].get<std::string>().rfind("httpx ", 0), 0u) << runtime;
            EXPECT_EQ(runtime["decode"].get<std::string>().rfind("Pillow ", 0), 0u) << runtime;
            for (const auto& image : doc["images"]) {
                EXPECT_GT(image["decode_s"].get<double>(), 0.0) << "Pillow decoded it: " << image;
                EXPECT_FALSE(image.contains("decode_error")) << image;
            }
        }
    }
    if (decoding.empty()) GTEST_SKIP() << "no python3 with httpx and Pillow at /usr/bin/python3: the decoding runs were left out";
}

// `conclab mirror --pin-faults` pins a fault to 7 JPEGs in every 10: CPython meets each as the C++ client does (the
// same kind and HTTP status per image), a result among the others, and the run exits 0.
TEST(PythonWikipicsCli, PinnedFaultsAreReportedPerImageAsTheCppRunReportsThem) {
    Mirror mirror({"--pin-faults", "--seed", "7"});
    const std::string common = "--count 12 --size 40000 --seed 3 --net instant --workers 6 --max-req 6 --timeout 1 --server " + mirror.api();
    const auto expected = images_by_url(run_json(common + " --executor threads"));
    std::set<std::string> kinds;
    for (const auto& [url, image] : expected) kinds.insert(image.error);
    ASSERT_GE(kinds.size(), 4u) << "the sample should meet several faults and some good images: choose another --seed";
    // The standard library's clients and, where Debian's python3 has them, httpx's: each maps the faults itself.
    std::vector<std::pair<std::string, std::string>> runs{{"", "threads"}, {"", "async"}};
    if (const std::string decoding = python_with_httpx_and_pillow(); !decoding.empty()) runs.emplace_back(decoding, "threads");
    for (const auto& [python, executor] : runs) {
        SCOPED_TRACE((python.empty() ? "python3 on PATH" : python) + " " + executor);
        const auto doc = run_json(common + " --runtime python --executor " + executor + (python.empty() ? "" : " --python " + python));
        const auto got = images_by_url(doc);
        ASSERT_EQ(got.size(), expected.size());
        for (const auto& [url, image] : expected) {
            EXPECT_EQ(got.at(url).error, image.error) << url;
            EXPECT_EQ(got.at(url).status, image.status) << url;
            if (image.error.empty()) {
                EXPECT_EQ(got.at(url).bytes, image.bytes) << url;
            }
        }
        for (const auto& image : doc["images"])
            if (image["error"] == "rate_limited") {
                EXPECT_EQ(image["retry_after_s"], 1.0) << image;
            }
    }
}

TEST(PythonWikipicsCli, TheStandardLibraryFallbackSaysNoDecode) {
    Mirror mirror({"--seed", "7"});
    NoHttpxNorPillow hidden;
    const std::string arguments = std::string("wikipics ") + kSample + " --server " + mirror.api() + " --runtime python --executor threads";
    const auto text = run_conclab(arguments, hidden.launcher());
    ASSERT_EQ(text.status, 0) << text.err;
    EXPECT_NE(text.out.find("Downloaded by CPython 3."), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("(urllib, no decode)"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("4 downloaded"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("CPU times (getrusage self + children)"), std::string::npos) << text.out;

    const auto doc = run_json(std::string(kSample) + " --server " + mirror.api() + " --runtime python --executor async",
                              hidden.launcher());
    EXPECT_EQ(doc["runtime"]["decode"], "no decode") << doc["runtime"];
    EXPECT_EQ(doc["runtime"]["http"], "asyncio streams") << doc["runtime"];
    for (const auto& image : doc["images"]) {
        EXPECT_TRUE(image["error"].is_null()) << image;
        EXPECT_EQ(image["decode_s"], 0.0) << image;
    }
}

TEST(PythonWikipicsCli, NoInterpreterIsAUsageError) {
    expect_usage_error("wikipics --runtime python --python /nonexistent/python3", "/nonexistent/python3");
    const auto no_path = run_conclab("wikipics --runtime python --server http://127.0.0.1:9/w/api.php", "env PATH=/nonexistent");
    EXPECT_EQ(no_path.status, 2) << no_path.err;
    EXPECT_NE(no_path.err.find("error: no Python interpreter: 'python3' is not on PATH"), std::string::npos) << no_path.err;
    expect_usage_error("wikipics --python python3", "--runtime python");
    expect_usage_error("wikipics --runtime ruby", "runtime");
}

namespace {

// The mirror holds every image for a minute: `signal` reaches conclab while CPython's threads wait on it; nothing of
// the interpreter's process group may live on.
void expect_no_interpreter_left(int signal, int expected_exit) {
    Mirror mirror({"--seed", "7", "--delay", "60"});
    const pid_t conclab = conclab::test::start_conclab({"wikipics", "--count", "3", "--size", "40000", "--net", "instant",
                                                       "--timeout", "120", "--server", mirror.api(), "--runtime", "python",
                                                       "--executor", "threads"});
    conclab::test::expect_group_gone_after(conclab, 1, "wikipics.py", signal, expected_exit);
}

}  // namespace

TEST(PythonWikipicsCli, CtrlCLeavesNoInterpreter) { expect_no_interpreter_left(SIGINT, 130); }

TEST(PythonWikipicsCli, KillingConclabLeavesNoInterpreter) { expect_no_interpreter_left(SIGKILL, -1); }
