#include "core/space/architecture.h"

#include <algorithm>

#include "core/common/json.h"

namespace edgesmith {
namespace {

// Explicit bitwidths when given, else the layer's own.
int weightBitsOf(const Architecture& architecture, const Bitwidths& bits, std::size_t index) {
    return bits.weights.empty() ? (index < architecture.layers.size() ? architecture.layers[index].weightBits : 32) : bits.weightBits(index);
}
int activationBitsOf(const Architecture& architecture, const Bitwidths& bits, std::size_t index) {
    return bits.activations.empty() ? (index < architecture.layers.size() ? architecture.layers[index].activationBits : 32) : bits.activationBits(index);
}

} // namespace

std::string Shape::text() const {
    return std::to_string(channels) + "×" + std::to_string(height) + "×" + std::to_string(width);
}

std::int64_t peakActivationBytes(const Architecture& architecture, const Bitwidths& bits) {
    const auto& layers = architecture.layers;
    const std::size_t count = layers.size();
    if (count == 0) return architecture.input.elements() * activationBitsOf(architecture, bits, 0) / 8;
    // lastUse[i + 1]: the last step that reads the output of layer i (index 0: the input);
    // a tensor is live from its producer's step to that step, or only at its own step.
    std::vector<int> lastUse(count + 1, -1);
    for (std::size_t index = 0; index < count; ++index)
        for (int producer : layers[index].inputs) lastUse[static_cast<std::size_t>(producer + 1)] = static_cast<int>(index);
    // Sweep: add each tensor's bytes where its life starts, remove them after it ends.
    std::vector<std::int64_t> change(count + 1, 0);
    const auto live = [&](int producer, std::int64_t bytes) {
        const int first = std::max(producer, 0);
        const int last = std::max(lastUse[static_cast<std::size_t>(producer + 1)], first);
        change[static_cast<std::size_t>(first)] += bytes;
        change[static_cast<std::size_t>(last) + 1] -= bytes;
    };
    live(-1, architecture.input.elements() * activationBitsOf(architecture, bits, 0) / 8);
    for (std::size_t index = 0; index < count; ++index)
        live(static_cast<int>(index), layers[index].output.elements() * activationBitsOf(architecture, bits, index) / 8);
    std::int64_t running = 0, peak = 0;
    for (std::size_t step = 0; step < count; ++step) {
        running += change[step];
        peak = std::max(peak, running);
    }
    return peak;
}

std::int64_t storageBytes(const Architecture& architecture, const Bitwidths& bits) {
    std::int64_t total = 0;
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const Layer& layer = architecture.layers[index];
        const int weightBits = weightBitsOf(architecture, bits, index);
        const std::int64_t other = layer.params - layer.weightCount;
        std::int64_t bytes = (layer.weightCount * weightBits + 7) / 8 + other * 4;
        if (weightBits < 32 && layer.weightCount > 0) bytes += std::int64_t(layer.output.channels) * 8;
        total += bytes;
    }
    return total;
}

std::string architectureJson(const Architecture& architecture) {
    static const char* const kinds[] = {"conv", "linear", "maxpool", "avgpool", "global_avg_pool", "squeeze_excite", "add",
                                        "dropout", "flatten", "channel_shuffle", "slice", "concat"};
    const auto shape = [](const Shape& value) { return Json::array({value.channels, value.height, value.width}); };
    Json layers = Json::array();
    for (const Layer& layer : architecture.layers) {
        layers.push_back({{"name", layer.name},
                          {"op", std::string(layer.op)},
                          {"kind", kinds[static_cast<int>(layer.kind)]},
                          {"input", shape(layer.input)},
                          {"output", shape(layer.output)},
                          {"inputs", std::vector<int>(layer.inputs.begin(), layer.inputs.end())},
                          {"kernel", layer.kernel}, {"stride", layer.stride}, {"padding", layer.padding},
                          {"groups", layer.groups}, {"dilation", layer.dilation},
                          {"batch_norm", layer.batchNorm}, {"bias", layer.bias},
                          {"activation", std::string(layer.activation)},
                          {"squeeze_channels", layer.squeezeChannels}, {"dropout", layer.dropout},
                          {"slice_start", layer.sliceStart},
                          {"params", layer.params}, {"macs", layer.macs}});
    }
    return Json{{"input", shape(architecture.input)}, {"layers", layers}}.dump();
}

Metrics computeMetrics(const Architecture& architecture, const Bitwidths& bits) {
    Metrics metrics;
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const Layer& layer = architecture.layers[index];
        metrics.macs += layer.macs;
        metrics.params += layer.params;
        metrics.bitops += double(layer.macs) * weightBitsOf(architecture, bits, index) * activationBitsOf(architecture, bits, index);
    }
    metrics.flops = 2 * metrics.macs;
    metrics.peakActivationBytes = peakActivationBytes(architecture, bits);
    metrics.storageBytes = storageBytes(architecture, bits);
    return metrics;
}

Json layerTable(const Architecture& architecture) {
    Json table = Json::array();
    for (const Layer& layer : architecture.layers) {
        table.push_back({{"name", layer.name}, {"op", std::string(layer.op)}, {"input", layer.input.text()}, {"output", layer.output.text()},
                         {"macs", layer.macs}, {"params", layer.params}, {"activation_bytes", layer.output.elements() * 4}});
        if (layer.weightBits < 32 || layer.activationBits < 32) {
            table.back()["weight_bits"] = layer.weightBits;
            table.back()["activation_bits"] = layer.activationBits;
        }
    }
    return table;
}

bool hasQuantizedLayers(const Architecture& architecture) {
    return std::any_of(architecture.layers.begin(), architecture.layers.end(),
                       [](const Layer& layer) { return layer.weightBits < 32 || layer.activationBits < 32; });
}

} // namespace edgesmith
