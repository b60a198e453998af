#include "app/cli/command_line.h"

#include "core/common/text.h"
#include "core/engine/search_engine.h"
#include "core/project/project.h"
#include "core/store/store.h"

#ifdef EDGESMITH_WITH_MPI
#include "core/engine/mpi_executor.h"
#endif

#include <cmath>
#include <csignal>
#include <iomanip>
#include <limits>
#include <sstream>

namespace edgesmith::cli {
namespace {

Feedback* interrupted = nullptr;

// Ctrl-C ends the run cleanly (status "cancelled", resumable); a second one kills.
extern "C" void onInterrupt(int signal) {
    if (interrupted) interrupted->cancel = true;
    std::signal(signal, SIG_DFL);
}

// SIGTERM (kill, scancel, a requeue, a Slurm time limit) ends it cleanly too. It often
// comes twice (from slurmstepd and again through srun or mpirun), so it stays caught:
// whoever sent it follows up with SIGKILL if the stop takes too long.
extern "C" void onTerminate(int) {
    if (interrupted) interrupted->cancel = true;
}

// Installs the handlers for one search and takes them away however it ends.
class SignalScope {
public:
    explicit SignalScope(Feedback& feedback) {
        interrupted = &feedback;
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onTerminate);
    }
    ~SignalScope() {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        interrupted = nullptr;
    }
};

// Whether this process is one of several ranks that mpirun or srun started: each would
// run a search of its own on the same database unless the MPI executor joins them.
bool launchedAsRanks() {
    for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "SLURM_STEP_NUM_TASKS"})
        if (const char* value = std::getenv(variable); value && std::atoi(value) > 1) return true;
    return false;
}

// MPI for this process when the search runs on ranks: started before anything else, so
// the ranks that only evaluate never open the project's database; ended on every way out.
class MpiScope {
public:
    explicit MpiScope(bool wanted) {
        if (!wanted) return;
#ifdef EDGESMITH_WITH_MPI
        const mpi::World world = mpi::initialise();
        world_ = {world.rank, world.size};
        active_ = true;
        if (world_.rank == 0) mpi::registerMpiExecutor();
#else
        throw UsageError("this edgesmith-cli was built without MPI (install libopenmpi-dev and rebuild); use --executor local");
#endif
    }
    ~MpiScope() {
#ifdef EDGESMITH_WITH_MPI
        if (active_) mpi::finalise();
#endif
    }
    bool evaluatesOnly() const { return active_ && world_.rank != 0; }
    int ranks() const { return active_ ? world_.size : 1; }
    int serve(std::ostream& errors) {
#ifdef EDGESMITH_WITH_MPI
        // Rank 0 tells the evaluating ranks when to stop; a signal to them is not theirs to act on.
        std::signal(SIGINT, SIG_IGN);
        std::signal(SIGTERM, SIG_IGN);
        return mpi::serveEvaluations(errors);
#else
        (void)errors;
        return kExitFailed;
#endif
    }

private:
    struct {
        int rank = 0, size = 1;
    } world_;
    bool active_ = false;
};

// The search runs of this project in `database`, oldest first.
std::vector<RunInfo> searchRunsOf(const std::filesystem::path& database, const std::filesystem::path& projectFile) {
    std::vector<RunInfo> runs;
    if (!std::filesystem::exists(database)) return runs;
    const std::string wanted = std::filesystem::absolute(projectFile).lexically_normal().string();
    for (RunInfo& info : Store::openReadOnly(database).runs()) {
        if (!info.settings.is_object() || info.settings.contains("compression")) continue;
        if (std::filesystem::path(info.settings.value("project_file", "")).lexically_normal().string() == wanted) runs.push_back(std::move(info));
    }
    return runs;
}

// The run that --continue picks up: the latest of this project that neither finished nor
// failed (it was cancelled, paused, or its processes were killed mid-run).
std::optional<std::int64_t> unfinishedRun(const std::filesystem::path& database, const std::filesystem::path& projectFile) {
    std::optional<std::int64_t> found;
    for (const RunInfo& info : searchRunsOf(database, projectFile))
        if (info.status != RunStatus::Finished && info.status != RunStatus::Failed) found = info.id;
    return found;
}

std::optional<RunInfo> latestRun(const std::filesystem::path& database, const std::filesystem::path& projectFile) {
    auto runs = searchRunsOf(database, projectFile);
    if (runs.empty()) return std::nullopt;
    return runs.back();
}

