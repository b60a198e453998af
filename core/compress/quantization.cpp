#include "core/compress/quantization.h"

#include "core/common/error.h"
#include "core/compress/internal/fake_quantize.h"
#include "core/data/internal/dataset_tensors.h"
#include "core/nn/internal/network_module.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace edgesmith {
namespace {

void requireBits(int bits, const std::string& where) {
    if (bits != 32 && (bits < 2 || bits > 16))
        throw Error("", where, "bitwidth " + std::to_string(bits) + " is outside 2..16 (32 keeps the layer in float)");
}

torch::Tensor fakeQuantizeTensor(const torch::Tensor& values, const QuantizationParams& q) {
    return fakeQuantized(values, q.scale, q.zeroPoint, q.qmin, q.qmax);
}

double squaredError(const torch::Tensor& values, const QuantizationParams& q) {
    return (fakeQuantizeTensor(values, q) - values).pow(2).mean().item<double>();
}

// Calibration on a tensor: the method's range, then the affine parameters for it.
std::pair<double, double> rangeOf(const torch::Tensor& values, Calibration method, int bits, bool symmetric, double percentile) {
    const torch::Tensor flat = values.flatten().to(torch::kFloat32);
    if (flat.numel() == 0) return {0.0, 0.0};
    double low = flat.min().item<double>(), high = flat.max().item<double>();
    if (method == Calibration::Percentile && flat.numel() > 1) {
        const double tail = std::clamp((100.0 - percentile) / 100.0, 0.0, 0.5);
        const torch::Tensor sorted = std::get<0>(flat.sort());
        const auto at = [&](double fraction) {
            return sorted[static_cast<std::int64_t>(std::llround(fraction * double(flat.numel() - 1)))].item<double>();
        };
        low = at(tail);
        high = at(1.0 - tail);
    } else if (method == Calibration::Mse) {
        // Clip the full range by a factor; keep the one with the least squared error.
        double best = std::numeric_limits<double>::infinity(), bestLow = low, bestHigh = high;
        for (int step = 0; step < 40; ++step) {
            const double keep = 1.0 - 0.02 * step;
            const QuantizationParams q = affineParameters(low * keep, high * keep, bits, symmetric);
            const double error = squaredError(flat, q);
            if (error < best) best = error, bestLow = low * keep, bestHigh = high * keep;
        }
        low = bestLow;
        high = bestHigh;
    }
    return {low, high};
}

torch::Tensor tensorOf(const std::vector<float>& values) {
    return torch::from_blob(const_cast<float*>(values.data()), {static_cast<std::int64_t>(values.size())}, torch::kFloat32).clone();
}

std::vector<float> vectorOf(const torch::Tensor& tensor) {
    const torch::Tensor flat = tensor.contiguous().to(torch::kFloat32).flatten();
    return {flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel()};
}

// Weight fake-quantization in place, per output channel (dim 0) or per tensor; returns
// the relative error ‖Ŵ − W‖ / ‖W‖.
double quantizeWeight(torch::Tensor& weight, int bits, bool perChannel, bool symmetric) {
    torch::NoGradGuard guard;
    const torch::Tensor original = weight.detach().clone();
    weight.copy_(fakeQuantizedWeight(original, bits, perChannel, symmetric));
    const double norm = original.norm().item<double>();
    return norm > 0 ? (weight - original).norm().item<double>() / norm : 0.0;
}

} // namespace

Calibration calibrationFromString(const std::string& text) {
    if (text == "minmax") return Calibration::MinMax;
    if (text == "percentile") return Calibration::Percentile;
    if (text == "mse") return Calibration::Mse;
    throw Error("", "calibration", "unknown calibration \"" + text + "\"; use minmax, percentile or mse");
}

std::string toString(Calibration calibration) {
    switch (calibration) {
    case Calibration::MinMax: return "minmax";
    case Calibration::Percentile: return "percentile";
    case Calibration::Mse: return "mse";
    }
    return "minmax";
}

