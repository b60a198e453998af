#pragma once
// The project's objectives, hard budgets and soft-constraint rule (survey III-B3):
// turns a candidate's metrics into the minimised vector the Pareto utilities use, the
// scalar fitness single-objective strategies maximise, and budget verdicts.
#include "core/common/json.h"
#include "core/project/catalog.h"
#include "core/search/candidate.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace edgesmith {

struct Objective {
    std::string metric;
    Goal goal = Goal::Minimize;
};

struct HardBudget {
    std::string metric;
    std::optional<double> min, max;
    std::string text() const; // "params ≤ 500000"
};

class Objectives {
public:
    // From a validated project document (objectives, constraints.hard, constraints.soft).
    static Objectives fromProject(const Json& document);
    Objectives(std::vector<Objective> objectives, std::vector<HardBudget> budgets = {}, Json softRule = {{"kind", "pareto"}});

    const std::vector<Objective>& list() const { return objectives_; }
    const std::vector<HardBudget>& budgets() const { return budgets_; }
    const std::string& softKind() const { return softKind_; }

    // One component per objective, every one to be minimised (maximised ones negated);
    // a missing metric (failed or infeasible candidate) counts as +infinity.
    std::vector<double> minimised(const Candidate& candidate) const;
    std::vector<double> minimised(const std::map<std::string, double>& metrics) const;

    // The first budget that `metrics` breaks, among the metrics present; empty when none.
    std::optional<std::string> violation(const std::map<std::string, double>& metrics) const;

    // The scalar single-objective strategies maximise. With a soft rule: its reward
    // (MnasNet eq. 12/15, ChamNet eq. 13, linear eq. 17) of accuracy and the rule's cost
    // metric. With "pareto": the first objective, signed so larger is better.
    // -infinity for a candidate that is not Evaluated.
    double fitness(const Candidate& candidate) const;
    double fitness(const std::map<std::string, double>& metrics) const;

    // Whether a metric is needed to rank candidates (objective, budget or soft rule cost).
    bool uses(const std::string& metric) const;

private:
    std::vector<Objective> objectives_;
    std::vector<HardBudget> budgets_;
    Json softRule_;
    std::string softKind_;
};

} // namespace edgesmith
