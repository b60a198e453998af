#pragma once
// Latency predictors trained on measured architectures (survey III-C2): regressors on
// features of the derived architecture (MACs by operator class, memory traffic, operator
// counts). Three kinds, reported side by side:
//   macs    — a + b·MACs, the baseline every other model must beat;
//   linear  — ridge regression on the standardised features;
//   boosted — the linear model plus gradient-boosted regression trees on its residuals
//             (the trees catch what is not additive, the linear part extrapolates).
#include "core/common/json.h"
#include "core/space/architecture.h"

#include <string>
#include <vector>

namespace edgesmith {

const std::vector<std::string>& latencyFeatureNames();
std::vector<double> latencyFeatures(const Architecture& architecture);

class LatencyPredictor {
public:
    static const std::vector<std::string>& kinds(); // macs, linear, boosted
    explicit LatencyPredictor(std::string kind = "boosted");

    // Rows of latencyFeatures() and their measured milliseconds; throws Error with fewer
    // than 4 rows.
    void fit(const std::vector<std::vector<double>>& features, const std::vector<double>& milliseconds);
    double predict(const std::vector<double>& features) const;
    double predict(const Architecture& architecture) const { return predict(latencyFeatures(architecture)); }

    const std::string& kind() const { return kind_; }
    bool fitted() const { return fitted_; }
    Json toJson() const;
    static LatencyPredictor fromJson(const Json& document, const std::string& file);

    struct Tree; // node list of one regression tree

private:
    double linearPart(const std::vector<double>& features) const;
    std::string kind_;
    bool fitted_ = false;
    std::vector<double> mean_, scale_, weights_;
    double intercept_ = 0, learningRate_ = 0.1;
    std::vector<std::vector<double>> trees_; // flattened: [feature, threshold, left, right, value] per node
};

// How well predictions match measurements: what nn-Meter reports (share within ±10 %)
// and what a search needs (rank agreement).
struct LatencyAccuracy {
    int count = 0;
    double rmseMs = 0, meanAbsolutePercent = 0, within5 = 0, within10 = 0, spearman = 0, kendall = 0;
    Json toJson() const;
};
LatencyAccuracy assessLatency(const std::vector<double>& predictedMs, const std::vector<double>& measuredMs);

} // namespace edgesmith
