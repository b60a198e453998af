#pragma once
#include "core/common/json.h"
// A concrete network derived from a search space and a genotype: the layers in
// execution order with every tensor shape, and the exact analytic metrics of
// ../shared/DESIGN.md (MACs, params, peak activation memory, storage, BitOps).
#include <array>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace edgesmith {

// Activation tensor shape for batch 1: channels × height × width (features × 1 × 1 for vectors).
struct Shape {
    int channels = 0;
    int height = 1;
    int width = 1;
    std::int64_t elements() const { return std::int64_t(channels) * height * width; }
    std::string text() const; // "32×14×14"
    bool operator==(const Shape&) const = default;
};

// Producers a layer reads, stored inline: deriving runs in every search's inner loop and
// a heap allocation per layer would dominate it.
class LayerInputs {
public:
    LayerInputs() = default;
    LayerInputs(std::initializer_list<int> producers) {
        for (int producer : producers) push_back(producer);
    }
    explicit LayerInputs(const std::vector<int>& producers) {
        for (int producer : producers) push_back(producer);
    }
    void push_back(int producer) {
        if (count_ == kCapacity) throw std::length_error("a layer reads at most 8 tensors");
        items_[count_++] = producer;
    }
    bool empty() const { return count_ == 0; }
    std::size_t size() const { return count_; }
    int front() const { return items_[0]; }
    int operator[](std::size_t index) const { return items_[index]; }
    const int* begin() const { return items_.data(); }
    const int* end() const { return items_.data() + count_; }

private:
    static constexpr std::size_t kCapacity = 8;
    std::array<int, kCapacity> items_{};
    std::size_t count_ = 0;
};

enum class LayerKind {
    Conv, Linear, MaxPool, AvgPool, GlobalAvgPool, SqueezeExcite, Add, Dropout, Flatten,
    ChannelShuffle, // groups = shuffle groups
    Slice,          // channels [sliceStart, sliceStart + output.channels) of its input
    Concat          // inputs joined along channels, in order
};

// One computing layer. Convolutions carry their batch norm and activation (as deployed
// runtimes fuse them); `inputs` index earlier layers, -1 is the network input.
struct Layer {
    std::string name;     // "stages.1.blocks.0.expand": the key of per-layer tables
    // Operator and activation names point at static strings: no allocation per layer.
    std::string_view op;  // the space operator it belongs to: "mbconv", "conv", ...
    LayerKind kind = LayerKind::Conv;
    Shape input, output;
    LayerInputs inputs;
    int kernel = 1, stride = 1, padding = 0, groups = 1, dilation = 1;
    bool batchNorm = false;
    bool bias = false;
    std::string_view activation; // "", relu, relu6, hswish, swish, sigmoid, hsigmoid
    int squeezeChannels = 0; // SqueezeExcite only
    double dropout = 0.0;    // Dropout only
    int sliceStart = 0;      // Slice only
    std::int64_t params = 0;
    std::int64_t macs = 0;
    std::int64_t weightCount = 0; // params that are weights (quantized), without BN and biases
    // Bitwidths the space chose for this layer (32: float); metrics use them when no
    // explicit Bitwidths are given.
    int weightBits = 32, activationBits = 32;
};

struct Architecture {
    Shape input;
    std::vector<Layer> layers;
    Shape output() const { return layers.empty() ? input : layers.back().output; }
};

struct Metrics {
    std::int64_t macs = 0;
    std::int64_t flops = 0;
    std::int64_t params = 0;
    std::int64_t peakActivationBytes = 0;
    std::int64_t storageBytes = 0;
    double bitops = 0;
};

// Per-layer weight and activation bitwidths; empty means each layer's own (32 unless the
// space chose bitwidths).
struct Bitwidths {
    std::vector<int> weights;
    std::vector<int> activations;
    int weightBits(std::size_t layer) const { return layer < weights.size() ? weights[layer] : 32; }
    int activationBits(std::size_t layer) const { return layer < activations.size() ? activations[layer] : 32; }
};

// Largest total of live activation bytes over the execution order; a tensor lives from
// the layer that produces it to its last consumer (the input from the start).
std::int64_t peakActivationBytes(const Architecture& architecture, const Bitwidths& bits = {});
// The live activation bytes during each layer's step (its inputs, its output and every
// tensor still waiting for a later consumer); the peak is their maximum.
std::vector<std::int64_t> liveActivationBytes(const Architecture& architecture, const Bitwidths& bits = {});

// Σ params × bits / 8; a quantized layer (< 32 bits) adds a float scale and an int32
// zero point per output channel, and its BN/bias stay 32-bit.
std::int64_t storageBytes(const Architecture& architecture, const Bitwidths& bits = {});

Metrics computeMetrics(const Architecture& architecture, const Bitwidths& bits = {});

// Whether the space chose bitwidths below 32 for any layer.
bool hasQuantizedLayers(const Architecture& architecture);

// "conv", "linear", "global_avg_pool", ...: the kind's name in architecture documents.
const char* kindName(LayerKind kind);
inline constexpr int kLayerKindCount = static_cast<int>(LayerKind::Concat) + 1;

// Every layer with all that is needed to rebuild it elsewhere (kind, shapes, kernel,
// stride, padding, groups, dilation, BN, bias, activation, inputs, ...): the
// architecture part of exports, and what the PyTorch peer of the benchmarks builds from.
std::string architectureJson(const Architecture& architecture);
// The architecture back from that document (imports). Throws Error naming `file` and the
// JSON path of the first field that is missing or wrong.
Architecture architectureFromJson(const Json& document, const std::string& file);

// The per-layer table users see (CLI --layers, stored candidates, the layer inspector):
// name, op, input and output shapes, MACs, params and fp32 activation bytes per layer, and
// weight_bits / activation_bits for the layers the space quantizes.
Json layerTable(const Architecture& architecture);

} // namespace edgesmith
