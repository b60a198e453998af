#pragma once
// Runs a search: the strategy proposes, a pool of workers evaluates, the store commits
// each candidate with the strategy's state, and events go out to whoever watches (CLI
// progress lines, the GUI bridge). Call it on a worker thread from a GUI; it returns
// when the run ends (finished, budget or time limit, cancelled, failed).
#include "core/common/json.h"
#include "core/search/candidate.h"
#include "core/store/store.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace edgesmith {

class Project;

struct SearchSettings {
    std::string strategy;                // empty: the project's strategy
    std::optional<std::uint64_t> seed;   // overrides the strategy's seed
    std::int64_t budget = 0;             // trained (or failed) evaluations; 0: the strategy's own length
    double timeLimitSeconds = 0;         // 0: none
    int workers = 0;                     // parallel evaluations; 0: automatic
    std::string executor;                // local | mpi; empty: the project's execution.executor, else local
    Json toJson() const;
    static SearchSettings fromJson(const Json& json);
};

enum class EngineEventKind { RunStarted, CandidateEvaluated, FrontChanged, Progress, Log, RunFinished, TaskProgress };

struct EngineEvent {
    EngineEventKind kind = EngineEventKind::Log;
    std::int64_t run = 0;
    Candidate candidate;                 // CandidateEvaluated
    std::vector<std::string> front;      // FrontChanged: keys of the non-dominated candidates
    std::int64_t evaluated = 0;          // trained or failed candidates so far
    std::int64_t infeasible = 0;         // discarded on budgets, never trained
    std::int64_t planned = 0;            // 0 when unknown
    double elapsedSeconds = 0;
    double etaSeconds = -1;              // -1 when unknown
    std::string text;                    // Log line; RunFinished message; TaskProgress: the task
    double fraction = 0;                 // TaskProgress: done, in [0, 1]
    RunStatus status = RunStatus::Running;
};

// Pause, resume and cancel from any thread; events arrive on the engine's thread.
struct Feedback {
    std::atomic<bool> cancel{false};
    std::atomic<bool> pause{false};
    std::function<void(const EngineEvent&)> onEvent;
};

struct RunResult {
    std::int64_t run = 0;
    RunStatus status = RunStatus::Finished;
    std::string message;
    std::int64_t evaluated = 0, infeasible = 0, failed = 0;
    double seconds = 0;
};

// A new run of `project` in `database` (empty: the project's database).
RunResult startSearch(const Project& project, const SearchSettings& settings, Feedback& feedback,
                      const std::filesystem::path& database = {});

// Continues run `run` of `database` from its committed candidates and strategy state.
// `overrides` may raise the budget or time limit; other fields keep the run's own.
RunResult resumeSearch(const std::filesystem::path& database, std::int64_t run, const SearchSettings& overrides, Feedback& feedback);

} // namespace edgesmith
