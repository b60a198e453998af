// Weight-sharing supernet (issue 9): subnets read exactly the weights they should (the
// centre of a larger kernel, the first channels, the blocks of their depth), extracted
// subnets are the stand-alone architectures, every sampling mode trains on real
// Fashion-MNIST, and kept weights come back only into the same supernet.
#include "core/common/error.h"
#include "core/data/dataset.h"
#include "core/estimate/supernet.h"
#include "core/hw/device_profile.h"
#include "core/hw/roofline.h"
#include "core/export/inference.h"
#include "core/project/project.h"
#include "core/search/gumbel.h"
#include "core/space/space.h"

#include <QtTest>

#include <array>
#include <cmath>
#include <filesystem>
#include <random>
#include <set>

using namespace edgesmith;

namespace {

SearchSpace mbconvSpace() { return SearchSpace::parse(loadSpaceTemplate("fmnist-mbconv"), "fmnist-mbconv"); }

// The template's structure at a quarter of its compute (stride-2 stem, narrower stages), so
// that four sampling modes train in a unit test's time.
// Two stages of binary choices; `threeKernels` gives the first stage's kernel a third
// option (ProxylessNAS then mixes two of three).
SearchSpace compactSpace(bool threeKernels = false) {
    const Json kernels = threeKernels ? Json{3, 5, 7} : Json{3, 5};
    const Json block0 = {{"op", "mbconv"}, {"kernel", kernels}, {"expansion", {1, 3}}, {"se", {false, true}}, {"activation", "relu6"}};
    const Json block1 = {{"op", "mbconv"}, {"kernel", {3, 5}}, {"expansion", {3, 6}}, {"se", {false, true}}, {"activation", "hswish"}};
    const Json space = {
        {"name", "compact-mbconv"},
        {"backbone", "chain"},
        {"input", {{"channels", 1}, {"resolution", 28}}},
        {"classes", 10},
        {"stem", Json::array({{{"op", "conv"}, {"out", 8}, {"kernel", 3}, {"stride", 2}, {"activation", "relu6"}}})},
        {"stages", Json::array({{{"depth", {1, 2}}, {"stride", 1}, {"out", {8, 16}}, {"block", block0}},
                                {{"depth", {1, 2}}, {"stride", 2}, {"out", {16, 24}}, {"block", block1}}})},
        {"head", Json::array({{{"op", "global_avg_pool"}}, {{"op", "linear"}, {"out", 10}}})}};
    return SearchSpace::parse(space, "compact-mbconv.json");
}

// The decision of `stage`/`block` whose path ends with `field`.
std::size_t decisionOf(const SearchSpace& space, int stage, const std::string& field, int block = -1) {
    const auto& decisions = space.decisions();
    for (std::size_t index = 0; index < decisions.size(); ++index) {
        const std::string& path = decisions[index].path;
        if (decisions[index].stage == stage && (block < 0 || decisions[index].block == block) && path.size() >= field.size() &&
            path.compare(path.size() - field.size(), field.size(), field) == 0)
            return index;
    }
    throw std::runtime_error("no decision " + field + " in stage " + std::to_string(stage));
}

int optionOf(const SearchSpace& space, std::size_t decision, const Json& value) {
    const auto& options = space.decisions()[decision].options;
    for (std::size_t index = 0; index < options.size(); ++index)
        if (options[index] == value) return static_cast<int>(index);
    throw std::runtime_error("no option " + value.dump());
}

// The shared tensor behind layer `part` ("conv.weight", ...) of the first layer whose name
// starts with `prefix` and that `accept` takes.
template <typename Accept>
std::string keyOf(const Supernet& supernet, const Genotype& genotype, const std::string& prefix, const std::string& part, Accept accept) {
    for (const Layer& layer : supernet.space().derive(genotype).layers)
        if (layer.name.rfind(prefix, 0) == 0 && accept(layer)) return layer.name + "|" + std::string(layer.op) + "|" + part;
    throw std::runtime_error("no layer " + prefix);
}

std::vector<float> outputs(const Supernet& supernet, const Genotype& genotype, const PixelBatch& batch) {
    Network network = supernet.extract(genotype);
    return networkOutputs(network, batch, Normalisation{{0.5}, {0.25}});
}

bool changed(const std::vector<float>& before, const std::vector<float>& after) {
    for (std::size_t index = 0; index < before.size(); ++index)
        if (before[index] != after[index]) return true;
    return false;
}

Splits fashionSplits(double subset) {
    static const auto data = loadIdxFolder("/usr/share/datasets/fashion-mnist");
    return makeSplits(data.first, data.second, 0.02, subset, 0);
}

} // namespace

