#include "core/search/objectives.h"

#include "core/common/error.h"
#include "core/common/text.h"

#include <cmath>
#include <limits>

namespace edgesmith {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

double lookup(const std::map<std::string, double>& metrics, const std::string& name) {
    const auto found = metrics.find(name);
    if (found != metrics.end()) return found->second;
    // Accuracy and error are two views of one measurement.
    if (name == "accuracy" && metrics.count("error")) return 100.0 - metrics.at("error");
    if (name == "error" && metrics.count("accuracy")) return 100.0 - metrics.at("accuracy");
    if (name == "flops" && metrics.count("macs")) return 2.0 * metrics.at("macs");
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace

std::string HardBudget::text() const {
    std::string line;
    if (min) line += formatNumber(*min) + " ≤ ";
    line += metric;
    if (max) line += " ≤ " + formatNumber(*max);
    return line;
}

Objectives::Objectives(std::vector<Objective> objectives, std::vector<HardBudget> budgets, Json softRule)
    : objectives_(std::move(objectives)), budgets_(std::move(budgets)), softRule_(std::move(softRule)) {
    if (objectives_.empty()) throw Error("", "objectives", "at least one objective is needed");
    softKind_ = softRule_.is_object() ? softRule_.value("kind", "pareto") : "pareto";
    if (softKind_ != "pareto" && !softRule_.contains("metric"))
        throw Error("", "constraints.soft.metric", "the \"" + softKind_ + "\" rule needs the cost metric it constrains");
}

Objectives Objectives::fromProject(const Json& document) {
    std::vector<Objective> objectives;
    for (const Json& entry : document.at("objectives")) {
        const std::string metric = entry.at("metric").get<std::string>();
        const MetricInfo* info = findMetric(metric);
        Goal goal = info ? info->naturalGoal : Goal::Minimize;
        if (entry.contains("goal")) goal = entry.at("goal") == "maximize" ? Goal::Maximize : Goal::Minimize;
        objectives.push_back({metric, goal});
    }
    std::vector<HardBudget> budgets;
    const Json constraints = document.value("constraints", Json::object());
    for (const Json& entry : constraints.value("hard", Json::array())) {
        HardBudget budget{entry.at("metric").get<std::string>(), std::nullopt, std::nullopt};
        if (entry.contains("min")) budget.min = entry.at("min").get<double>();
        if (entry.contains("max")) budget.max = entry.at("max").get<double>();
        budgets.push_back(budget);
    }
    return Objectives(std::move(objectives), std::move(budgets), constraints.value("soft", Json{{"kind", "pareto"}}));
}

std::vector<double> Objectives::minimised(const Candidate& candidate) const {
    if (candidate.status != CandidateStatus::Evaluated) return std::vector<double>(objectives_.size(), kInfinity);
    return minimised(candidate.metrics);
}

std::vector<double> Objectives::minimised(const std::map<std::string, double>& metrics) const {
    std::vector<double> values;
    values.reserve(objectives_.size());
    for (const Objective& objective : objectives_) {
        const double value = lookup(metrics, objective.metric);
        if (!std::isfinite(value)) values.push_back(kInfinity);
        else values.push_back(objective.goal == Goal::Maximize ? -value : value);
    }
    return values;
}

std::optional<std::string> Objectives::violation(const std::map<std::string, double>& metrics) const {
    for (const HardBudget& budget : budgets_) {
        const double value = lookup(metrics, budget.metric);
        if (std::isnan(value)) continue;
        if ((budget.max && value > *budget.max) || (budget.min && value < *budget.min))
            return budget.metric + " = " + formatNumber(value) + " breaks the budget " + budget.text();
    }
    return std::nullopt;
}

double Objectives::fitness(const Candidate& candidate) const {
    if (candidate.status != CandidateStatus::Evaluated) return -kInfinity;
    return fitness(candidate.metrics);
}

double Objectives::fitness(const std::map<std::string, double>& metrics) const {
    if (softKind_ == "pareto") {
        const Objective& first = objectives_.front();
        const double value = lookup(metrics, first.metric);
        if (!std::isfinite(value)) return -kInfinity;
        return first.goal == Goal::Maximize ? value : -value;
    }
    const double accuracy = lookup(metrics, "accuracy");
    const double cost = lookup(metrics, softRule_.at("metric").get<std::string>());
    if (!std::isfinite(accuracy) || !std::isfinite(cost)) return -kInfinity;
    const double target = softRule_.at("target").get<double>();
    const double ratio = cost / target;
    if (softKind_ == "mnasnet") return cost <= target ? accuracy : accuracy * std::pow(ratio, softRule_.value("beta", -0.07));
    if (softKind_ == "mnasnet-soft") return accuracy * std::pow(ratio, softRule_.value("beta", -0.07));
    if (softKind_ == "chamnet") {
        const double step = cost > target ? 1.0 : 0.0; // the Heaviside step of eq. 13
        return accuracy - std::pow(softRule_.value("alpha", 1.0) * step, softRule_.value("beta", 1.0));
    }
    if (softKind_ == "linear") return accuracy + softRule_.value("beta", -0.5) * std::abs(ratio - 1.0);
    throw Error("", "constraints.soft.kind", "unknown soft-constraint rule \"" + softKind_ + "\"");
}

bool Objectives::uses(const std::string& metric) const {
    for (const Objective& objective : objectives_)
        if (objective.metric == metric) return true;
    for (const HardBudget& budget : budgets_)
        if (budget.metric == metric) return true;
    return softKind_ != "pareto" && (metric == "accuracy" || softRule_.value("metric", "") == metric);
}

} // namespace edgesmith
