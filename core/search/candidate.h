#pragma once
// One evaluated architecture: what the store keeps, the strategies learn from and the
// views show. Strategies receive it read-only (const Candidate&).
#include "core/common/json.h"
#include "core/space/space.h"

#include <cstdint>
#include <limits>
#include <map>
#include <string>

namespace edgesmith {

enum class CandidateStatus {
    Evaluated,  // every objective metric is known
    Infeasible, // broke a hard budget on cheap metrics; never trained
    Failed,     // the estimator threw; `message` says why
};
std::string toString(CandidateStatus status);
CandidateStatus candidateStatusFromString(const std::string& text); // throws Error

struct Candidate {
    std::int64_t number = 0; // 1-based order of completion within its run
    Genotype genotype;
    std::string key;         // SearchSpace::key(genotype); compressed variants append '@' and their policy
    CandidateStatus status = CandidateStatus::Evaluated;
    std::string message;     // the broken budget or the failure
    std::map<std::string, double> metrics; // by catalog metric name (accuracy, macs, latency_ms, ...)
    int generation = 0;      // the strategy's generation or step that proposed it
    double seconds = 0;      // wall time of the evaluation
    // Everything else the GUI shows: "layers" (per-layer table), "evaluation" (top-5,
    // per-class accuracy, confusion), "history" (training curve), "proxy", "latency".
    Json details = Json::object();

    bool has(const std::string& metric) const { return metrics.count(metric) != 0; }
    double metric(const std::string& name, double fallback = std::numeric_limits<double>::quiet_NaN()) const;

    Json toJson() const;
    static Candidate fromJson(const Json& json); // throws Error naming the bad field
};

} // namespace edgesmith