class TestSupernet : public QObject {
    Q_OBJECT
private slots:
    // Scoring on "unseen" images is honest only if they are exactly the images the
    // supernet's training skips, drawn with its subset and seed.
    void unseenImagesAreTheOnesTrainingSkips() {
        const Dataset train = makeSyntheticDataset(4, 300, 1, 12, 2);
        SupernetOptions options;
        options.subset = 0.4;
        options.seed = 7;
        const auto trained = options.trainingImages(train).sampleHashes(), unseen = options.unseenImages(train).sampleHashes();
        QCOMPARE(trained, train.sample(0.4, 7).sampleHashes());
        QCOMPARE(trained.size() + unseen.size(), std::size_t(300));
        std::set<std::uint64_t> seen(trained.begin(), trained.end());
        for (auto hash : unseen) QVERIFY(seen.insert(hash).second);
        options.seed = 8;
        QVERIFY(options.trainingImages(train).sampleHashes() != trained);
        options.subset = 1.0;
        QCOMPARE(options.unseenImages(train).size(), 0);
    }

    void subnetsReadTheirStandAloneParameters() {
        const SearchSpace space = mbconvSpace();
        const Supernet supernet(space, 1);
        std::mt19937_64 random(7);
        std::vector<Genotype> genotypes{supernet.largest(), supernet.smallest()};
        for (int sample = 0; sample < 40; ++sample) genotypes.push_back(space.sample(random));
        for (const Genotype& genotype : genotypes) {
            const Architecture architecture = space.derive(genotype);
            const Metrics expected = computeMetrics(architecture);
            std::int64_t read = 0;
            for (const SupernetTensor& slice : supernet.slicesOf(genotype)) {
                std::int64_t elements = 1;
                for (std::int64_t size : slice.shape) elements *= size;
                read += elements;
            }
            QCOMPARE(read, expected.params);
            Network network = supernet.extract(genotype);
            QCOMPARE(network.parameterCount(), expected.params);
            const Metrics extracted = computeMetrics(network.architecture());
            QCOMPARE(extracted.macs, expected.macs);
            QCOMPARE(extracted.params, expected.params);
        }
        // The supernet holds more than its largest subnet (other operators' weights are not
        // shared, SE layers of both settings), but not more than every subnet at once.
        QVERIFY(supernet.parameterCount() >= computeMetrics(space.derive(supernet.largest())).params);
        QVERIFY(computeMetrics(space.derive(supernet.largest())).params > computeMetrics(space.derive(supernet.smallest())).params);
    }

    // A fine-tune starts where scoring does: from inherited weights whose batch norms were
    // recalibrated on this subnet's own activations, not from the extracted defaults.
    void recalibratedSubnetIsWhatEvaluationScores() {
        const Splits splits = fashionSplits(0.01);
        const Supernet supernet(compactSpace(), 3);
        const Genotype genotype = supernet.largest();
        const PixelBatch batch = pixelBatch(splits.validation, 4);
        Network extracted = supernet.extract(genotype);
        Network calibrated = supernet.recalibrated(genotype, splits, 4);
        QVERIFY(changed(networkOutputs(extracted, batch, Normalisation{{0.5}, {0.25}}), networkOutputs(calibrated, batch, Normalisation{{0.5}, {0.25}})));
        const Evaluation scored = supernet.evaluate(genotype, splits, 4);
        const Evaluation direct = evaluate(calibrated, splits.validation, splits);
        QCOMPARE(direct.top1, scored.top1);
        QCOMPARE(direct.loss, scored.loss);
    }

