#pragma once
// Uniform affine quantization (survey eq. 28): q = clamp(round(x / s) + z, qmin, qmax),
// x̂ = (q − z) s. Symmetric ranges fix z = 0 and use [−2^(b−1)+1, 2^(b−1)−1]; asymmetric
// ones use [0, 2^b − 1] and place z so that 0 is exact. Weights per output channel or per
// tensor; activation ranges calibrated on data by min/max, a percentile, or the clipping
// that minimises the mean squared error. Post-training quantization changes the network
// in place: its weights become their quantized values and every later forward pass
// fake-quantizes the inputs of convolutions and linear layers, so accuracy, storage and
// BitOps are measured on what an integer runtime would compute. Quantization-aware
// training fine-tunes the float weights through the same grids.
#include "core/data/dataset.h"
#include "core/nn/network.h"
#include "core/space/architecture.h"
#include "core/train/trainer.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace edgesmith {

enum class Calibration { MinMax, Percentile, Mse };
Calibration calibrationFromString(const std::string& text); // throws Error naming the choices
std::string toString(Calibration calibration);

struct QuantizationParams {
    double scale = 1;
    std::int64_t zeroPoint = 0, qmin = 0, qmax = 255;
    int bits = 8;
};

// Parameters whose grid covers [low, high] (widened to include 0).
QuantizationParams affineParameters(double low, double high, int bits, bool symmetric);
// The range a calibration method keeps of `values`: all of it (min/max), the central
// `percentile` % (percentile), or the clipping that minimises the squared error (MSE).
std::pair<double, double> calibrateRange(const std::vector<float>& values, Calibration method, int bits, bool symmetric,
                                         double percentile = 99.99);
// Quantized then dequantized values (per tensor).
std::vector<float> fakeQuantize(const std::vector<float>& values, const QuantizationParams& params);
// Per channel: `values` holds `channels` equal runs, each with its own range.
std::vector<float> fakeQuantizePerChannel(const std::vector<float>& values, int channels, int bits, bool symmetric);

// Per-layer bitwidths for every layer of an architecture (32: float). Layers without
// weights (pools, adds) keep 32 whatever they are given.
struct QuantizationPolicy {
    std::vector<int> weightBits, activationBits; // indexed like Architecture::layers
    bool perChannel = true;
    bool symmetricWeights = true;
    bool symmetricActivations = false;
    Calibration calibration = Calibration::MinMax;
    double percentile = 99.99;
    int calibrationBatches = 8; // of 128 images

    // Every convolution and linear layer at `weight` / `activation` bits.
    static QuantizationPolicy uniform(const Architecture& architecture, int weight, int activation);
    // The bitwidths the space chose for each layer (Layer::weightBits / activationBits).
    static QuantizationPolicy fromArchitecture(const Architecture& architecture);
    Bitwidths bitwidths() const { return {weightBits, activationBits}; }
};

struct QuantizedLayer {
    std::string name;
    int weightBits = 32, activationBits = 32;
    double weightError = 0;   // ‖Ŵ − W‖ / ‖W‖
    double inputLow = 0, inputHigh = 0; // calibrated range of the layer's input
};

struct QuantizationResult {
    std::vector<QuantizedLayer> layers; // the quantized ones, in network order
    Metrics metrics;                    // analytic metrics at the policy's bitwidths
};

// Post-training quantization in place (see the top of this file). `calibration` images
// are normalised with `statistics` as in training. Throws Error for bitwidths outside 2..16
// (32 keeps a layer float).
QuantizationResult quantizePostTraining(Network& network, const Dataset& calibration, const Splits& statistics,
                                        const QuantizationPolicy& policy);

// Quantization-aware fine-tuning (the final fine-tune of a chosen policy): activation
// ranges calibrated as for post-training quantization, then `training` epochs in which
// every forward pass fake-quantizes the weights at the policy's bitwidths and the layer
// inputs at the calibrated ranges, the rounding passed straight through (STE) so the
// float weights keep learning; at the end the weights snap to their grids and the
// activation ranges are calibrated again on the trained weights. Returns that final
// quantization; the network is left quantized like after quantizePostTraining.
// `cancel`, when set during training, ends it with the network back in float and throws
// Cancelled (core/common/error.h).
QuantizationResult quantizationAwareTraining(Network& network, const Splits& splits, const QuantizationPolicy& policy,
                                             const TrainingOptions& training, const std::atomic<bool>* cancel = nullptr);

// Back to float inference: no input fake-quantization (weights stay as they are).
void clearActivationQuantization(Network& network);

} // namespace edgesmith
