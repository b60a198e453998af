// Compression methods (issue 7): uniform affine quantization and post-training
// quantization of trained networks.
#include "core/compress/low_rank.h"
#include "core/compress/policy_search.h"
#include "core/compress/pruning.h"
#include "core/project/project.h"
#include "core/compress/quantization.h"
#include "core/data/dataset.h"
#include "core/nn/network.h"
#include "core/space/space.h"
#include "core/train/trainer.h"

#include <QtTest>

#include <cmath>
#include <set>
#include <random>

using namespace edgesmith;

namespace {

std::vector<float> uniformValues(std::size_t count, float low, float high, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<float> draw(low, high);
    std::vector<float> values(count);
    for (auto& value : values) value = draw(random);
    return values;
}

double meanSquaredError(const std::vector<float>& a, const std::vector<float>& b) {
    double sum = 0;
    for (std::size_t index = 0; index < a.size(); ++index) sum += double(a[index] - b[index]) * double(a[index] - b[index]);
    return sum / double(a.size());
}

Architecture smallCnn() {
    const Json space = {{"name", "small"},
                        {"input", {{"channels", 1}, {"resolution", 28}}},
                        {"stem", Json::array({{{"op", "conv"}, {"out", 16}, {"stride", 2}, {"activation", "relu"}}})},
                        {"stages", Json::array({{{"depth", 1}, {"stride", 2}, {"out", 32}, {"block", {{"op", "dsconv"}}}}})},
                        {"head", Json::array({{{"op", "global_avg_pool"}}, {{"op", "linear"}, {"out", 10}}})}};
    return SearchSpace::parse(space, "small.json").derive({});
}

// 10 classes of synthetic 28×28 images: enough for a small CNN to learn in seconds.
Splits syntheticSplits() { return makeSplits(makeSyntheticDataset(10, 600, 1, 28, 1), makeSyntheticDataset(10, 200, 1, 28, 2), 0.2, 1.0, 3); }

TrainingOptions shortTraining() {
    TrainingOptions options;
    options.epochs = 2;
    options.learningRate = 0.01;
    options.threads = 1;
    return options;
}

} // namespace