    // The estimator's fine-tune and the ranking benchmark's read one definition: the images,
    // batch size, seed and device of the supernet's training, at half its learning rate.
    void finetuningTrainsOnTheSupernetsImagesAtHalfItsRate() {
        const SupernetOptions options = SupernetOptions::fromJson(Json{{"subset", 0.2}, {"learning_rate", 0.004}, {"batch_size", 64}, {"seed", 7}, {"device", "cuda"}});
        const TrainingOptions training = options.finetuning(2);
        QCOMPARE(training.epochs, 2);
        QCOMPARE(training.learningRate, 0.002);
        QCOMPARE(training.subset, options.subset);
        QCOMPARE(training.batchSize, 64);
        QCOMPARE(training.seed, options.seed);
        QCOMPARE(training.device, std::string("cuda"));
        QCOMPARE(options.subset, 0.2);
        QCOMPARE(options.seed, std::uint64_t(7));
    }

    void elasticKernelIsTheCentreOfTheLargest() {
        const SearchSpace space = mbconvSpace();
        Supernet supernet(space, 2);
        const std::size_t kernel = decisionOf(space, 0, "kernel", 0);
        Genotype small = supernet.largest(), large = supernet.largest();
        small[kernel] = optionOf(space, kernel, 3);
        large[kernel] = optionOf(space, kernel, 5);
        const auto depthwise = [](const Layer& layer) { return layer.kind == LayerKind::Conv && layer.groups > 1; };
        const std::string key = keyOf(supernet, large, "stages[0].blocks[0]", "conv.weight", depthwise);
        QCOMPARE(key, keyOf(supernet, small, "stages[0].blocks[0]", "conv.weight", depthwise));
        const PixelBatch batch = pixelBatch(fashionSplits(0.01).validation, 4);
        auto smallBefore = outputs(supernet, small, batch), largeBefore = outputs(supernet, large, batch);
        // The centre tap of the 5×5 kernel is the centre of the 3×3 one: both see it.
        supernet.addToWeight(key, {0, 0, 2, 2}, 0.5);
        auto smallAfter = outputs(supernet, small, batch), largeAfter = outputs(supernet, large, batch);
        QVERIFY(changed(smallBefore, smallAfter));
        QVERIFY(changed(largeBefore, largeAfter));
        // A corner tap exists only in the 5×5 kernel.
        supernet.addToWeight(key, {0, 0, 0, 0}, 0.5);
        QVERIFY(!changed(smallAfter, outputs(supernet, small, batch)));
        QVERIFY(changed(largeAfter, outputs(supernet, large, batch)));
    }

