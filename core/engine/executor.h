#pragma once
// Where candidates are evaluated: the seam between the search loop (strategy, store,
// events) and the machines doing the work. The in-process thread pool and the MPI ranks
// are its two implementations; the loop does not know which one it drives. Jobs and
// outcomes are the message-shaped candidate spec and result record of DESIGN.md, so an
// implementation may ship them to another process as JSON.
#include "core/common/json.h"
#include "core/search/candidate.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace edgesmith {

class Evaluator;

struct EvaluationJob {
    Genotype genotype;
    std::string key;
    int generation = 0;
    Json toJson() const;
    static EvaluationJob fromJson(const Json& json);
};

struct EvaluationOutcome {
    EvaluationJob job;
    std::optional<Candidate> candidate; // empty when the evaluation was cancelled
};

class Executor {
public:
    virtual ~Executor() = default;
    // Evaluations it runs at once; the loop never submits more than this many.
    virtual int slots() const = 0;
    // For the run's log, e.g. "2 workers × 1 thread" or "4 MPI ranks on 2 nodes".
    virtual std::string describe() const = 0;
    virtual void submit(const EvaluationJob& job) = 0;
    // The next finished (or cancelled) evaluation, waiting at most `wait`.
    virtual std::optional<EvaluationOutcome> next(std::chrono::milliseconds wait) = 0;
    // Every running evaluation stops soon and comes back without a candidate.
    virtual void cancelRunning() = 0;
};

struct ExecutorContext {
    const Evaluator* evaluator = nullptr; // the run's own, on this process
    const Json* project = nullptr;        // the document it was built from
    std::filesystem::path projectFile;
    int workers = 0;                      // asked for; 0: the executor decides
    const std::atomic<bool>* cancel = nullptr; // the run's: raised, long set-up stops
    // Called from any thread; the engine forwards them on its own thread.
    std::function<void(const std::string&)> log;
    std::function<void(const std::string& task, double fraction, double etaSeconds)> taskProgress;
};

using ExecutorFactory = std::function<std::unique_ptr<Executor>(const ExecutorContext&)>;

// "local" is always there; "mpi" once registerMpiExecutor() ran (core/engine/mpi).
void registerExecutor(const std::string& name, ExecutorFactory factory);
std::vector<std::string> registeredExecutors();
// Throws Error naming `execution.executor` when `name` is unknown or not built in.
std::unique_ptr<Executor> makeExecutor(const std::string& name, const ExecutorContext& context);

// A candidate as a message between processes: its record (Candidate::toJson) with the
// metrics that JSON numbers cannot carry (a failed estimate's NaN, an infinite cost)
// written as "nan", "inf", "-inf"; candidateFromMessage reads them back. The genotype
// travels as its key: the receiver sets it from the job.
Json candidateMessage(const Candidate& candidate);
Candidate candidateFromMessage(Json message); // throws Error naming the bad field

// The record of an evaluation that threw something other than a cancellation: the search
// goes on, and the store keeps why.
Candidate failedCandidate(const EvaluationJob& job, const std::string& message);

// Parallel evaluations a local run uses when none are asked for: one per core when the
// estimator trains (two 1-thread trainings outrun one 2-thread training), else one.
int automaticWorkerCount(const Evaluator& evaluator);

} // namespace edgesmith
