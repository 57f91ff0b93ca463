// Native lab probes: every cell of the talk's table measured with the OS's own tools — std::thread,
// posix_spawn and fork, /proc/self/status and smaps_rollup, atomics, pipes, socketpairs, fsync, TCP on
// loopback — and the primes workload on the project's executors.
//
// [SECTION] helpers: clocks, /proc, file descriptors, child processes
// [SECTION] start-up
// [SECTION] memory
// [SECTION] ipc and switches
// [SECTION] scaling
// [SECTION] system
// [SECTION] latency
// [SECTION] the probes
#include "platform/lab_probes.h"

#include "core/lab/coroutine_measures.h"
#include "core/lab/thread_measures.h"
#include "platform/native/posix_io.h"
#include "platform/native/worker_handle.h"
#include "platform/platform.h"
#include "core/primes/least_prime_factor.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <malloc.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <latch>
#include <mutex>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>

extern char** environ;

namespace conclab::platform {
namespace {

using lab::Samples;

// [SECTION] helpers: clocks, /proc, file descriptors, child processes

double now_s() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + std::strerror(errno)); }

/// "VmRSS:     1234 kB" → 1234 * 1024 for `key` "VmRSS".
std::optional<double> status_bytes(const std::string& path, const std::string& key) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key + ":", 0) == 0) {
            std::istringstream fields(line.substr(key.size() + 1));
            double kib = 0;
            if (fields >> kib) return kib * 1024;
        }
    return std::nullopt;
}

struct OwnMemory {
    double resident = 0, virtual_size = 0;
};

OwnMemory own_memory() {
    auto rss = status_bytes("/proc/self/status", "VmRSS");
    auto vsz = status_bytes("/proc/self/status", "VmSize");
    if (!rss || !vsz) throw std::runtime_error("/proc/self/status has no VmRSS/VmSize");
    return {*rss, *vsz};
}

