#include "core/space/layer_builder.h"

#include "core/common/error.h"

namespace edgesmith {
namespace {

int outputSide(int side, int kernel, int stride, int padding) {
    const int span = side + 2 * padding - kernel;
    return span < 0 ? 0 : span / stride + 1;
}

// A layer reading the current tensor; the primitives below fill in what is theirs.
Layer startLayer(const std::string& name, const std::string& op, LayerKind kind, const Shape& input) {
    Layer layer;
    layer.name = name;
    layer.op = op;
    layer.kind = kind;
    layer.input = input;
    layer.output = input;
    return layer;
}

} // namespace

Shape LayerBuilder::shape() const {
    return current_ < 0 ? architecture_.input : architecture_.layers[static_cast<std::size_t>(current_)].output;
}

int LayerBuilder::append(Layer layer) {
    layer.name = prefix_.empty() ? layer.name : prefix_ + "." + layer.name;
    if (layer.inputs.empty()) layer.inputs.push_back(current_);
    if (layer.output.channels <= 0 || layer.output.height <= 0 || layer.output.width <= 0)
        throw Error("", layer.name, "output " + layer.output.text() + " is empty: the input " + layer.input.text() +
                                        " is too small for this layer");
    architecture_.layers.push_back(std::move(layer));
    current_ = static_cast<int>(architecture_.layers.size()) - 1;
    return current_;
}

int LayerBuilder::conv(const std::string& name, const std::string& op, int out, int kernel, int stride, int groups,
                       const std::string& activation, bool batchNorm, bool bias, int padding) {
    const Shape in = shape();
    if (groups <= 0 || in.channels % groups != 0 || out % groups != 0)
        throw Error("", (prefix_.empty() ? name : prefix_ + "." + name),
                    std::to_string(groups) + " groups do not divide " + std::to_string(in.channels) + " input and " +
                        std::to_string(out) + " output channels");
    Layer layer = startLayer(name, op, LayerKind::Conv, in);
    layer.kernel = kernel;
    layer.stride = stride;
    layer.groups = groups;
    layer.padding = padding < 0 ? kernel / 2 : padding;
    layer.batchNorm = batchNorm;
    layer.bias = bias;
    layer.activation = activation;
    layer.output = {out, outputSide(in.height, kernel, stride, layer.padding), outputSide(in.width, kernel, stride, layer.padding)};
    layer.weightCount = std::int64_t(out) * (in.channels / groups) * kernel * kernel;
    layer.params = layer.weightCount + (bias ? out : 0) + (batchNorm ? 2 * out : 0);
    layer.macs = layer.output.elements() * (in.channels / groups) * kernel * kernel;
    return append(std::move(layer));
}

int LayerBuilder::linear(const std::string& name, const std::string& op, int out, bool bias, const std::string& activation) {
    const Shape in = shape();
    Layer layer = startLayer(name, op, LayerKind::Linear, in);
    layer.bias = bias;
    layer.activation = activation;
    layer.output = {out, 1, 1};
    layer.weightCount = in.elements() * out;
    layer.params = layer.weightCount + (bias ? out : 0);
    layer.macs = layer.weightCount;
    return append(std::move(layer));
}

int LayerBuilder::pool(const std::string& name, LayerKind kind, int kernel, int stride, int padding) {
    const Shape in = shape();
    Layer layer = startLayer(name, kind == LayerKind::MaxPool ? "maxpool" : "avgpool", kind, in);
    layer.kernel = kernel;
    layer.stride = stride;
    layer.padding = padding;
    layer.output = {in.channels, outputSide(in.height, kernel, stride, padding), outputSide(in.width, kernel, stride, padding)};
    return append(std::move(layer));
}

int LayerBuilder::globalAveragePool(const std::string& name) {
    Layer layer = startLayer(name, "global_avg_pool", LayerKind::GlobalAvgPool, shape());
    layer.output = {layer.input.channels, 1, 1};
    return append(std::move(layer));
}

int LayerBuilder::squeezeExcite(const std::string& name, const std::string& op, int squeezeChannels, const std::string& gate) {
    const Shape in = shape();
    Layer layer = startLayer(name, op, LayerKind::SqueezeExcite, in);
    layer.squeezeChannels = squeezeChannels;
    layer.activation = gate;
    // Two 1×1 convolutions with bias on the pooled vector: C → s → C.
    layer.weightCount = 2 * std::int64_t(in.channels) * squeezeChannels;
    layer.params = layer.weightCount + squeezeChannels + in.channels;
    layer.macs = layer.weightCount;
    return append(std::move(layer));
}

int LayerBuilder::add(const std::string& name, const std::string& op, int other, const std::string& activation) {
    const Shape in = shape();
    Layer layer = startLayer(name, op, LayerKind::Add, in);
    layer.activation = activation;
    layer.inputs = {current_, other};
    return append(std::move(layer));
}

int LayerBuilder::dropout(const std::string& name, double probability) {
    Layer layer = startLayer(name, "dropout", LayerKind::Dropout, shape());
    layer.dropout = probability;
    return append(std::move(layer));
}

} // namespace edgesmith
