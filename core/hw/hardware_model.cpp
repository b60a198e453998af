#include "core/hw/hardware_model.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/measurement_gate.h"
#include "core/common/text.h"
#include "core/estimate/estimator.h"
#include "core/hw/device_latency_models.h"
#include "core/hw/device_measurements.h"
#include "core/hw/latency.h"
#include "core/hw/latency_predictor.h"
#include "core/hw/latency_table.h"
#include "core/hw/roofline.h"
#include "core/nn/network.h"
#include "core/search/candidate.h"
#include "core/space/space.h"

#include <cmath>
#include <cstdio>
#include <mutex>
#include <numeric>
#include <random>

namespace edgesmith {
namespace {

std::string kibibytes(double bytes) { return formatNumber(std::round(bytes / 1024 * 10) / 10) + " KiB"; }

} // namespace

struct HardwareModel::Impl {
    std::filesystem::path projectFile;
    const SearchSpace& space;
    DeviceProfile profile;
    std::string model;
    LatencyOptions options;
    std::vector<std::string> mustFit;
    bool alsoMeasure = false;
    int calibrationNetworks = 10, trainingNetworks = 100;
    std::string predictorKind = "boosted";
    std::filesystem::path file;

    mutable std::mutex buildMutex; // one build of the table / predictor at a time
    mutable std::unique_ptr<LatencyTable> tablePointer;
    mutable bool tableReady = false;
    mutable std::unique_ptr<LatencyPredictor> predictor;
    std::unique_ptr<DeviceLatencyModel> deviceModel; // "device": fitted to the profile's measurements

    Impl(const Json& project, const std::filesystem::path& projectFile_, const SearchSpace& space_, bool latencyNeeded)
        : projectFile(projectFile_), space(space_) {
        const Json hardware = project.value("hardware", Json::object());
        const std::string where = projectFile.string();
        model = hardware.value("latency_model", "measured");
        profile = loadDeviceProfile(hardware.value("profile", "host"), projectFile);
        options.threads = hardware.value("threads", 1);
        options.runs = hardware.value("latency_runs", 50);
        options.warmup = std::max(3, options.runs / 5);
        tablePointer = std::make_unique<LatencyTable>(options);
        mustFit = hardware.value("must_fit", std::vector<std::string>{});
        alsoMeasure = hardware.value("also_measure", false);
        calibrationNetworks = hardware.value("calibration_networks", 10);
        trainingNetworks = hardware.value("training_networks", 100);
        predictorKind = hardware.value("predictor", "boosted");
        const bool timesHost = model == "measured" || model == "lut" || model == "predictor";
        // A project that never asks for latency may name any profile (for must_fit).
        if (latencyNeeded && timesHost && hardware.value("profile", "host") != "host")
            throw Error(where, "hardware.latency_model",
                        "\"" + model + "\" times this machine, not the \"" + profile.name + "\" profile; use \"simulator\", or \"device\" after measuring it");
        if (alsoMeasure && hardware.value("profile", "host") != "host")
            throw Error(where, "hardware.also_measure", "measures this machine, which is not the chosen profile");
        if (model == "device" && latencyNeeded) loadDeviceModel(where, project);
        if (model == "lut" || model == "predictor") {
            const std::string settings = project.value("space", Json::object()).dump() + "|" + std::to_string(options.threads) + "|" +
                                         std::to_string(options.runs) + "|" + std::to_string(calibrationNetworks) + "|" +
                                         std::to_string(trainingNetworks) + "|" + predictorKind;
            if (!projectFile.empty())
                file = projectFile.parent_path() / (projectFile.stem().string() + ".latency-" + model + "-" + fingerprint(settings) + ".json");
        }
    }

    void loadDeviceModel(const std::string& where, const Json& project) {
        file = deviceLatencyModelFile(projectFile, profile.name);
        std::error_code status;
        if (!std::filesystem::exists(file, status))
            throw Error(where, "hardware.latency_model",
                        "no latency model has been fitted to measurements of \"" + profile.name + "\" (" + file.string() +
                            "): edgesmith-cli device-kit, measure on the device, device-import, then device-fit " + profile.name);
        Json document;
        try {
            document = Json::parse(readFile(file));
        } catch (const Json::exception& error) {
            throw Error(file.string(), "", std::string("not JSON: ") + error.what());
        }
        const std::string fitted = document.value("space_fingerprint", ""), ours = spaceFingerprintOf(projectSpaceDocument(project, projectFile));
        if (!fitted.empty() && fitted != ours)
            throw Error(file.string(), "space_fingerprint",
                        "was fitted to networks of another search space; measure this project's space (device-kit) and fit again");
        deviceModel = std::make_unique<DeviceLatencyModel>(DeviceLatencyModel::fromJson(document.value("model", Json::object()), file.string()));
    }