    // SupernetSharing keeps apart what stand-alone networks learn differently: a kernel
    // option's own weights (SPOS), or the depthwise convolution of an MBConv of expansion 1,
    // which reads the block's input instead of expanded features. The rest stays shared, and
    // every subnet still reads exactly its stand-alone parameters.
    void separateSharingKeepsOnlyTheChosenWeightsApart() {
        const SearchSpace space = mbconvSpace();
        const std::size_t kernel = decisionOf(space, 0, "kernel", 0), expansion = decisionOf(space, 0, "expansion", 0);
        const auto keyIn = [](const Supernet& supernet, const Genotype& genotype, const std::string& layer) {
            for (const SupernetTensor& slice : supernet.slicesOf(genotype))
                if (slice.key.rfind("stages[0].blocks[0]." + layer + "|", 0) == 0 && slice.key.find("conv.weight") != std::string::npos) return slice.key;
            return std::string();
        };
        const auto variant = [&](std::size_t decision, const Json& value) {
            Genotype genotype(space.decisions().size(), 0);
            genotype[decision] = optionOf(space, decision, value);
            return space.canonical(genotype);
        };
        const Genotype kernel3 = variant(kernel, 3), kernel5 = variant(kernel, 5);
        const Genotype expansion1 = variant(expansion, 1), expansion3 = variant(expansion, 3), expansion6 = variant(expansion, 6);
        const Supernet elastic(space, 2);
        QCOMPARE(keyIn(elastic, kernel3, "depthwise"), keyIn(elastic, kernel5, "depthwise"));
        QCOMPARE(keyIn(elastic, expansion1, "depthwise"), keyIn(elastic, expansion6, "depthwise"));

        SupernetSharing kernels;
        kernels.separateKernels = true;
        Supernet separate(space, 2, kernels);
        QVERIFY(keyIn(separate, kernel3, "depthwise") != keyIn(separate, kernel5, "depthwise"));
        QCOMPARE(keyIn(separate, expansion1, "depthwise"), keyIn(separate, expansion6, "depthwise"));
        QVERIFY(separate.parameterCount() > elastic.parameterCount());
        // The centre tap of the 5×5 kernel no longer reaches the 3×3 subnet.
        const PixelBatch batch = pixelBatch(fashionSplits(0.01).validation, 4);
        const auto small = outputs(separate, kernel3, batch), large = outputs(separate, kernel5, batch);
        separate.addToWeight(keyIn(separate, kernel5, "depthwise"), {0, 0, 2, 2}, 0.5);
        QVERIFY(!changed(small, outputs(separate, kernel3, batch)));
        QVERIFY(changed(large, outputs(separate, kernel5, batch)));

        SupernetSharing inputs;
        inputs.separateBlockInputs = true;
        const Supernet apart(space, 2, inputs);
        QVERIFY(keyIn(apart, expansion1, "depthwise") != keyIn(apart, expansion6, "depthwise"));
        QCOMPARE(keyIn(apart, expansion3, "depthwise"), keyIn(apart, expansion6, "depthwise"));
        // The expansion itself always reads the block's input: still one tensor for 3 and 6.
        QCOMPARE(keyIn(apart, expansion3, "expand"), keyIn(apart, expansion6, "expand"));
        QCOMPARE(keyIn(apart, kernel3, "depthwise"), keyIn(apart, kernel5, "depthwise"));

        std::mt19937_64 random(5);
        for (int sample = 0; sample < 20; ++sample) {
            const Genotype genotype = space.sample(random);
            const std::int64_t params = computeMetrics(space.derive(genotype)).params;
            for (const Supernet* supernet : std::array<const Supernet*, 2>{&separate, &apart}) {
                std::int64_t read = 0;
                for (const SupernetTensor& slice : supernet->slicesOf(genotype)) {
                    std::int64_t elements = 1;
                    for (std::int64_t size : slice.shape) elements *= size;
                    read += elements;
                }
                QCOMPARE(read, params);
                QCOMPARE(supernet->extract(genotype).parameterCount(), params);
            }
        }

        // The estimator's params choose it, and a number's provenance says so.
        const SupernetOptions options = SupernetOptions::fromJson(Json{{"separate_kernels", true}, {"separate_block_inputs", true}});
        QVERIFY(options.sharing.separateKernels && options.sharing.separateBlockInputs);
        QVERIFY(QString::fromStdString(options.description()).contains("separate kernels, separate block inputs"));
        QVERIFY(!QString::fromStdString(SupernetOptions().description()).contains("separate"));

        // Weights kept under one sharing do not load into another.
        const std::filesystem::path file = std::filesystem::temp_directory_path() / "edgesmith-sharing-test.pt";
        elastic.save(file);
        QVERIFY_THROWS_EXCEPTION(Error, separate.load(file));
        std::filesystem::remove(file);
    }

    void elasticExpansionReadsTheFirstChannels() {
        const SearchSpace space = mbconvSpace();
        Supernet supernet(space, 3);
        const std::size_t expansion = decisionOf(space, 1, "expansion", 0);
        Genotype narrow = supernet.largest(), wide = supernet.largest();
        narrow[expansion] = optionOf(space, expansion, 3);
        wide[expansion] = optionOf(space, expansion, 6);
        const auto expand = [](const Layer& layer) { return layer.kind == LayerKind::Conv && layer.kernel == 1 && layer.groups == 1; };
        const std::string key = keyOf(supernet, wide, "stages[1].blocks[0]", "conv.weight", expand);
        std::int64_t rows = 0;
        for (const SupernetTensor& tensor : supernet.tensors())
            if (tensor.key == key) rows = tensor.shape[0];
        QVERIFY(rows > 0);
        const PixelBatch batch = pixelBatch(fashionSplits(0.01).validation, 4);
        auto narrowBefore = outputs(supernet, narrow, batch), wideBefore = outputs(supernet, wide, batch);
        supernet.addToWeight(key, {0, 0, 0, 0}, 1.0); // the first hidden channel: in every expansion
        auto narrowAfter = outputs(supernet, narrow, batch), wideAfter = outputs(supernet, wide, batch);
        QVERIFY(changed(narrowBefore, narrowAfter));
        QVERIFY(changed(wideBefore, wideAfter));
        supernet.addToWeight(key, {rows - 1, 0, 0, 0}, 1.0); // the last one: only in expansion 6
        QVERIFY(!changed(narrowAfter, outputs(supernet, narrow, batch)));
        QVERIFY(changed(wideAfter, outputs(supernet, wide, batch)));
    }

