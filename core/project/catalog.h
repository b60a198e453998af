#pragma once
// The vocabulary a project file may use: objective metrics, and the names and parameter
// schemas of the strategies, estimators, soft-constraint rules and compression methods.
// The engine registers its implementations under the same names; the GUI builds the
// parameter forms from these schemas.
#include "core/project/schema.h"

#include <string>
#include <vector>

namespace edgesmith {

enum class Goal { Minimize, Maximize };

struct MetricInfo {
    std::string name;        // key in project files, the store and --json output
    std::string title;       // axis and column label
    std::string unit;        // "", "ms", "B", ...
    Goal naturalGoal;        // what users want of it unless they say otherwise
    std::string description; // tooltip text; states the counting convention
};

struct MethodInfo {
    std::string name;
    std::string title;
    std::string description; // what it does and the survey section or equation it follows
    schema::Node parameters; // an object node; its fields are the method's parameters
};

const std::vector<MetricInfo>& objectiveMetrics();
const MetricInfo* findMetric(const std::string& name);
std::vector<std::string> metricNames();

const std::vector<MethodInfo>& strategyCatalog();
const std::vector<MethodInfo>& estimatorCatalog();
const std::vector<MethodInfo>& softConstraintCatalog();
const std::vector<MethodInfo>& compressionCatalog();

const MethodInfo* findMethod(const std::vector<MethodInfo>& catalog, const std::string& name);
std::vector<std::string> methodNames(const std::vector<MethodInfo>& catalog);

// Whether an estimator yields an accuracy (the analytic one only counts costs).
bool estimatorMeasuresAccuracy(const std::string& estimator);

} // namespace edgesmith