    std::vector<Architecture> sampleArchitectures(int count, std::uint64_t seed) const {
        std::mt19937_64 random(seed);
        std::vector<Architecture> architectures;
        for (int item = 0; item < count; ++item) architectures.push_back(space.derive(space.sample(random), false));
        return architectures;
    }

    double measure(const Architecture& architecture, MeasurementGate* gate) const {
        Network network(architecture);
        const MeasurementPass pass(gate);
        return measureLatency(network, options).medianMs;
    }

    void log(const std::function<void(const std::string&)>& sink, const std::string& line) const {
        if (sink) sink(line);
    }

    LatencyTable& table() const { return *tablePointer; }

    static void checkCancel(const std::atomic<bool>* cancel) {
        if (cancel && cancel->load()) throw Cancelled();
    }

    void readyTable(MeasurementGate* gate, const std::atomic<bool>* cancel, const std::function<void(const std::string&)>& sink) const {
        LatencyTable& table = *tablePointer;
        if (tableReady) return;
        std::error_code status;
        if (!file.empty() && std::filesystem::exists(file, status)) {
            try {
                table.read(file);
                log(sink, "latency table: " + std::to_string(table.size()) + " layer configurations read from " + file.string());
                tableReady = true;
                return;
            } catch (const Error& error) {
                // A damaged kept table is rebuilt, not failed on by every candidate.
                log(sink, "latency table: cannot read " + file.string() + " (" + error.message() + "), profiling again");
            }
        }
        log(sink, "latency table: profiling the layers of " + std::to_string(calibrationNetworks) + " networks and timing them whole");
        std::vector<double> sums, measured;
        for (const Architecture& architecture : sampleArchitectures(calibrationNetworks, 7919)) {
            checkCancel(cancel);
            table.profile(architecture, gate);
            sums.push_back(table.sum(architecture));
            measured.push_back(measure(architecture, gate));
        }
        table.calibrate(sums, measured);
        if (!file.empty()) table.save(file);
        tableReady = true;
    }

    // Each layer's entry in the table, profiling what it lacks (and keeping the file).
    std::vector<double> tableTimes(const Architecture& architecture, MeasurementGate* gate, const std::atomic<bool>* cancel,
                                   const std::function<void(const std::string&)>& sink) const {
        const std::lock_guard lock(buildMutex);
        readyTable(gate, cancel, sink);
        if (table().profile(architecture, gate) > 0 && !file.empty()) table().save(file);
        return table().layerTimes(architecture);
    }

    const LatencyPredictor& fittedPredictor(MeasurementGate* gate, const std::atomic<bool>* cancel,
                                            const std::function<void(const std::string&)>& sink) const {
        const std::lock_guard lock(buildMutex);
        readyPredictor(gate, cancel, sink);
        return *predictor; // never replaced once fitted
    }

