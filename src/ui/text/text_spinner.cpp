// The spinner demo's words: one row per SpinnerText key, in the enum's order (checked below).
#include "ui/text/text_spinner.h"

namespace conclab::ui {
namespace {

constexpr text_table::Row<SpinnerText> kRows[] = {
    {SpinnerText::menu, "Spinners",
     "Spinners"},
    {SpinnerText::title, "Spinning plates: a spinner while a slow call runs",
     "Girando pratos: um spinner enquanto uma chamada lenta roda"},
    {SpinnerText::intro, "Each slow call sleeps, then computes the least prime factor of a number. Four spinners keep turning while their call runs — or do not.",
     "Cada chamada lenta dorme e depois calcula o menor fator primo de um número. Quatro spinners continuam girando enquanto a sua chamada roda — ou não."},
    {SpinnerText::lesson, "A coroutine shares its event loop's one thread: while the call awaits, the spinner turns; when the call blocks (a plain sleep instead of await), nothing else on the loop runs and the spinner freezes. A thread or a process has a CPU schedule of its own.",
     "Uma corrotina divide a única thread do seu laço de eventos: enquanto a chamada aguarda (await), o spinner gira; quando a chamada bloqueia (um sleep comum em vez de await), nada mais roda no laço e o spinner congela. Uma thread ou um processo é escalonado por conta própria."},
    {SpinnerText::seconds, "Sleep",
     "Tempo de sleep"},
    {SpinnerText::run_all, "Run the four",
     "Rodar os quatro"},
    {SpinnerText::form_thread, "Thread",
     "Thread"},
    {SpinnerText::form_process, "Process",
     "Processo"},
    {SpinnerText::form_coroutine, "Coroutine, awaiting",
     "Corrotina, com await"},
    {SpinnerText::form_blocked, "Coroutine, blocking call",
     "Corrotina, chamada bloqueante"},
    {SpinnerText::note_thread, "the spinner has a thread of its own (Python: threading)",
     "o spinner tem uma thread só sua (Python: threading)"},
    {SpinnerText::note_process, "the call runs in a worker process (Python: multiprocessing)",
     "a chamada roda num processo worker (Python: multiprocessing)"},
    {SpinnerText::note_coroutine, "await sleep: the loop keeps turning (Python: asyncio)",
     "await sleep: o laço continua girando (Python: asyncio)"},
    {SpinnerText::note_blocked, "a plain sleep: the loop stops (Python: time.sleep in async def)",
     "um sleep comum: o laço para (Python: time.sleep num async def)"},
    {SpinnerText::not_run, "not run yet",
     "ainda não rodou"},
    {SpinnerText::frames, "%llu frames",
     "%llu quadros"},
    {SpinnerText::frames_in_call, "%llu while the call ran",
     "%llu durante a chamada"},
    {SpinnerText::longest_gap, "longest gap %.2f s",
     "maior intervalo %.2f s"},
    {SpinnerText::frozen_now, "frozen for %.1f s",
     "congelado há %.1f s"},
    {SpinnerText::froze, "frozen for %.2f s",
     "congelado por %.2f s"},
    {SpinnerText::never_froze, "never froze",
     "nunca congelou"},
    {SpinnerText::answer, "lpf(%llu) = %llu",
     "lpf(%llu) = %llu"},
    {SpinnerText::asked, "the form the link asked for",
     "a forma pedida pelo link"},
    {SpinnerText::process_note, "As a process, the slow call runs in a worker process (an isolated Web Worker in the browser) and this window's own loop turns the spinner while it waits for the answer. Frames are counted, not timed: the blocked coroutine draws none while its call is in flight, whatever the machine's speed.",
     "Como processo, a chamada lenta roda num processo worker (um Web Worker isolado no navegador) e o próprio laço desta janela gira o spinner enquanto espera a resposta. Os quadros são contados, não cronometrados: a corrotina bloqueada não desenha nenhum enquanto a sua chamada está em andamento, seja qual for a velocidade da máquina."},
    {SpinnerText::concurrency_note,
     "Concurrency is not parallelism. The talk quotes Rob Pike: \"Concorrência é lidar com muitas coisas ao mesmo tempo.\" (\"Concurrency is about dealing with lots of things at once.\") \"Paralelismo é fazer muitas coisas ao mesmo tempo.\" (\"Parallelism is about doing lots of things at once.\") The awaiting coroutine keeps its plate spinning on the loop's one thread, between the other tasks: \"não precisa ter 18 braços para girar 18 pratos\" (\"you need not have 18 arms to spin 18 plates\").",
     "Concorrência não é paralelismo. A palestra cita Rob Pike: \"Concorrência é lidar com muitas coisas ao mesmo tempo.\" \"Paralelismo é fazer muitas coisas ao mesmo tempo.\" A corrotina com await mantém o seu prato girando na única thread do laço, entre as outras tarefas: \"não precisa ter 18 braços para girar 18 pratos\"."},
    {SpinnerText::cpython_cli_only,
     "CPython's spinners run in the terminal, not here: conclab spinner --runtime python --kind thread|process|coroutine. This panel runs the C++ forms.",
     "Os spinners do CPython rodam no terminal, não aqui: conclab spinner --runtime python --kind thread|process|coroutine. Este painel roda as formas em C++."},
};

static_assert(text_table::rows_follow_the_keys(kRows), "every SpinnerText key needs one row, in the order of the enum");
static_assert(text_table::every_row_has_both_languages(kRows), "every SpinnerText row needs an English and a Portuguese text");

}  // namespace

const char* tr(SpinnerText key) { return text_table::text_of(kRows, key, language()); }
const char* tr(SpinnerText key, Language language) { return text_table::text_of(kRows, key, language); }

}  // namespace conclab::ui
