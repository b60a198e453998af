#pragma once
// Private to core/compress: rebuilding an architecture layer by layer through the
// LayerBuilder (so every shape and metric follows its rule) after a method changed some
// layers, and carrying trained tensors from one network module to another.
#include "core/common/error.h"
#include "core/nn/internal/network_module.h"
#include "core/space/layer_builder.h"

#include <vector>

namespace edgesmith {

inline bool depthwise(const Layer& layer) {
    return layer.kind == LayerKind::Conv && layer.groups > 1 && layer.groups == layer.input.channels && layer.groups == layer.output.channels;
}

// Appends a layer like `layer` to `target` through its `builder`, reading `inputs` (indices in the new
// architecture); a convolution writes `outputChannels` (a depthwise one follows its input).
// Returns the new layer's index; it keeps the original's name, operator and bitwidths.
inline int appendLike(Architecture& target, LayerBuilder& builder, const Layer& layer, const std::vector<int>& inputs, int outputChannels) {
    builder.setCurrent(inputs.front());
    const char* op = layer.op.data();
    // A default string_view has no data; the builder wants a C string.
    const char* activation = layer.activation.empty() ? "" : layer.activation.data();
    switch (layer.kind) {
    case LayerKind::Conv: {
        const int in = builder.shape().channels;
        const bool channelwise = depthwise(layer);
        builder.conv("", op, channelwise ? in : outputChannels, layer.kernel, layer.stride, channelwise ? in : layer.groups, activation,
                     layer.batchNorm, layer.bias, layer.padding, layer.dilation);
        break;
    }
    case LayerKind::Linear: builder.linear("", op, layer.output.channels, layer.bias, activation); break;
    case LayerKind::MaxPool:
    case LayerKind::AvgPool: builder.pool("", layer.kind, layer.kernel, layer.stride, layer.padding); break;
    case LayerKind::GlobalAvgPool: builder.globalAveragePool(""); break;
    case LayerKind::SqueezeExcite: builder.squeezeExcite("", op, layer.squeezeChannels, activation); break;
    case LayerKind::Add: builder.add("", op, inputs[1], activation); break;
    case LayerKind::Dropout: builder.dropout("", layer.dropout); break;
    case LayerKind::ChannelShuffle: builder.channelShuffle("", op, layer.groups); break;
    case LayerKind::Slice: builder.slice("", op, layer.sliceStart, layer.output.channels); break;
    case LayerKind::Concat: builder.concat("", op, inputs); break;
    case LayerKind::Flatten: throw Error("", layer.name, "this compression method does not handle flatten layers");
    }
    Layer& copy = target.layers.back();
    copy.name = layer.name;
    copy.op = layer.op;
    copy.weightBits = layer.weightBits;
    copy.activationBits = layer.activationBits;
    return builder.current();
}

// Every parameter and buffer of `from` into `to`, a module of the same shapes.
inline void copyState(const torch::nn::Module& from, torch::nn::Module& to) {
    torch::NoGradGuard guard;
    const auto sourceParameters = from.parameters(), targetParameters = to.parameters();
    for (std::size_t index = 0; index < sourceParameters.size(); ++index) targetParameters[index].copy_(sourceParameters[index]);
    const auto sourceBuffers = from.buffers(), targetBuffers = to.buffers();
    for (std::size_t index = 0; index < sourceBuffers.size(); ++index) targetBuffers[index].copy_(sourceBuffers[index]);
}

// The same, step by step: a layer kept as it was by a method that rebuilt the network.
inline void copyStep(const NetworkModuleImpl::Step& from, NetworkModuleImpl::Step& to) {
    const auto copy = [](const auto& source, const auto& target) {
        if (!source.is_empty() && !target.is_empty()) copyState(*source.ptr(), *target.ptr());
    };
    copy(from.conv, to.conv);
    copy(from.norm, to.norm);
    copy(from.linear, to.linear);
    copy(from.squeeze, to.squeeze);
    copy(from.excite, to.excite);
}

} // namespace edgesmith