    void readyPredictor(MeasurementGate* gate, const std::atomic<bool>* cancel, const std::function<void(const std::string&)>& sink) const {
        if (predictor) return;
        std::error_code status;
        if (!file.empty() && std::filesystem::exists(file, status)) {
            try {
                Json document;
                try {
                    document = Json::parse(readFile(file));
                } catch (const Json::exception& error) {
                    throw Error(file.string(), "", std::string("not a latency predictor: ") + error.what());
                }
                predictor = std::make_unique<LatencyPredictor>(LatencyPredictor::fromJson(document, file.string()));
                log(sink, "latency predictor read from " + file.string());
                return;
            } catch (const Error& error) {
                log(sink, "latency predictor: cannot read " + file.string() + " (" + error.message() + "), fitting again");
            }
        }
        log(sink, "latency predictor: measuring " + std::to_string(trainingNetworks) + " architectures of the space to fit it");
        std::vector<std::vector<double>> features;
        std::vector<double> measured;
        for (const Architecture& architecture : sampleArchitectures(trainingNetworks, 104729)) {
            checkCancel(cancel);
            features.push_back(latencyFeatures(architecture));
            measured.push_back(measure(architecture, gate));
        }
        auto fitted = std::make_unique<LatencyPredictor>(predictorKind);
        fitted->fit(features, measured);
        if (!file.empty()) writeFileAtomically(file, fitted->toJson().dump() + "\n");
        predictor = std::move(fitted);
    }
};

HardwareModel::HardwareModel(const Json& project, const std::filesystem::path& projectFile, const SearchSpace& space, bool latencyNeeded)
    : impl_(std::make_unique<Impl>(project, projectFile, space, latencyNeeded)) {}
HardwareModel::~HardwareModel() = default;

const DeviceProfile& HardwareModel::profile() const { return impl_->profile; }
const std::string& HardwareModel::model() const { return impl_->model; }
std::filesystem::path HardwareModel::modelFile() const { return impl_->file; }

std::optional<std::string> HardwareModel::fitViolation(const std::map<std::string, double>& metrics) const {
    const DeviceProfile& profile = impl_->profile;
    for (const std::string& verdict : impl_->mustFit) {
        const bool ram = verdict == "ram";
        const std::int64_t capacity = ram ? profile.ramBytes : profile.flashBytes;
        const auto found = metrics.find(ram ? "peak_activation_bytes" : "storage_bytes");
        if (capacity <= 0 || found == metrics.end() || found->second <= double(capacity)) continue;
        return std::string(ram ? "peak activation memory " : "storage ") + kibibytes(found->second) + " does not fit the " +
               kibibytes(double(capacity)) + (ram ? " RAM" : " flash") + " of " + profile.name;
    }
    return std::nullopt;
}

void HardwareModel::prepare(MeasurementGate* gate, const std::atomic<bool>* cancel, const std::function<void(const std::string&)>& log) const {
    Impl& impl = *impl_;
    const std::lock_guard lock(impl.buildMutex);
    if (impl.model == "lut") impl.readyTable(gate, cancel, log);
    if (impl.model == "predictor") impl.readyPredictor(gate, cancel, log);
}

double HardwareModel::latencyOf(const Architecture& architecture, MeasurementGate* gate, const std::atomic<bool>* cancel) const {
    Impl& impl = *impl_;
    if (impl.model == "simulator") return simulate(architecture, impl.profile).latencyMs;
    if (impl.model == "lut") {
        const auto times = impl.tableTimes(architecture, gate, cancel, {});
        return impl.table().corrected(std::accumulate(times.begin(), times.end(), 0.0));
    }
    if (impl.model == "predictor") return impl.fittedPredictor(gate, cancel, {}).predict(architecture);
    if (impl.model == "device" && impl.deviceModel) return impl.deviceModel->predict(architecture);
    throw Error(impl.projectFile.string(), "hardware.latency_model",
                "\"" + impl.model + "\" times every architecture; a latency cost needs lut, predictor or simulator");
}

void HardwareModel::estimate(Candidate& candidate, const Architecture& architecture, MeasurementGate* gate, const std::atomic<bool>* cancel,
                             const std::function<void(const std::string&)>& log) const {
    Impl& impl = *impl_;
    Json& layers = candidate.details["layers"];
    const auto perLayer = [&](const std::vector<double>& times) {
        if (!layers.is_array() || layers.size() != times.size()) return;
        for (std::size_t index = 0; index < times.size(); ++index) layers[index]["latency_ms"] = times[index];
    };
    Json details = {{"model", impl.model}, {"profile", impl.profile.name}};
    if (impl.model == "measured") {
        Network network(architecture);
        const MeasurementPass pass(gate);
        const LatencyStats stats = measureLatency(network, impl.options);
        candidate.metrics["latency_ms"] = stats.medianMs;
        details.update(stats.toJson());
    } else if (impl.model == "simulator") {
        const SimulationReport report = simulate(architecture, impl.profile);
        candidate.metrics["latency_ms"] = report.latencyMs;
        if (report.energyMillijoules > 0) candidate.metrics["energy_mj"] = report.energyMillijoules;
        details.update(report.verdictJson());
        if (layers.is_array() && layers.size() == report.layers.size())
            for (std::size_t index = 0; index < report.layers.size(); ++index) {
                layers[index]["latency_ms"] = report.layers[index].timeMs;
                layers[index]["bound"] = report.layers[index].computeBound ? "compute" : "memory";
            }
    } else if (impl.model == "lut") {
        const auto times = impl.tableTimes(architecture, gate, cancel, log);
        candidate.metrics["latency_ms"] = impl.table().corrected(std::accumulate(times.begin(), times.end(), 0.0));
        perLayer(times);
        details["table_entries"] = impl.table().size();
    } else if (impl.model == "predictor") {
        const LatencyPredictor& predictor = impl.fittedPredictor(gate, cancel, log);
        candidate.metrics["latency_ms"] = predictor.predict(architecture);
        details["predictor"] = predictor.kind();
    } else if (impl.model == "device" && impl.deviceModel) {
        candidate.metrics["latency_ms"] = impl.deviceModel->predict(architecture);
        details["fitted"] = impl.deviceModel->kind();
        details["file"] = impl.file.string();
    } else {
        throw Error(impl.projectFile.string(), "hardware.latency_model", "unknown latency model \"" + impl.model + "\"");
    }
    if (impl.alsoMeasure && impl.model != "measured") {
        candidate.metrics["measured_latency_ms"] = impl.measure(architecture, gate);
    }
    candidate.details["latency"] = details;
}

} // namespace edgesmith
