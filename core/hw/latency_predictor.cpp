#include "core/hw/latency_predictor.h"

#include "core/common/linear_solve.h"

#include "core/common/error.h"
#include "core/hw/device_profile.h"
#include "core/hw/roofline.h"
#include "core/search/rank_correlation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace edgesmith {

const std::vector<std::string>& latencyFeatureNames() {
    static const std::vector<std::string> names = {
        "macs_m",           "weight_mb",         "traffic_mb",        "layers",           "conv_macs_m",
        "depthwise_macs_m", "pointwise_macs_m",  "linear_macs_m",     "conv_layers",      "depthwise_layers",
        "pointwise_layers", "se_layers",         "add_layers",        "elementwise_m",    "conv_outputs_m"};
    return names;
}

std::vector<double> latencyFeatures(const Architecture& architecture) {
    std::vector<double> row(latencyFeatureNames().size(), 0.0);
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const Layer& layer = architecture.layers[index];
        const std::string group = operatorClass(layer);
        const double macs = double(layer.macs) * 1e-6;
        row[0] += macs;
        row[1] += double(layer.params) * 4e-6;
        row[2] += layerBytes(architecture, index) * 1e-6;
        if (group != "reshape") row[3] += 1;
        if (group == "conv" || group == "group_conv") row[4] += macs, row[8] += 1;
        if (group == "depthwise_conv") row[5] += macs, row[9] += 1;
        if (group == "pointwise_conv") row[6] += macs, row[10] += 1;
        if (group == "linear") row[7] += macs;
        if (group == "squeeze_excite") row[11] += 1;
        if (layer.kind == LayerKind::Add) row[12] += 1;
        if (group == "elementwise" || group == "pool" || group == "squeeze_excite") row[13] += layerWork(architecture, index) * 1e-6;
        if (layer.kind == LayerKind::Conv) row[14] += double(layer.output.elements()) * 1e-6;
    }
    return row;
}

const std::vector<std::string>& LatencyPredictor::kinds() {
    static const std::vector<std::string> names = {"macs", "linear", "boosted"};
    return names;
}

LatencyPredictor::LatencyPredictor(std::string kind) : kind_(std::move(kind)) {
    if (std::find(kinds().begin(), kinds().end(), kind_) == kinds().end())
        throw Error("latency predictor", "kind", "must be one of macs, linear, boosted, got \"" + kind_ + "\"");
}

namespace {


constexpr int kTrees = 150, kDepth = 3, kMinLeaf = 4;

// Grows one regression tree on `rows` (indices into x) to fit `target`; appends nodes
// [feature, threshold, left, right, value] and returns the index of its root.
int growTree(const std::vector<std::vector<double>>& x, const std::vector<double>& target, std::vector<std::size_t> rows, int depth,
             std::vector<double>& nodes) {
    const auto mean = [&](const std::vector<std::size_t>& items) {
        double total = 0;
        for (std::size_t item : items) total += target[item];
        return items.empty() ? 0.0 : total / double(items.size());
    };
    const int node = static_cast<int>(nodes.size() / 5);
    nodes.insert(nodes.end(), {-1, 0, -1, -1, mean(rows)});
    if (depth == 0 || rows.size() < 2 * kMinLeaf) return node;
    double bestGain = 0, bestThreshold = 0;
    int bestFeature = -1;
    const double total = std::accumulate(rows.begin(), rows.end(), 0.0, [&](double sum, std::size_t item) { return sum + target[item]; });
    for (std::size_t feature = 0; feature < x.front().size(); ++feature) {
        std::sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) { return x[a][feature] < x[b][feature]; });
        double left = 0;
        for (std::size_t split = 1; split < rows.size(); ++split) {
            left += target[rows[split - 1]];
            if (split < kMinLeaf || rows.size() - split < kMinLeaf) continue;
            if (x[rows[split - 1]][feature] == x[rows[split]][feature]) continue;
            const double nl = double(split), nr = double(rows.size() - split);
            // Variance reduction up to a constant: Σl²/nl + Σr²/nr.
            const double gain = left * left / nl + (total - left) * (total - left) / nr - total * total / double(rows.size());
            if (gain > bestGain) {
                bestGain = gain;
                bestFeature = static_cast<int>(feature);
                bestThreshold = 0.5 * (x[rows[split - 1]][feature] + x[rows[split]][feature]);
            }
        }
    }
    if (bestFeature < 0) return node;
    std::vector<std::size_t> leftRows, rightRows;
    for (std::size_t item : rows) (x[item][std::size_t(bestFeature)] <= bestThreshold ? leftRows : rightRows).push_back(item);
    const int left = growTree(x, target, std::move(leftRows), depth - 1, nodes);
    const int right = growTree(x, target, std::move(rightRows), depth - 1, nodes);
    const std::size_t at = std::size_t(node) * 5;
    nodes[at] = bestFeature;
    nodes[at + 1] = bestThreshold;
    nodes[at + 2] = left;
    nodes[at + 3] = right;
    return node;
}

