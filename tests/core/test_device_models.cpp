// Latency models fitted to a device's measurements (issue 13), on a device simulated here:
// a hidden cost per fused kernel plus multiplicative noise, with a runtime that fuses
// convolution + batch norm + activation into one kernel but runs the activation after a
// residual add as a kernel of its own. The fitted kernel table recovers the hidden costs
// as the number of networks grows; it beats the per-operator table, which cannot tell a
// fused activation (free) from one after an add (not free); models round-trip through JSON.
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/estimate/evaluator.h"
#include "core/hw/device_measurements.h"
#include "core/hw/device_latency_models.h"
#include "core/hw/latency_table.h"
#include "core/space/space.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>
#include <random>

using namespace edgesmith;

namespace {

const Json kSpace = Json::parse(R"({
  "name": "simulated-device", "backbone": "chain", "classes": 10,
  "input": {"channels": 3, "resolution": 16},
  "stem": [{"op": "conv", "out": 16, "kernel": 3}],
  "stages": [
    {"depth": [1, 3], "stride": 1, "out": [16, 24], "block": {"op": ["basic", "mbconv"], "expansion": [1, 3]}},
    {"depth": [1, 2], "stride": 2, "out": [32, 48], "block": {"op": "basic"}}
  ],
  "head": [{"op": "global_avg_pool"}, {"op": "linear", "out": 10}]
})");

// The simulated runtime: every layer one kernel (batch norm and activation fused into the
// convolution); an add's own activation is an extra pass over its output (ResNet blocks
// have one, MBConv residuals not, at the same shapes). Each kernel configuration has a
// hidden cost of its own around a roofline figure.
class SimulatedDevice {
public:
    explicit SimulatedDevice(std::uint64_t seed) : random_(seed) {}

    double kernelCost(const Architecture& architecture, std::size_t index) {
        const std::string key = layerConfigurationKey(architecture, index);
        const auto found = costs_.find(key);
        if (found != costs_.end()) return found->second;
        const Layer& layer = architecture.layers[index];
        std::uniform_real_distribution<double> spread(0.7, 1.3);
        double cost = (2e-6 * double(layer.macs) + 4e-5 * double(layer.output.elements()) / 100.0 + 0.004) * spread(random_);
        if (layer.kind == LayerKind::Add && !layer.activation.empty()) cost += 4e-4 * double(layer.output.elements()); // not fused
        return costs_[key] = cost;
    }

    // What the device would take without its noise.
    double hiddenTime(const Architecture& architecture) {
        double total = 0.05;
        for (std::size_t index = 0; index < architecture.layers.size(); ++index) total += kernelCost(architecture, index);
        return total;
    }

    double time(const Architecture& architecture) {
        double total = 0.05; // the runtime's fixed cost per inference
        for (std::size_t index = 0; index < architecture.layers.size(); ++index) total += kernelCost(architecture, index);
        std::normal_distribution<double> noise(1.0, 0.01);
        return total * noise(random_);
    }

    const std::map<std::string, double>& costs() const { return costs_; }

private:
    std::mt19937_64 random_;
    std::map<std::string, double> costs_;
};

struct Measured {
    std::vector<Architecture> architectures;
    std::vector<double> times;
};

Measured measure(const SearchSpace& space, SimulatedDevice& device, int count, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    Measured measured;
    for (int index = 0; index < count; ++index) {
        measured.architectures.push_back(space.derive(space.sample(random), false));
        measured.times.push_back(device.time(measured.architectures.back()));
    }
    return measured;
}

// Mean relative error of the model against the hidden (noise-free) time of networks it was
// not fitted on: how well it has recovered the hidden kernel costs, in the combinations
// networks of the space contain (kernels that always come together are only known by
// their sum).
double hiddenError(const DeviceLatencyModel& model, SimulatedDevice& device, const Measured& heldOut) {
    double error = 0;
    for (const Architecture& architecture : heldOut.architectures)
        error += std::abs(model.predict(architecture) - device.hiddenTime(architecture)) / device.hiddenTime(architecture);
    return error / double(heldOut.architectures.size());
}

} // namespace

class TestDeviceModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kernelTableRecoversHiddenCostsAsNetworksGrow() {
        const SearchSpace space = SearchSpace::parse(kSpace, "simulated.json");
        SimulatedDevice device(1);
        const Measured few = measure(space, device, 20, 2), many = measure(space, device, 400, 3), heldOut = measure(space, device, 100, 4);
        DeviceLatencyModel fromFew("kernel"), fromMany("kernel");
        fromFew.fit(few.architectures, few.times);
        fromMany.fit(many.architectures, many.times);
        const double errorFew = hiddenError(fromFew, device, heldOut), errorMany = hiddenError(fromMany, device, heldOut);
        qInfo("error against the hidden times: %.2f %% from 20 networks, %.2f %% from 400 (measurement noise 1 %%)", 100 * errorFew, 100 * errorMany);
        QVERIFY2(errorMany < errorFew, qPrintable(QString("%1 vs %2").arg(errorMany).arg(errorFew)));
        QVERIFY2(errorMany < 0.01, qPrintable(QString::number(errorMany))); // below the noise of one measurement
    }

    void kernelAwareModelBeatsThePerOperatorTableUnderFusion() {
        const SearchSpace space = SearchSpace::parse(kSpace, "simulated.json");
        SimulatedDevice device(4);
        const Measured measured = measure(space, device, 300, 5);
        const DeviceModelReport report = evaluateDeviceModels(measured.architectures, measured.times, 7);
        std::map<std::string, LatencyAccuracy> byKind;
        for (const auto& score : report.scores) {
            byKind[score.kind] = score.accuracy;
            qInfo("%-8s RMSE %.4f ms, within ±10 %% %.0f %%, Spearman %.3f", score.kind.c_str(), score.accuracy.rmseMs, 100 * score.accuracy.within10,
                  score.accuracy.spearman);
        }
        QCOMPARE(report.folds, 5);
        QVERIFY(byKind.at("kernel").rmseMs < byKind.at("lut").rmseMs);
        QVERIFY(byKind.at("kernel").rmseMs < byKind.at("macs").rmseMs);
        QVERIFY(byKind.at("kernel").within10 >= 0.9);
        QCOMPARE(report.chosen, std::string("kernel"));
        // The learning curve grows and the kernel table gets better along it.
        QVERIFY(report.curve.size() >= 4);
        QVERIFY(report.curve.back().networks > report.curve.front().networks);
        QVERIFY(report.curve.back().byKind.at("kernel").rmseMs < report.curve.front().byKind.at("kernel").rmseMs);
    }

    // A configuration no measured network had still gets a cost (its prior), and a saved
    // model predicts what the fitted one did.
    void modelsRoundTripAndPredictUnseenNetworks() {
        const SearchSpace space = SearchSpace::parse(kSpace, "simulated.json");
        SimulatedDevice device(8);
        const Measured measured = measure(space, device, 12, 9);
        const Measured other = measure(space, device, 20, 10);
        for (const std::string& kind : DeviceLatencyModel::kinds()) {
            DeviceLatencyModel model(kind);
            model.fit(measured.architectures, measured.times);
            const DeviceLatencyModel loaded = DeviceLatencyModel::fromJson(Json::parse(model.toJson().dump()), "model.json");
            for (const Architecture& architecture : other.architectures) {
                const double predicted = model.predict(architecture);
                QVERIFY2(predicted > 0 && std::isfinite(predicted), kind.c_str());
                QCOMPARE(loaded.predict(architecture), predicted);
            }
        }
        QVERIFY_THROWS_EXCEPTION(Error, DeviceLatencyModel("magic"));
        QVERIFY_THROWS_EXCEPTION(Error, DeviceLatencyModel::fromJson(Json{{"format", "something else"}}, "x.json"));
        DeviceLatencyModel tooFew("kernel");
        QVERIFY_THROWS_EXCEPTION(Error, tooFew.fit({measured.architectures[0]}, {measured.times[0]}));
    }

    // A project chooses the fitted model as "latency_model": "device" for its profile:
    // every candidate's latency is the model's prediction; without a fitted model the
    // project is refused with the commands that make one.
    void projectsSearchWithTheFittedModel() {
        QTemporaryDir folder;
        const std::filesystem::path projectFile = folder.filePath("p.edgesmith.json").toStdString();
        Json project = {{"format_version", 1},
                        {"name", "device model"},
                        {"dataset", {{"kind", "synthetic"}, {"classes", 10}, {"samples", 50}}},
                        {"space", {{"inline", kSpace}}},
                        {"objectives", {{{"metric", "macs"}}, {{"metric", "latency_ms"}}}},
                        {"strategy", {{"name", "random"}}},
                        {"estimator", {{"name", "analytic"}}},
                        {"hardware", {{"profile", "phone-cpu"}, {"latency_model", "device"}}}};
        try {
            Evaluator missing(project, projectFile);
            QFAIL("a project without a fitted model was accepted");
        } catch (const Error& error) {
            QCOMPARE(error.path(), std::string("hardware.latency_model"));
            QVERIFY2(error.message().find("device-fit phone-cpu") != std::string::npos, error.message().c_str());
        }
        const SearchSpace space = SearchSpace::parse(kSpace, "simulated.json");
        SimulatedDevice device(11);
        const Measured measured = measure(space, device, 40, 12);
        DeviceLatencyModel model("kernel");
        model.fit(measured.architectures, measured.times);
        std::filesystem::create_directories(deviceLatencyModelFile(projectFile, "phone-cpu").parent_path());
        writeFileAtomically(deviceLatencyModelFile(projectFile, "phone-cpu"),
                            Json{{"model", model.toJson()}, {"space_fingerprint", spaceFingerprintOf(kSpace)}}.dump());
        const Evaluator evaluator(project, projectFile);
        std::mt19937_64 random(13);
        for (int draw = 0; draw < 5; ++draw) {
            const Genotype genotype = space.canonical(space.sample(random));
            EvaluationControl control;
            const Candidate candidate = evaluator.evaluate(genotype, control);
            QCOMPARE(toString(candidate.status), std::string("evaluated"));
            QCOMPARE(candidate.metric("latency_ms"), model.predict(space.derive(genotype, true)));
            QCOMPARE(candidate.details["latency"]["fitted"].get<std::string>(), std::string("kernel"));
        }
        // A model fitted to another search space is refused, not silently used.
        writeFileAtomically(deviceLatencyModelFile(projectFile, "phone-cpu"), Json{{"model", model.toJson()}, {"space_fingerprint", "another"}}.dump());
        try {
            Evaluator other(project, projectFile);
            QFAIL("a model of another space was accepted");
        } catch (const Error& error) {
            QCOMPARE(error.path(), std::string("space_fingerprint"));
        }
    }
};

QTEST_GUILESS_MAIN(TestDeviceModels)
#include "test_device_models.moc"
