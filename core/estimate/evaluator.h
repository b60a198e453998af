#pragma once
// Evaluates the candidates of one project, the message-shaped seam of DESIGN.md: a
// genotype goes in, a Candidate record comes out. Order of work: derive, analytic
// metrics, hard budgets on them (a candidate that breaks one is never trained), then the
// estimator's accuracy and the hardware model's latency. Built from the project
// document alone, so any process (a worker thread, an MPI rank) builds the same one.
#include "core/estimate/estimator.h"
#include "core/search/objectives.h"
#include "core/space/space.h"

#include <filesystem>
#include <map>
#include <memory>

namespace edgesmith {

class HardwareModel;

class Evaluator {
public:
    // Loads what evaluation needs (dataset, table) once. Throws Error naming the file.
    Evaluator(const Json& project, const std::filesystem::path& projectFile);
    ~Evaluator();

    const SearchSpace& space() const;
    const Objectives& objectives() const;
    const Estimator& estimator() const;
    const std::string& estimatorName() const;
    const HardwareModel& hardware() const;

    // Cheap: analytic metrics (MACs, FLOPs, params, peak activation, storage, BitOps).
    std::map<std::string, double> analyticMetrics(const Genotype& genotype) const;
    bool withinBudgets(const Genotype& genotype) const;

    // Builds what all evaluations share (a supernet, a latency table or predictor) and keeps
    // it beside the project, so that the evaluators of other processes load it instead of
    // each building their own. Throws Cancelled when control.cancel goes up.
    void prepare(const EvaluationControl& control) const;

    // Thread-safe. Never throws for a bad candidate (it comes back Failed with the
    // reason); throws Cancelled when control.cancel goes up.
    Candidate evaluate(const Genotype& genotype, const EvaluationControl& control) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace edgesmith