QuantizationParams affineParameters(double low, double high, int bits, bool symmetric) {
    requireBits(bits, "bits");
    low = std::min(low, 0.0);
    high = std::max(high, 0.0);
    QuantizationParams q;
    q.bits = bits;
    if (symmetric) {
        const std::int64_t top = (std::int64_t(1) << (bits - 1)) - 1;
        q.qmin = -top;
        q.qmax = top;
        q.zeroPoint = 0;
        q.scale = std::max(std::max(-low, high) / double(top), 1e-12);
    } else {
        q.qmin = 0;
        q.qmax = (std::int64_t(1) << bits) - 1;
        q.scale = std::max((high - low) / double(q.qmax), 1e-12);
        q.zeroPoint = std::clamp<std::int64_t>(std::llround(-low / q.scale), q.qmin, q.qmax);
    }
    return q;
}

std::pair<double, double> calibrateRange(const std::vector<float>& values, Calibration method, int bits, bool symmetric, double percentile) {
    return rangeOf(tensorOf(values), method, bits, symmetric, percentile);
}

std::vector<float> fakeQuantize(const std::vector<float>& values, const QuantizationParams& params) {
    return vectorOf(fakeQuantizeTensor(tensorOf(values), params));
}

std::vector<float> fakeQuantizePerChannel(const std::vector<float>& values, int channels, int bits, bool symmetric) {
    if (channels <= 0 || values.size() % static_cast<std::size_t>(channels) != 0)
        throw Error("", "channels", "the values do not split into " + std::to_string(channels) + " equal channels");
    torch::Tensor tensor = tensorOf(values).view({channels, -1});
    quantizeWeight(tensor, bits, true, symmetric);
    return vectorOf(tensor);
}

QuantizationPolicy QuantizationPolicy::uniform(const Architecture& architecture, int weight, int activation) {
    QuantizationPolicy policy;
    for (const Layer& layer : architecture.layers) {
        const bool quantizable = layer.kind == LayerKind::Conv || layer.kind == LayerKind::Linear;
        policy.weightBits.push_back(quantizable ? weight : 32);
        policy.activationBits.push_back(quantizable ? activation : 32);
    }
    return policy;
}

QuantizationPolicy QuantizationPolicy::fromArchitecture(const Architecture& architecture) {
    QuantizationPolicy policy;
    for (const Layer& layer : architecture.layers) {
        policy.weightBits.push_back(layer.weightBits);
        policy.activationBits.push_back(layer.activationBits);
    }
    return policy;
}

