// The one place that knows where the coroutine library lives: g++ 12's libstdc++ has <coroutine>;
// Emscripten 3.1.6 (clang 14, libc++ 13) has only <experimental/coroutine>. The rest of core/aio
// uses the names exported here and nothing else differs between the builds.
#pragma once

#if __has_include(<coroutine>)
#include <coroutine>
namespace conclab::aio {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
}  // namespace conclab::aio
#elif __has_include(<experimental/coroutine>)
// clang 14 warns at the first co_await of every file that the experimental names go away in LLVM 15;
// that is known and this header is where they go away. Not pushed/popped: the warning fires at use sites.
#pragma clang diagnostic ignored "-Wdeprecated-experimental-coroutine"
#include <experimental/coroutine>
namespace conclab::aio {
using std::experimental::coroutine_handle;
using std::experimental::noop_coroutine;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace conclab::aio
#else
#error "core/aio needs <coroutine> or <experimental/coroutine>"
#endif