class TestCompress : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Every value inside the range lands within half a step of itself, and more bits
    // mean smaller errors.
    void roundTripErrorIsBoundedByHalfAStep() {
        const std::vector<float> values = uniformValues(5000, -1.5f, 0.7f, 1);
        double previous = 1e30;
        for (int bits : {2, 3, 4, 6, 8, 16}) {
            for (bool symmetric : {true, false}) {
                const QuantizationParams q = affineParameters(-1.5, 0.7, bits, symmetric);
                const std::vector<float> restored = fakeQuantize(values, q);
                double worst = 0;
                for (std::size_t index = 0; index < values.size(); ++index) worst = std::max(worst, double(std::abs(restored[index] - values[index])));
                QVERIFY2(worst <= q.scale / 2 + 1e-6, qPrintable(QString("%1 bits: %2 > %3").arg(bits).arg(worst).arg(q.scale / 2)));
                // Zero is exact, so padding and ReLU outputs stay exact.
                QCOMPARE(fakeQuantize({0.0f}, q).front(), 0.0f);
            }
            const double error = meanSquaredError(values, fakeQuantize(values, affineParameters(-1.5, 0.7, bits, false)));
            QVERIFY(error < previous);
            previous = error;
        }
        const QuantizationParams int8 = affineParameters(-1, 1, 8, true);
        QCOMPARE(int8.qmin, std::int64_t(-127));
        QCOMPARE(int8.qmax, std::int64_t(127));
        const QuantizationParams uint8 = affineParameters(-1, 3, 8, false);
        QCOMPARE(uint8.qmax, std::int64_t(255));
        QVERIFY(uint8.zeroPoint > 0 && uint8.zeroPoint < 255);
        QVERIFY_THROWS_EXCEPTION(Error, affineParameters(-1, 1, 1, true));
        QVERIFY_THROWS_EXCEPTION(Error, affineParameters(-1, 1, 20, true));
    }

    // Channels of very different magnitudes: one range for all wastes the grid on the
    // small ones.
    void perChannelBeatsPerTensorOnSkewedChannels() {
        std::vector<float> values;
        for (float magnitude : {0.01f, 0.1f, 1.0f, 10.0f}) {
            const auto channel = uniformValues(256, -magnitude, magnitude, std::uint64_t(magnitude * 100));
            values.insert(values.end(), channel.begin(), channel.end());
        }
        const auto perChannel = fakeQuantizePerChannel(values, 4, 8, true);
        const auto perTensor = fakeQuantize(values, affineParameters(-10, 10, 8, true));
        // Compare on the smallest channel, where the difference is the point.
        const std::vector<float> small(values.begin(), values.begin() + 256);
        const double channelError = meanSquaredError(small, {perChannel.begin(), perChannel.begin() + 256});
        const double tensorError = meanSquaredError(small, {perTensor.begin(), perTensor.begin() + 256});
        QVERIFY2(channelError * 100 < tensorError, qPrintable(QString("%1 vs %2").arg(channelError).arg(tensorError)));
        QVERIFY(meanSquaredError(values, perChannel) <= meanSquaredError(values, perTensor));
        QVERIFY_THROWS_EXCEPTION(Error, fakeQuantizePerChannel(values, 3, 8, true));
    }

    // A rare outlier: min/max keeps it and coarsens every other value; the percentile
    // drops it; MSE clipping finds a range at least as good as min/max.
    void calibrationHandlesOutliers() {
        std::vector<float> values = uniformValues(20000, -1, 1, 3);
        values.push_back(40.0f);
        const auto [low, high] = calibrateRange(values, Calibration::MinMax, 8, false);
        QCOMPARE(high, 40.0);
        QVERIFY(low < -0.99);
        const auto percentile = calibrateRange(values, Calibration::Percentile, 8, false, 99.9);
        QVERIFY(percentile.second < 1.01);
        const auto mse = calibrateRange(values, Calibration::Mse, 4, false);
        const auto error = [&](std::pair<double, double> range) {
            return meanSquaredError(values, fakeQuantize(values, affineParameters(range.first, range.second, 4, false)));
        };
        QVERIFY(error(mse) <= error({low, high}));
        QVERIFY(mse.second < 40.0);
        QVERIFY(calibrationFromString("mse") == Calibration::Mse);
        QVERIFY_THROWS_EXCEPTION(Error, calibrationFromString("kl"));
    }

    // Structured pruning: the smaller network has exactly the analytic params and MACs of
    // its architecture, runs, and at rate 0 computes what the original did.
    void channelPruningMakesASmallerNetwork() {
        const Splits splits = syntheticSplits();
        Network network(smallCnn(), 1);
        const TrainingOptions options = shortTraining();
        train(network, splits, options);
        const Evaluation original = evaluate(network, splits.test, splits);

        PruningResult same = pruneChannels(network, 0.0, ChannelImportance::L1);
        QCOMPARE(same.after.params, same.before.params);
        const Evaluation unchanged = evaluate(same.network, splits.test, splits);
        QCOMPARE(unchanged.confusion, original.confusion);
        QVERIFY(std::abs(unchanged.loss - original.loss) < 1e-5);
        // Statistics re-estimated from the training data describe the same weights: the
        // running averages (and so the loss) move, the accuracy does not fall (after two
        // short epochs the stored averages still lag, so it may rise).
        recalibrateBatchNorm(same.network, splits.train, splits, 10, 64);
        const Evaluation recalibrated = evaluate(same.network, splits.test, splits);
        QVERIFY(recalibrated.loss != unchanged.loss);
        QVERIFY2(recalibrated.top1 >= unchanged.top1 - 3.0, qPrintable(QString("%1 vs %2").arg(recalibrated.top1).arg(unchanged.top1)));

        for (ChannelImportance importance : {ChannelImportance::L1, ChannelImportance::L2, ChannelImportance::BatchNorm}) {
            PruningResult half = pruneChannels(network, 0.5, importance);
            QVERIFY(!half.layers.empty());
            QCOMPARE(half.layers.front().name, std::string("stem[0].conv"));
            QCOMPARE(half.layers.front().kept, 8);
            QCOMPARE(half.network.parameterCount(), half.after.params);
            QVERIFY(half.after.macs < half.before.macs);
            QVERIFY(half.after.params < half.before.params);
            QCOMPARE(half.network.outputShape(2), (std::vector<std::int64_t>{2, 10}));
            QVERIFY(evaluate(half.network, splits.test, splits).top1 >= 0);
        }
        QVERIFY_THROWS_EXCEPTION(Error, pruneChannels(network, 1.0, ChannelImportance::L1));
        QVERIFY(channelImportanceFromString("bn") == ChannelImportance::BatchNorm);
        QVERIFY_THROWS_EXCEPTION(Error, channelImportanceFromString("fisher"));
    }

    // Mixed precision: every policy a strategy proposes is repaired into the budget before
    // it is scored, so none over budget is evaluated or returned; the search leaves the
    // trained weights as they were.
    void policySearchNeverExceedsItsBudget() {
        const Splits splits = syntheticSplits();
        Network network(smallCnn(), 1);
        const TrainingOptions options = shortTraining();
        train(network, splits, options);
        const Evaluation original = evaluate(network, splits.test, splits);
        const Architecture& architecture = network.architecture();
        PolicySearchOptions search;
        search.budget.storageBytes = computeMetrics(architecture, QuantizationPolicy::uniform(architecture, 4, 8).bitwidths()).storageBytes;
        search.evaluations = 8;
        search.validationImages = 200;
        search.settings.calibrationBatches = 2;
        const std::vector<std::string> strategies = policyStrategies();
        for (const char* name : {"annealing", "evolution", "random", "rl", "nsga2", "bayesian", "reinforce", "regularized-evolution"})
            QVERIFY2(std::find(strategies.begin(), strategies.end(), name) != strategies.end(), name);
        for (const std::string& strategy : strategies) {
            search.strategy = strategy;
            int reported = 0;
            const PolicySearchResult result = searchQuantizationPolicy(network, splits, search, [&](const PolicyTrial&) { ++reported; });
            // The engine's greedy and grid strategies may end before the evaluations do.
            QVERIFY2(!result.trials.empty() && int(result.trials.size()) <= search.evaluations, strategy.c_str());
            if (strategy != "greedy" && strategy != "grid") QCOMPARE(int(result.trials.size()), search.evaluations);
            QCOMPARE(reported, int(result.trials.size()));
            bool mixed = false;
            for (const PolicyTrial& trial : result.trials) {
                QVERIFY2(trial.metrics.storageBytes <= search.budget.storageBytes,
                         qPrintable(QString::fromStdString(strategy) + QString(": %1 > %2").arg(trial.metrics.storageBytes).arg(search.budget.storageBytes)));
                QVERIFY(trial.accuracy >= 0 && trial.accuracy <= 100);
                QVERIFY(result.best.accuracy >= trial.accuracy);
                std::set<int> bits;
                for (std::size_t index = 0; index < trial.policy.weightBits.size(); ++index)
                    if (architecture.layers[index].weightCount > 0) bits.insert(trial.policy.weightBits[index]);
                mixed = mixed || bits.size() > 1;
            }
            if (strategy != "greedy" && strategy != "grid") QVERIFY2(mixed, qPrintable(QString::fromStdString(strategy)));
            QVERIFY(result.best.metrics.storageBytes <= search.budget.storageBytes);
        }
        // The trained weights are back, float and unquantized.
        const Evaluation after = evaluate(network, splits.test, splits);
        QCOMPARE(after.confusion, original.confusion);

        // The repair lowers the largest savings first and refuses a budget nothing meets.
        const QuantizationPolicy repaired = fitToBudget(architecture, QuantizationPolicy::uniform(architecture, 8, 8), search);
        QVERIFY(computeMetrics(architecture, repaired.bitwidths()).storageBytes <= search.budget.storageBytes);
        PolicySearchOptions impossible = search;
        impossible.budget.storageBytes = 100;
        QVERIFY_THROWS_EXCEPTION(Error, fitToBudget(architecture, QuantizationPolicy::uniform(architecture, 8, 8), impossible));
        impossible.strategy = "nsga2"; // the engine's strategies refuse it the same way, naming the budget
        try {
            searchQuantizationPolicy(network, splits, impossible);
            QFAIL("an impossible budget was accepted");
        } catch (const Error& error) {
            QCOMPARE(error.path(), std::string("budget.storage_bytes"));
        }
        impossible.strategy = "ddpg";
        QVERIFY_THROWS_EXCEPTION(Error, searchQuantizationPolicy(network, splits, impossible));

        // Per-layer pruning rates (AMC) under a MACs budget: every scored policy keeps it,
        // the rates differ between layers, and the network searched on is untouched.
        PruningSearchOptions pruning;
        const Metrics full = computeMetrics(architecture);
        pruning.budget.macs = full.macs * 6 / 10;
        pruning.evaluations = 6;
        pruning.validationImages = 200;
        pruning.recalibrationBatches = 2;
        for (const std::string strategy : {"evolution", "rl"}) {
            pruning.strategy = strategy;
            const PruningSearchResult found = searchPruningPolicy(network, splits, pruning);
            QCOMPARE(int(found.trials.size()), pruning.evaluations);
            bool mixed = false;
            for (const PruningTrial& trial : found.trials) {
                QVERIFY2(trial.metrics.macs <= pruning.budget.macs, qPrintable(QString("%1 > %2").arg(trial.metrics.macs).arg(pruning.budget.macs)));
                QCOMPARE(trial.metrics.macs, computeMetrics(prunedArchitecture(architecture, trial.rates)).macs);
                std::set<double> rates;
                for (const auto& [name, rate] : trial.rates) rates.insert(rate);
                mixed = mixed || rates.size() > 1;
            }
            QVERIFY(mixed);
            QVERIFY(found.best.metrics.macs <= pruning.budget.macs);
        }
        QCOMPARE(prunableLayers(architecture).size(), pruneChannels(network, 0.5, ChannelImportance::L1).layers.size());
        QCOMPARE(evaluate(network, splits.test, splits).confusion, original.confusion);
        pruning.budget.macs = 10;
        QVERIFY_THROWS_EXCEPTION(Error, searchPruningPolicy(network, splits, pruning));

        // Searched ranks under a MACs budget: the same guarantee, and the chosen ranks
        // really replace layers.
        RankSearchOptions ranks;
        ranks.budget.macs = full.macs * 9 / 10;
        ranks.evaluations = 5;
        ranks.validationImages = 200;
        const RankSearchResult factored = searchRanks(network, splits, ranks);
        QCOMPARE(int(factored.trials.size()), ranks.evaluations);
        for (const RankTrial& trial : factored.trials) {
            QVERIFY2(trial.metrics.macs <= ranks.budget.macs, qPrintable(QString("%1 > %2").arg(trial.metrics.macs).arg(ranks.budget.macs)));
            QVERIFY(!trial.ranks.empty());
            for (const LayerRanks& layer : trial.ranks) {
                // The report is of the ranks used: fewer weights than the layer, a real error.
                QVERIFY(layer.factorisedParams < layer.params);
                QVERIFY(layer.reconstructionError > 0 && layer.reconstructionError < 1);
            }
            QCOMPARE(trial.metrics.macs, computeMetrics(factorisedArchitecture(architecture, trial.ranks)).macs);
        }
        QCOMPARE(evaluate(network, splits.test, splits).confusion, original.confusion);
        QVERIFY_THROWS_EXCEPTION(Error, pruneChannels(network, {{"nowhere", 0.5}}, ChannelImportance::L1));
    }

    // Low-rank replacement: the factors replace the layers (params and MACs as the
    // architecture says, named after the original), start from the decomposition of the
    // trained weights (far better than the same factors at random, closer to the original
    // as the rank grows), and train on.
    void factorisedLayersReplaceTheOriginals() {
        const Json space = {{"name", "wide"},
                            {"input", {{"channels", 1}, {"resolution", 16}}},
                            {"stem", Json::array({{{"op", "conv"}, {"out", 16}, {"stride", 2}, {"activation", "relu"}}})},
                            {"stages", Json::array({{{"depth", 1}, {"stride", 2}, {"out", 32}, {"block", {{"op", "conv"}, {"activation", "relu"}}}}})},
                            {"head", Json::array({{{"op", "global_avg_pool"}}, {{"op", "linear"}, {"out", 10}}})}};
        const Architecture architecture = SearchSpace::parse(space, "wide.json").derive({});
        const Splits splits = makeSplits(makeSyntheticDataset(10, 600, 1, 16, 1), makeSyntheticDataset(10, 200, 1, 16, 2), 0.2, 1.0, 3);
        Network network(architecture, 1);
        TrainingOptions options;
        options.epochs = 3;
        options.learningRate = 0.01;
        options.threads = 1;
        train(network, splits, options);
        const Evaluation original = evaluate(network, splits.test, splits);
        QVERIFY2(original.top1 > 40, qPrintable(QString::number(original.top1)));

        std::vector<LayerRanks> ranks = suggestRanks(network);
        QCOMPARE(int(ranks.size()), 2); // the 3×3 convolution 16 → 32 and the classifier (the stem reads one channel)
        QCOMPARE(ranks[0].kind, std::string("tucker2"));
        QCOMPARE(ranks[1].kind, std::string("svd"));
        const auto factorisedWith = [&](int tuckerOut, int tuckerIn, int svd) {
            ranks[0].outputRank = tuckerOut, ranks[0].inputRank = tuckerIn;
            ranks[1].outputRank = ranks[1].inputRank = svd;
            return factorise(network, ranks);
        };
        FactorisationResult low = factorisedWith(4, 4, 2);
        QCOMPARE(int(low.layers.size()), 2);
        QCOMPARE(low.network.parameterCount(), low.after.params);
        QVERIFY(low.after.params < low.before.params);
        QVERIFY(low.after.macs < low.before.macs);
        const Architecture& factored = low.network.architecture();
        QCOMPARE(int(factored.layers.size()), int(architecture.layers.size()) + 3);
        std::vector<std::string> names;
        for (const Layer& layer : factored.layers) names.push_back(layer.name);
        const std::string conv = ranks[0].name, classifier = ranks[1].name;
        for (const std::string& name : {conv + ".low_rank_in", conv + ".low_rank_core", conv, classifier + ".low_rank_in", classifier})
            QVERIFY2(std::find(names.begin(), names.end(), name) != names.end(), name.c_str());
        QCOMPARE(low.network.outputShape(3), (std::vector<std::int64_t>{3, 10}));

        const Evaluation lowEvaluation = evaluate(low.network, splits.test, splits);
        FactorisationResult high = factorisedWith(14, 8, 6);
        QVERIFY(high.after.params > low.after.params && high.after.params < high.before.params);
        const Evaluation highEvaluation = evaluate(high.network, splits.test, splits);
        QVERIFY2(std::abs(highEvaluation.loss - original.loss) < std::abs(lowEvaluation.loss - original.loss),
                 qPrintable(QString("%1 %2 %3").arg(original.loss).arg(highEvaluation.loss).arg(lowEvaluation.loss)));
        QVERIFY2(highEvaluation.top1 > original.top1 - 15, qPrintable(QString("%1 vs %2").arg(highEvaluation.top1).arg(original.top1)));
        Network random(high.network.architecture(), 7);
        QVERIFY(evaluate(random, splits.test, splits).top1 < highEvaluation.top1 - 15);
        train(low.network, splits, options);
        QVERIFY(evaluate(low.network, splits.test, splits).top1 > lowEvaluation.top1);
        // The source network is untouched; bad ranks and names are refused by name.
        QCOMPARE(evaluate(network, splits.test, splits).confusion, original.confusion);
        QVERIFY_THROWS_EXCEPTION(Error, factorisedWith(33, 4, 2));
        ranks[0].name = "nowhere";
        QVERIFY_THROWS_EXCEPTION(Error, factorisedWith(4, 4, 2));
    }

    // QAT: fine-tuning through the 2-bit weight grid recovers much of what post-training
    // quantization at 2 bits loses, and leaves the weights on their grids.
    void quantizationAwareTrainingRecoversLowBitAccuracy() {
        const Splits splits = syntheticSplits();
        const TrainingOptions options = shortTraining();
        Network trained(smallCnn(), 1);
        train(trained, splits, options);
        const QString weights = QDir(QDir::tempPath()).filePath("edgesmith-test-qat.pt");
        trained.save(weights.toStdString());
        const QuantizationPolicy policy = QuantizationPolicy::uniform(trained.architecture(), 2, 8);

        Network ptq(smallCnn(), 1);
        ptq.load(weights.toStdString());
        quantizePostTraining(ptq, splits.train, splits, policy);
        const double ptqAccuracy = evaluate(ptq, splits.test, splits).top1;
        Network qat(smallCnn(), 1);
        qat.load(weights.toStdString());
        QFile::remove(weights);
        const QuantizationResult result = quantizationAwareTraining(qat, splits, policy, options);
        const double qatAccuracy = evaluate(qat, splits.test, splits).top1;
        QVERIFY2(qatAccuracy > ptqAccuracy + 5, qPrintable(QString("QAT %1 vs PTQ %2").arg(qatAccuracy).arg(ptqAccuracy)));
        QCOMPARE(result.metrics.storageBytes, computeMetrics(qat.architecture(), policy.bitwidths()).storageBytes);
        // Quantizing again moves nothing: the weights are already on the 2-bit grids.
        for (const QuantizedLayer& layer : quantizePostTraining(qat, splits.train, splits, policy).layers)
            QVERIFY2(layer.weightError < 1e-5, qPrintable(QString::fromStdString(layer.name) + " " + QString::number(layer.weightError)));
    }

    // Taylor importance needs data and prunes like the others; iterative pruning reaches
    // the same final widths in rounds; unstructured pruning zeroes exactly the requested
    // share and the masks keep those weights zero through fine-tuning.
    void taylorIterativeAndUnstructuredPruning() {
        const Splits splits = syntheticSplits();
        const TrainingOptions options = shortTraining();
        Network network(smallCnn(), 1);
        train(network, splits, options);
        QVERIFY_THROWS_EXCEPTION(Error, pruneChannels(network, 0.5, ChannelImportance::Taylor));
        QVERIFY(channelImportanceFromString("taylor") == ChannelImportance::Taylor);
        PruningResult taylor = pruneChannels(network, 0.5, ChannelImportance::Taylor, splits.train, splits);
        QCOMPARE(taylor.layers.front().kept, 8);
        QCOMPARE(taylor.network.parameterCount(), taylor.after.params);
        QVERIFY(evaluate(taylor.network, splits.test, splits).top1 >= 0);

        TrainingOptions tune = options;
        tune.epochs = 1;
        PruningResult iterative = pruneIteratively(network, 0.5, ChannelImportance::L1, 2, splits, tune);
        QCOMPARE(iterative.layers.front().channels, 16);
        QCOMPARE(iterative.layers.front().kept, 8);
        QCOMPARE(iterative.before.params, computeMetrics(network.architecture()).params);
        QCOMPARE(iterative.after.params, pruneChannels(network, 0.5, ChannelImportance::L1).after.params);
        QCOMPARE(iterative.network.parameterCount(), iterative.after.params);

        for (bool global : {false, true}) {
            Network sparse(smallCnn(), 1);
            train(sparse, splits, options);
            const auto report = pruneWeights(sparse, 0.6, global);
            std::int64_t weights = 0, zeros = 0;
            for (const SparsityReport& layer : report) {
                weights += layer.weights, zeros += layer.zeros;
                if (!global) QCOMPARE(layer.zeros, static_cast<std::int64_t>(std::floor(0.6 * double(layer.weights))));
            }
            if (global) QCOMPARE(zeros, static_cast<std::int64_t>(std::floor(0.6 * double(weights))));
            train(sparse, splits, tune);
            std::int64_t stillZero = 0;
            for (const SparsityReport& layer : weightSparsity(sparse)) stillZero += layer.zeros;
            QVERIFY2(stillZero >= zeros, qPrintable(QString("%1 < %2").arg(stillZero).arg(zeros)));
            clearWeightMasks(sparse);
            QVERIFY(evaluate(sparse, splits.test, splits).top1 >= 0);
        }
        QVERIFY_THROWS_EXCEPTION(Error, pruneWeights(network, 1.0, true));
    }

    // Joint design (survey V-C2): bitwidths as a searchable block field. Each choice is a
    // decision of the genotype, the chosen bits land on the block's layers with weights,
    // and storage, BitOps and the layer table follow them; bad bitwidths are refused.
    void spacesSearchBitwidthsWithTheArchitecture() {
        Json document = {{"name", "joint"},
                         {"input", {{"channels", 1}, {"resolution", 28}}},
                         {"stem", Json::array({{{"op", "conv"}, {"out", 16}, {"stride", 2}, {"activation", "relu"}, {"weight_bits", 8}}})},
                         {"stages", Json::array({{{"depth", 1}, {"stride", 2}, {"out", 32},
                                                  {"block", {{"op", "mbconv"}, {"kernel", Json::array({3, 5})}, {"weight_bits", Json::array({4, 8, 32})}}}}})},
                         {"head", Json::array({{{"op", "global_avg_pool"}}, {{"op", "linear"}, {"out", 10}}})}};
        const SearchSpace space = SearchSpace::parse(document, "joint.json");
        QCOMPARE(space.size(), 6.0);
        const Architecture four = space.derive(space.parseKey("0-0")), floating = space.derive(space.parseKey("0-2"));
        int quantized = 0;
        for (const Layer& layer : four.layers) {
            if (layer.name.rfind("stem", 0) == 0 && layer.weightCount > 0) QCOMPARE(layer.weightBits, 8);
            if (layer.name.rfind("stages", 0) == 0 && layer.weightCount > 0) {
                QCOMPARE(layer.weightBits, 4);
                ++quantized;
            }
            if (layer.kind == LayerKind::Linear) QCOMPARE(layer.weightBits, 32);
        }
        QVERIFY(quantized >= 2);
        QVERIFY(hasQuantizedLayers(four) && hasQuantizedLayers(floating)); // the stem stays 8-bit
        QVERIFY(computeMetrics(four).storageBytes < computeMetrics(floating).storageBytes);
        QVERIFY(computeMetrics(four).bitops < computeMetrics(floating).bitops);
        QCOMPARE(computeMetrics(four).macs, computeMetrics(floating).macs);
        // Explicit bitwidths still override the layers' own.
        QCOMPARE(computeMetrics(four, QuantizationPolicy::uniform(four, 8, 8).bitwidths()).storageBytes,
                 computeMetrics(floating, QuantizationPolicy::uniform(floating, 8, 8).bitwidths()).storageBytes);
        int tabled = 0;
        for (const auto& row : layerTable(four)) tabled += row.contains("weight_bits");
        QCOMPARE(tabled, quantized + 1);
        QCOMPARE(QuantizationPolicy::fromArchitecture(four).weightBits.size(), four.layers.size());

        document["stages"][0]["block"]["weight_bits"] = Json::array({4, 20});
        const auto problems = SearchSpace::check(document, "joint.json");
        QCOMPARE(int(problems.size()), 1);
        QVERIFY2(problems.front().path.find("weight_bits") != std::string::npos, problems.front().path.c_str());
    }

    // MBConv chains: the hidden channels shrink, the residual groups stay whole, and the
    // parameter count still matches the architecture's.
    void pruningKeepsResidualGroupsWhole() {
        const SearchSpace space = SearchSpace::parse(loadSpaceTemplate("fmnist-mbconv"), "fmnist-mbconv");
        std::mt19937_64 random(3);
        for (int draw = 0; draw < 5; ++draw) {
            Network network(space.derive(space.sample(random)), 1);
            PruningResult pruned = pruneChannels(network, 0.5, ChannelImportance::L2);
            QCOMPARE(pruned.network.parameterCount(), pruned.after.params);
            QCOMPARE(pruned.network.outputShape(1), (std::vector<std::int64_t>{1, 10}));
            const Architecture& after = pruned.network.architecture();
            const Architecture& before = network.architecture();
            for (std::size_t index = 0; index < after.layers.size(); ++index) {
                // Every addition's operands keep their channels.
                if (after.layers[index].kind != LayerKind::Add) continue;
                QCOMPARE(after.layers[index].output.channels, before.layers[index].output.channels);
            }
            for (const auto& layer : pruned.layers)
                QVERIFY2(layer.name.find("expand") != std::string::npos || layer.name.find("stem") != std::string::npos ||
                             layer.name.find("head") != std::string::npos,
                         layer.name.c_str());
        }
    }

    // Truncated SVD: the error falls with the rank and vanishes at full rank.
    void svdErrorFallsWithRank() {
        Matrix matrix{24, 40, uniformValues(24 * 40, -1, 1, 5)};
        double previous = 1.0 + 1e-9;
        for (int rank = 0; rank <= 24; rank += 4) {
            const double error = relativeReconstructionError(matrix, rank);
            QVERIFY2(error < previous || (rank == 0 && std::abs(error - 1.0) < 1e-9), qPrintable(QString("rank %1: %2").arg(rank).arg(error)));
            previous = error;
        }
        QVERIFY(relativeReconstructionError(matrix, 24) < 1e-5);
        const auto values = singularValues(matrix);
        QCOMPARE(values.size(), std::size_t(24));
        QVERIFY(std::is_sorted(values.rbegin(), values.rend()));
        QVERIFY_THROWS_EXCEPTION(Error, singularValues({3, 3, {1, 2}}));
    }

    // EVBMF finds the rank planted under noise, and none in pure noise.
    void evbmfRecoversAPlantedRank_data() {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("planted");
        QTest::newRow("60×80, rank 5") << 60 << 80 << 5;
        QTest::newRow("100×50, rank 8") << 100 << 50 << 8;
        QTest::newRow("64×64, rank 1") << 64 << 64 << 1;
    }
    void evbmfRecoversAPlantedRank() {
        QFETCH(int, rows);
        QFETCH(int, columns);
        QFETCH(int, planted);
        std::mt19937_64 random(11);
        std::normal_distribution<float> normal(0, 1);
        std::vector<float> left(std::size_t(rows * planted)), right(std::size_t(planted * columns));
        for (auto& value : left) value = normal(random);
        for (auto& value : right) value = normal(random);
        Matrix matrix{rows, columns, std::vector<float>(std::size_t(rows * columns))};
        for (int row = 0; row < rows; ++row)
            for (int column = 0; column < columns; ++column) {
                float sum = 0;
                for (int k = 0; k < planted; ++k) sum += left[std::size_t(row * planted + k)] * right[std::size_t(k * columns + column)];
                matrix.values[std::size_t(row * columns + column)] = sum + 0.1f * normal(random);
            }
        const EvbmfResult result = evbmf(matrix);
        QCOMPARE(result.rank, planted);
        QVERIFY2(std::abs(result.noiseVariance - 0.01) < 0.005, qPrintable(QString::number(result.noiseVariance)));
        Matrix noise{rows, columns, std::vector<float>(std::size_t(rows * columns))};
        for (auto& value : noise.values) value = normal(random);
        QCOMPARE(evbmf(noise).rank, 0);
    }

    // int8 post-training quantization of a trained CNN keeps its accuracy, cuts weight
    // storage about 4×, and really changes the forward pass.
    void int8PostTrainingQuantizationKeepsAccuracy() {
        const auto [trainSet, testSet] = loadIdxFolder("/usr/share/datasets/fashion-mnist");
        const Splits splits = makeSplits(trainSet, testSet, 0.05, 0.2, 0); // 11,400 training images
        Network network(smallCnn(), 1);
        TrainingOptions options;
        options.epochs = 3;
        options.learningRate = 0.01;
        options.threads = 1;
        options.seed = 2;
        train(network, splits, options);
        const Evaluation before = evaluate(network, splits.test, splits);
        QVERIFY2(before.top1 > 65, qPrintable(QString::number(before.top1)));
        const QuantizationPolicy policy = QuantizationPolicy::uniform(network.architecture(), 8, 8);
        const QuantizationResult result = quantizePostTraining(network, splits.train, splits, policy);
        int quantizable = 0;
        for (const Layer& layer : network.architecture().layers) quantizable += layer.kind == LayerKind::Conv || layer.kind == LayerKind::Linear;
        QCOMPARE(int(result.layers.size()), quantizable);
        for (const auto& layer : result.layers) {
            QVERIFY2(layer.weightError > 0 && layer.weightError < 0.02, qPrintable(QString::fromStdString(layer.name) + " " + QString::number(layer.weightError)));
            QVERIFY(layer.inputHigh > layer.inputLow);
        }
        const Evaluation after = evaluate(network, splits.test, splits);
        QVERIFY2(before.top1 - after.top1 <= 1.0, qPrintable(QString("%1 → %2").arg(before.top1).arg(after.top1)));
        const Metrics floating = computeMetrics(network.architecture());
        // Not 4×: batch norm and biases stay float and each channel adds its scale and zero
        // point, a large share of a network this small (1,258 parameters).
        QVERIFY2(double(floating.storageBytes) / double(result.metrics.storageBytes) > 2.0, qPrintable(QString("%1 / %2").arg(floating.storageBytes).arg(result.metrics.storageBytes)));
        QCOMPARE(result.metrics.bitops, floating.bitops / 16.0); // 8 × 8 instead of 32 × 32
        // 2-bit everything is a different network: accuracy collapses, so the quantizers act.
        Network coarse(smallCnn(), 1);
        train(coarse, splits, options);
        quantizePostTraining(coarse, splits.train, splits, QuantizationPolicy::uniform(coarse.architecture(), 2, 2));
        QVERIFY(evaluate(coarse, splits.test, splits).top1 < before.top1 - 10);
        QVERIFY_THROWS_EXCEPTION(Error, quantizePostTraining(coarse, splits.train, splits, QuantizationPolicy::uniform(coarse.architecture(), 1, 8)));

        // Ranks of the trained layers: every factorised count is at most the layer's own,
        // with the error of the factorised weight reported.
        Network trained(smallCnn(), 1);
        train(trained, splits, options);
        const auto ranks = suggestRanks(trained);
        QVERIFY(!ranks.empty());
        for (const auto& layer : ranks) {
            QVERIFY(layer.outputRank >= 1 && layer.outputRank <= layer.outputChannels);
            QVERIFY(layer.factorisedParams <= layer.params);
            QVERIFY(layer.reconstructionError >= 0 && layer.reconstructionError < 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestCompress)
#include "test_compress.moc"
