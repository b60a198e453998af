#include "core/common/error.h"
#include "core/data/dataset.h"
#include "core/hw/latency.h"
#include "core/hw/memory.h"
#include "core/nn/network.h"
#include "core/space/space.h"
#include "core/train/trainer.h"

#include "core/common/atomic_file.h"

#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace edgesmith;

namespace {

// A small plain CNN for 28×28 grey images with `width` channels in the first stage.
Architecture smallNetwork(int width) {
    const Json space = {{"name", "small"},
                        {"input", {{"channels", 1}, {"resolution", 28}}},
                        {"stem", Json::array({{{"op", "conv"}, {"out", width}, {"stride", 2}}})},
                        {"stages", Json::array({{{"depth", 1}, {"stride", 2}, {"out", 2 * width}, {"block", {{"op", "dsconv"}}}}})},
                        {"head", Json::array({{{"op", "global_avg_pool"}}, {{"op", "linear"}, {"out", 10}}})}};
    return SearchSpace::parse(space, "small.json").derive({});
}

Splits syntheticSplits() {
    return makeSplits(makeSyntheticDataset(10, 1200, 1, 28, 1), makeSyntheticDataset(10, 300, 1, 28, 2), 0.2, 1.0, 3);
}

TrainingOptions quickOptions() {
    TrainingOptions options;
    options.epochs = 3;
    options.batchSize = 64;
    options.learningRate = 0.01;
    options.seed = 5;
    options.threads = 1;
    return options;
}

} // namespace