    void elasticDepthSkipsDroppedBlocks() {
        const SearchSpace space = mbconvSpace();
        Supernet supernet(space, 4);
        const std::size_t depth = decisionOf(space, 1, "depth");
        Genotype shallow = supernet.largest(), deep = supernet.largest();
        shallow[depth] = optionOf(space, depth, 1);
        shallow = space.canonical(shallow);
        const auto any = [](const Layer& layer) { return layer.kind == LayerKind::Conv; };
        const std::string key = keyOf(supernet, deep, "stages[1].blocks[1]", "conv.weight", any);
        const PixelBatch batch = pixelBatch(fashionSplits(0.01).validation, 4);
        auto shallowBefore = outputs(supernet, shallow, batch), deepBefore = outputs(supernet, deep, batch);
        supernet.addToWeight(key, {0, 0, 0, 0}, 1.0);
        QVERIFY(!changed(shallowBefore, outputs(supernet, shallow, batch)));
        QVERIFY(changed(deepBefore, outputs(supernet, deep, batch)));
    }

    void everySamplingModeLearnsFashionMnist_data() {
        QTest::addColumn<QString>("sampling");
        for (const char* mode : {"uniform", "fair", "sandwich", "progressive"}) QTest::newRow(mode) << mode;
    }
    void everySamplingModeLearnsFashionMnist() {
        QFETCH(QString, sampling);
        const Splits splits = fashionSplits(0.05); // 2,940 training images
        Supernet supernet(compactSpace(), 5);
        SupernetOptions options;
        options.sampling = sampling.toStdString();
        options.epochs = 2;
        options.threads = 2;
        options.randomSubnets = 1;
        options.learningRate = 0.01;
        std::vector<SupernetProgress> reports;
        options.progressEvery = 5;
        supernet.train(splits, options, [&](const SupernetProgress& progress) { reports.push_back(progress); });
        QVERIFY(!reports.empty());
        QCOMPARE(reports.back().epoch, 2);
        QVERIFY(reports.back().epochEnd);
        // Inherited weights, batch norm recalibrated: the largest subnet well above chance
        // (10 %) after 46 steps, and so the smallest, except under progressive shrinking,
        // which reaches the smallest subnets only in its last quarter.
        const Evaluation largest = supernet.evaluate(supernet.largest(), splits, 10, 600);
        QVERIFY2(largest.top1 > 30, (options.sampling + ": " + std::to_string(largest.top1)).c_str());
        if (options.sampling != "progressive") {
            const Evaluation smallest = supernet.evaluate(supernet.smallest(), splits, 10, 600);
            QVERIFY2(smallest.top1 > 30, (options.sampling + ": " + std::to_string(smallest.top1)).c_str());
            return;
        }
        // Progressive shrinking opens the elastic dimensions in order.
        QStringList phases;
        for (const SupernetProgress& progress : reports)
            if (phases.isEmpty() || phases.back() != QString::fromStdString(progress.phase)) phases << QString::fromStdString(progress.phase);
        QCOMPARE(phases, QStringList({"largest", "kernel", "depth", "all"}));
    }

