#include "core/engine/executor.h"

#include "core/common/error.h"
#include "core/engine/local_executor.h"
#include "core/estimate/evaluator.h"

#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <thread>

namespace edgesmith {

Json EvaluationJob::toJson() const { return {{"genotype", genotype}, {"key", key}, {"generation", generation}}; }

EvaluationJob EvaluationJob::fromJson(const Json& json) {
    try {
        return {json.at("genotype").get<Genotype>(), json.at("key").get<std::string>(), json.value("generation", 0)};
    } catch (const Json::exception& error) {
        throw Error("", "job", std::string("is not an evaluation job: ") + error.what());
    }
}

namespace {

struct Registry {
    std::mutex mutex;
    std::map<std::string, ExecutorFactory> factories{{"local", [](const ExecutorContext& context) { return makeLocalExecutor(context); }}};
};

Registry& registry() {
    static Registry instance;
    return instance;
}

} // namespace

void registerExecutor(const std::string& name, ExecutorFactory factory) {
    std::lock_guard lock(registry().mutex);
    registry().factories[name] = std::move(factory);
}

std::vector<std::string> registeredExecutors() {
    std::lock_guard lock(registry().mutex);
    std::vector<std::string> names;
    for (const auto& [name, factory] : registry().factories) names.push_back(name);
    return names;
}

std::unique_ptr<Executor> makeExecutor(const std::string& name, const ExecutorContext& context) {
    ExecutorFactory factory;
    {
        std::lock_guard lock(registry().mutex);
        const auto found = registry().factories.find(name.empty() ? "local" : name);
        if (found == registry().factories.end()) {
            if (name == "mpi")
                throw Error("", "execution.executor",
                            "the MPI executor is not in this program: it runs in edgesmith-cli built with MPI (libopenmpi-dev), launched by mpirun or srun");
            throw Error("", "execution.executor", "unknown executor \"" + name + "\"; use local or mpi");
        }
        factory = found->second;
    }
    return factory(context);
}

Json candidateMessage(const Candidate& candidate) {
    Json message = candidate.toJson();
    for (const auto& [name, value] : candidate.metrics)
        if (!std::isfinite(value)) message["metrics"][name] = std::isnan(value) ? "nan" : value > 0 ? "inf" : "-inf";
    return message;
}

Candidate candidateFromMessage(Json message) {
    std::map<std::string, double> special;
    if (message.contains("metrics") && message["metrics"].is_object()) {
        Json& metrics = message["metrics"];
        for (auto entry = metrics.begin(); entry != metrics.end();) {
            if (!entry->is_string()) {
                ++entry;
                continue;
            }
            const std::string value = entry->get<std::string>();
            if (value != "nan" && value != "inf" && value != "-inf") throw Error("", "metrics." + entry.key(), "\"" + value + "\" is not a number");
            special[entry.key()] = value == "nan" ? std::numeric_limits<double>::quiet_NaN()
                                                  : (value == "inf" ? 1.0 : -1.0) * std::numeric_limits<double>::infinity();
            entry = metrics.erase(entry);
        }
    }
    Candidate candidate = Candidate::fromJson(message);
    for (const auto& [name, value] : special) candidate.metrics[name] = value;
    return candidate;
}

Candidate failedCandidate(const EvaluationJob& job, const std::string& message) {
    Candidate candidate;
    candidate.genotype = job.genotype;
    candidate.key = job.key;
    candidate.generation = job.generation;
    candidate.status = CandidateStatus::Failed;
    candidate.message = message;
    return candidate;
}

int automaticWorkerCount(const Evaluator& evaluator) {
    if (evaluator.estimator().trains()) return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    return 1;
}

} // namespace edgesmith
