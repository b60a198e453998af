#include "app/cli/command_line.h"

#include "core/common/text.h"
#include "core/engine/search_engine.h"
#include "core/project/project.h"
#include "core/store/store.h"

#include <cmath>
#include <csignal>
#include <iomanip>
#include <limits>
#include <sstream>

namespace edgesmith::cli {
namespace {

Feedback* interrupted = nullptr;

// Ctrl-C ends the run cleanly (status "cancelled", resumable); a second one kills.
extern "C" void onInterrupt(int) {
    if (interrupted) interrupted->cancel = true;
    std::signal(SIGINT, SIG_DFL);
}

std::string duration(double seconds) {
    if (seconds < 0) return "?";
    std::ostringstream text;
    if (seconds < 60) text << std::fixed << std::setprecision(0) << seconds << " s";
    else if (seconds < 3600) text << int(seconds / 60) << " min " << int(seconds) % 60 << " s";
    else text << int(seconds / 3600) << " h " << int(seconds / 60) % 60 << " min";
    return text.str();
}

std::string metricText(const std::string& name, double value) {
    if (name == "accuracy" || name == "error") return formatNumber(std::round(value * 100) / 100) + " %";
    if (name == "latency_ms") return formatNumber(std::round(value * 1000) / 1000) + " ms";
    return formatNumber(value);
}

std::string candidateLine(const Candidate& candidate, const std::vector<std::string>& shown) {
    std::string line = candidate.key;
    if (candidate.status != CandidateStatus::Evaluated) return line + "  " + toString(candidate.status) + ": " + candidate.message;
    for (const auto& name : shown)
        if (candidate.has(name)) line += "  " + name + " " + metricText(name, candidate.metric(name));
    return line;
}

SearchSettings settingsFrom(const Arguments& arguments) {
    SearchSettings settings;
    settings.strategy = arguments.value("strategy").value_or("");
    if (arguments.value("seed")) settings.seed = static_cast<std::uint64_t>(arguments.integer("seed", 0, 0, std::numeric_limits<long long>::max()));
    settings.budget = arguments.integer("budget", 0, 1, 100000000);
    settings.workers = static_cast<int>(arguments.integer("workers", 0, 1, 256));
    if (const auto limit = arguments.value("time-limit")) {
        try {
            settings.timeLimitSeconds = std::stod(*limit);
        } catch (const std::exception&) {
            settings.timeLimitSeconds = -1;
        }
        if (!(settings.timeLimitSeconds > 0)) throw UsageError("--time-limit takes seconds > 0, got " + *limit);
    }
    return settings;
}

int run(const Arguments& arguments, Streams& streams) {
    const auto& positionals = arguments.positionals();
    const auto resume = arguments.value("resume");
    if (positionals.size() > 1) throw UsageError("name at most one project file");
    if (positionals.empty() && !resume) throw UsageError("name the project file to search, or --resume RUN");
    std::optional<Project> project;
    if (!positionals.empty()) project = Project::load(positionals.front());
    std::filesystem::path database = arguments.value("db").value_or("");
    if (database.empty() && project) database = project->databasePath();
    if (database.empty()) throw UsageError("--resume needs the run's database: --db FILE or the project file");
    const SearchSettings settings = settingsFrom(arguments);
    const bool json = arguments.flag("json");

    std::vector<std::string> shown;
    Feedback feedback;
    feedback.onEvent = [&](const EngineEvent& event) {
        switch (event.kind) {
        case EngineEventKind::RunStarted:
            if (json) streams.out << Json{{"event", "started"}, {"run", event.run}}.dump() << '\n';
            else streams.out << "run " << event.run << " in " << database.string() << '\n';
            break;
        case EngineEventKind::CandidateEvaluated:
            if (json) {
                Json line = event.candidate.toJson();
                line.erase("details");
                line["event"] = "candidate";
                streams.out << line.dump() << '\n';
                break;
            }
            if (shown.empty())
                for (const auto& [name, value] : event.candidate.metrics)
                    if (name == "accuracy" || name == "latency_ms" || name == "macs" || name == "params") shown.push_back(name);
            streams.out << "[" << event.evaluated << (event.planned > 0 ? "/" + std::to_string(event.planned) : "") << "] "
                        << candidateLine(event.candidate, shown) << "  (" << std::fixed << std::setprecision(1) << event.candidate.seconds
                        << " s, ETA " << duration(event.etaSeconds) << ")\n";
            break;
        case EngineEventKind::Log:
            if (!json) streams.out << "  " << event.text << '\n';
            break;
        case EngineEventKind::RunFinished:
            if (json) streams.out << Json{{"event", "finished"}, {"run", event.run}, {"status", toString(event.status)}, {"message", event.text},
                                          {"evaluated", event.evaluated}, {"infeasible", event.infeasible}}.dump() << '\n';
            break;
        default:
            break;
        }
        streams.out.flush();
    };
    interrupted = &feedback;
    std::signal(SIGINT, onInterrupt);
    RunResult result;
    if (resume) {
        long long run = 0;
        try {
            run = std::stoll(*resume);
        } catch (const std::exception&) {
            throw UsageError("--resume takes a run number, got " + *resume);
        }
        result = resumeSearch(database, run, settings, feedback);
    } else {
        result = startSearch(*project, settings, feedback, arguments.value("db").value_or(""));
    }
    std::signal(SIGINT, SIG_DFL);
    interrupted = nullptr;
    if (!json) {
        streams.out << "run " << result.run << " " << toString(result.status) << ": " << result.message << " — " << result.evaluated
                    << " evaluated, " << result.infeasible << " discarded on budgets, " << result.failed << " failed, "
                    << duration(result.seconds) << '\n';
        if (result.status != RunStatus::Finished)
            streams.out << "continue with: edgesmith-cli search --resume " << result.run << " --db " << database.string() << '\n';
        streams.out << "front: edgesmith-cli show " << result.run << " --db " << database.string() << " --pareto\n";
    }
    return result.status == RunStatus::Failed ? kExitFailed : kExitOk;
}

} // namespace

Verb searchVerb() {
    return {"search",
            "run the project's search (or resume a run) and print the Pareto front",
            "search PROJECT [--strategy S] [--budget N] [--time-limit T] [--seed S] [--workers W] [--db FILE] [--json]\n"
            "       edgesmith-cli search [PROJECT] --resume RUN [--db FILE] [--budget N] [--time-limit T]",
            "Runs the strategy of the project (or --strategy) with its estimator and hardware\n"
            "model. Every candidate is committed to the experiment database as it completes, so a\n"
            "run stopped at any moment (Ctrl-C, kill, power loss) continues with --resume, losing\n"
            "at most the candidates in flight. --budget counts trained evaluations; candidates that\n"
            "break a hard budget are stored as discarded without training.",
            {{"strategy", "S", "strategy name (grid, random, regularized-evolution, nsga2, bayesian, reinforce, greedy)"},
             {"budget", "N", "stop after N evaluations"},
             {"time-limit", "T", "stop after T seconds (in-flight evaluations are dropped)"},
             {"seed", "S", "the strategy's seed"},
             {"workers", "W", "parallel evaluations (default: cores when training, else 1)"},
             {"db", "FILE", "experiment database (default: the project's)"},
             {"resume", "RUN", "continue run RUN of the database"},
             {"json", "", "one JSON object per event on stdout"}},
            run};
}

} // namespace edgesmith::cli
