#pragma once
// Performance estimators (survey III-C): what gives a candidate its accuracy. The
// evaluator calls estimate() from worker threads, several at once, so an estimator
// keeps what it loads once (datasets, tables) read-only after construction.
#include "core/common/error.h"
#include "core/common/json.h"
#include "core/common/measurement_gate.h"
#include "core/search/candidate.h"
#include "core/space/architecture.h"

#include <atomic>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace edgesmith {

struct EvaluationControl {
    const std::atomic<bool>* cancel = nullptr;
    int threads = 1;                         // compute threads this evaluation may use
    // Threads for one-off work that every worker of the run waits for (a supernet's
    // training): the whole run's share of the cores. 0: `threads`.
    int sharedThreads = 0;
    MeasurementGate* gate = nullptr;         // shared by the workers of one run

    std::function<void(const std::string&)> log; // progress lines, e.g. per epoch
    // Progress of long work inside one evaluation that other candidates wait for (a
    // supernet's training): what it is, the fraction done in [0, 1], seconds left (-1:
    // unknown). The GUI shows it as a second progress bar.
    std::function<void(const std::string& task, double fraction, double etaSeconds)> taskProgress;
};

class Estimator {
public:
    virtual ~Estimator() = default;
    // Adds the estimator's metrics ("accuracy", or whatever a table provides) and
    // details ("evaluation", "history", "proxy") to `candidate`. Throws Error on failure.
    virtual void estimate(Candidate& candidate, const Architecture& architecture, const EvaluationControl& control) const = 0;
    // Whether estimate() trains networks: workers then split the cores between them.
    virtual bool trains() const { return false; }
    // Builds (or loads) what every evaluation shares, such as a supernet, now rather than
    // on the first candidate; kept beside the project so that other processes load it.
    virtual void prepare(const EvaluationControl& control) const { (void)control; }
};

// The estimator a project's `estimator` section names (analytic, training,
// proxy-training, table, supernet, predictor), with its params completed by the catalog defaults.
std::unique_ptr<Estimator> makeEstimator(const Json& project, const std::filesystem::path& projectFile);

// The search-space document of a project: its inline space or the named template.
Json projectSpaceDocument(const Json& project, const std::filesystem::path& projectFile);

// Factories, one per file.
std::unique_ptr<Estimator> makeTrainingEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile);
std::unique_ptr<Estimator> makeTableEstimator(const Json& params, const std::filesystem::path& projectFile);
std::unique_ptr<Estimator> makeSupernetEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile);
std::unique_ptr<Estimator> makePredictorEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile);

} // namespace edgesmith
