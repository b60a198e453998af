// Hardware cost models (issue 10): device profiles validated like project files, the
// roofline simulator on hand-computed layers and the MCU verdicts of the shipped
// ResNet-18 / MobileNetV2, the lookup table's sums and correction, the latency
// predictors against the MACs-only baseline, and the models wired into evaluation.
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/estimate/evaluator.h"
#include "core/hw/device_profile.h"
#include "core/hw/hardware_model.h"
#include "core/hw/latency_predictor.h"
#include "core/hw/latency_table.h"
#include "core/hw/roofline.h"
#include "core/project/project.h"
#include "core/space/space.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <set>

using namespace edgesmith;

namespace {

Json profileDocument() {
    return {{"format_version", 1},
            {"name", "toy"},
            {"kind", "mcu"},
            {"peak_macs_per_second", {{"fp32", 1e9}, {"int8", 4e9}}},
            {"memory_bandwidth_bytes_per_second", 1e9},
            {"ram_bytes", 100000},
            {"flash_bytes", 200000},
            {"efficiency", {{"depthwise_conv", 0.25}}},
            {"energy_per_mac_pj", {{"fp32", 10}, {"int8", 2}}},
            {"energy_per_byte_pj", 5}};
}

Layer convolution(const std::string& name, Shape in, int out, int kernel, int groups, int producer) {
    Layer layer;
    layer.name = name;
    layer.kind = LayerKind::Conv;
    layer.input = in;
    layer.output = {out, in.height, in.width};
    layer.kernel = kernel;
    layer.padding = kernel / 2;
    layer.groups = groups;
    layer.inputs = {producer};
    layer.weightCount = std::int64_t(out) * (in.channels / groups) * kernel * kernel;
    layer.params = layer.weightCount;
    layer.macs = layer.output.elements() * (in.channels / groups) * kernel * kernel;
    return layer;
}

SearchSpace mbconvSpace() { return SearchSpace::parse(loadSpaceTemplate("fmnist-mbconv"), "fmnist-mbconv"); }

Json projectWith(const Json& hardware, const std::string& database) {
    Json document = Project::starterDocument("hardware test");
    document["dataset"] = {{"kind", "synthetic"}, {"classes", 4}, {"samples", 64}, {"validation_fraction", 0.25}};
    document["estimator"] = {{"name", "analytic"}};
    document["objectives"] = Json::array({{{"metric", "latency_ms"}}, {{"metric", "macs"}}});
    document["hardware"] = hardware;
    document["database"] = database;
    return document;
}

} // namespace

class TestHardware : public QObject {
    Q_OBJECT

private slots:
    void shippedProfilesLoadWithSources() {
        const auto names = deviceProfileNames();
        for (const char* expected : {"host", "raspberry-pi-4", "cortex-m7", "jetson-nano", "phone-cpu"})
            QVERIFY2(std::find(names.begin(), names.end(), expected) != names.end(), expected);
        for (const std::string& name : names) {
            const DeviceProfile profile = loadDeviceProfile(name);
            QCOMPARE(profile.name, name);
            QVERIFY2(!profile.sources.empty(), name.c_str());
            QVERIFY(profile.peak("fp32") > 0);
            QVERIFY(profile.memoryBandwidth > 0);
        }
        const DeviceProfile mcu = loadDeviceProfile("cortex-m7");
        QCOMPARE(mcu.ramBytes, std::int64_t(512 * 1024));
        QCOMPARE(mcu.flashBytes, std::int64_t(2 * 1024 * 1024));
        QCOMPARE(mcu.peak("fp16"), mcu.peak("fp32")); // no fp16 unit: falls back
    }

