// Parsing the exhibition's options with core/base/options' rules and messages.
#include "core/exhibition/exhibition_options.h"

#include <array>
#include <limits>
#include <string>

namespace conclab::exhibition {

namespace {
constexpr std::array<std::string_view, 3> kModeNames{"sequential", "simultaneous", "both"};
}

std::string_view to_string(Mode mode) { return kModeNames[static_cast<std::size_t>(mode)]; }

const std::vector<options::OptionSpec>& exhibition_option_specs() {
    static const std::vector<options::OptionSpec> specs{
        {"boards", "N", "Opponents, 1..100 (default 20)"},
        {"her", "S", "Polgár's seconds per move, > 0 and <= 3600 (default 5)"},
        {"them", "S", "Each opponent's seconds per move, > 0 and <= 3600 (default 55)"},
        {"moves", "M", "Move pairs per game, 1..200 (default 30)"},
        {"mode", "sequential|simultaneous|both", "Which schedule to simulate (default both)"},
        {"seed", "S", "Seed of the players' move choices, a whole number >= 0 (default 1)"},
        {"speed", "X|max", "Live view: simulated seconds per real second, up to 86400, or max (default 60)"},
    };
    return specs;
}

const std::vector<options::OptionSpec>& exhibition_app_option_specs() {
    static const std::vector<options::OptionSpec> specs = [] {
        auto all = exhibition_option_specs();
        all.push_back({"spinner", "thread|process|coroutine", "Old form of --demo spinner --kind K: opens the spinner demo with that form"});
        all.push_back({"block", "", "The spinner's slow call blocks (a plain sleep): the coroutine's spinner freezes", true});
        all.push_back({"spinner-seconds", "S", "The spinner's slow call sleeps S seconds, > 0 and <= 60 (default 3)"});
        return all;
    }();
    return specs;
}

ExhibitionOptions parse_exhibition_options(const options::Params& params, options::FieldErrors& errors) {
    ExhibitionOptions o;
    options::read_int(params, "boards", 1, kMaxBoards, o.boards, errors);
    options::read_real(params, "her", 0, kMaxMoveSeconds, o.her_s, errors, true);
    options::read_real(params, "them", 0, kMaxMoveSeconds, o.them_s, errors, true);
    options::read_int(params, "moves", 1, kMaxMoves, o.moves, errors);
    std::string mode(to_string(o.mode));
    if (options::read_choice(params, "mode", kModeNames, mode, errors))
        for (std::size_t i = 0; i < kModeNames.size(); ++i)
            if (kModeNames[i] == mode) o.mode = static_cast<Mode>(i);
    long long seed = static_cast<long long>(o.seed);
    if (options::read_int(params, "seed", 0LL, std::numeric_limits<long long>::max(), seed, errors))
        o.seed = static_cast<std::uint64_t>(seed);
    if (auto speed = params.find("speed"); speed != params.end()) {
        if (speed->second == "max")
            o.speed = 0;
        else
            options::read_real(params, "speed", 0, kMaxSpeed, o.speed, errors, true);
    }
    spinner::SpinnerOptions launch;
    constexpr std::string_view kKinds[] = {"thread", "process", "coroutine"};
    std::string kind;
    const bool has_kind = params.count("spinner") != 0;
    if (options::read_choice(params, "spinner", kKinds, kind, errors) && has_kind)
        for (auto k : {spinner::SpinnerKind::thread, spinner::SpinnerKind::process, spinner::SpinnerKind::coroutine})
            if (spinner::to_string(k) == kind) launch.kind = k;
    options::read_flag(params, "block", launch.block, errors);
    options::read_real(params, "spinner-seconds", 0, 60, launch.seconds, errors, true);
    if (has_kind && !errors.count("spinner")) o.spinner = launch;
    options::reject_non_utf8(params, errors);   // last: its message names the real fault
    return o;
}

}  // namespace conclab::exhibition
