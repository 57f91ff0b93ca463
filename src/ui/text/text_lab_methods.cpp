// The lab's methods and reasons by id, in English and Portuguese (text_lab_methods.h): one row per id in the enum's
// order, both languages with the same placeholders (checked below).
#include "ui/text/text_lab_methods.h"

#include "ui/text/text_lab_words.h"

namespace conclab::ui {
namespace {

using lab::MethodId;
using lab::ReasonId;

constexpr text_table::Row<MethodId> kMethods[] = {
    {MethodId::text, "{0}", "{0}"},
    {MethodId::thread_start, "Time to create a std::thread that returns at once and join it, one thread at a time.",
     "Tempo para criar uma std::thread que retorna de imediato e fazer join nela, uma thread por vez."},
    {MethodId::spawn_self, "Time to posix_spawn conclab noop (this program, which exits at once) and waitpid for it, one at a time.",
     "Tempo para fazer posix_spawn de conclab noop (este programa, que termina de imediato) e waitpid por ele, um por vez."},
    {MethodId::spawn_program, "Time to posix_spawn {0} (a tiny program that exits at once) and waitpid for it, one at a time.",
     "Tempo para fazer posix_spawn de {0} (um programa minúsculo que termina de imediato) e waitpid por ele, um por vez."},
    {MethodId::fork, "Time to fork this process (its child calls _exit at once) and waitpid for it; unsafe in a threaded program beyond that: the child gets only the forking thread, and locks other threads held stay locked.",
     "Tempo para fazer fork deste processo (o filho chama _exit de imediato) e waitpid por ele; inseguro num programa com threads além disso: o filho recebe só a thread que fez o fork, e travas que outras threads seguravam continuam travadas."},
    {MethodId::coroutine_start, "Coroutines (core/aio tasks whose body returns at once) spawned on a fresh event loop and run to completion; each sample the mean of {0}.",
     "Corrotinas (tarefas de core/aio cujo corpo retorna de imediato) criadas num laço de eventos novo e executadas até o fim; cada amostra é a média de {0}."},
    {MethodId::idle_threads, "VmRSS of /proc/self/status before and after starting {0} threads that block on a condition variable, divided by {0}; virtual: each thread's stack and guard mapping (pthread_getattr_np).",
     "VmRSS de /proc/self/status antes e depois de iniciar {0} threads que bloqueiam numa variável de condição, dividido por {0}; virtual: o mapeamento da pilha e da guarda de cada thread (pthread_getattr_np)."},
    {MethodId::idle_processes_worker, "Rss and Pss of /proc/PID/smaps_rollup and VmSize of /proc/PID/status of {0} idle `conclab worker` processes (as the process pool starts them) waiting for their first task; Pss splits shared pages (libraries) between the processes that map them.",
     "Rss e Pss de /proc/PID/smaps_rollup e VmSize de /proc/PID/status de {0} processos `conclab worker` ociosos (como o pool de processos os inicia) esperando sua primeira tarefa; o Pss divide as páginas compartilhadas (bibliotecas) entre os processos que as mapeiam."},
    {MethodId::idle_processes_cat, "Rss and Pss of /proc/PID/smaps_rollup and VmSize of /proc/PID/status of {0} idle /bin/cat processes waiting on their stdin (no conclab executable known); Pss splits shared pages (libraries) between the processes that map them.",
     "Rss e Pss de /proc/PID/smaps_rollup e VmSize de /proc/PID/status de {0} processos /bin/cat ociosos esperando na sua stdin (nenhum executável conclab conhecido); o Pss divide as páginas compartilhadas (bibliotecas) entre os processos que as mapeiam."},
    {MethodId::idle_coroutines_heap, "{0} core/aio coroutines suspended on one event: heap bytes in use (mallinfo2) before and after, divided by {0} (the frame and the loop's record of the task).",
     "{0} corrotinas de core/aio suspensas num evento: bytes do heap em uso (mallinfo2) antes e depois, divididos por {0} (o frame e o registro da tarefa no laço)."},
    {MethodId::idle_coroutines_rss, "{0} core/aio coroutines suspended on one event: VmRSS of /proc/self/status before and after, divided by {0} (the frame and the loop's record of the task).",
     "{0} corrotinas de core/aio suspensas num evento: VmRSS de /proc/self/status antes e depois, divididos por {0} (o frame e o registro da tarefa no laço)."},
    {MethodId::stack, "The default stack size of a new thread (pthread_attr_getstacksize), which glibc takes from `ulimit -s` (getrlimit RLIMIT_STACK): address space reserved, not memory used.",
     "O tamanho padrão da pilha de uma thread nova (pthread_attr_getstacksize), que a glibc tira de `ulimit -s` (getrlimit RLIMIT_STACK): espaço de endereçamento reservado, não memória usada."},
    {MethodId::atomics, "A {0}-byte message copied into shared memory, an atomic flag set, and a second thread spinning on the flag (then sleeping on it with atomic wait/notify after 1000 spins) copies it back; time per round trip.",
     "Uma mensagem de {0} bytes copiada para a memória compartilhada, uma flag atômica ligada, e uma segunda thread girando na flag (depois dormindo nela com wait/notify atômicos após 1000 voltas) a copia de volta; tempo por ida e volta."},
    {MethodId::queue, "A {0}-byte message copied into a queue guarded by a mutex and a condition variable; a second thread moves it to a reply queue; time per round trip.",
     "Uma mensagem de {0} bytes copiada para uma fila protegida por um mutex e uma variável de condição; uma segunda thread a move para uma fila de resposta; tempo por ida e volta."},
    {MethodId::pipe, "A {0}-byte message written into a pipe to a /bin/cat child process and read back from a second pipe; time per round trip.",
     "Uma mensagem de {0} bytes escrita num pipe para um processo filho /bin/cat e lida de volta de um segundo pipe; tempo por ida e volta."},
    {MethodId::socketpair, "A {0}-byte message written into a Unix socketpair whose other end is a /bin/cat child's stdin and stdout, and read back; time per round trip.",
     "Uma mensagem de {0} bytes escrita num socketpair Unix cuja outra ponta é a stdin e a stdout de um filho /bin/cat, e lida de volta; tempo por ida e volta."},
    {MethodId::thread_pingpong, "Two threads hand a counter back and forth under a mutex and a condition variable (a futex underneath); each sample is the mean of {0} round trips.",
     "Duas threads passam um contador de uma para a outra sob um mutex e uma variável de condição (um futex por baixo); cada amostra é a média de {0} idas e voltas."},
    {MethodId::process_pingpong, "One byte written into a pipe to a /bin/cat child and read back from a second pipe; each sample is the mean of {0} round trips.",
     "Um byte escrito num pipe para um filho /bin/cat e lido de volta de um segundo pipe; cada amostra é a média de {0} idas e voltas."},
    {MethodId::coroutine_pingpong, "Two core/aio coroutines wake each other with events through one event loop on one thread; each sample the mean of {0} round trips.",
     "Duas corrotinas de core/aio acordam uma à outra com eventos por um laço de eventos numa só thread; cada amostra é a média de {0} idas e voltas."},
    {MethodId::scaling, "Least prime factor of the {0} largest primes below 2**{1} on {2}, {3} per worker count; speedup = fastest wall time with 1 worker / fastest wall time with N (the fastest try is the one other programs disturbed least), spread over every try.",
     "Menor fator primo dos {0} maiores primos abaixo de 2**{1} em {2}, {3} por número de workers; aceleração = menor tempo de relógio com 1 worker / menor tempo com N (a tentativa mais rápida é a que outros programas menos atrapalharam), dispersão sobre todas as tentativas."},
    {MethodId::proc, "Every numeric folder of /proc is a process (like `ps ax | wc -l` without its header); Name and Threads from its status file; CPUs from sysconf(_SC_NPROCESSORS_ONLN).",
     "Cada pasta numérica de /proc é um processo (como `ps ax | wc -l` sem o cabeçalho); Name e Threads do seu arquivo status; CPUs de sysconf(_SC_NPROCESSORS_ONLN)."},
    {MethodId::chase, "Pointer chasing: {0} dependent loads following one random cycle through {1} 64-byte nodes ({2} bytes); nanoseconds per load.",
     "Perseguição de ponteiros: {0} leituras dependentes seguindo um ciclo aleatório por {1} nós de 64 bytes ({2} bytes); nanossegundos por leitura."},
    {MethodId::pwrite, "pwrite of 4 KiB into a temporary file in {0} ({1}) followed by fsync, which returns once the device has it.",
     "pwrite de 4 KiB num arquivo temporário em {0} ({1}) seguido de fsync, que retorna quando o dispositivo já o tem."},
    {MethodId::pread, "pread of the same 4 KiB after asking the kernel to drop it from the page cache (posix_fadvise DONTNEED; a memory file system keeps it).",
     "pread dos mesmos 4 KiB depois de pedir ao kernel que os tire do cache de páginas (posix_fadvise DONTNEED; um sistema de arquivos em memória os mantém)."},
    {MethodId::tcp, "A 64-byte message over a TCP connection to 127.0.0.1 (TCP_NODELAY) echoed by a thread; time per round trip.",
     "Uma mensagem de 64 bytes por uma conexão TCP a 127.0.0.1 (TCP_NODELAY) ecoada por uma thread; tempo por ida e volta."},
    {MethodId::web_thread_start, "Time to create a std::thread (a pthread: a Web Worker from Emscripten's pre-started pool, handed back to the pool when it ends) that returns at once and join it, one at a time.",
     "Tempo para criar uma std::thread (uma pthread: um Web Worker do pool pré-iniciado do Emscripten, devolvido ao pool quando termina) que retorna de imediato e fazer join nela, uma por vez."},
    {MethodId::web_thread_beyond_pool, "Time to create and join a pthread while every pre-started Web Worker of Emscripten's pool is busy (held by parked threads): the browser main thread starts a new Worker and loads the program's wasm module into it (the new Worker then joins the pool).",
     "Tempo para criar uma pthread e fazer join nela enquanto todo Web Worker pré-iniciado do pool do Emscripten está ocupado (preso por threads estacionadas): a thread principal do navegador inicia um Worker novo e carrega nele o módulo wasm do programa (depois o Worker novo entra no pool)."},
    {MethodId::web_worker_start, "Time to start an isolated Web Worker (new Worker, which loads and instantiates its own process-worker-module.wasm), get one empty message back from it and terminate it, one at a time ({0} of them).",
     "Tempo para iniciar um Web Worker isolado (new Worker, que carrega e instancia seu próprio process-worker-module.wasm), receber dele uma mensagem vazia e encerrá-lo, um por vez ({0} deles)."},
    {MethodId::web_idle_threads, "Bytes of the wasm heap in use (mallinfo) before and after starting {0} pthreads that block on a condition variable, divided by {0}: each takes its stack (Emscripten's default pthread stack size) and its thread records from the shared wasm memory.",
     "Bytes do heap wasm em uso (mallinfo) antes e depois de iniciar {0} pthreads que bloqueiam numa variável de condição, divididos por {0}: cada uma tira sua pilha (o tamanho padrão de pilha de pthread do Emscripten) e seus registros da memória wasm compartilhada."},
    {MethodId::web_idle_workers, "The size of the linear memory (memory.buffer) of each of {0} idle isolated Web Workers' own wasm module, as each reports it: what the module reserved, not what the browser's JavaScript engine spends on the Worker besides.",
     "O tamanho da memória linear (memory.buffer) do módulo wasm próprio de cada um de {0} Web Workers isolados ociosos, como cada um informa: o que o módulo reservou, não o que o motor JavaScript do navegador gasta com o Worker além disso."},
    {MethodId::web_idle_coroutines, "{0} core/aio coroutines suspended on one event: bytes of the wasm heap in use (mallinfo) before and after, divided by {0} (the frame and the loop's record).",
     "{0} corrotinas de core/aio suspensas num evento: bytes do heap wasm em uso (mallinfo) antes e depois, divididos por {0} (o frame e o registro no laço)."},
    {MethodId::web_stack, "The stack size of a new pthread (pthread_getattr_np in it), which Emscripten allocates from the shared wasm memory.",
     "O tamanho da pilha de uma pthread nova (pthread_getattr_np nela), que o Emscripten aloca na memória wasm compartilhada."},
    {MethodId::web_post, "A {0}-byte message posted to an isolated Web Worker (postMessage: a structured clone, copied, its buffer transferred) and echoed back; time per round trip.",
     "Uma mensagem de {0} bytes enviada a um Web Worker isolado (postMessage: um clone estruturado, copiado, seu buffer transferido) e ecoada de volta; tempo por ida e volta."},
    {MethodId::web_post_pingpong, "One byte posted to an isolated Web Worker and echoed back, each sample the mean of {0} round trips.",
     "Um byte enviado a um Web Worker isolado e ecoado de volta, cada amostra a média de {0} idas e voltas."},
    {MethodId::web_atomics, "A {0}-byte message copied into the shared wasm memory (a SharedArrayBuffer), an atomic flag set, and a second pthread spinning on the flag (then sleeping on it with Atomics.wait/notify underneath) copies it back; time per round trip.",
     "Uma mensagem de {0} bytes copiada para a memória wasm compartilhada (um SharedArrayBuffer), uma flag atômica ligada, e uma segunda pthread girando na flag (depois dormindo nela com Atomics.wait/notify por baixo) a copia de volta; tempo por ida e volta."},
    {MethodId::web_queue, "A {0}-byte message copied into a queue guarded by a mutex and a condition variable (futexes on Atomics.wait/notify); a second pthread moves it to a reply queue; time per round trip.",
     "Uma mensagem de {0} bytes copiada para uma fila protegida por um mutex e uma variável de condição (futexes sobre Atomics.wait/notify); uma segunda pthread a move para uma fila de resposta; tempo por ida e volta."},
    {MethodId::web_pingpong, "Two pthreads hand a counter back and forth under a mutex and a condition variable (Atomics.wait/notify underneath); each sample is the mean of {0} round trips.",
     "Duas pthreads passam um contador de uma para a outra sob um mutex e uma variável de condição (Atomics.wait/notify por baixo); cada amostra é a média de {0} idas e voltas."},
    {MethodId::web_browser, "What the browser says: navigator.hardwareConcurrency (logical CPUs) and, where the browser gives it, navigator.deviceMemory (RAM rounded to a power of two, at most 8 GiB, to protect privacy).",
     "O que o navegador diz: navigator.hardwareConcurrency (CPUs lógicas) e, onde o navegador informa, navigator.deviceMemory (RAM arredondada para uma potência de dois, no máximo 8 GiB, para proteger a privacidade)."},
    {MethodId::web_page_workers, "Emscripten's own lists, read on the page's main thread: the Web Workers running a pthread (plus the main thread) and the pre-started ones waiting for one (PThread.runningWorkers, unusedWorkers). The isolated Workers of the process pool are not counted.",
     "As próprias listas do Emscripten, lidas na thread principal da página: os Web Workers rodando uma pthread (mais a thread principal) e os pré-iniciados esperando uma (PThread.runningWorkers, unusedWorkers). Os Workers isolados do pool de processos não entram na conta."},
    {MethodId::web_chase, "Pointer chasing in wasm memory: {0} dependent loads following one random cycle through {1} 64-byte nodes ({2} bytes); nanoseconds per load (performance.now() is coarsened to a few µs: each sample is long).",
     "Perseguição de ponteiros na memória wasm: {0} leituras dependentes seguindo um ciclo aleatório por {1} nós de 64 bytes ({2} bytes); nanossegundos por leitura (performance.now() é arredondado a alguns µs: cada amostra é longa)."},
    {MethodId::web_fetch, "A HEAD request for a small file of this site (a synchronous XMLHttpRequest from the lab's Worker, a fresh query string each time so that no cache answers); time per round trip.",
     "Uma requisição HEAD de um arquivo pequeno deste site (um XMLHttpRequest síncrono do Worker do lab, uma query string nova a cada vez para que nenhum cache responda); tempo por ida e volta."},
    {MethodId::python_interpreter_start, "{0} -c pass started with os.posix_spawn and waited for with waitpid, timed inside the interpreter (the system calls conclab times its own processes with), one at a time.",
     "{0} -c pass iniciado com os.posix_spawn e esperado com waitpid, cronometrado dentro do interpretador (as mesmas chamadas de sistema com que o conclab mede os seus processos), um por vez."},
    {MethodId::python_pool_first_result, "A fresh ProcessPoolExecutor(1) with the {0} start method: from its creation to the first result of a task that returns at once.",
     "Um ProcessPoolExecutor(1) novo com o método de início {0}: da criação ao primeiro resultado de uma tarefa que retorna de imediato."},
    {MethodId::python_thread_start, "A threading.Thread whose target returns at once: start + join, one thread at a time.",
     "Uma threading.Thread cujo alvo retorna de imediato: start + join, uma thread por vez."},
    {MethodId::python_task_start, "asyncio tasks of a coroutine that returns at once: create_task + await; each sample the mean of {0}.",
     "Tarefas do asyncio de uma corrotina que retorna de imediato: create_task + await; cada amostra é a média de {0}."},
    {MethodId::python_idle_threads, "The interpreter's resident memory (/proc/self/statm) before and after starting {0} threading.Thread blocked on an Event, divided by {0}.",
     "A memória residente do interpretador (/proc/self/statm) antes e depois de iniciar {0} threading.Thread bloqueadas num Event, dividida por {0}."},
    {MethodId::python_idle_processes, "The resident memory (/proc/PID/statm) of {0} idle multiprocessing.Process children ({1}) waiting on a Pipe, divided by {0}.",
     "A memória residente (/proc/PID/statm) de {0} processos filhos multiprocessing.Process ({1}) ociosos esperando num Pipe, dividida por {0}."},
    {MethodId::python_idle_coroutines, "The interpreter's resident memory before and after creating {0} more asyncio tasks awaiting one future, divided by {0} (every round's tasks are kept).",
     "A memória residente do interpretador antes e depois de criar mais {0} tarefas do asyncio esperando um future, dividida por {0} (as tarefas de cada repetição ficam vivas)."},
    {MethodId::python_queue, "{0} bytes there and back through two queue.Queue to a thread; each sample the mean of {1} round trips.",
     "{0} bytes de ida e volta por duas queue.Queue até uma thread; cada amostra é a média de {1} idas e voltas."},
    {MethodId::python_pipe, "{0} bytes there and back through a multiprocessing.Pipe (a socketpair) to a {1} child; each sample the mean of {2} round trips.",
     "{0} bytes de ida e volta por um multiprocessing.Pipe (um socketpair) até um processo filho ({1}); cada amostra é a média de {2} idas e voltas."},
    {MethodId::then_throughput, "Throughput counts the message both ways.",
     "A vazão conta a mensagem nos dois sentidos."},
    {MethodId::then_relay, "Every message of the web process pool is relayed by the page's main thread (a Worker talks only with the context that created it), so the trip is lab thread → main thread → Worker and back.",
     "Toda mensagem do pool de processos web é retransmitida pela thread principal da página (um Worker só conversa com o contexto que o criou), então o trajeto é thread do lab → thread principal → Worker e volta."},
    {MethodId::then_coarse, "Each sample is the mean of {0} round trips (the browser's clock is coarse).",
     "Cada amostra é a média de {0} idas e voltas (o relógio do navegador é grosseiro)."},
};

static_assert(text_table::rows_follow_the_keys(kMethods), "every lab::MethodId needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kMethods), "every method row needs an English and a Portuguese text");
static_assert(text_table::same_placeholders(kMethods), "a method's Portuguese uses the same {N} as its English");

constexpr text_table::Row<ReasonId> kReasons[] = {
    {ReasonId::text, "{0}", "{0}"},
    {ReasonId::event_loop, "coming with the event loop", "virá com o laço de eventos"},
    {ReasonId::reserves_nothing, "reserves nothing beyond what it uses", "não reserva nada além do que usa"},
    {ReasonId::no_address_space, "a page sees no address space: see the wasm memory row",
     "uma página não vê espaço de endereçamento: veja a linha da memória wasm"},
    {ReasonId::no_os_processes, "a web page cannot see the operating system's processes or threads",
     "uma página web não vê os processos nem as threads do sistema operacional"},
    {ReasonId::no_worker_rss, "a page cannot see how much of a Web Worker the operating system keeps in RAM",
     "uma página não vê quanto de um Web Worker o sistema operacional mantém na RAM"},
    {ReasonId::no_worker_ram, "a page cannot see how much RAM a Web Worker takes: the browser tells no process sizes",
     "uma página não vê quanta RAM um Web Worker ocupa: o navegador não informa tamanhos de processos"},
    {ReasonId::no_fork, "a browser cannot fork: a page has no processes of its own, only Web Workers",
     "um navegador não faz fork: uma página não tem processos próprios, só Web Workers"},
    {ReasonId::no_socketpair, "a page has no socketpair: isolated Workers talk only by postMessage (see the row above)",
     "uma página não tem socketpair: Workers isolados só conversam por postMessage (veja a linha acima)"},
    {ReasonId::no_disk, "no disk: a page cannot write a file and fsync it (the browser's storage keeps its own caches)",
     "sem disco: uma página não consegue escrever um arquivo e fazer fsync dele (o armazenamento do navegador tem seus próprios caches)"},
    {ReasonId::no_tcp, "a page cannot open a TCP socket: see the same-origin fetch below",
     "uma página não abre um socket TCP: veja o fetch na mesma origem abaixo"},
    {ReasonId::no_start_method, "the start method {0} is not available here", "o método de início {0} não está disponível aqui"},
};

static_assert(text_table::rows_follow_the_keys(kReasons), "every lab::ReasonId needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kReasons), "every reason row needs an English and a Portuguese text");
static_assert(text_table::same_placeholders(kReasons), "a reason's Portuguese uses the same {N} as its English");

}  // namespace

const char* method_template(MethodId id, Language language) { return text_table::text_of(kMethods, id, language); }
const char* reason_template(ReasonId id, Language language) { return text_table::text_of(kReasons, id, language); }

std::string filesystem_words(const std::string& filesystem, Language language) {
    if (filesystem == "tmpfs") return tr(LabWordText::fs_tmpfs, language);
    if (filesystem == "unknown") return tr(LabWordText::fs_unknown, language);
    if (filesystem.rfind("0x", 0) == 0) return text_table::fill(tr(LabWordText::fs_number, language), {filesystem});
    return filesystem;
}

std::string method_words(const lab::Method& m, Language language) {
    if (static_cast<std::size_t>(m.id) >= static_cast<std::size_t>(MethodId::count_)) return {};
    std::vector<std::string> args = m.args;
    if (m.id == MethodId::scaling && args.size() >= 4) {
        args[2] = tr(args[2] == "processes" ? LabWordText::pool_processes
                     : args[2] == "gil"     ? LabWordText::pool_gil
                                            : LabWordText::pool_threads,
                     language);
        args[3] = text_table::fill(tr(args[3] == "1" ? LabWordText::tries_one : LabWordText::tries_many, language), {args[3]});
    }
    if (m.id == MethodId::pwrite && args.size() >= 2) args[1] = filesystem_words(args[1], language);
    std::string text = text_table::fill(method_template(m.id, language), args);
    for (const auto& next : m.then) {
        const std::string more = method_words(next, language);
        if (!more.empty()) text += (text.empty() ? "" : " ") + more;
    }
    return text;
}

std::string reason_words(const lab::Reason& r, Language language) {
    if (static_cast<std::size_t>(r.id) >= static_cast<std::size_t>(ReasonId::count_)) return {};
    return text_table::fill(reason_template(r.id, language), r.args);
}

}  // namespace conclab::ui
