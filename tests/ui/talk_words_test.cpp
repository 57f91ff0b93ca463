// The talk's words (issue 19 §1, §4): no claim the talk does not make, its words quoted verbatim where the app cites
// it (tests/data/talk_lines.txt: the transcript's lines, copied), and Portuguese a Brazilian student would write —
// checked over every Portuguese text of every area's table.
#include "ui/text/text_errors.h"
#include "ui/text/text_exhibition.h"
#include "ui/text/text_lab.h"
#include "ui/text/text_lab_measures.h"
#include "ui/text/text_lab_methods.h"
#include "ui/text/text_lab_steps.h"
#include "ui/text/text_lab_table.h"
#include "ui/text/text_lab_words.h"
#include "ui/text/text_primes.h"
#include "ui/text/text_shell.h"
#include "ui/text/text_spinner.h"
#include "ui/text/text_system.h"
#include "ui/text/text_trace.h"
#include "ui/text/text_welcome.h"
#include "ui/text/text_wikipics.h"
#include "ui/text/text_wikipics_errors.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace conclab::ui;

namespace {

struct Text {
    std::string where;
    std::string text;
};

// `end`: where the table's own texts end (the lab's words end with the English of old exported JSON, matched only to
// be read back in Portuguese).
template <class Key>
void add_table(std::vector<Text>& out, const char* area, Language language, Key end = Key::count_) {
    for (std::size_t k = 0; k < static_cast<std::size_t>(end); ++k)
        out.push_back({std::string(area) + "#" + std::to_string(k), tr(static_cast<Key>(k), language)});
}

std::vector<Text> every_text(Language language) {
    std::vector<Text> out;
    add_table<ExhibitionText>(out, "exhibition", language);
    add_table<LabText>(out, "lab", language);
    add_table<LabTableText>(out, "lab_table", language);
    add_table<LabWordText>(out, "lab_words", language);
    for (int id = 1; id < static_cast<int>(conclab::lab::MethodId::count_); ++id)
        out.push_back({"method#" + std::to_string(id), method_template(static_cast<conclab::lab::MethodId>(id), language)});
    for (int id = 1; id < static_cast<int>(conclab::lab::ReasonId::count_); ++id)
        out.push_back({"reason#" + std::to_string(id), reason_template(static_cast<conclab::lab::ReasonId>(id), language)});
    add_table<PrimesText>(out, "primes", language);
    add_table<ShellText>(out, "shell", language);
    add_table<SpinnerText>(out, "spinner", language);
    add_table<SystemText>(out, "system", language);
    add_table<WelcomeText>(out, "welcome", language);
    add_table<WikipicsText>(out, "wikipics", language);
    add_table<TraceText>(out, "trace", language);
    if (language == Language::pt)
        for (int id = 1; const char* t = portuguese_template(static_cast<conclab::lab::MeasureId>(id)); ++id)
            out.push_back({"measure#" + std::to_string(id), t});
    // The texts a run words from core's ids: field errors, the lab's steps and suites, wikipics' sampling errors.
    using conclab::options::ErrorKind;
    for (int k = 0; k < static_cast<int>(ErrorKind::count_); ++k)
        out.push_back({"error#" + std::to_string(k), error_template(static_cast<ErrorKind>(k), language)});
    using conclab::lab::StepId;
    for (int id = 0; id <= static_cast<int>(StepId::cpython); ++id)
        out.push_back({"step#" + std::to_string(id),
                       step_words({static_cast<StepId>(id), 1 << 20, conclab::exec::ExecutorKind::gil, 2, 1, 5}, language)});
    using conclab::lab::Suite;
    for (const Suite s : {Suite::startup, Suite::memory, Suite::ipc, Suite::switches, Suite::scaling, Suite::system, Suite::latency})
        out.push_back({"suite#" + std::to_string(static_cast<int>(s)), suite_words(s, language)});
    using namespace conclab::wikipics;
    for (int k = 0; k < static_cast<int>(ApiProblemKind::count_); ++k)
        out.push_back({"api#" + std::to_string(k), api_problem_text({static_cast<ApiProblemKind>(k), {"1", "x"}}, language)});
    out.push_back({"sample#none", sample_error_text({SampleErrorKind::none_found, {"host"}, std::nullopt}, language)});
    out.push_back({"sample#few", sample_error_text({SampleErrorKind::too_few, {"5", "1_000_000", "host", "6", "10"}, std::nullopt}, language)});
    out.push_back({"sample#cancelled", sample_error_text({SampleErrorKind::cancelled, {}, std::nullopt}, language)});
    for (const char* reason : {"timeout", "http_status", "rate_limited", "connection_reset", "truncated", "too_large", "network", "cancelled"})
        out.push_back({std::string("http#") + reason, http_reason_text(reason, language)});
    return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string talk_lines() {
    std::ifstream file(CONCLAB_TALK_LINES);
    std::stringstream s;
    s << file.rdbuf();
    return s.str();
}

// Every place the app quotes the talk: the quote, in the talk's Portuguese, and the text that quotes it.
struct Quote {
    const char* words;
    const char* text;
};

std::vector<Quote> quotes(Language l) {
    std::vector<Quote> q = {
        {"A CPU trabalhou por 0.994 s (6% do total)", tr(WikipicsText::lesson, l)},
        {"A CPU trabalhou por 9.52 s (356% do total)", tr(WikipicsText::lesson, l)},
        {"bibliotecas usaram vários núcleos da CPU", tr(WikipicsText::lesson, l)},
        {"Resumo: threads x processos", tr(LabText::intro, l)},
        {"Resumo: threads x processos", tr(LabTableText::n_talk_columns, l)},
        {"limitado a 1 núcleo da CPU para todas as threads executando bytecode Python", tr(LabTableText::n_gil_model, l)},
        {"threads x processos", tr(WelcomeText::lab_lesson, l)},
        {"cerca de 4MB por thread", tr(LabWordText::note_4mb, l)},
        {"cerca de 4MB por thread", tr(LabWordText::note_4mb_resident, l)},
        {"tempo transcorrido no \"relógio da parede\"", tr(PrimesText::cpu_process_note, l)},
        {"tempo transcorrido no \"relógio da parede\"", tr(PrimesText::cpu_busy_note, l)},
        {"Média de 30 jogadas por partida", tr(ExhibitionText::talk_average, l)},
        {"simultâneas", tr(ExhibitionText::intro, l)},
        {"Uma volta completa leva", tr(ExhibitionText::slide_note, l)},
    };
    // Issue 19 §3: the lessons the talk teaches, each where it teaches.
    const std::vector<Quote> lessons = {
        {"Concorrência é lidar com muitas coisas ao mesmo tempo.", tr(SpinnerText::concurrency_note, l)},
        {"Paralelismo é fazer muitas coisas ao mesmo tempo.", tr(SpinnerText::concurrency_note, l)},
        {"não precisa ter 18 braços para girar 18 pratos", tr(SpinnerText::concurrency_note, l)},
        {"Mas bibliotecas como Numpy são escritas em linguagens compiladas não limitadas pela GIL", tr(PrimesText::c_extensions_note, l)},
        {"mas depende da implementação da biblioteca", tr(PrimesText::c_extensions_note, l)},
        {"Há mecanismos avançados para compartilhar memória, mas eles não suportam \"objetos\" apenas bytes",
         tr(PrimesText::processes_memory_note, l)},
        {"Há mecanismos avançados para compartilhar memória, mas eles não suportam \"objetos\" apenas bytes",
         tr(LabTableText::n_shared_bytes, l)},
        {"na real, 2 CPUs com hyperthreading", tr(PrimesText::ideal_native_note, l)},
        {"na real, 2 CPUs com hyperthreading", tr(PrimesText::ideal_web_note, l)},
        {"na real, 2 CPUs com hyperthreading", tr(SystemText::hyperthreading_note, l)},
        {"632 processos rodando no macOS Sonoma 14.1.1", tr(SystemText::talk_counts, l)},
        {"Mas a máquina tem 12 CPUs", tr(SystemText::talk_counts, l)},
        {"307 processos rodando no Ubuntu Linux 22.04", tr(SystemText::talk_counts, l)},
        {"7 aplicativos", tr(SystemText::talk_counts, l)},
        {"Firefox: 36 processos", tr(SystemText::talk_counts, l)},
        {"118 processos em background", tr(SystemText::talk_counts, l)},
        {"107 processos do Windows", tr(SystemText::talk_counts, l)},
        {"tempo executando código user-mode (interpretador, seu código, bibliotecas)", tr(WikipicsText::cpu_times_note, l)},
        {"tempo executando código kernel-mode (tudo que envolve o hardware: armazenagem, rede, tela, etc.)",
         tr(WikipicsText::cpu_times_note, l)},
        {"user + sys", tr(WikipicsText::cpu_times_note, l)},
        {"A CPU trabalhou por 0.994 s (6% do total)", tr(WikipicsText::cpu_times_note, l)},
        {"94% do tempo o SO executou outros processos enquanto aguardava respostas da rede", tr(WikipicsText::cpu_times_note, l)},
        {"TOTAL BYTES: 19_955_565", tr(WikipicsText::size_default_note, l)},
        {"get_sample_urls(5_000_000, num_images)", tr(WikipicsText::size_default_note, l)},
        {"frameworks modernos como FastAPI", tr(WikipicsText::python_async, l)},
    };
    q.insert(q.end(), lessons.begin(), lessons.end());
    if (l == Language::pt) q.push_back({"dá o lance inicial e vai pro próximo tabuleiro", tr(ExhibitionText::intro, l)});
    return q;
}

}  // namespace

TEST(TalkWords, EveryQuoteIsTheTranscriptsOwnWords) {
    const std::string talk = talk_lines();
    ASSERT_FALSE(talk.empty()) << CONCLAB_TALK_LINES;
    for (const Language l : {Language::en, Language::pt})
        for (const auto& q : quotes(l)) {
            EXPECT_TRUE(has(talk, q.words)) << "not the talk's words: " << q.words;
            EXPECT_TRUE(has(q.text, std::string("\"") + q.words) || has(q.text, std::string("“") + q.words) ||
                        has(q.text, q.words))
                << q.words << " not quoted in: " << q.text;
        }
}

TEST(TalkWords, EnglishTranslatesWhatItQuotes) {
    EXPECT_TRUE(has(tr(WikipicsText::lesson, Language::en), "libraries used several CPU cores"));
    EXPECT_TRUE(has(tr(LabText::intro, Language::en), "Summary: threads x processes"));
    EXPECT_TRUE(has(tr(LabWordText::note_4mb, Language::en), "about 4 MB per thread"));
    EXPECT_TRUE(has(tr(PrimesText::cpu_process_note, Language::en), "time elapsed on the wall clock"));
    EXPECT_TRUE(has(tr(ExhibitionText::slide_note, Language::en), "a full round takes"));
    EXPECT_TRUE(has(tr(ExhibitionText::intro, Language::en), "never at two boards at once"));
}

TEST(TalkWords, NoClaimTheTalkDoesNotMake) {
    for (const Language l : {Language::en, Language::pt}) {
        for (const auto& t : every_text(l)) {
            SCOPED_TRACE(t.where + ": " + t.text);
            EXPECT_FALSE(has(t.text, "same CPU time")) << "the talk measured 0.994 s against 9.52 s";
            EXPECT_FALSE(has(t.text, "mesmo tempo de CPU"));
            EXPECT_FALSE(has(t.text, "closing table") || has(t.text, "closes with") || has(t.text, "tabela final") ||
                         has(t.text, "termina com uma tabela"))
                << "the talk's table stands in its middle";
            EXPECT_FALSE(has(t.text, "talk's cycles") || has(t.text, "talk: cycles") || has(t.text, "talk: human") || has(t.text, "ciclos da palestra") ||
                         has(t.text, "palestra: ciclos"))
                << "the latency ladder is not in the talk";
            EXPECT_FALSE(has(t.text, "plays every board at once") || has(t.text, "todos os tabuleiros ao mesmo tempo"));
            EXPECT_FALSE(has(t.text, "it is 50") || has(t.text, "são 50")) << "computed from the settings now";
            EXPECT_FALSE(has(t.text, "talk's Wi-Fi") || has(t.text, "Wi-Fi da palestra")) << "the transcript names no network";
            EXPECT_FALSE(has(t.text, "The talk's python/primes.py") || has(t.text, "primes.py da palestra"))
                << "python/primes.py is this app's script (the talk's lpf in it)";
        }
    }
    // The ladder's figures credited to their source, the coroutine column to the app.
    for (const Language l : {Language::en, Language::pt}) {
        EXPECT_TRUE(has(tr(LabText::ladder_chart, l), "Ryan Dahl")) << tr(LabText::ladder_chart, l);
        EXPECT_TRUE(has(tr(LabText::ladder_chart, l), "2009"));
        EXPECT_TRUE(has(tr(LabWordText::ladder_title, l), "Ryan Dahl"));
        EXPECT_TRUE(has(tr(LabText::intro, l), l == Language::en ? "this app adds" : "este app acrescenta"));
        EXPECT_STRNE(tr(LabText::coroutines, l), l == Language::en ? "Coroutines" : "Corrotinas") << "labelled as added";
        // The slide's method and the right count: two numbers from the settings.
        const std::string title = tr(ExhibitionText::slide_title, l);
        EXPECT_NE(title.find("%.4g"), title.rfind("%.4g")) << title;
    }
}

TEST(TalkWords, PortugueseHasNoWrongMeanings) {
    for (const auto& t : every_text(Language::pt)) {
        SCOPED_TRACE(t.where + ": " + t.text);
        for (const char* wrong : {"Aceleração limitada", "sem fio", "retrato", "Parede", "relógio de parede",
                                  "trabalhador", "modelo GIL", "espaço de endereços", "oponente", "Pratos girando",
                                  "rodada", " vs "})
            EXPECT_FALSE(has(t.text, wrong)) << wrong;
        // "parede" only inside the talk's own words, "relógio da parede".
        std::string rest = t.text;
        for (std::size_t at; (at = rest.find("relógio da parede")) != std::string::npos;) rest.erase(at, 18);
        EXPECT_FALSE(has(rest, "parede")) << "a building's wall";
    }
}

TEST(TalkWords, OneWallTimeTermInPortuguese) {
    // The runs table's column is the term cut short (a desktop keeps every column of the wikipics runs table).
    EXPECT_STREQ(tr(PrimesText::wall, Language::pt), "Relógio");
    EXPECT_TRUE(has(tr(PrimesText::of_wall, Language::pt), "tempo de relógio"));
    EXPECT_TRUE(has(tr(WikipicsText::cpu_unavailable, Language::pt), "tempo de relógio"));
    EXPECT_TRUE(has(portuguese_template(conclab::lab::MeasureId::wall_time), "tempo de relógio"));
    // Defined once, by the talk's words, where the CPU figures are shown.
    EXPECT_TRUE(has(tr(PrimesText::cpu_process_note, Language::pt), "Relógio, ou tempo de relógio: o \"wall time\" da palestra"));
}

TEST(TalkWords, PortugueseUsesTheTalksWordsAndOneTermEach) {
    EXPECT_TRUE(has(tr(ExhibitionText::their_time, Language::pt), "adversário"));
    EXPECT_STREQ(tr(ExhibitionText::moves_per_game, Language::pt), "Jogadas por partida");
    EXPECT_TRUE(has(tr(ExhibitionText::crossover_note, Language::pt), "volta"));
    EXPECT_TRUE(has(tr(ExhibitionText::simultaneous_schedule, Language::pt), "“Simultâneas”"));
    EXPECT_TRUE(has(tr(SpinnerText::title, Language::pt), "Girando pratos"));
    EXPECT_TRUE(has(tr(LabText::menu, Language::pt), "Threads x processos"));
    EXPECT_TRUE(has(tr(LabText::gil_model, Language::pt), "modelo da GIL"));
    EXPECT_TRUE(has(tr(LabTableText::r_memory_reserved, Language::pt), "Espaço de endereçamento"));
    EXPECT_TRUE(has(tr(LabWordText::as_loopback, Language::pt), "não sai da máquina"));
    EXPECT_TRUE(has(tr(ExhibitionText::press_start, Language::pt), "instantâneos da simulação"));
    // The talk's own row names of its "threads x processos" table.
    EXPECT_STREQ(tr(LabTableText::g_startup, Language::pt), "Custo de inicialização");
    EXPECT_STREQ(tr(LabTableText::g_memory, Language::pt), "Uso de memória");
    EXPECT_STREQ(tr(LabTableText::g_communication, Language::pt), "Comunicação entre unidades de execução");
    EXPECT_STREQ(tr(LabTableText::g_cpu_use, Language::pt), "Uso de CPU em código Python");
}

// Issue 19 §4: a big integer written in a text keeps the talk's `_` grouping in both languages ("19_955_565").
TEST(TalkWords, BigIntegersInTextKeepTheTalksGrouping) {
    for (const Language l : {Language::en, Language::pt})
        for (const auto& t : every_text(l)) {
            int run = 0;
            for (const char c : t.text) {
                run = (c >= '0' && c <= '9') ? run + 1 : 0;
                EXPECT_LT(run, 5) << t.where << ": " << t.text;
                if (run >= 5) break;
            }
        }
}

// Issue 19 §3: each lesson the talk teaches, placed where it teaches, in English too.
TEST(TalkLessons, EachLessonWhereItTeaches) {
    const auto en = [](auto key) { return std::string(tr(key, Language::en)); };
    EXPECT_TRUE(has(en(SpinnerText::concurrency_note), "Rob Pike"));
    EXPECT_TRUE(has(en(SpinnerText::concurrency_note), "you need not have 18 arms to spin 18 plates"));
    EXPECT_TRUE(has(en(PrimesText::c_extensions_note), "NumPy releases the GIL"));
    for (const Language l : {Language::en, Language::pt}) {
        // Which Python API each model is, beside each executor.
        EXPECT_TRUE(has(tr(PrimesText::python_processes, l), "ProcessPoolExecutor"));
        EXPECT_TRUE(has(tr(PrimesText::python_processes, l), "multiprocessing"));
        EXPECT_TRUE(has(tr(PrimesText::python_gil, l), "ThreadPoolExecutor"));
        EXPECT_TRUE(has(tr(PrimesText::python_gil, l), "threading"));
        EXPECT_TRUE(has(tr(WikipicsText::python_threads, l), "ThreadPoolExecutor.map"));
        EXPECT_TRUE(has(tr(WikipicsText::python_async, l), "asyncio"));
        EXPECT_TRUE(has(tr(WikipicsText::python_async, l), "FastAPI"));
        EXPECT_TRUE(has(tr(SpinnerText::note_thread, l), "threading"));
        EXPECT_TRUE(has(tr(SpinnerText::note_process, l), "multiprocessing"));
        EXPECT_TRUE(has(tr(SpinnerText::note_coroutine, l), "asyncio"));
        // Free-threaded CPython wherever the app says Python threads can't speed CPU work up.
        for (const char* part : {"PEP 703", "PEP 779", "3.13t", "3.14t"})
            EXPECT_TRUE(has(tr(PrimesText::free_threaded_note, l), part)) << part;
        const char* default_build = l == Language::en ? "default build" : "build padrão";
        EXPECT_TRUE(has(tr(PrimesText::lesson, l), default_build));
        EXPECT_TRUE(has(tr(WelcomeText::primes_lesson, l), default_build));
        EXPECT_TRUE(has(tr(PrimesText::python_gil, l), default_build));
        // Physical cores against logical CPUs; a page says it cannot know.
        EXPECT_TRUE(has(tr(PrimesText::ideal, l), l == Language::en ? "logical CPUs" : "CPUs lógicas"));
        EXPECT_TRUE(has(tr(PrimesText::ideal_web_note, l), "navigator.hardwareConcurrency"));
        // The wikipics size default says why it is not the code's 5_000_000.
        EXPECT_TRUE(has(tr(WikipicsText::size_default_note, l), "5_000_000"));
        EXPECT_TRUE(has(tr(WikipicsText::size_default_note, l), "num_images = 10"));
    }
}

// Issue 19 §4: a PT reader who knows the talk — tasks parked on an event are "suspensas", not "paradas" (stopped).
TEST(TalkWords, PortugueseReadsAsWritten) {
    EXPECT_STREQ(tr(ExhibitionText::loop_waiting, Language::pt), "Suspensas à espera de um evento");
    // A chess "simultânea" is "partidas simultâneas", the talk's words; "exibição" is the English word's shadow.
    EXPECT_STREQ(tr(ExhibitionText::menu, Language::pt), "Partidas simultâneas");
    for (const auto& t : every_text(Language::pt)) {
        SCOPED_TRACE(t.where + ": " + t.text);
        EXPECT_FALSE(has(t.text, "default build")) << "English left in PT";
        EXPECT_FALSE(has(t.text, "núcleos lógicos")) << "logical CPUs are \"CPUs lógicas\", cores are physical";
        // What read as translated in the read-through of this round (and the English suite name left in a PT note).
        for (const char* translated : {"perseguição de ponteiros", "supostos", "conjunto switch", "está usando ele",
                                       "queríamos", "amostrado", "amostragem", "xibição simultânea", "joga todos os tabuleiros"})
            EXPECT_FALSE(has(t.text, translated)) << translated;
        // One name for the button: "Comparar todos" (primes' mode), never "Comparar tudo".
        EXPECT_FALSE(has(t.text, "Comparar tudo")) << "the button is \"Comparar todos\"";
    }
    EXPECT_STREQ(tr(PrimesText::mode_compare, Language::pt), "Comparar todos");
}