double treeValue(const std::vector<double>& nodes, const std::vector<double>& features) {
    std::size_t node = 0;
    while (nodes[node * 5] >= 0) {
        const auto feature = static_cast<std::size_t>(nodes[node * 5]);
        node = static_cast<std::size_t>(features[feature] <= nodes[node * 5 + 1] ? nodes[node * 5 + 2] : nodes[node * 5 + 3]);
    }
    return nodes[node * 5 + 4];
}

} // namespace

double LatencyPredictor::linearPart(const std::vector<double>& features) const {
    double value = intercept_;
    for (std::size_t index = 0; index < weights_.size(); ++index) value += weights_[index] * (features[index] - mean_[index]) / scale_[index];
    return value;
}

void LatencyPredictor::fit(const std::vector<std::vector<double>>& features, const std::vector<double>& milliseconds) {
    if (features.size() < 4 || features.size() != milliseconds.size())
        throw Error("latency predictor", "", "needs at least 4 measured architectures, got " + std::to_string(features.size()));
    const std::size_t rows = features.size();
    // The baseline sees MACs only; the others every feature.
    const std::size_t width = kind_ == "macs" ? 1 : features.front().size();
    mean_.assign(width, 0.0);
    scale_.assign(width, 1.0);
    for (std::size_t column = 0; column < width; ++column) {
        double sum = 0, squares = 0;
        for (const auto& row : features) sum += row[column];
        mean_[column] = sum / double(rows);
        for (const auto& row : features) squares += (row[column] - mean_[column]) * (row[column] - mean_[column]);
        scale_[column] = std::sqrt(squares / double(rows)) > 1e-12 ? std::sqrt(squares / double(rows)) : 1.0;
    }
    intercept_ = std::accumulate(milliseconds.begin(), milliseconds.end(), 0.0) / double(rows);
    std::vector<std::vector<double>> gram(width, std::vector<double>(width, 0.0));
    std::vector<double> moment(width, 0.0);
    for (std::size_t row = 0; row < rows; ++row)
        for (std::size_t i = 0; i < width; ++i) {
            const double zi = (features[row][i] - mean_[i]) / scale_[i];
            moment[i] += zi * (milliseconds[row] - intercept_);
            for (std::size_t j = 0; j < width; ++j) gram[i][j] += zi * (features[row][j] - mean_[j]) / scale_[j];
        }
    // Ridge: a little shrinkage keeps correlated features (MACs and their parts) stable.
    const double ridge = kind_ == "macs" ? 0.0 : 1e-3 * double(rows);
    for (std::size_t i = 0; i < width; ++i) gram[i][i] += ridge;
    weights_ = solveLinearSystem(gram, moment);
    trees_.clear();
    if (kind_ == "boosted") {
        std::vector<double> residual(rows);
        for (std::size_t row = 0; row < rows; ++row) residual[row] = milliseconds[row] - linearPart(features[row]);
        std::vector<std::size_t> all(rows);
        std::iota(all.begin(), all.end(), 0);
        for (int tree = 0; tree < kTrees; ++tree) {
            std::vector<double> nodes;
            growTree(features, residual, all, kDepth, nodes);
            for (std::size_t row = 0; row < rows; ++row) residual[row] -= learningRate_ * treeValue(nodes, features[row]);
            trees_.push_back(std::move(nodes));
        }
    }
    fitted_ = true;
}

