#include "core/hw/latency_table.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/measurement_gate.h"
#include "core/nn/network.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace edgesmith {
namespace {

Shape producerShape(const Architecture& architecture, int producer) {
    return producer < 0 ? architecture.input : architecture.layers[static_cast<std::size_t>(producer)].output;
}

double timeOf(const Architecture& probe, const LatencyOptions& options) {
    Network network(probe);
    return measureLatency(network, options).medianMs;
}

} // namespace

std::string layerConfigurationKey(const Architecture& architecture, std::size_t index) {
    const Layer& layer = architecture.layers[index];
    std::string key = kindName(layer.kind);
    key += " " + layer.input.text() + ">" + layer.output.text();
    key += " k" + std::to_string(layer.kernel) + " s" + std::to_string(layer.stride) + " p" + std::to_string(layer.padding) +
           " g" + std::to_string(layer.groups) + " d" + std::to_string(layer.dilation);
    if (layer.batchNorm) key += " bn";
    if (layer.bias) key += " bias";
    if (!layer.activation.empty()) key += " " + std::string(layer.activation);
    if (layer.kind == LayerKind::SqueezeExcite) key += " se" + std::to_string(layer.squeezeChannels);
    if (layer.kind == LayerKind::Slice) key += " from" + std::to_string(layer.sliceStart);
    if (layer.inputs.size() > 1) {
        key += " in";
        for (int producer : layer.inputs) key += " " + producerShape(architecture, producer).text();
    }
    return key;
}

Architecture layerProbe(const Architecture& architecture, std::size_t index) {
    Layer layer = architecture.layers[index];
    Architecture probe;
    std::vector<Shape> shapes;
    for (int producer : layer.inputs) shapes.push_back(producerShape(architecture, producer));
    const bool oneShape = std::all_of(shapes.begin(), shapes.end(), [&](const Shape& shape) { return shape == shapes.front(); });
    if (shapes.size() <= 1 || oneShape) {
        probe.input = shapes.empty() ? layer.input : shapes.front();
        LayerInputs inputs;
        for (std::size_t item = 0; item < std::max<std::size_t>(1, shapes.size()); ++item) inputs.push_back(-1);
        layer.inputs = inputs;
    } else {
        // Several shapes: one input holding them all along channels, cut by slices.
        int channels = 0;
        for (const Shape& shape : shapes) channels += shape.channels;
        probe.input = {channels, shapes.front().height, shapes.front().width};
        LayerInputs inputs;
        int start = 0;
        for (std::size_t item = 0; item < shapes.size(); ++item) {
            Layer slice;
            slice.name = "probe.slice" + std::to_string(item);
            slice.op = layer.op;
            slice.kind = LayerKind::Slice;
            slice.input = probe.input;
            slice.output = shapes[item];
            slice.sliceStart = start;
            slice.inputs = {-1};
            start += shapes[item].channels;
            inputs.push_back(static_cast<int>(probe.layers.size()));
            probe.layers.push_back(std::move(slice));
        }
        layer.inputs = inputs;
    }
    probe.layers.push_back(std::move(layer));
    return probe;
}

LatencyTable::LatencyTable(LatencyOptions options) : options_(options) {}

void LatencyTable::measureBase() {
    // The cheapest network there is: a flatten of one value. What it costs is the
    // framework's call overhead, which every probe pays once and a network pays once.
    Architecture empty;
    empty.input = {1, 1, 1};
    Layer flatten;
    flatten.name = "probe.flatten";
    flatten.kind = LayerKind::Flatten;
    flatten.input = empty.input;
    flatten.output = {1, 1, 1};
    flatten.inputs = {-1};
    empty.layers.push_back(flatten);
    baseMs_ = timeOf(empty, options_);
    interceptMs_ = baseMs_;
}

int LatencyTable::profile(const Architecture& architecture, MeasurementGate* gate) {
    std::vector<std::pair<std::string, std::size_t>> missing;
    {
        const std::lock_guard lock(mutex_);
        for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
            std::string key = layerConfigurationKey(architecture, index);
            if (!entries_.count(key) && std::none_of(missing.begin(), missing.end(), [&](const auto& item) { return item.first == key; }))
                missing.emplace_back(std::move(key), index);
        }
        if (missing.empty() && baseMs_ >= 0) return 0;
    }
    const MeasurementPass pass(gate);
    const std::lock_guard lock(mutex_);
    if (baseMs_ < 0) measureBase();
    int measured = 0;
    for (const auto& [key, index] : missing) {
        if (entries_.count(key)) continue;
        const Architecture probe = layerProbe(architecture, index);
        entries_[key] = std::max(0.0, timeOf(probe, options_) - baseMs_);
        ++measured;
    }
    return measured;
}

