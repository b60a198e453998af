#include "core/hw/roofline.h"

#include <algorithm>

namespace edgesmith {
namespace {

int bitsOr(const std::vector<int>& chosen, std::size_t index, int own) { return chosen.empty() ? own : (index < chosen.size() ? chosen[index] : 32); }

Shape producerShape(const Architecture& architecture, int producer) {
    return producer < 0 ? architecture.input : architecture.layers[static_cast<std::size_t>(producer)].output;
}

} // namespace

double layerWork(const Architecture& architecture, std::size_t index) {
    const Layer& layer = architecture.layers[index];
    const double in = double(layer.input.elements()), out = double(layer.output.elements());
    switch (layer.kind) {
    case LayerKind::Conv:
    case LayerKind::Linear: return double(layer.macs);
    case LayerKind::SqueezeExcite: return double(layer.macs) + 2 * in; // pool, then scale
    case LayerKind::MaxPool:
    case LayerKind::AvgPool: return out * layer.kernel * layer.kernel;
    case LayerKind::GlobalAvgPool: return in;
    case LayerKind::Add: return out * double(std::max<std::size_t>(1, layer.inputs.size() - 1));
    case LayerKind::ChannelShuffle:
    case LayerKind::Slice:
    case LayerKind::Concat: return out;
    case LayerKind::Dropout:
    case LayerKind::Flatten: return 0;
    }
    return 0;
}

double layerBytes(const Architecture& architecture, std::size_t index, const Bitwidths& bits) {
    const Layer& layer = architecture.layers[index];
    if (layer.kind == LayerKind::Flatten || layer.kind == LayerKind::Dropout) return 0; // views
    const int weightBits = bitsOr(bits.weights, index, layer.weightBits);
    const int activationBits = bitsOr(bits.activations, index, layer.activationBits);
    double bytes = double(layer.weightCount) * weightBits / 8 + double(layer.params - layer.weightCount) * 4;
    for (int producer : layer.inputs) bytes += double(producerShape(architecture, producer).elements()) * activationBits / 8;
    if (layer.inputs.empty()) bytes += double(layer.input.elements()) * activationBits / 8;
    return bytes + double(layer.output.elements()) * activationBits / 8;
}

SimulationReport simulate(const Architecture& architecture, const DeviceProfile& profile, const Bitwidths& bits) {
    SimulationReport report;
    report.device = profile.name;
    const std::vector<std::int64_t> live = liveActivationBytes(architecture, bits);
    report.peakActivationBytes = peakActivationBytes(architecture, bits);
    report.storageBytes = storageBytes(architecture, bits);
    double energyPj = 0;
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const Layer& layer = architecture.layers[index];
        SimulatedLayer simulated;
        simulated.name = layer.name;
        simulated.operatorClass = operatorClass(layer);
        const int weightBits = bitsOr(bits.weights, index, layer.weightBits);
        const int activationBits = bitsOr(bits.activations, index, layer.activationBits);
        simulated.dataType = dataTypeOf(layer.weightCount > 0 ? weightBits : activationBits, activationBits);
        simulated.work = layerWork(architecture, index);
        simulated.bytes = layerBytes(architecture, index, bits);
        const double rate = profile.peak(simulated.dataType) * profile.efficiencyOf(simulated.operatorClass);
        simulated.computeMs = rate > 0 ? simulated.work / rate * 1e3 : 0;
        simulated.memoryMs = simulated.bytes / profile.memoryBandwidth * 1e3;
        simulated.computeBound = simulated.computeMs >= simulated.memoryMs;
        const bool runs = simulated.work > 0 || simulated.bytes > 0;
        simulated.timeMs = std::max(simulated.computeMs, simulated.memoryMs) + (runs ? profile.layerOverheadMs : 0);
        if (profile.hasEnergy()) {
            const auto mac = profile.energyPerMacPj.find(simulated.dataType);
            const double perMac = mac != profile.energyPerMacPj.end() ? mac->second : profile.energyPerMacPj.begin()->second;
            const double pj = simulated.work * perMac + simulated.bytes * profile.energyPerBytePj;
            simulated.energyMicrojoules = pj * 1e-6;
            energyPj += pj;
        }
        simulated.liveBytes = live[index];
        if (profile.ramBytes > 0 && simulated.liveBytes > profile.ramBytes) report.ramBreakingLayers.push_back(layer.name);
        if (!profile.supportsOperator(simulated.operatorClass))
            report.unsupported.push_back(layer.name + ": " + simulated.operatorClass + " is not among the device's operators");
        else if (layer.weightCount > 0 && !profile.supportsBits(weightBits))
            report.unsupported.push_back(layer.name + ": " + std::to_string(weightBits) + "-bit weights are not supported");
        else if (!profile.supportsBits(activationBits) && simulated.operatorClass != "reshape")
            report.unsupported.push_back(layer.name + ": " + std::to_string(activationBits) + "-bit activations are not supported");
        report.latencyMs += simulated.timeMs;
        report.layers.push_back(std::move(simulated));
    }
    report.energyMillijoules = energyPj * 1e-9;
    report.fitsRam = report.ramBreakingLayers.empty() && (profile.ramBytes == 0 || report.peakActivationBytes <= profile.ramBytes);
    report.fitsFlash = profile.flashBytes == 0 || report.storageBytes <= profile.flashBytes;
    return report;
}

Json SimulationReport::verdictJson() const {
    Json summary = {{"device", device},
                    {"latency_ms", latencyMs},
                    {"peak_activation_bytes", peakActivationBytes},
                    {"storage_bytes", storageBytes},
                    {"fits_ram", fitsRam},
                    {"fits_flash", fitsFlash},
                    {"ram_breaking_layers", ramBreakingLayers},
                    {"unsupported", unsupported}};
    if (energyMillijoules > 0) summary["energy_mj"] = energyMillijoules;
    return summary;
}

Json SimulationReport::toJson() const {
    Json summary = verdictJson();
    Json table = Json::array();
    for (const SimulatedLayer& layer : layers)
        table.push_back({{"name", layer.name},
                         {"class", layer.operatorClass},
                         {"data_type", layer.dataType},
                         {"work", layer.work},
                         {"bytes", layer.bytes},
                         {"compute_ms", layer.computeMs},
                         {"memory_ms", layer.memoryMs},
                         {"time_ms", layer.timeMs},
                         {"bound", layer.computeBound ? "compute" : "memory"},
                         {"energy_uj", layer.energyMicrojoules},
                         {"live_bytes", layer.liveBytes}});
    summary["layers"] = table;
    return summary;
}

} // namespace edgesmith
