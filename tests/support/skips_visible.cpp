// A skipped test must show in what CI prints. ctest runs each test program as one test and shows nothing of a
// program that passed, so a GTEST_SKIP would pass silently. Linked into every GoogleTest program: when all its tests
// passed but some were skipped, the program says which and exits with kSkippedExitCode, which tests/CMakeLists.txt
// gives ctest as SKIP_RETURN_CODE: ctest then lists the program as "Skipped". A failure still fails (exit status 1,
// or a sanitizer's own status: std::exit runs their exit handlers). Standard C++ only (core tests also run as wasm).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

namespace {

constexpr int kSkippedExitCode = 77;

/// The default result printer, wrapped so that its summary is printed before the program exits.
class SkipsVisible final : public testing::TestEventListener {
public:
    explicit SkipsVisible(testing::TestEventListener* printer) : printer_(printer) {}
    ~SkipsVisible() override { delete printer_; }

    void OnTestProgramStart(const testing::UnitTest& u) override { printer_->OnTestProgramStart(u); }
    void OnTestIterationStart(const testing::UnitTest& u, int iteration) override { printer_->OnTestIterationStart(u, iteration); }
    void OnEnvironmentsSetUpStart(const testing::UnitTest& u) override { printer_->OnEnvironmentsSetUpStart(u); }
    void OnEnvironmentsSetUpEnd(const testing::UnitTest& u) override { printer_->OnEnvironmentsSetUpEnd(u); }
    void OnTestSuiteStart(const testing::TestSuite& s) override { printer_->OnTestSuiteStart(s); }
    void OnTestStart(const testing::TestInfo& t) override { printer_->OnTestStart(t); }
    void OnTestPartResult(const testing::TestPartResult& r) override { printer_->OnTestPartResult(r); }
    void OnTestEnd(const testing::TestInfo& t) override {
        printer_->OnTestEnd(t);
        if (t.result()->Skipped()) ++skipped_;
    }
    void OnTestSuiteEnd(const testing::TestSuite& s) override { printer_->OnTestSuiteEnd(s); }
    void OnEnvironmentsTearDownStart(const testing::UnitTest& u) override { printer_->OnEnvironmentsTearDownStart(u); }
    void OnEnvironmentsTearDownEnd(const testing::UnitTest& u) override { printer_->OnEnvironmentsTearDownEnd(u); }
    void OnTestIterationEnd(const testing::UnitTest& u, int iteration) override { printer_->OnTestIterationEnd(u, iteration); }
    void OnTestProgramEnd(const testing::UnitTest& u) override {
        printer_->OnTestProgramEnd(u);
        if (u.Passed() && skipped_ > 0) {
            std::printf("[ SKIPS    ] %d skipped (listed above as SKIPPED): exit status %d, which ctest reports as Skipped\n",
                        skipped_, kSkippedExitCode);
            std::fflush(stdout);
            std::exit(kSkippedExitCode);
        }
    }

private:
    testing::TestEventListener* printer_;
    int skipped_ = 0;   // over every --gtest_repeat iteration
};

const bool installed = [] {
    testing::TestEventListeners& listeners = testing::UnitTest::GetInstance()->listeners();
    if (testing::TestEventListener* printer = listeners.Release(listeners.default_result_printer()))
        listeners.Append(new SkipsVisible(printer));
    return true;
}();

}  // namespace