bool LatencyTable::covers(const Architecture& architecture) const {
    const std::lock_guard lock(mutex_);
    if (baseMs_ < 0) return false;
    for (std::size_t index = 0; index < architecture.layers.size(); ++index)
        if (!entries_.count(layerConfigurationKey(architecture, index))) return false;
    return true;
}

std::vector<double> LatencyTable::layerTimes(const Architecture& architecture) const {
    const std::lock_guard lock(mutex_);
    std::vector<double> times;
    times.reserve(architecture.layers.size());
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const std::string key = layerConfigurationKey(architecture, index);
        const auto found = entries_.find(key);
        if (found == entries_.end()) throw Error("latency table", architecture.layers[index].name, "configuration \"" + key + "\" was not profiled");
        times.push_back(found->second);
    }
    return times;
}

double LatencyTable::sum(const Architecture& architecture) const {
    const auto times = layerTimes(architecture);
    return std::accumulate(times.begin(), times.end(), 0.0);
}

double LatencyTable::corrected(double total) const {
    const std::lock_guard lock(mutex_);
    // A correction fitted on larger networks (or on a few timed while the machine was
    // busy) may cross zero before the smallest ones: a floor that still grows with the
    // table's sum keeps every prediction positive and the order of networks intact.
    return std::max(interceptMs_ + slope_ * total, 0.05 * slope_ * total);
}

void LatencyTable::calibrate(const std::vector<double>& sums, const std::vector<double>& measuredMs) {
    const std::size_t count = std::min(sums.size(), measuredMs.size());
    if (count < 2) return;
    const double meanX = std::accumulate(sums.begin(), sums.begin() + long(count), 0.0) / double(count);
    const double meanY = std::accumulate(measuredMs.begin(), measuredMs.begin() + long(count), 0.0) / double(count);
    double covariance = 0, variance = 0;
    for (std::size_t item = 0; item < count; ++item) {
        covariance += (sums[item] - meanX) * (measuredMs[item] - meanY);
        variance += (sums[item] - meanX) * (sums[item] - meanX);
    }
    const std::lock_guard lock(mutex_);
    // A slope far from 1 means the table and the networks disagree on what a layer
    // costs; keep it within reason so a few noisy networks cannot flip the ranking.
    slope_ = variance > 0 ? std::clamp(covariance / variance, 0.5, 2.0) : 1.0;
    interceptMs_ = meanY - slope_ * meanX;
    calibrationNetworks_ = static_cast<int>(count);
}

bool LatencyTable::calibrated() const {
    const std::lock_guard lock(mutex_);
    return calibrationNetworks_ > 0;
}

std::size_t LatencyTable::size() const {
    const std::lock_guard lock(mutex_);
    return entries_.size();
}

double LatencyTable::baseMs() const {
    const std::lock_guard lock(mutex_);
    return baseMs_;
}

void LatencyTable::save(const std::filesystem::path& file) const {
    const std::lock_guard lock(mutex_);
    const Json document = {{"format_version", 1},   {"threads", options_.threads}, {"runs", options_.runs},
                           {"base_ms", baseMs_},    {"intercept_ms", interceptMs_}, {"slope", slope_},
                           {"calibration_networks", calibrationNetworks_},          {"entries", entries_}};
    writeFileAtomically(file, document.dump(1) + "\n");
}

void LatencyTable::read(const std::filesystem::path& file) {
    Json document;
    try {
        document = Json::parse(readFile(file));
    } catch (const Json::exception& error) {
        throw Error(file.string(), "", std::string("not a latency table: ") + error.what());
    }
    // Everything is read before anything changes: a bad file leaves the table as it was.
    try {
        if (document.at("threads").get<int>() != options_.threads || document.at("runs").get<int>() != options_.runs)
            throw Error(file.string(), "threads", "measured with other settings (threads or runs) than the project's");
        const double base = document.at("base_ms").get<double>(), intercept = document.at("intercept_ms").get<double>(),
                     slope = document.at("slope").get<double>();
        const int networks = document.at("calibration_networks").get<int>();
        auto entries = document.at("entries").get<std::map<std::string, double>>();
        const std::lock_guard lock(mutex_);
        baseMs_ = base;
        interceptMs_ = intercept;
        slope_ = slope;
        calibrationNetworks_ = networks;
        entries_ = std::move(entries);
    } catch (const Json::exception& error) {
        throw Error(file.string(), "", std::string("not a latency table: ") + error.what());
    }
}

} // namespace edgesmith