class TestTrain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fashionMnistSubsetBeatsChance() {
        const auto [trainSet, testSet] = loadIdxFolder("/usr/share/datasets/fashion-mnist");
        const Splits splits = makeSplits(trainSet, testSet, 0.05, 0.05, 0); // 2,850 training images
        Network network(smallNetwork(16), 1);
        TrainingOptions options = quickOptions();
        options.epochs = 2;
        const TrainingResult result = train(network, splits, options);
        QVERIFY2(result.validation.top1 > 50.0, qPrintable(QString::number(result.validation.top1))); // chance: 10 %
        const Evaluation onTest = evaluate(network, splits.test, splits);
        QVERIFY(onTest.top1 > 50.0);
        QVERIFY(onTest.top5 >= onTest.top1);
        QCOMPARE(onTest.confusion.size(), std::size_t(10));
        std::int64_t total = 0;
        for (const auto& row : onTest.confusion)
            for (auto count : row) total += count;
        QCOMPARE(total, std::int64_t(10000));
    }

    void trainingIsDeterministicWithASeed() {
        const Splits splits = syntheticSplits();
        Network first(smallNetwork(8), 1), second(smallNetwork(8), 1);
        const TrainingResult a = train(first, splits, quickOptions()), b = train(second, splits, quickOptions());
        QCOMPARE(a.history.size(), std::size_t(3));
        for (std::size_t epoch = 0; epoch < a.history.size(); ++epoch) {
            QCOMPARE(a.history[epoch].trainLoss, b.history[epoch].trainLoss);
            QCOMPARE(a.history[epoch].validationAccuracy, b.history[epoch].validationAccuracy);
        }
        QVERIFY(a.history.back().trainLoss < a.history.front().trainLoss);
    }

    void augmentationIsAppliedAndSeeded() {
        // Fashion-MNIST, not the synthetic set: its classes are told apart by position, which
        // crops and flips would destroy.
        const auto [trainSet, testSet] = loadIdxFolder("/usr/share/datasets/fashion-mnist");
        const Splits splits = makeSplits(trainSet, testSet, 0.03, 0.03, 0); // 1,746 training images
        TrainingOptions augmentedOptions = quickOptions();
        augmentedOptions.epochs = 2;
        augmentedOptions.applyAugmentation({{"horizontal_flip", true}, {"random_crop_padding", 2}});
        QVERIFY(augmentedOptions.horizontalFlip);
        QCOMPARE(augmentedOptions.cropPadding, 2);
        TrainingOptions plainOptions = quickOptions();
        plainOptions.epochs = 2;
        Network plain(smallNetwork(8), 1), first(smallNetwork(8), 1), second(smallNetwork(8), 1);
        const TrainingResult without = train(plain, splits, plainOptions);
        const TrainingResult a = train(first, splits, augmentedOptions), b = train(second, splits, augmentedOptions);
        // The same seed repeats the same crops and flips; they change what the network saw.
        for (std::size_t epoch = 0; epoch < a.history.size(); ++epoch) QCOMPARE(a.history[epoch].trainLoss, b.history[epoch].trainLoss);
        QVERIFY(a.history.front().trainLoss != without.history.front().trainLoss);
        // Two short epochs on 1,746 images reach about 35 % without augmentation; chance is 10 %.
        QVERIFY2(a.validation.top1 > 20.0, qPrintable(QString::number(a.validation.top1)));
        // Missing keys keep what was set.
        augmentedOptions.applyAugmentation(Json::object());
        QVERIFY(augmentedOptions.horizontalFlip);
    }

    // Distillation: at α = 0 the loss is the cross-entropy, so training repeats the run
    // without a teacher exactly; with α > 0 the teacher's soft targets change the run, and
    // the student still learns.
    void distillationFromATeacher() {
        const Splits splits = syntheticSplits();
        Network teacher(smallNetwork(16), 7);
        train(teacher, splits, quickOptions());
        Network plain(smallNetwork(8), 1), zero(smallNetwork(8), 1), taught(smallNetwork(8), 1);
        const TrainingResult without = train(plain, splits, quickOptions());
        TrainingOptions options = quickOptions();
        options.teacher = &teacher;
        options.distillationWeight = 0;
        const TrainingResult atZero = train(zero, splits, options);
        for (std::size_t epoch = 0; epoch < without.history.size(); ++epoch)
            QCOMPARE(atZero.history[epoch].trainLoss, without.history[epoch].trainLoss);
        options.distillationWeight = 0.7;
        options.temperature = 3;
        const TrainingResult withTeacher = train(taught, splits, options);
        QVERIFY(withTeacher.history.front().trainLoss != without.history.front().trainLoss);
        QVERIFY2(withTeacher.validation.top1 > 30.0, qPrintable(QString::number(withTeacher.validation.top1)));
    }

    void optimizersAndSchedulesTrain_data() {
        QTest::addColumn<QString>("optimizer");
        QTest::addColumn<QString>("schedule");
        QTest::newRow("sgd step") << "sgd" << "step";
        QTest::newRow("adam constant") << "adam" << "constant";
        QTest::newRow("adamw cosine + warm-up") << "adamw" << "cosine";
    }
    void optimizersAndSchedulesTrain() {
        QFETCH(QString, optimizer);
        QFETCH(QString, schedule);
        TrainingOptions options = quickOptions();
        options.optimizer = optimizer.toStdString();
        options.schedule = schedule.toStdString();
        options.warmupEpochs = schedule == "cosine" ? 1 : 0;
        options.labelSmoothing = 0.1;
        options.gradientClip = 5;
        if (optimizer == "sgd") options.learningRate = 0.1;
        Network network(smallNetwork(8), 2);
        const TrainingResult result = train(network, syntheticSplits(), options);
        QVERIFY2(result.validation.top1 > 30.0, qPrintable(QString::number(result.validation.top1)));
    }

    void cancellationStopsWithinOneBatch() {
        std::atomic<bool> cancel{false};
        int events = 0;
        TrainingOptions options = quickOptions();
        options.progressEvery = 1;
        Network network(smallNetwork(8), 1);
        const TrainingResult result = train(network, syntheticSplits(), options, [&](const Progress& progress) {
            if (progress.epochEnd) return;
            ++events;
            cancel = true;
        }, &cancel);
        QVERIFY(result.cancelled);
        QCOMPARE(events, 1); // the batch after the request never ran
        QVERIFY(result.history.empty() || result.history.size() == 1);
    }

    void earlyStoppingKeepsTheBestEpoch() {
        TrainingOptions options = quickOptions();
        options.epochs = 12;
        options.earlyStoppingPatience = 1;
        options.learningRate = 0.05;
        Network network(smallNetwork(8), 3);
        const TrainingResult result = train(network, syntheticSplits(), options);
        double best = 0;
        for (const auto& record : result.history) best = std::max(best, record.validationAccuracy);
        QCOMPARE(result.validation.top1, best);
        if (result.stoppedEarly) QVERIFY(int(result.history.size()) < options.epochs);
    }

    void csvFeaturesTrainAnMlp() {
        QTemporaryDir folder;
        const std::string file = folder.filePath("points.csv").toStdString();
        std::string text = "x,y,side\n";
        std::mt19937 random(4);
        std::uniform_real_distribution<double> coordinate(-100.0, 100.0); // unscaled: normalisation must cope
        for (int row = 0; row < 600; ++row) {
            const double x = coordinate(random), y = coordinate(random);
            text += std::to_string(x) + "," + std::to_string(y) + "," + (x + y > 0 ? "upper" : "lower") + "\n";
        }
        writeFileAtomically(file, text);
        const auto [trainSet, testSet] = loadCsv(file, "side", 0.2, 1);
        const Splits splits = makeSplits(trainSet, testSet, 0.1, 1.0, 1);
        const Json space = {{"name", "mlp"},
                            {"input", {{"channels", 2}, {"resolution", 1}}},
                            {"head", Json::array({{{"op", "linear"}, {"out", 16}, {"activation", "relu"}}, {{"op", "linear"}, {"out", 2}}})}};
        Network network(SearchSpace::parse(space, "mlp.json").derive({}), 1);
        TrainingOptions options = quickOptions();
        options.epochs = 10;
        options.batchSize = 32;
        train(network, splits, options);
        QVERIFY(evaluate(network, splits.test, splits).top1 > 90.0);
    }

    // Saved weights load back into a network of the same architecture and give the same
    // outputs; another architecture's weights are refused and change nothing.
    void weightsRoundTripThroughAFile() {
        QTemporaryDir folder;
        const std::string file = folder.filePath("weights.pt").toStdString();
        const Splits splits = syntheticSplits();
        Network trained(smallNetwork(8), 1), fresh(smallNetwork(8), 2), other(smallNetwork(16), 3);
        train(trained, splits, quickOptions());
        trained.save(file);
        const Evaluation expected = evaluate(trained, splits.test, splits);
        QVERIFY(evaluate(fresh, splits.test, splits).loss != expected.loss);
        fresh.load(file);
        const Evaluation loaded = evaluate(fresh, splits.test, splits);
        QCOMPARE(loaded.loss, expected.loss);
        QCOMPARE(loaded.confusion, expected.confusion);
        const Evaluation otherBefore = evaluate(other, splits.test, splits);
        QVERIFY_THROWS_EXCEPTION(Error, other.load(file));
        QCOMPARE(evaluate(other, splits.test, splits).loss, otherBefore.loss);
        QVERIFY_THROWS_EXCEPTION(IoError, fresh.load(folder.filePath("absent.pt").toStdString()));
    }

    void widerNetworksAreSlower() {
        Network narrow(smallNetwork(8)), wide(smallNetwork(32));
        LatencyOptions options;
        options.runs = 40;
        options.batch = 8; // compute, not call overhead, sets the time
        // Alternating rounds, the best median of each: another test busy on the same cores
        // slows one round, not all of them.
        LatencyStats fast, slow;
        double fastest = 1e30, slowest = 1e30;
        for (int round = 0; round < 3; ++round) {
            const LatencyStats a = measureLatency(narrow, options), b = measureLatency(wide, options);
            if (a.medianMs < fastest) fastest = a.medianMs, fast = a;
            if (b.medianMs < slowest) slowest = b.medianMs, slow = b;
        }
        QVERIFY2(slow.medianMs > fast.medianMs, qPrintable(QString("%1 vs %2 ms").arg(slow.medianMs).arg(fast.medianMs)));
        QVERIFY(fast.p10Ms <= fast.medianMs && fast.medianMs <= fast.p90Ms);
        QCOMPARE(fast.threads, 1);
        QCOMPARE(fast.runs, 40);
    }

    // The allocator-measured peak covers at least the analytic live activations (both
    // count the input and every output that is still needed) and grows with width.
    void measuredInferenceMemory() {
        Network narrow(smallNetwork(8)), wide(smallNetwork(32));
        const MemoryStats small = measureInferenceMemory(narrow), large = measureInferenceMemory(wide);
        QVERIFY(small.analyticPeakBytes > 0);
        QVERIFY2(small.measuredPeakBytes >= small.analyticPeakBytes / 2 && small.measuredPeakBytes <= 50 * small.analyticPeakBytes,
                 qPrintable(QString("%1 measured vs %2 analytic").arg(small.measuredPeakBytes).arg(small.analyticPeakBytes)));
        QVERIFY(large.measuredPeakBytes > 2 * small.measuredPeakBytes);
        const MemoryStats batched = measureInferenceMemory(narrow, 8);
        QCOMPARE(batched.analyticPeakBytes, 8 * small.analyticPeakBytes);
        QVERIFY(batched.measuredPeakBytes > 4 * small.measuredPeakBytes);
        // The process's allocator is back: ordinary work still runs.
        QCOMPARE(narrow.outputShape(2).front(), std::int64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestTrain)
#include "test_train.moc"