    // The phase shares move where progressive shrinking opens each elastic dimension: the
    // phase of every step follows its progress through the training, and a share of 0
    // skips its phase. Shares that leave no steps for the last phase are refused.
    void progressiveSharesPlaceThePhases() {
        const Splits splits = fashionSplits(0.02); // 1,176 training images: 10 batches of 128 per epoch
        Supernet supernet(compactSpace(), 7);
        SupernetOptions options;
        options.sampling = "progressive";
        options.epochs = 2;
        options.threads = 1;
        options.randomSubnets = 1;
        options.progressEvery = 1;
        options.largestShare = 0.1;
        options.kernelShare = 0.0;
        options.depthShare = 0.3;
        std::vector<std::string> phases;
        supernet.train(splits, options, [&](const SupernetProgress& progress) { phases.push_back(progress.phase); });
        QCOMPARE(int(phases.size()), 20);
        // Step s runs at progress s / 20: largest below 0.1, depth below 0.4, then all.
        for (int step = 0; step < 20; ++step) {
            const char* expected = step < 2 ? "largest" : step < 8 ? "depth" : "all";
            QVERIFY2(phases[std::size_t(step)] == expected, (std::to_string(step) + ": " + phases[std::size_t(step)]).c_str());
        }
        QVERIFY(QString::fromStdString(options.description()).contains("phases 10 / 0 / 30 / 60 % of the steps"));
        const SupernetOptions fromJson = SupernetOptions::fromJson(Json{{"largest_share", 0.1}, {"kernel_share", 0.0}, {"depth_share", 0.3}});
        QCOMPARE(fromJson.largestShare, 0.1);
        QCOMPARE(fromJson.kernelShare, 0.0);
        QCOMPARE(fromJson.depthShare, 0.3);

        options.depthShare = 0.9;
        try {
            supernet.train(splits, options);
            QFAIL("shares summing to 1 or more must be refused");
        } catch (const Error& error) {
            QCOMPARE(QString::fromStdString(error.path()), QString("depth_share"));
        }
    }

    // Few-shot NAS trains a copy of the supernet with one decision pinned: the blocks the
    // pinned option drops must come out of its training exactly as they went in, and the
    // ones it keeps must learn.
    void pinnedDecisionTrainsOnlyItsPartOfTheSpace() {
        const SearchSpace space = compactSpace();
        const Splits splits = fashionSplits(0.02);
        Supernet supernet(space, 12);
        const std::size_t depth = decisionOf(space, 1, "depth");
        const auto any = [](const Layer& layer) { return layer.kind == LayerKind::Conv; };
        const std::string dropped = keyOf(supernet, supernet.largest(), "stages[1].blocks[1]", "conv.weight", any);
        const std::string kept = keyOf(supernet, supernet.largest(), "stages[1].blocks[0]", "conv.weight", any);
        const std::vector<float> droppedBefore = supernet.weightValues(dropped), keptBefore = supernet.weightValues(kept);
        SupernetOptions options;
        options.sampling = "fair";
        options.epochs = 1;
        options.threads = 2;
        options.pinned[depth] = optionOf(space, depth, 1);
        supernet.train(splits, options);
        QCOMPARE(supernet.weightValues(dropped), droppedBefore);
        QVERIFY(changed(keptBefore, supernet.weightValues(kept)));
        QVERIFY(QString::fromStdString(options.description()).contains("1 decision pinned"));

        // A copy starts from these weights and trains apart from them.
        Supernet copy = supernet.copy();
        const std::vector<float> trained = supernet.weightValues(kept);
        QCOMPARE(copy.weightValues(kept), trained);
        copy.addToWeight(kept, {0, 0, 0, 0}, 1.0);
        QCOMPARE(supernet.weightValues(kept), trained);
        QVERIFY(changed(trained, copy.weightValues(kept)));

        // Unpinned, the same training reaches the second block.
        options.pinned.clear();
        supernet.train(splits, options);
        QVERIFY(changed(droppedBefore, supernet.weightValues(dropped)));

        options.pinned[depth] = 2; // depth has two options
        try {
            supernet.train(splits, options);
            QFAIL("an option outside the decision was pinned");
        } catch (const Error& error) {
            QCOMPARE(QString::fromStdString(error.path()), QString("pinned"));
        }
    }