// Slurm counts the restarts of a requeued job (unset on its first start).
bool requeued() {
    const char* restarts = std::getenv("SLURM_RESTART_COUNT");
    return restarts && std::atoi(restarts) > 0;
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
    settings.executor = arguments.value("executor").value_or("");
    if (!settings.executor.empty() && settings.executor != "local" && settings.executor != "mpi")
        throw UsageError("--executor takes local or mpi, got " + settings.executor);
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
    if (resume && arguments.flag("continue")) throw UsageError("--resume names a run; --continue finds it: use one of them");
    if (arguments.flag("continue") && positionals.empty()) throw UsageError("--continue needs the project file");
    SearchSettings settings = settingsFrom(arguments);
    std::optional<Project> project;
    if (!positionals.empty()) project = Project::load(positionals.front());
    std::string executor = settings.executor;
    if (executor.empty() && project) executor = project->document().value("execution", Json::object()).value("executor", "local");
    if (executor != "mpi" && launchedAsRanks())
        throw UsageError("this is one of several ranks started by mpirun or srun, and each would run its own search on the same "
                         "database: add --executor mpi");
    MpiScope mpi(executor == "mpi");
    if (mpi.evaluatesOnly()) return mpi.serve(streams.err);
    if (executor == "mpi" && mpi.ranks() < 2)
        throw UsageError("--executor mpi needs at least 2 ranks (rank 0 searches, the others evaluate): "
                         "mpirun -np 3 edgesmith-cli search ... or srun -n 3 edgesmith-cli search ...");
    // A resumed run evaluates where it is launched now, not where it was first launched.
    if (resume || arguments.flag("continue")) settings.executor = executor.empty() ? "local" : executor;
    std::filesystem::path database = arguments.value("db").value_or("");
    if (database.empty() && project) database = project->databasePath();
    if (database.empty()) throw UsageError("--resume needs the run's database: --db FILE or the project file");
    const bool json = arguments.flag("json");
    std::optional<std::int64_t> continued;
    if (arguments.flag("continue")) {
        continued = unfinishedRun(database, project->file());
        // A requeued job whose run already ended (it finished just before the requeue, or
        // failed) must not start the whole search over.
        if (!continued && requeued())
            if (const auto last = latestRun(database, project->file())) {
                streams.out << "run " << last->id << " already " << toString(last->status) << (last->message.empty() ? "" : ": " + last->message)
                            << "; a requeued job does not start another\n";
                return last->status == RunStatus::Failed ? kExitFailed : kExitOk;
            }
    }

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
                                          {"evaluated", event.evaluated}, {"infeasible", event.infeasible}, {"seconds", event.elapsedSeconds}}.dump() << '\n';
            break;
        default:
            break;
        }
        streams.out.flush();
    };
    const SignalScope signals(feedback);
    RunResult result;
    if (continued) {
        if (!json) streams.out << "continuing run " << *continued << " of " << database.string() << '\n';
        result = resumeSearch(database, *continued, settings, feedback);
    } else if (resume) {
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
            "search PROJECT [--strategy S] [--budget N] [--time-limit T] [--seed S] [--workers W] [--executor local|mpi] [--continue] [--db FILE] [--json]\n"
            "       edgesmith-cli search [PROJECT] --resume RUN [--db FILE] [--budget N] [--time-limit T]",
            "Runs the strategy of the project (or --strategy) with its estimator and hardware\n"
            "model. Every candidate is committed to the experiment database as it completes, so a\n"
            "run stopped at any moment (Ctrl-C, kill, power loss) continues with --resume, losing\n"
            "at most the candidates in flight. --budget counts trained evaluations; candidates that\n"
            "break a hard budget are stored as discarded without training.\n\n"
            "--executor mpi evaluates on the ranks of mpirun or srun: rank 0 runs the strategy and\n"
            "writes the database, the other ranks evaluate (mpirun -np 3 edgesmith-cli search P\n"
            "--executor mpi). --continue resumes this project's latest unfinished run of the\n"
            "database, or starts one: what a requeued cluster job runs (see slurm-script).",
            {{"strategy", "S", "strategy name (grid, random, regularized-evolution, nsga2, bayesian, reinforce, greedy)"},
             {"budget", "N", "stop after N evaluations"},
             {"time-limit", "T", "stop after T seconds (in-flight evaluations are dropped)"},
             {"seed", "S", "the strategy's seed"},
             {"workers", "W", "parallel evaluations (default: cores when training, else 1)"},
             {"db", "FILE", "experiment database (default: the project's)"},
             {"resume", "RUN", "continue run RUN of the database"},
             {"continue", "", "resume the project's latest unfinished run, else start one"},
             {"executor", "E", "local (threads of this process) or mpi (ranks of mpirun/srun)"},
             {"json", "", "one JSON object per event on stdout"}},
            run};
}

} // namespace edgesmith::cli