QuantizationResult quantizePostTraining(Network& network, const Dataset& calibration, const Splits& statistics,
                                        const QuantizationPolicy& policy) {
    NetworkModuleImpl& module = network.module();
    const Architecture& architecture = network.architecture();
    const std::size_t count = architecture.layers.size();
    for (std::size_t index = 0; index < count; ++index) {
        requireBits(index < policy.weightBits.size() ? policy.weightBits[index] : 32, "weight_bits[" + std::to_string(index) + "]");
        requireBits(index < policy.activationBits.size() ? policy.activationBits[index] : 32, "activation_bits[" + std::to_string(index) + "]");
    }
    const auto weightBits = [&](std::size_t index) { return index < policy.weightBits.size() ? policy.weightBits[index] : 32; };
    const auto activationBits = [&](std::size_t index) { return index < policy.activationBits.size() ? policy.activationBits[index] : 32; };

    // 1. Calibration: the exact range of each quantized layer's input, and a bounded
    // random sample of it for the percentile and MSE searches; whole activations of every
    // layer would take hundreds of megabytes.
    constexpr std::int64_t kKept = 200000;
    struct Observed {
        double low = std::numeric_limits<double>::infinity(), high = -std::numeric_limits<double>::infinity();
        std::vector<torch::Tensor> sample;
    };
    std::vector<Observed> seen(count);
    const std::int64_t perBatch = kKept / std::max(1, policy.calibrationBatches);
    module.inputQuantizers.clear();
    module.observer = [&](std::size_t step, const torch::Tensor& input) {
        if (activationBits(step) >= 32) return;
        const torch::Tensor flat = input.detach().flatten();
        Observed& observed = seen[step];
        observed.low = std::min(observed.low, flat.min().item<double>());
        observed.high = std::max(observed.high, flat.max().item<double>());
        const torch::Tensor kept = flat.numel() <= perBatch
                                       ? flat
                                       : flat.index_select(0, torch::randint(flat.numel(), {perBatch}, torch::TensorOptions().dtype(torch::kInt64).device(flat.device())));
        observed.sample.push_back(kept.to(torch::kCPU));
    };
    {
        torch::NoGradGuard guard;
        const bool training = module.is_training();
        module.eval();
        const auto device = module.parameters().empty() ? torch::Device(torch::kCPU) : module.parameters().front().device();
        const torch::Tensor images = normalisedImages(calibration, statistics, device);
        const std::int64_t batches = std::min<std::int64_t>(policy.calibrationBatches, (images.size(0) + 127) / 128);
        for (std::int64_t batch = 0; batch < batches; ++batch)
            module.forward(images.narrow(0, batch * 128, std::min<std::int64_t>(128, images.size(0) - batch * 128)));
        module.train(training);
    }
    module.observer = nullptr;

    // 2. Weights on their grids, input quantizers from the calibrated ranges.
    QuantizationResult result;
    module.inputQuantizers.assign(count, {});
    module.weightGrids.assign(count, {});
    for (std::size_t index = 0; index < count; ++index) {
        const Layer& layer = architecture.layers[index];
        NetworkModuleImpl::Step& step = module.steps[index];
        if (layer.kind != LayerKind::Conv && layer.kind != LayerKind::Linear) continue;
        QuantizedLayer report;
        report.name = layer.name;
        report.weightBits = weightBits(index);
        report.activationBits = activationBits(index);
        if (report.weightBits < 32) {
            torch::Tensor weight = layer.kind == LayerKind::Conv ? step.conv->weight : step.linear->weight;
            report.weightError = quantizeWeight(weight, report.weightBits, policy.perChannel, policy.symmetricWeights);
            module.weightGrids[index] = {report.weightBits, policy.perChannel, policy.symmetricWeights};
        }
        if (report.activationBits < 32 && !seen[index].sample.empty()) {
            const Observed& observed = seen[index];
            std::tie(report.inputLow, report.inputHigh) =
                policy.calibration == Calibration::MinMax
                    ? std::pair{observed.low, observed.high}
                    : rangeOf(torch::cat(observed.sample), policy.calibration, report.activationBits, policy.symmetricActivations, policy.percentile);
            const QuantizationParams q = affineParameters(report.inputLow, report.inputHigh, report.activationBits, policy.symmetricActivations);
            module.inputQuantizers[index] = {true, q.scale, q.zeroPoint, q.qmin, q.qmax};
        }
        if (report.weightBits < 32 || report.activationBits < 32) result.layers.push_back(report);
    }
    Bitwidths bits;
    for (std::size_t index = 0; index < count; ++index) {
        const Layer& layer = architecture.layers[index];
        const bool quantizable = layer.kind == LayerKind::Conv || layer.kind == LayerKind::Linear;
        bits.weights.push_back(quantizable ? weightBits(index) : 32);
        bits.activations.push_back(quantizable ? activationBits(index) : 32);
    }
    result.metrics = computeMetrics(architecture, bits);
    return result;
}

QuantizationResult quantizationAwareTraining(Network& network, const Splits& splits, const QuantizationPolicy& policy,
                                             const TrainingOptions& training, const std::atomic<bool>* cancel) {
    quantizePostTraining(network, splits.train, splits, policy); // ranges for the inputs, weights start on their grids
    NetworkModuleImpl& module = network.module();
    const Architecture& architecture = network.architecture();
    module.weightQuantizers.assign(architecture.layers.size(), {});
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const LayerKind kind = architecture.layers[index].kind;
        if ((kind == LayerKind::Conv || kind == LayerKind::Linear) && index < policy.weightBits.size())
            module.weightQuantizers[index] = {policy.weightBits[index], policy.perChannel, policy.symmetricWeights};
    }
    try {
        trainUnlessCancelled(network, splits, training, cancel);
    } catch (...) {
        // Back to float inference, as documented for a cancellation.
        module.weightQuantizers.clear();
        module.inputQuantizers.clear();
        throw;
    }
    module.weightQuantizers.clear();
    module.inputQuantizers.clear();
    return quantizePostTraining(network, splits.train, splits, policy);
}

void clearActivationQuantization(Network& network) { network.module().inputQuantizers.clear(); }

} // namespace edgesmith