double LatencyPredictor::predict(const std::vector<double>& features) const {
    if (!fitted_) throw Error("latency predictor", "", "is not fitted");
    double value = linearPart(features);
    for (const auto& nodes : trees_) value += learningRate_ * treeValue(nodes, features);
    return value;
}

Json LatencyPredictor::toJson() const {
    return {{"format_version", 1}, {"kind", kind_},  {"features", latencyFeatureNames()}, {"mean", mean_},
            {"scale", scale_},     {"weights", weights_}, {"intercept", intercept_}, {"learning_rate", learningRate_}, {"trees", trees_}};
}

LatencyPredictor LatencyPredictor::fromJson(const Json& document, const std::string& file) {
    try {
        LatencyPredictor predictor(document.at("kind").get<std::string>());
        if (document.at("features").get<std::vector<std::string>>() != latencyFeatureNames())
            throw Error(file, "features", "were written by another version of EdgeSmith; fit the model again");
        predictor.mean_ = document.at("mean").get<std::vector<double>>();
        predictor.scale_ = document.at("scale").get<std::vector<double>>();
        predictor.weights_ = document.at("weights").get<std::vector<double>>();
        predictor.intercept_ = document.at("intercept").get<double>();
        predictor.learningRate_ = document.at("learning_rate").get<double>();
        predictor.trees_ = document.at("trees").get<std::vector<std::vector<double>>>();
        const std::size_t width = predictor.kind_ == "macs" ? 1 : latencyFeatureNames().size();
        if (predictor.mean_.size() != width || predictor.weights_.size() != width || predictor.scale_.size() != width)
            throw Error(file, "weights", "do not match the features");
        for (double scale : predictor.scale_)
            if (!(scale > 0)) throw Error(file, "scale", "must be positive");
        // Children come after their parent (growTree writes parents first): no loops, no
        // reads outside the tree.
        for (std::size_t tree = 0; tree < predictor.trees_.size(); ++tree) {
            const auto& nodes = predictor.trees_[tree];
            const std::size_t count = nodes.size() / 5;
            if (count == 0 || nodes.size() % 5 != 0) throw Error(file, "trees[" + std::to_string(tree) + "]", "is malformed");
            for (std::size_t node = 0; node < count; ++node) {
                const double feature = nodes[node * 5], left = nodes[node * 5 + 2], right = nodes[node * 5 + 3];
                if (feature < 0) continue;
                if (feature >= double(latencyFeatureNames().size()) || left <= double(node) || right <= double(node) || left >= double(count) ||
                    right >= double(count))
                    throw Error(file, "trees[" + std::to_string(tree) + "]", "has a malformed node " + std::to_string(node));
            }
        }
        predictor.fitted_ = true;
        return predictor;
    } catch (const Json::exception& error) {
        throw Error(file, "", std::string("not a latency predictor: ") + error.what());
    }
}

Json LatencyAccuracy::toJson() const {
    return {{"count", count},       {"rmse_ms", rmseMs},        {"mean_abs_percent", meanAbsolutePercent}, {"within_5", within5},
            {"within_10", within10}, {"spearman", spearman}, {"kendall", kendall}};
}

LatencyAccuracy assessLatency(const std::vector<double>& predictedMs, const std::vector<double>& measuredMs) {
    LatencyAccuracy accuracy;
    const std::size_t count = std::min(predictedMs.size(), measuredMs.size());
    accuracy.count = static_cast<int>(count);
    if (count == 0) return accuracy;
    double squares = 0, percent = 0;
    int within5 = 0, within10 = 0;
    for (std::size_t item = 0; item < count; ++item) {
        const double error = predictedMs[item] - measuredMs[item];
        squares += error * error;
        const double relative = std::abs(error) / std::max(measuredMs[item], 1e-9);
        percent += 100 * relative;
        within5 += relative <= 0.05;
        within10 += relative <= 0.10;
    }
    accuracy.rmseMs = std::sqrt(squares / double(count));
    accuracy.meanAbsolutePercent = percent / double(count);
    accuracy.within5 = double(within5) / double(count);
    accuracy.within10 = double(within10) / double(count);
    accuracy.spearman = spearmanRho(predictedMs, measuredMs);
    accuracy.kendall = kendallTau(predictedMs, measuredMs);
    return accuracy;
}

} // namespace edgesmith
