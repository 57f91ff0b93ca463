// The page has no machine's Python to start: the CPython runtime is native only (platform.h); the page's own Python
// runtime is Pyodide.
#include "platform/platform.h"

#include "core/exec/interpreter.h"

namespace conclab::platform {

namespace {
constexpr const char* kNativeOnly = "the CPython runtime is native only: the page's Python runtime is Pyodide";
}

exec::RuntimeInfo probe_python(const std::string&) { throw PythonUnavailable(kNativeOnly); }
std::string python_script(const std::string&) { throw PythonUnavailable(kNativeOnly); }
std::unique_ptr<exec::Executor> make_script_executor(exec::ExecutorKind, int, const exec::RuntimeInfo&, exec::ScriptJob) {
    throw PythonUnavailable(kNativeOnly);
}

}  // namespace conclab::platform