/// A child started with posix_spawn whose stdin and stdout are the given descriptors; reaped on destruction.
class Child {
public:
    Child(const std::string& program, const std::vector<std::string>& arguments, int child_stdin, int child_stdout) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        if (child_stdin >= 0) posix_spawn_file_actions_adddup2(&actions, child_stdin, STDIN_FILENO);
        if (child_stdout >= 0) posix_spawn_file_actions_adddup2(&actions, child_stdout, STDOUT_FILENO);
        posix_spawn_file_actions_addclosefrom_np(&actions, 3);
        std::vector<char*> argv;
        std::string name = program;
        argv.push_back(name.data());
        std::vector<std::string> copies = arguments;
        for (auto& a : copies) argv.push_back(a.data());
        argv.push_back(nullptr);
        const int error = posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (error != 0) {
            errno = error;
            fail("posix_spawn " + program);
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    ~Child() { reap(); }
    pid_t pid() const { return pid_; }
    /// The waitpid status (-1 when already reaped).
    int reap() {
        if (pid_ <= 0) return -1;
        int status = 0;
        while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
        return status;
    }

private:
    pid_t pid_ = -1;
};

void write_exactly(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("write");
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

void read_exactly(int fd, char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::read(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("read");
        if (n == 0) throw std::runtime_error("the echo closed its end");
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

/// Sends `out` on `write_fd` and reads as many bytes back from `read_fd`, both at once (an echo returns the
/// first bytes before the last are sent: writing all first would deadlock once the buffers fill).
/// Both descriptors are non-blocking.
void send_and_receive(int write_fd, int read_fd, const std::vector<char>& out, std::vector<char>& in) {
    std::size_t sent = 0, received = 0;
    const bool one_socket = write_fd == read_fd;
    while (received < in.size()) {
        const bool want_write = sent < out.size();
        pollfd fds[2] = {{read_fd, POLLIN, 0}, {write_fd, POLLOUT, 0}};
        nfds_t watched = 1;
        if (want_write && one_socket) fds[0].events |= POLLOUT;
        else if (want_write) watched = 2;
        if (::poll(fds, watched, 10'000) <= 0) fail("poll (the echo stopped answering)");
        const short write_events = one_socket ? fds[0].revents : watched == 2 ? fds[1].revents : 0;
        if (want_write && (write_events & (POLLOUT | POLLERR))) {
            const ssize_t n = ::write(write_fd, out.data() + sent, out.size() - sent);
            if (n < 0 && errno != EAGAIN && errno != EINTR) fail("write");
            if (n > 0) sent += static_cast<std::size_t>(n);
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::read(read_fd, in.data() + received, in.size() - received);
            if (n < 0 && errno != EAGAIN && errno != EINTR) fail("read");
            if (n == 0) throw std::runtime_error("the echo closed its end");
            if (n > 0) received += static_cast<std::size_t>(n);
        }
    }
}

std::vector<char> pattern(std::size_t bytes) {
    std::vector<char> data(bytes);
    for (std::size_t i = 0; i < bytes; ++i) data[i] = static_cast<char>('a' + i % 26);
    return data;
}

/// Runs `trip` `count` times after a few untimed warm-up trips; returns seconds per trip.
template <class Trip>
std::vector<double> time_trips(int count, Trip&& trip) {
    for (int i = 0; i < 3; ++i) trip();
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const double start = now_s();
        trip();
        samples.push_back(now_s() - start);
    }
    return samples;
}

// [SECTION] start-up

constexpr const char* kTinyProgram = "/bin/true";

/// What the spawn probe starts: this program itself as `conclab noop` (a hidden subcommand that exits at once,
/// so the figure is the cost of starting conclab), or /bin/true where no conclab executable answers to it.
struct SpawnTarget {
    std::string program;
    std::vector<std::string> arguments;
    lab::Method method;
    std::string label;   // spawned_program()'s
};

SpawnTarget spawn_target() {
    try {
        const std::string self = worker_executable();
        Child probe(self, {"noop"}, -1, -1);
        const int status = probe.reap();
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            return {self, {"noop"}, lab::MethodId::spawn_self, "conclab noop (this program, which exits at once)"};
    } catch (const std::runtime_error&) {
    }
    return {kTinyProgram, {}, {lab::MethodId::spawn_program, {kTinyProgram}}, std::string(kTinyProgram) + " (a tiny program that exits at once)"};
}

Samples start_threads(int count) {
    return {lab::thread_start_samples(count), lab::MethodId::thread_start};
}

Samples spawn_processes(const SpawnTarget& target, int count) {
    std::vector<double> samples;
    for (int i = 0; i < count; ++i) {
        const double start = now_s();
        Child child(target.program, target.arguments, -1, -1);
        child.reap();
        samples.push_back(now_s() - start);
    }
    return {samples, target.method};
}

Samples fork_processes(int count) {
    std::vector<double> samples;
    for (int i = 0; i < count; ++i) {
        const double start = now_s();
        const pid_t pid = fork();
        if (pid < 0) fail("fork");
        if (pid == 0) _exit(0);   // only async-signal-safe calls in a child of a threaded program
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        samples.push_back(now_s() - start);
    }
    return {samples, lab::MethodId::fork};
}

// [SECTION] memory

lab::MemorySamples idle_threads(int count, int rounds) {
    lab::MemorySamples m;
    m.method = {lab::MethodId::idle_threads, {std::to_string(count)}};
    for (int r = 0; r < rounds; ++r) {
        std::mutex mutex;
        std::condition_variable wake;
        bool release = false;
        std::latch started(count);
        std::vector<std::thread> threads;
        threads.reserve(static_cast<std::size_t>(count));
        const OwnMemory before = own_memory();
        for (int i = 0; i < count; ++i)
            threads.emplace_back([&] {
                started.count_down();
                std::unique_lock lock(mutex);
                wake.wait(lock, [&] { return release; });
            });
        started.wait();
        const OwnMemory during = own_memory();
        // Reserved address space of each live thread: its stack and guard mapping. (The VmSize difference
        // undercounts it: glibc reuses the stacks of threads that ended earlier.)
        double reserved = 0;
        for (auto& t : threads) {
            pthread_attr_t attributes;
            std::size_t stack = 0, guard = 0;
            if (pthread_getattr_np(t.native_handle(), &attributes) == 0) {
                pthread_attr_getstacksize(&attributes, &stack);
                pthread_attr_getguardsize(&attributes, &guard);
                pthread_attr_destroy(&attributes);
            }
            reserved += static_cast<double>(stack + guard);
        }
        {
            std::lock_guard lock(mutex);
            release = true;
        }
        wake.notify_all();
        for (auto& t : threads) t.join();
        m.resident_bytes.push_back(std::max(0.0, during.resident - before.resident) / count);
        m.virtual_bytes.push_back(reserved / count);
    }
    return m;
}

lab::MemorySamples idle_coroutines(int count, int rounds) {
    lab::MemorySamples m;
    bool heap_counted = true;
    for (int r = 0; r < rounds; ++r) {
        const double heap_before = static_cast<double>(mallinfo2().uordblks);
        const OwnMemory before = own_memory();
        lab::SuspendedCoroutines parked(count);
        const double heap_after = static_cast<double>(mallinfo2().uordblks);
        const OwnMemory during = own_memory();
        if (parked.parked() != count) throw std::runtime_error("not every coroutine parked");
        // Heap bytes in use are exact and repeatable; where the allocator hides them (sanitizers), RSS growth.
        if (heap_after > heap_before) {
            m.resident_bytes.push_back((heap_after - heap_before) / count);
        } else {
            heap_counted = false;
            m.resident_bytes.push_back(std::max(0.0, during.resident - before.resident) / count);
        }
    }
    m.method = {heap_counted ? lab::MethodId::idle_coroutines_heap : lab::MethodId::idle_coroutines_rss, {std::to_string(count)}};
    return m;
}

/// Rss and Pss of a process from /proc/PID/smaps_rollup, in bytes.
std::optional<std::pair<double, double>> rss_and_pss(pid_t pid) {
    const std::string path = "/proc/" + std::to_string(pid) + "/smaps_rollup";
    auto rss = status_bytes(path, "Rss");
    auto pss = status_bytes(path, "Pss");
    if (!rss || !pss) return std::nullopt;
    return std::make_pair(*rss, *pss);
}

/// Waits until `pid` has exec'd `program` and sleeps (blocked reading its stdin), so it is idle.
bool wait_until_idle(pid_t pid, const std::string& program) {
    const std::string proc = "/proc/" + std::to_string(pid);
    const std::string target = std::filesystem::weakly_canonical(program).string();
    const double give_up = now_s() + 10;
    while (now_s() < give_up) {
        std::error_code error;
        const auto exe = std::filesystem::read_symlink(proc + "/exe", error).string();
        std::ifstream status(proc + "/status");
        std::string line, state;
        while (std::getline(status, line))
            if (line.rfind("State:", 0) == 0) state = line;
        // After exec, a program sleeps in read() on its empty stdin once it has started.
        if (!error && exe == target && state.find("S (sleeping)") != std::string::npos) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

lab::MemorySamples idle_processes(int count) {
    std::string program;
    lab::MethodId method = lab::MethodId::idle_processes_worker;
    try {
        program = worker_executable();
    } catch (const std::runtime_error&) {
        program = "/bin/cat";
        method = lab::MethodId::idle_processes_cat;
    }
    const std::vector<std::string> arguments = program == "/bin/cat" ? std::vector<std::string>{} : std::vector<std::string>{"worker"};
    std::vector<Fd> stdin_writers, stdout_readers;   // a worker greets on its stdout: keep that off ours
    std::vector<std::unique_ptr<Child>> children;
    for (int i = 0; i < count; ++i) {
        auto [read_end, write_end] = make_pipe();
        auto [out_read, out_write] = make_pipe();
        children.push_back(std::make_unique<Child>(program, arguments, read_end.get(), out_write.get()));
        stdin_writers.push_back(std::move(write_end));
        stdout_readers.push_back(std::move(out_read));
    }
    lab::MemorySamples m;
    m.method = {method, {std::to_string(count)}};
    for (const auto& child : children) {
        if (!wait_until_idle(child->pid(), program)) continue;
        const auto memory = rss_and_pss(child->pid());
        const auto vsz = status_bytes("/proc/" + std::to_string(child->pid()) + "/status", "VmSize");
        if (!memory || !vsz) continue;
        m.resident_bytes.push_back(memory->first);
        m.proportional_bytes.push_back(memory->second);
        m.virtual_bytes.push_back(*vsz);
    }
    stdin_writers.clear();   // end of input: the children exit, and ~Child reaps them
    children.clear();
    if (m.resident_bytes.empty()) throw std::runtime_error("no idle child could be measured");
    return m;
}

lab::StackFacts thread_stack() {
    lab::StackFacts facts;
    pthread_attr_t attributes;
    std::size_t size = 0;
    if (pthread_getattr_default_np(&attributes) == 0) {
        pthread_attr_getstacksize(&attributes, &size);
        pthread_attr_destroy(&attributes);
    }
    if (size == 0) {   // glibc leaves it 0 until set: then it takes RLIMIT_STACK, as a new thread does
        pthread_attr_init(&attributes);
        pthread_attr_getstacksize(&attributes, &size);
        pthread_attr_destroy(&attributes);
    }
    facts.default_stack_bytes = static_cast<double>(size);
    rlimit limit{};
    if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        facts.stack_limit_bytes = static_cast<double>(limit.rlim_cur);
    facts.method = lab::MethodId::stack;
    return facts;
}

// [SECTION] ipc and switches

/// Round trips through /bin/cat: over two pipes, or over one socketpair that is both its stdin and stdout.
std::vector<double> cat_round_trips(bool socketpair_channel, std::size_t bytes, int count) {
    Fd to_child_read, to_child_write, from_child_read, from_child_write, ours, theirs;
    std::unique_ptr<Child> cat;
    int write_fd = -1, read_fd = -1;
    if (socketpair_channel) {
        int sv[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) fail("socketpair");
        ours = Fd(sv[0]);
        theirs = Fd(sv[1]);
        cat = std::make_unique<Child>("/bin/cat", std::vector<std::string>{}, theirs.get(), theirs.get());
        theirs.reset();
        write_fd = read_fd = ours.get();
    } else {
        std::tie(to_child_read, to_child_write) = make_pipe();
        std::tie(from_child_read, from_child_write) = make_pipe();
        cat = std::make_unique<Child>("/bin/cat", std::vector<std::string>{}, to_child_read.get(), from_child_write.get());
        to_child_read.reset();
        from_child_write.reset();
        write_fd = to_child_write.get();
        read_fd = from_child_read.get();
    }
    set_nonblocking(write_fd);
    set_nonblocking(read_fd);
    const std::vector<char> message = pattern(bytes);
    std::vector<char> reply(bytes);
    auto samples = time_trips(count, [&] { send_and_receive(write_fd, read_fd, message, reply); });
    if (socketpair_channel) ::shutdown(ours.get(), SHUT_WR);
    to_child_write.reset();   // EOF: cat exits; ~Child reaps it
    cat.reset();
    return samples;
}

Samples round_trips(lab::Channel channel, std::size_t bytes, int count) {
    const std::vector<std::string> size{std::to_string(bytes)};
    switch (channel) {
    case lab::Channel::atomics: return {lab::atomics_round_trip_samples(bytes, count), {lab::MethodId::atomics, size}};
    case lab::Channel::mutex_queue: return {lab::queue_round_trip_samples(bytes, count), {lab::MethodId::queue, size}};
    case lab::Channel::pipe: return {cat_round_trips(false, bytes, count), {lab::MethodId::pipe, size}};
    case lab::Channel::socketpair: return {cat_round_trips(true, bytes, count), {lab::MethodId::socketpair, size}};
    }
    throw std::invalid_argument("unknown channel");
}

std::vector<double> process_ping_pong(int per_sample, int samples) {
    auto [to_child_read, to_child_write] = make_pipe();
    auto [from_child_read, from_child_write] = make_pipe();
    auto cat = std::make_unique<Child>("/bin/cat", std::vector<std::string>{}, to_child_read.get(), from_child_write.get());
    to_child_read.reset();
    from_child_write.reset();
    char byte = 'x';
    auto trip = [&] {
        write_exactly(to_child_write.get(), &byte, 1);
        read_exactly(from_child_read.get(), &byte, 1);
    };
    for (int i = 0; i < 10; ++i) trip();
    std::vector<double> out;
    for (int s = 0; s < samples; ++s) {
        const double start = now_s();
        for (int i = 0; i < per_sample; ++i) trip();
        out.push_back((now_s() - start) / per_sample);
    }
    to_child_write.reset();
    cat.reset();
    return out;
}

// [SECTION] scaling

double run_workload(exec::ExecutorKind kind, int workers, const std::vector<std::uint64_t>& numbers) {
    return lab::workload_wall_seconds(make_executor, kind, workers, numbers);
}

// [SECTION] system

lab::SystemSnapshot system_snapshot() {
    lab::SystemSnapshot snap;
    snap.logical_cpus = logical_cpus();
    snap.method = lab::MethodId::proc;
    DIR* proc = opendir("/proc");
    if (!proc) throw std::runtime_error("/proc is not mounted");
    while (dirent* entry = readdir(proc)) {
        if (!std::isdigit(static_cast<unsigned char>(entry->d_name[0]))) continue;
        std::ifstream status(std::string("/proc/") + entry->d_name + "/status");
        lab::ProcessThreads p;
        p.pid = std::atoi(entry->d_name);
        std::string line;
        while (std::getline(status, line)) {
            if (line.rfind("Name:", 0) == 0) p.name = line.substr(line.find_first_not_of(" \t", 5));
            else if (line.rfind("Threads:", 0) == 0) p.threads = std::atoi(line.c_str() + 8);
        }
        if (p.threads > 0) snap.processes.push_back(std::move(p));   // a process that exited meanwhile has no status
    }
    closedir(proc);
    return snap;
}

// [SECTION] latency

Samples pointer_chase(std::size_t working_set, std::size_t loads, int samples) {
    const std::size_t nodes = std::max<std::size_t>(2, working_set / 64);
    return {lab::pointer_chase_samples(working_set, loads, samples),
            {lab::MethodId::chase, {std::to_string(loads), std::to_string(nodes), std::to_string(working_set)}}};
}

std::string filesystem_name(const std::string& folder) {
    struct statfs info {};
    if (statfs(folder.c_str(), &info) != 0) return "unknown";
    switch (static_cast<unsigned long>(info.f_type)) {
    case 0x01021994: return "tmpfs";
    case 0xEF53: return "ext4";
    case 0x794c7630: return "overlayfs";
    case 0x58465342: return "xfs";
    case 0x9123683E: return "btrfs";
    default: return "0x" + [&] {
        char hex[24];
        std::snprintf(hex, sizeof hex, "%lx", static_cast<unsigned long>(info.f_type));
        return std::string(hex);
    }();
    }
}

lab::DiskSamples disk_write_read(int count) {
    std::string folder = "/var/tmp";
    if (access(folder.c_str(), W_OK) != 0) folder = std::filesystem::temp_directory_path().string();
    std::string path = folder + "/conclab-lab-XXXXXX";
    Fd file(mkstemp(path.data()));
    if (file.get() < 0) fail("mkstemp in " + folder);
    unlink(path.c_str());   // gone when closed, even if we are killed
    std::vector<char> block = pattern(4096), back(4096);
    lab::DiskSamples d;
    d.folder = folder;
    d.filesystem = filesystem_name(folder);
    for (int i = 0; i < count; ++i) {
        block[0] = static_cast<char>(i);
        double start = now_s();
        if (pwrite(file.get(), block.data(), block.size(), 0) != 4096 || fsync(file.get()) != 0) fail("write + fsync");
        d.write_fsync.values.push_back(now_s() - start);
        posix_fadvise(file.get(), 0, 4096, POSIX_FADV_DONTNEED);
        start = now_s();
        if (pread(file.get(), back.data(), back.size(), 0) != 4096) fail("read");
        d.read.values.push_back(now_s() - start);
    }
    d.write_fsync.method = {lab::MethodId::pwrite, {d.folder, d.filesystem}};
    d.read.method = lab::MethodId::pread;
    return d;
}

Samples tcp_round_trips(int count) {
    Fd listener(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (listener.get() < 0) fail("socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(listener.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        getsockname(listener.get(), reinterpret_cast<sockaddr*>(&address), &length) != 0 || listen(listener.get(), 1) != 0)
        fail("listen on 127.0.0.1");
    constexpr std::size_t kMessage = 64;
    std::thread echo([&listener] {
        Fd peer(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (peer.get() < 0) return;
        const int one = 1;
        setsockopt(peer.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        char buffer[kMessage];
        for (;;) {
            const ssize_t n = ::read(peer.get(), buffer, sizeof buffer);
            if (n <= 0) return;
            if (::write(peer.get(), buffer, static_cast<std::size_t>(n)) != n) return;
        }
    });
    Fd client(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const int one = 1;
    if (client.get() < 0 || connect(client.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        const int error = errno;
        ::shutdown(listener.get(), SHUT_RDWR);
        echo.join();
        errno = error;
        fail("connect to 127.0.0.1");
    }
    setsockopt(client.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const std::vector<char> message = pattern(kMessage);
    std::vector<char> reply(kMessage);
    std::vector<double> samples;
    try {
        samples = time_trips(count, [&] {
            write_exactly(client.get(), message.data(), message.size());
            read_exactly(client.get(), reply.data(), reply.size());
        });
    } catch (...) {
        client.reset();
        echo.join();
        throw;
    }
    client.reset();
    echo.join();
    return {samples, lab::MethodId::tcp};
}

std::vector<lab::CacheLevel> cache_levels() {
    std::vector<lab::CacheLevel> levels;
    const std::string base = "/sys/devices/system/cpu/cpu0/cache/";
    for (int index = 0; index < 8; ++index) {
        const std::string dir = base + "index" + std::to_string(index) + "/";
        std::ifstream level_file(dir + "level"), type_file(dir + "type"), size_file(dir + "size");
        int level = 0;
        std::string type, size;
        if (!(level_file >> level) || !(type_file >> type) || !(size_file >> size)) continue;
        if (type == "Instruction" || size.empty()) continue;
        std::size_t bytes = std::strtoull(size.c_str(), nullptr, 10);
        if (size.back() == 'K') bytes <<= 10;
        else if (size.back() == 'M') bytes <<= 20;
        levels.push_back({level, bytes});
    }
    return levels;
}

lab::CpuClock cpu_clock() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    std::optional<double> current_mhz;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) == 0) {
            const auto at = line.find(" @ ");
            if (at != std::string::npos) {
                const double ghz = std::atof(line.c_str() + at + 3);
                if (ghz > 0.1 && line.find("GHz", at) != std::string::npos)
                    return {ghz, lab::ClockSource::nominal};
            }
        } else if (line.rfind("cpu MHz", 0) == 0 && !current_mhz) {
            const auto colon = line.find(':');
            if (colon != std::string::npos) current_mhz = std::atof(line.c_str() + colon + 1);
        }
    }
    if (current_mhz && *current_mhz > 100) return {*current_mhz / 1000, lab::ClockSource::current};
    return {3.0, lab::ClockSource::assumed};
}

// [SECTION] the probes

class NativeLabProbes final : public lab::Probes {
public:
    Samples start_units(lab::StartKind kind, int count) override {
        switch (kind) {
        case lab::StartKind::thread: return start_threads(count);
        case lab::StartKind::spawn: return spawn_processes(target(), count);
        case lab::StartKind::fork: return fork_processes(count);
        }
        throw std::invalid_argument("unknown start kind");
    }
    std::string spawned_program() const override { return target().label; }
    lab::MemorySamples idle_threads(int count, int rounds) override { return platform::idle_threads(count, rounds); }
    lab::MemorySamples idle_processes(int count) override { return platform::idle_processes(count); }
    lab::StackFacts thread_stack() override { return platform::thread_stack(); }
    Samples round_trips(lab::Channel channel, std::size_t bytes, int count) override {
        return platform::round_trips(channel, bytes, count);
    }
    Samples ping_pong(lab::PingPongPair pair, int per_sample, int samples) override {
        if (pair == lab::PingPongPair::threads)
            return {lab::thread_ping_pong_samples(per_sample, samples), {lab::MethodId::thread_pingpong, {std::to_string(per_sample)}}};
        return {process_ping_pong(per_sample, samples), {lab::MethodId::process_pingpong, {std::to_string(per_sample)}}};
    }
    double run_workload(exec::ExecutorKind kind, int workers, const std::vector<std::uint64_t>& numbers) override {
        return platform::run_workload(kind, workers, numbers);
    }
    lab::SystemSnapshot system_snapshot() override { return platform::system_snapshot(); }
    Samples pointer_chase(std::size_t bytes, std::size_t loads, int samples) override {
        return platform::pointer_chase(bytes, loads, samples);
    }
    lab::DiskSamples disk_write_read(int count) override { return platform::disk_write_read(count); }
    Samples tcp_round_trips(int count) override { return platform::tcp_round_trips(count); }
    std::vector<lab::CacheLevel> cache_levels() override { return platform::cache_levels(); }
    lab::CpuClock cpu_clock() override { return platform::cpu_clock(); }
    std::optional<lab::MemorySamples> idle_coroutines(int count, int rounds) override {
        return platform::idle_coroutines(count, rounds);
    }

private:
    const SpawnTarget& target() const {
        std::call_once(target_once_, [this] { target_ = spawn_target(); });
        return target_;
    }
    mutable std::once_flag target_once_;
    mutable SpawnTarget target_;
};

}  // namespace

std::unique_ptr<lab::LiveSystem> make_live_system() {
    // The /proc walk reads a file per process: on a thread of its own, never the UI's.
    return std::make_unique<lab::LiveSystem>([] { return system_snapshot(); }, lab::LiveSystem::Mode::own_thread);
}

std::unique_ptr<lab::Probes> make_lab_probes() { return std::make_unique<NativeLabProbes>(); }

}  // namespace conclab::platform