    void gumbelSamplingFollowsTheProbabilities() {
        const std::vector<double> logits{1.0, 0.0, -1.0, 2.0};
        const std::vector<double> expected = softmax(logits);
        std::mt19937_64 random(17);
        std::vector<int> counts(logits.size(), 0);
        const int draws = 40000;
        for (int draw = 0; draw < draws; ++draw) ++counts[static_cast<std::size_t>(gumbelArgmax(logits, gumbelNoise(logits.size(), random)))];
        for (std::size_t option = 0; option < logits.size(); ++option)
            QVERIFY2(std::abs(double(counts[option]) / draws - expected[option]) < 0.01,
                     qPrintable(QString("option %1: %2 drawn, p = %3").arg(option).arg(double(counts[option]) / draws).arg(expected[option])));
        // A low temperature sharpens the relaxation towards one-hot.
        QVERIFY(softmax(logits, 0.05)[3] > 0.999);
    }

    void costTermSteersDifferentiableSearchToCheaperNetworks() {
        const Splits splits = fashionSplits(0.03); // 1,764 training images
        DifferentiableOptions options;
        options.epochs = 3;
        options.warmupEpochs = 1;
        options.threads = 2;
        options.learningRate = 0.01;
        options.architectureLearningRate = 0.05;
        options.cost = "none";
        Supernet plain(compactSpace(), 11);
        const DifferentiableResult free = plain.searchDifferentiable(splits, options);
        options.cost = "macs";
        options.costWeight = 1.0;
        options.costExponent = 2.0;
        Supernet costed(compactSpace(), 11);
        std::vector<DifferentiableProgress> reports;
        const DifferentiableResult cheap = costed.searchDifferentiable(splits, options, [&](const DifferentiableProgress& report) { reports.push_back(report); });
        QCOMPARE(int(reports.size()), 3);
        QCOMPARE(int(cheap.probabilities.size()), 3);
        QVERIFY(reports.back().temperature < reports.front().temperature);
        // α starts uniform, so the first epoch (warm-up) keeps it there; then the cost term
        // lowers the expected MACs, and the derived network is cheaper than without it.
        QVERIFY2(cheap.expectedCost.back() < cheap.expectedCost.front(), qPrintable(QString("%1 → %2").arg(cheap.expectedCost.front()).arg(cheap.expectedCost.back())));
        const SearchSpace space = compactSpace();
        const double freeMacs = double(computeMetrics(space.derive(free.derived)).macs), cheapMacs = double(computeMetrics(space.derive(cheap.derived)).macs);
        qInfo("expected MACs %.0f → %.0f; derived %.0f MACs with the cost term, %.0f without", cheap.expectedCost.front(), cheap.expectedCost.back(),
              cheapMacs, freeMacs);
        QVERIFY2(cheapMacs < freeMacs, qPrintable(QString("%1 with the cost term, %2 without").arg(cheapMacs).arg(freeMacs)));
        // The latency term (eq. 22-23) from a latency model, here the simulator of a
        // device profile: it pushes towards faster operators the same way.
        const DeviceProfile board = loadDeviceProfile("raspberry-pi-4");
        options.cost = "latency_ms";
        options.latencyModel = [&](const Architecture& architecture) { return simulate(architecture, board).latencyMs; };
        Supernet timed(compactSpace(), 11);
        const DifferentiableResult fast = timed.searchDifferentiable(splits, options);
        const double freeMs = simulate(space.derive(free.derived), board).latencyMs, fastMs = simulate(space.derive(fast.derived), board).latencyMs;
        qInfo("expected latency %.4f → %.4f ms; derived %.4f ms with the latency term, %.4f without", fast.expectedCost.front(), fast.expectedCost.back(),
              fastMs, freeMs);
        QVERIFY(fast.expectedCost.back() < fast.expectedCost.front());
        QVERIFY2(fastMs < freeMs, qPrintable(QString("%1 ms with the latency term, %2 without").arg(fastMs).arg(freeMs)));
        options.latencyModel = nullptr;
        QVERIFY_THROWS_EXCEPTION(Error, timed.searchDifferentiable(splits, options));
        const Json document = cheap.toJson(space, "macs");
        QCOMPARE(document["derived"].get<std::string>(), space.key(cheap.derived));
        QCOMPARE(document["decisions"].size(), space.decisions().size());
        for (const auto& decision : document["decisions"]) {
            QCOMPARE(decision["probabilities"].size(), std::size_t(3));
            double sum = 0;
            for (const auto& probability : decision["probabilities"].back()) sum += probability.get<double>();
            QVERIFY(std::abs(sum - 1.0) < 1e-9);
        }
    }

