#include "core/space/architecture.h"

namespace edgesmith {

std::string Shape::text() const {
    return std::to_string(channels) + "×" + std::to_string(height) + "×" + std::to_string(width);
}

std::int64_t peakActivationBytes(const Architecture& architecture, const Bitwidths& bits) {
    const auto& layers = architecture.layers;
    const int count = static_cast<int>(layers.size());
    // lastUse[i + 1] is the last layer reading the output of layer i (index 0: the input).
    std::vector<int> lastUse(static_cast<std::size_t>(count) + 1, -1);
    for (int index = 0; index < count; ++index)
        for (int producer : layers[static_cast<std::size_t>(index)].inputs)
            lastUse[static_cast<std::size_t>(producer + 1)] = index;
    const auto bytesOf = [&](int producer) -> std::int64_t {
        if (producer < 0) return architecture.input.elements() * bits.activationBits(0) / 8;
        const auto position = static_cast<std::size_t>(producer);
        return layers[position].output.elements() * bits.activationBits(position) / 8;
    };
    std::int64_t peak = count == 0 ? bytesOf(-1) : 0;
    for (int step = 0; step < count; ++step) {
        std::int64_t live = 0;
        for (int producer = -1; producer <= step; ++producer) {
            const int last = lastUse[static_cast<std::size_t>(producer + 1)];
            const bool isOutput = producer == count - 1;
            if (producer == step || last >= step || (isOutput && producer <= step)) live += bytesOf(producer);
        }
        peak = std::max(peak, live);
    }
    return peak;
}

std::int64_t storageBytes(const Architecture& architecture, const Bitwidths& bits) {
    std::int64_t total = 0;
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const Layer& layer = architecture.layers[index];
        const int weightBits = bits.weightBits(index);
        const std::int64_t other = layer.params - layer.weightCount;
        std::int64_t bytes = (layer.weightCount * weightBits + 7) / 8 + other * 4;
        if (weightBits < 32 && layer.weightCount > 0) bytes += std::int64_t(layer.output.channels) * 8;
        total += bytes;
    }
    return total;
}

Metrics computeMetrics(const Architecture& architecture, const Bitwidths& bits) {
    Metrics metrics;
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const Layer& layer = architecture.layers[index];
        metrics.macs += layer.macs;
        metrics.params += layer.params;
        metrics.bitops += double(layer.macs) * bits.weightBits(index) * bits.activationBits(index);
    }
    metrics.flops = 2 * metrics.macs;
    metrics.peakActivationBytes = peakActivationBytes(architecture, bits);
    metrics.storageBytes = storageBytes(architecture, bits);
    return metrics;
}

} // namespace edgesmith
