#include "core/space/layer_builder.h"

#include "core/common/error.h"

namespace edgesmith {
namespace {

int outputSide(int side, int kernel, int stride, int padding) {
    const int span = side + 2 * padding - kernel;
    return span < 0 ? 0 : span / stride + 1;
}

// A layer reading the current tensor; the primitives below fill in what is theirs.
Layer startLayer(const char* op, LayerKind kind, const Shape& input) {
    Layer layer;
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

int LayerBuilder::append(Layer layer, const char* name) {
    if (naming_) layer.name = prefix_.empty() ? std::string(name) : prefix_ + "." + name;
    if (layer.inputs.empty()) layer.inputs.push_back(current_);
    if (layer.output.channels <= 0 || layer.output.height <= 0 || layer.output.width <= 0)
        throw Error("", prefix_.empty() ? std::string(name) : prefix_ + "." + name, "output " + layer.output.text() + " is empty: the input " + layer.input.text() +
                                        " is too small for this layer");
    architecture_.layers.push_back(std::move(layer));
    current_ = static_cast<int>(architecture_.layers.size()) - 1;
    return current_;
}

int LayerBuilder::conv(const char* name, const char* op, int out, int kernel, int stride, int groups,
                       const char* activation, bool batchNorm, bool bias, int padding, int dilation) {
    const Shape in = shape();
    if (groups <= 0 || in.channels % groups != 0 || out % groups != 0)
        throw Error("", prefix_.empty() ? std::string(name) : prefix_ + "." + name,
                    std::to_string(groups) + " groups do not divide " + std::to_string(in.channels) + " input and " +
                        std::to_string(out) + " output channels");
    Layer layer = startLayer(op, LayerKind::Conv, in);
    layer.kernel = kernel;
    layer.stride = stride;
    layer.groups = groups;
    layer.dilation = dilation;
    layer.padding = padding < 0 ? dilation * (kernel / 2) : padding;
    layer.batchNorm = batchNorm;
    layer.bias = bias;
    layer.activation = activation;
    const int span = dilation * (kernel - 1) + 1; // the receptive field of a dilated kernel
    layer.output = {out, outputSide(in.height, span, stride, layer.padding), outputSide(in.width, span, stride, layer.padding)};
    layer.weightCount = std::int64_t(out) * (in.channels / groups) * kernel * kernel;
    layer.params = layer.weightCount + (bias ? out : 0) + (batchNorm ? 2 * out : 0);
    layer.macs = layer.output.elements() * (in.channels / groups) * kernel * kernel;
    return append(std::move(layer), name);
}

int LayerBuilder::linear(const char* name, const char* op, int out, bool bias, const char* activation) {
    const Shape in = shape();
    Layer layer = startLayer(op, LayerKind::Linear, in);
    layer.bias = bias;
    layer.activation = activation;
    layer.output = {out, 1, 1};
    layer.weightCount = in.elements() * out;
    layer.params = layer.weightCount + (bias ? out : 0);
    layer.macs = layer.weightCount;
    return append(std::move(layer), name);
}

int LayerBuilder::pool(const char* name, LayerKind kind, int kernel, int stride, int padding) {
    const Shape in = shape();
    Layer layer = startLayer(kind == LayerKind::MaxPool ? "maxpool" : "avgpool", kind, in);
    layer.kernel = kernel;
    layer.stride = stride;
    layer.padding = padding;
    layer.output = {in.channels, outputSide(in.height, kernel, stride, padding), outputSide(in.width, kernel, stride, padding)};
    return append(std::move(layer), name);
}

int LayerBuilder::globalAveragePool(const char* name) {
    Layer layer = startLayer("global_avg_pool", LayerKind::GlobalAvgPool, shape());
    layer.output = {layer.input.channels, 1, 1};
    return append(std::move(layer), name);
}

int LayerBuilder::squeezeExcite(const char* name, const char* op, int squeezeChannels, const char* gate) {
    const Shape in = shape();
    Layer layer = startLayer(op, LayerKind::SqueezeExcite, in);
    layer.squeezeChannels = squeezeChannels;
    layer.activation = gate;
    // Two 1×1 convolutions with bias on the pooled vector: C → s → C.
    layer.weightCount = 2 * std::int64_t(in.channels) * squeezeChannels;
    layer.params = layer.weightCount + squeezeChannels + in.channels;
    layer.macs = layer.weightCount;
    return append(std::move(layer), name);
}

int LayerBuilder::add(const char* name, const char* op, int other, const char* activation) {
    const Shape in = shape();
    Layer layer = startLayer(op, LayerKind::Add, in);
    layer.activation = activation;
    layer.inputs = {current_, other};
    return append(std::move(layer), name);
}

int LayerBuilder::dropout(const char* name, double probability) {
    Layer layer = startLayer("dropout", LayerKind::Dropout, shape());
    layer.dropout = probability;
    return append(std::move(layer), name);
}

int LayerBuilder::channelShuffle(const char* name, const char* op, int groups) {
    Layer layer = startLayer(op, LayerKind::ChannelShuffle, shape());
    if (groups <= 0 || layer.input.channels % groups != 0)
        throw Error("", prefix_.empty() ? std::string(name) : prefix_ + "." + name,
                    "channel shuffle with " + std::to_string(groups) + " groups needs a multiple of them, got " +
                        std::to_string(layer.input.channels) + " channels");
    layer.groups = groups;
    return append(std::move(layer), name);
}

int LayerBuilder::slice(const char* name, const char* op, int start, int count) {
    Layer layer = startLayer(op, LayerKind::Slice, shape());
    layer.sliceStart = start;
    layer.output.channels = count;
    return append(std::move(layer), name);
}

int LayerBuilder::concat(const char* name, const char* op, const std::vector<int>& parts) {
    const auto shapeOf = [&](int tensor) {
        return tensor < 0 ? architecture_.input : architecture_.layers[static_cast<std::size_t>(tensor)].output;
    };
    Layer layer = startLayer(op, LayerKind::Concat, shapeOf(parts.front()));
    layer.inputs = LayerInputs(parts);
    layer.output.channels = 0;
    for (int part : parts) {
        const Shape piece = shapeOf(part);
        if (piece.height != layer.input.height || piece.width != layer.input.width)
            throw Error("", prefix_.empty() ? std::string(name) : prefix_ + "." + name,
                        "cannot join " + piece.text() + " with " + layer.input.text() + " along channels");
        layer.output.channels += piece.channels;
    }
    return append(std::move(layer), name);
}

} // namespace edgesmith