    void dartsAndProxylessRelaxationsLearnArchitectureWeights() {
        const Splits splits = fashionSplits(0.03);
        DifferentiableOptions options;
        options.epochs = 2; // the first trains the weights only
        options.warmupEpochs = 1;
        options.threads = 2;
        options.learningRate = 0.01;
        options.architectureLearningRate = 0.05;
        for (const char* relaxation : {"darts", "proxyless"}) {
            options.relaxation = relaxation;
            const SearchSpace space = compactSpace(options.relaxation == "proxyless");
            // Without a cost the mixed outputs alone move α off uniform: the loss reaches
            // α through the mixing weights.
            options.cost = "none";
            Supernet free(space, 11);
            const DifferentiableResult learned = free.searchDifferentiable(splits, options);
            double moved = 0;
            for (std::size_t decision = 0; decision < space.decisions().size(); ++decision) {
                const auto& probabilities = learned.probabilities.back()[decision];
                for (double probability : probabilities) moved = std::max(moved, std::abs(probability - 1.0 / double(probabilities.size())));
            }
            QVERIFY2(moved > 0.01, qPrintable(QString("%1: α moved by %2 at most").arg(relaxation).arg(moved)));
            // With the cost term the expected MACs fall, as with the Gumbel relaxation.
            options.cost = "macs";
            options.costWeight = 1.0;
            options.costExponent = 2.0;
            Supernet costed(space, 11);
            const DifferentiableResult cheap = costed.searchDifferentiable(splits, options);
            qInfo("%s: α moved by up to %.3f without a cost; expected MACs %.0f → %.0f with it", relaxation, moved, cheap.expectedCost.front(),
                  cheap.expectedCost.back());
            QVERIFY2(cheap.expectedCost.back() < cheap.expectedCost.front(), relaxation);
        }
        options.relaxation = "enas";
        Supernet unknown(compactSpace(), 11);
        QVERIFY_THROWS_EXCEPTION(Error, unknown.searchDifferentiable(splits, options));
    }

    void cancellingStopsTraining() {
        const Splits splits = fashionSplits(0.05);
        Supernet supernet(mbconvSpace(), 6);
        std::atomic<bool> cancel{true};
        SupernetOptions options;
        options.epochs = 1;
        QVERIFY_THROWS_EXCEPTION(Cancelled, supernet.train(splits, options, {}, &cancel));
    }

    void keptWeightsComeBackOnlyIntoTheSameSupernet() {
        const QTemporaryDir folder;
        const std::filesystem::path file = folder.filePath("supernet.pt").toStdString();
        const SearchSpace space = mbconvSpace();
        Supernet first(space, 8), second(space, 9);
        const PixelBatch batch = pixelBatch(fashionSplits(0.01).validation, 4);
        const Genotype genotype = first.largest();
        QVERIFY(changed(outputs(first, genotype, batch), outputs(second, genotype, batch)));
        first.save(file);
        second.load(file);
        QCOMPARE(outputs(first, genotype, batch), outputs(second, genotype, batch));

        Json other = loadSpaceTemplate("fmnist-mbconv");
        other["stages"][0]["out"] = Json::array({16, 32});
        Supernet different(SearchSpace::parse(other, "other.json"), 8);
        try {
            different.load(file);
            QFAIL("a supernet of another space loaded the file");
        } catch (const Error& error) {
            QCOMPARE(QString::fromStdString(error.file()), QString::fromStdString(file.string()));
            QVERIFY(QString::fromStdString(error.message()).contains("another supernet"));
        }
        QVERIFY_THROWS_EXCEPTION(IoError, different.load(folder.filePath("missing.pt").toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestSupernet)
#include "test_supernet.moc"