    void badProfilesAreNamedByFileAndField() {
        Json document = profileDocument();
        document["peak_macs_per_second"]["fp32"] = -3;
        document["kind"] = "toaster";
        document.erase("memory_bandwidth_bytes_per_second");
        try {
            DeviceProfile::fromJson(document, "boards/toy.json");
            QFAIL("a bad profile was accepted");
        } catch (const ValidationError& error) {
            std::vector<std::string> paths;
            for (const Diagnostic& problem : error.diagnostics()) {
                QCOMPARE(problem.file, std::string("boards/toy.json"));
                paths.push_back(problem.path);
            }
            for (const char* path : {"peak_macs_per_second.fp32", "kind", "memory_bandwidth_bytes_per_second"})
                QVERIFY2(std::find(paths.begin(), paths.end(), path) != paths.end(), path);
        }
        // Nothing is written for an invalid profile.
        QTemporaryDir folder;
        const std::filesystem::path file = folder.filePath("bad.json").toStdString();
        QVERIFY_THROWS_EXCEPTION(ValidationError, saveDeviceProfile(document, file));
        QVERIFY(!std::filesystem::exists(file));
    }

    void projectProfilesOverrideShippedOnesAndAreChecked() {
        QTemporaryDir folder;
        const std::filesystem::path projectFile = std::filesystem::path(folder.path().toStdString()) / "p.edgesmith.json";
        std::filesystem::create_directories(projectDeviceDirectory(projectFile));
        Json board = profileDocument();
        board["name"] = "my-board";
        saveDeviceProfile(board, projectDeviceDirectory(projectFile) / "my-board.json");
        const auto names = deviceProfileNames(projectFile);
        QVERIFY(std::find(names.begin(), names.end(), "my-board") != names.end());
        QCOMPARE(loadDeviceProfile("my-board", projectFile).ramBytes, std::int64_t(100000));

        Json document = projectWith({{"profile", "my-board"}, {"latency_model", "simulator"}}, "runs.db");
        QVERIFY(Project::check(document, projectFile).empty());
        document["hardware"]["profile"] = "nowhere";
        auto problems = Project::check(document, projectFile);
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems.front().path, std::string("hardware.profile"));
        // A broken profile file is reported through the project, naming the profile's field.
        board["memory_bandwidth_bytes_per_second"] = "fast";
        writeFileAtomically(projectDeviceDirectory(projectFile) / "my-board.json", board.dump());
        document["hardware"]["profile"] = "my-board";
        problems = Project::check(document, projectFile);
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY2(problems.front().message.find("memory_bandwidth_bytes_per_second") != std::string::npos, problems.front().message.c_str());
        // Latency models that time this machine refuse another device's profile.
        document["hardware"] = {{"profile", "cortex-m7"}, {"latency_model", "lut"}};
        QVERIFY_THROWS_EXCEPTION(Error, Evaluator(document, projectFile));
    }

    void rooflineMatchesHandComputedLayers() {
        const DeviceProfile profile = DeviceProfile::fromJson(profileDocument(), "toy.json");
        Architecture architecture;
        architecture.input = {16, 8, 8};
        // Dense 3×3, 16 → 32 at 8×8: 32·64·16·9 = 294,912 MACs → 0.294912 ms at 1 GMAC/s;
        // bytes: weights 4,608·4 + input 1,024·4 + output 2,048·4 = 30,720 → 0.03072 ms.
        architecture.layers.push_back(convolution("dense", {16, 8, 8}, 32, 3, 1, -1));
        // Depthwise 3×3 on 32×8×8: 18,432 MACs at 25 % → 0.073728 ms; bytes 288·4 +
        // 2·2,048·4 = 17,536 → 0.017536 ms: compute-bound still, by the efficiency.
        architecture.layers.push_back(convolution("depthwise", {32, 8, 8}, 32, 3, 32, 0));
        // Pointwise 32 → 8 on 8×8 at 8 bits: 16,384 MACs at 4 GMAC/s int8 → 0.004096 ms;
        // bytes 256 + 2,048 + 512 = 2,816 → 0.002816 ms.
        Layer pointwise = convolution("pointwise", {32, 8, 8}, 8, 1, 1, 1);
        pointwise.weightBits = pointwise.activationBits = 8;
        architecture.layers.push_back(pointwise);
        // A global pool reads 512 values and writes 8 (fp32): memory-bound.
        Layer pool;
        pool.name = "pool";
        pool.kind = LayerKind::GlobalAvgPool;
        pool.input = {8, 8, 8};
        pool.output = {8, 1, 1};
        pool.inputs = {2};
        architecture.layers.push_back(pool);

        const SimulationReport report = simulate(architecture, profile);
        QCOMPARE(report.layers.size(), std::size_t(4));
        const auto& dense = report.layers[0];
        QCOMPARE(dense.operatorClass, std::string("conv"));
        QVERIFY(std::abs(dense.computeMs - 0.294912) < 1e-9);
        QVERIFY(std::abs(dense.memoryMs - 0.03072) < 1e-9);
        QVERIFY(dense.computeBound);
        const auto& depthwise = report.layers[1];
        QCOMPARE(depthwise.operatorClass, std::string("depthwise_conv"));
        QVERIFY(std::abs(depthwise.computeMs - 0.073728) < 1e-9);
        QVERIFY(std::abs(depthwise.memoryMs - 0.017536) < 1e-9);
        const auto& point = report.layers[2];
        QCOMPARE(point.dataType, std::string("int8"));
        QVERIFY(std::abs(point.computeMs - 0.004096) < 1e-9);
        QVERIFY(std::abs(point.memoryMs - 0.002816) < 1e-9);
        const auto& pooled = report.layers[3];
        QCOMPARE(pooled.operatorClass, std::string("pool"));
        QVERIFY(!pooled.computeBound); // 512 ops in 0.000512 ms vs 2,080 B in 0.00208 ms
        QVERIFY(std::abs(report.latencyMs - (0.294912 + 0.073728 + 0.004096 + 0.00208)) < 1e-9);
        // Energy: Σ work × pJ/MAC + bytes × pJ/B.
        const double pj = 294912 * 10 + 30720 * 5 + 18432 * 10 + 17536 * 5 + 16384 * 2 + 2816 * 5 + 512 * 10 + 2080 * 5;
        QVERIFY(std::abs(report.energyMillijoules - pj * 1e-9) < 1e-12);
        // Memory: the dense layer's step holds its input and output, 12 KiB > 100 KB? No:
        // 4,096 + 8,192 B; the toy RAM of 100,000 B holds everything.
        QVERIFY(report.fitsRam);
        QCOMPARE(report.layers[0].liveBytes, std::int64_t(16 * 64 * 4 + 32 * 64 * 4));
    }

    void mcuFlagsResNetAndMobileNetAndNamesTheLayers() {
        const DeviceProfile mcu = loadDeviceProfile("cortex-m7");
        double latency[2] = {0, 0};
        int index = 0;
        for (const char* name : {"resnet18", "mobilenetv2"}) {
            const SearchSpace space = SearchSpace::parse(loadSpaceTemplate(name), name);
            std::mt19937_64 random(0);
            const Architecture architecture = space.derive(space.sample(random), true);
            const SimulationReport report = simulate(architecture, mcu);
            QVERIFY2(!report.fitsRam, name);
            QVERIFY2(!report.fitsFlash, name);
            QVERIFY2(!report.ramBreakingLayers.empty(), name);
            // The stem at 224×224 is the first to break 512 KB, in both networks.
            QCOMPARE(report.ramBreakingLayers.front(), architecture.layers.front().name);
            for (const std::string& layer : report.ramBreakingLayers) {
                const auto found = std::find_if(report.layers.begin(), report.layers.end(), [&](const SimulatedLayer& item) { return item.name == layer; });
                QVERIFY(found != report.layers.end() && found->liveBytes > mcu.ramBytes);
            }
            latency[index++] = report.latencyMs;
        }
        QVERIFY(latency[1] < latency[0]); // MobileNetV2 (0.3 GMACs) ranks faster than ResNet-18 (1.8)
    }

    void lookupTableSumsItsPartsAndCorrects() {
        const SearchSpace space = mbconvSpace();
        std::mt19937_64 random(3);
        LatencyOptions options;
        options.runs = 3;
        options.warmup = 1;
        LatencyTable table(options);
        const Architecture first = space.derive(space.sample(random), false);
        const Architecture second = space.derive(space.sample(random), false);
        QVERIFY(!table.covers(first));
        const int measured = table.profile(first);
        QVERIFY(measured > 0);
        QVERIFY(table.covers(first));
        QCOMPARE(table.profile(first), 0); // nothing new
        const std::size_t entries = table.size();
        QVERIFY(entries <= first.layers.size());
        const auto parts = table.layerTimes(first);
        QCOMPARE(parts.size(), first.layers.size());
        QVERIFY(std::all_of(parts.begin(), parts.end(), [](double value) { return value >= 0; }));
        QCOMPARE(table.sum(first), std::accumulate(parts.begin(), parts.end(), 0.0));
        // Uncorrected, the prediction is the framework's base plus the parts.
        QVERIFY(std::abs(table.predict(first) - (table.baseMs() + table.sum(first))) < 1e-12);
        // A configuration not profiled is an error naming the layer, not a silent zero.
        if (!table.covers(second)) QVERIFY_THROWS_EXCEPTION(Error, table.sum(second));
        table.profile(second);
        // Shared configurations are timed once.
        std::set<std::string> keys;
        for (const Architecture* architecture : {&first, &second})
            for (std::size_t index = 0; index < architecture->layers.size(); ++index) keys.insert(layerConfigurationKey(*architecture, index));
        QCOMPARE(table.size(), keys.size());
        // The correction is the least-squares line through (sum, measured).
        table.calibrate({1.0, 2.0, 3.0}, {2.5, 4.0, 5.5});
        QVERIFY(table.calibrated());
        QVERIFY(std::abs(table.predict(first) - (1.0 + 1.5 * table.sum(first))) < 1e-9);
        // Saved and read back unchanged; other measurement settings are refused.
        QTemporaryDir folder;
        const std::filesystem::path file = folder.filePath("lut.json").toStdString();
        table.save(file);
        LatencyTable again(options);
        again.read(file);
        QCOMPARE(again.size(), table.size());
        QCOMPARE(again.predict(second), table.predict(second));
        LatencyOptions other = options;
        other.threads = 2;
        LatencyTable mismatch(other);
        QVERIFY_THROWS_EXCEPTION(Error, mismatch.read(file));
        // A file that breaks part-way leaves the table as it was.
        Json broken = Json::parse(readFile(file));
        broken["slope"] = 7.0;
        broken["entries"] = "lost";
        writeFileAtomically(file, broken.dump());
        const double before = again.predict(second);
        QVERIFY_THROWS_EXCEPTION(Error, again.read(file));
        QCOMPARE(again.predict(second), before);
        // A correction that crosses zero never predicts a time of zero or less, and keeps
        // a smaller network faster than a larger one.
        table.calibrate({10.0, 20.0}, {0.5, 20.5});
        QVERIFY(table.corrected(1.0) > 0);
        QVERIFY(table.corrected(1.0) < table.corrected(2.0));
        QVERIFY(table.predict(first) > 0);
    }

    void probesRebuildLayersThatReadSeveralShapes() {
        Architecture architecture;
        architecture.input = {8, 4, 4};
        architecture.layers.push_back(convolution("a", {8, 4, 4}, 4, 1, 1, -1));
        architecture.layers.push_back(convolution("b", {8, 4, 4}, 6, 1, 1, -1));
        Layer concat;
        concat.name = "concat";
        concat.kind = LayerKind::Concat;
        concat.input = {4, 4, 4};
        concat.output = {10, 4, 4};
        concat.inputs = {0, 1};
        architecture.layers.push_back(concat);
        const Architecture probe = layerProbe(architecture, 2);
        QCOMPARE(probe.input, (Shape{10, 4, 4}));
        QCOMPARE(probe.layers.size(), std::size_t(3));
        QCOMPARE(probe.layers[0].output, (Shape{4, 4, 4}));
        QCOMPARE(probe.layers[1].sliceStart, 4);
        QCOMPARE(probe.layers.back().output, (Shape{10, 4, 4}));
        LatencyOptions options;
        options.runs = 2;
        options.warmup = 1;
        LatencyTable table(options);
        QVERIFY(table.profile(architecture) == 3);
        QVERIFY(table.layerTimes(architecture).size() == 3);
    }

    void predictorsBeatMacsOnlyOnHeldOutArchitectures() {
        // The hidden truth is the host profile's roofline: per-layer max(compute, memory)
        // with operator-class efficiencies, which MACs alone cannot explain.
        const SearchSpace space = mbconvSpace();
        const DeviceProfile truth = loadDeviceProfile("raspberry-pi-4");
        std::mt19937_64 random(11);
        std::vector<std::vector<double>> features;
        std::vector<double> latency;
        for (int item = 0; item < 160; ++item) {
            const Architecture architecture = space.derive(space.sample(random), false);
            features.push_back(latencyFeatures(architecture));
            latency.push_back(simulate(architecture, truth).latencyMs * std::exp(std::normal_distribution<double>(0, 0.02)(random)));
        }
        const std::vector<std::vector<double>> trainX(features.begin(), features.begin() + 100), testX(features.begin() + 100, features.end());
        const std::vector<double> trainY(latency.begin(), latency.begin() + 100), testY(latency.begin() + 100, latency.end());
        std::map<std::string, LatencyAccuracy> accuracy;
        for (const std::string& kind : LatencyPredictor::kinds()) {
            LatencyPredictor predictor(kind);
            predictor.fit(trainX, trainY);
            std::vector<double> predicted;
            for (const auto& row : testX) predicted.push_back(predictor.predict(row));
            accuracy[kind] = assessLatency(predicted, testY);
            // Round trip through the stored form.
            const LatencyPredictor again = LatencyPredictor::fromJson(predictor.toJson(), "p.json");
            QCOMPARE(again.predict(testX.front()), predictor.predict(testX.front()));
        }
        qInfo("RMSE macs %.4f linear %.4f boosted %.4f; within 10%%: %.2f %.2f %.2f", accuracy["macs"].rmseMs, accuracy["linear"].rmseMs,
              accuracy["boosted"].rmseMs, accuracy["macs"].within10, accuracy["linear"].within10, accuracy["boosted"].within10);
        QVERIFY(accuracy["linear"].rmseMs < 0.8 * accuracy["macs"].rmseMs);
        QVERIFY(accuracy["boosted"].rmseMs < 0.8 * accuracy["macs"].rmseMs);
        QVERIFY(accuracy["boosted"].spearman > accuracy["macs"].spearman);
        // A damaged stored predictor is refused, never walked out of its trees.
        LatencyPredictor boosted("boosted");
        boosted.fit(trainX, trainY);
        Json damaged = boosted.toJson();
        damaged["trees"][0][2] = 0; // a child pointing back at the root: a loop
        QVERIFY_THROWS_EXCEPTION(Error, LatencyPredictor::fromJson(damaged, "p.json"));
        damaged["trees"][0] = Json::array({1, 2, 3});
        QVERIFY_THROWS_EXCEPTION(Error, LatencyPredictor::fromJson(damaged, "p.json"));
        damaged = LatencyPredictor("macs").toJson();
        damaged["mean"] = Json::array({1.0, 2.0});
        QVERIFY_THROWS_EXCEPTION(Error, LatencyPredictor::fromJson(damaged, "p.json"));
        QVERIFY_THROWS_EXCEPTION(Error, LatencyPredictor("magic"));
        LatencyPredictor tooFew;
        QVERIFY_THROWS_EXCEPTION(Error, tooFew.fit({{1.0}}, {1.0}));
    }

    void evaluationUsesTheChosenModelAndTheFitVerdicts() {
        QTemporaryDir folder;
        const std::filesystem::path projectFile = std::filesystem::path(folder.path().toStdString()) / "p.edgesmith.json";
        const SearchSpace space = mbconvSpace();
        std::mt19937_64 random(5);
        const Genotype genotype = space.sample(random);

        // Simulator on the MCU: energy, per-layer time and bound, and the RAM verdict.
        Json document = projectWith({{"profile", "cortex-m7"}, {"latency_model", "simulator"}}, "runs.db");
        {
            const Evaluator evaluator(document, projectFile);
            const Candidate candidate = evaluator.evaluate(genotype, {});
            QVERIFY2(candidate.status == CandidateStatus::Evaluated, candidate.message.c_str());
            QVERIFY(candidate.metric("latency_ms") > 0);
            QVERIFY(candidate.metric("energy_mj") > 0);
            QCOMPARE(candidate.details["latency"]["model"].get<std::string>(), std::string("simulator"));
            const Json& layers = candidate.details["layers"];
            QVERIFY(layers.front().contains("latency_ms") && layers.front().contains("bound"));
        }
        // must_fit: a RAM smaller than the candidate's peak makes it infeasible before training.
        Json tiny = profileDocument();
        tiny["name"] = "tiny";
        tiny["ram_bytes"] = 1000;
        std::filesystem::create_directories(projectDeviceDirectory(projectFile));
        saveDeviceProfile(tiny, projectDeviceDirectory(projectFile) / "tiny.json");
        document["hardware"] = {{"profile", "tiny"}, {"latency_model", "simulator"}, {"must_fit", {"ram"}}};
        {
            const Evaluator evaluator(document, projectFile);
            QVERIFY(!evaluator.withinBudgets(genotype));
            const Candidate candidate = evaluator.evaluate(genotype, {});
            QVERIFY(candidate.status == CandidateStatus::Infeasible);
            QVERIFY2(candidate.message.find("RAM of tiny") != std::string::npos, candidate.message.c_str());
        }
        // A project that asks for no latency may name another device's profile for must_fit.
        document["objectives"] = Json::array({{{"metric", "macs"}}, {{"metric", "params"}}});
        document["hardware"] = {{"profile", "cortex-m7"}, {"must_fit", {"ram"}}};
        {
            const Evaluator evaluator(document, projectFile);
            QVERIFY(evaluator.evaluate(genotype, {}).status != CandidateStatus::Failed);
        }
        document["objectives"] = Json::array({{{"metric", "latency_ms"}}, {{"metric", "macs"}}});
        // Lookup table: built on first use from a few networks, kept beside the project, reused.
        document["hardware"] = {{"profile", "host"}, {"latency_model", "lut"}, {"latency_runs", 3}, {"calibration_networks", 3}, {"also_measure", true}};
        std::filesystem::path tableFile;
        double first = 0;
        {
            const Evaluator evaluator(document, projectFile);
            tableFile = evaluator.hardware().modelFile();
            QVERIFY(!std::filesystem::exists(tableFile));
            const Candidate candidate = evaluator.evaluate(genotype, {});
            QVERIFY2(candidate.status == CandidateStatus::Evaluated, candidate.message.c_str());
            first = candidate.metric("latency_ms");
            QVERIFY(first > 0);
            QVERIFY(candidate.metric("measured_latency_ms") > 0);
            QVERIFY(std::filesystem::exists(tableFile));
            double parts = 0;
            for (const Json& layer : candidate.details["layers"]) parts += layer.at("latency_ms").get<double>();
            QVERIFY(parts > 0);
        }
        {
            const Evaluator evaluator(document, projectFile);
            QCOMPARE(evaluator.hardware().modelFile(), tableFile);
            const Candidate candidate = evaluator.evaluate(genotype, {});
            QCOMPARE(candidate.metric("latency_ms"), first); // read back, not re-timed
        }
        // A damaged kept table is profiled again, not failed on by every candidate.
        writeFileAtomically(tableFile, "{\"threads\": 1");
        {
            const Evaluator evaluator(document, projectFile);
            const Candidate candidate = evaluator.evaluate(genotype, {});
            QVERIFY2(candidate.status == CandidateStatus::Evaluated, candidate.message.c_str());
            QVERIFY(Json::parse(readFile(tableFile)).contains("entries"));
        }
        // Predictor: fitted on first use from the space's architectures, kept, reused.
        document["hardware"] = {{"profile", "host"}, {"latency_model", "predictor"}, {"latency_runs", 3}, {"training_networks", 8}, {"predictor", "linear"}};
        {
            const Evaluator evaluator(document, projectFile);
            const Candidate candidate = evaluator.evaluate(genotype, {});
            QVERIFY2(candidate.status == CandidateStatus::Evaluated, candidate.message.c_str());
            QVERIFY(std::isfinite(candidate.metric("latency_ms")));
            QVERIFY(std::filesystem::exists(evaluator.hardware().modelFile()));
            QCOMPARE(candidate.details["latency"]["predictor"].get<std::string>(), std::string("linear"));
        }
    }
};

QTEST_GUILESS_MAIN(TestHardware)
#include "test_hardware.moc"
