#include "core/space/operators.h"

#include "core/common/error.h"

#include <cmath>

namespace edgesmith {
namespace {

using schema::Node;

const std::vector<std::string> kActivations = {"none", "relu", "relu6", "hswish", "swish", "sigmoid", "hsigmoid"};

Node activation(const char* fallback) { return Node::choice(kActivations, "Activation after the layer").byDefault(fallback); }
Node kernel() { return Node::integer("Kernel size (odd)").atLeast(1).atMost(11).byDefault(3); }
Node stride() { return Node::integer("Stride").atLeast(1).atMost(4).byDefault(1); }
Node out() { return Node::integer("Output channels").atLeast(1).atMost(100000); }
Node bits(const char* description) { return Node::integer(description).atLeast(2).atMost(32).byDefault(32); }

// Static storage for activation names, so params hold a pointer and copy for free.
const char* const kActivationNames[] = {"", "relu", "relu6", "hswish", "swish", "sigmoid", "hsigmoid"};

const char* activationName(const std::string& name) {
    for (const char* known : kActivationNames)
        if (name == known) return known;
    return ""; // "none"
}

// MnasNet / EfficientNet-style inverted residual; fused replaces expand + depthwise by one k×k conv.
void invertedResidual(const OperatorParams& p, LayerBuilder& builder, bool fused) {
    const int input = builder.current();
    const int in = builder.shape().channels;
    const int outChannels = p.out;
    const int k = p.kernel;
    const int s = p.stride;
    const double expansion = p.expansion;
    const int hidden = static_cast<int>(std::lround(in * expansion));
    const char* a = p.activation;
    const char* op = fused ? "fused_mbconv" : "mbconv";
    if (fused) {
        if (expansion == 1.0) {
            builder.conv("conv", op, outChannels, k, s, 1, a);
        } else {
            builder.conv("expand", op, hidden, k, s, 1, a);
        }
    } else {
        if (expansion != 1.0) builder.conv("expand", op, hidden, 1, 1, 1, a);
        builder.conv("depthwise", op, builder.shape().channels, k, s, builder.shape().channels, a);
    }
    if (p.se) {
        const int squeeze = std::max(1, static_cast<int>(in * p.seRatio));
        builder.squeezeExcite("se", op, squeeze);
    }
    if (!(fused && expansion == 1.0)) builder.conv("project", op, outChannels, 1, 1, 1, "");
    if (s == 1 && in == outChannels) builder.add("residual", op, input);
}

Node invertedResidualFields(const char* description) {
    return Node::object(description)
        .required("out", out())
        .field("kernel", kernel())
        .field("stride", stride())
        .field("expansion", Node::number("Expansion ratio of the hidden width").atLeast(1).atMost(16).byDefault(6))
        .field("se", Node::boolean("Squeeze-and-excitation").byDefault(false))
        .field("se_ratio", Node::number("Squeeze width as a fraction of the block's input").above(0).atMost(1).byDefault(0.25))
        .field("activation", activation("relu6"));
}

void add(std::vector<OperatorInfo>& operators, std::string name, std::string description, bool searchable, Node fields,
         std::function<void(const OperatorParams&, LayerBuilder&)> build) {
    OperatorInfo info;
    info.name = std::move(name);
    info.description = std::move(description);
    info.searchable = searchable;
    // Every operator may quantize what it builds; layers without weights ignore it.
    fields = std::move(fields)
                 .field("weight_bits", bits("Weight bitwidth of its convolutions and linear layers: 2–16, or 32 for float"))
                 .field("activation_bits", bits("Input bitwidth of its convolutions and linear layers: 2–16, or 32 for float"));
    for (const auto& field : fields.fields()) {
        const ParamField known = paramField(field.name);
        if (known != ParamField::Count) info.accepted.set(static_cast<std::size_t>(known));
    }
    info.fields = std::move(fields);
    info.build = std::move(build);
    operators.push_back(std::move(info));
}

std::vector<OperatorInfo> makeCatalog() {
    std::vector<OperatorInfo> operators;
    add(operators, "conv", "Standard convolution + batch norm + activation", true,
                         Node::object()
                             .required("out", out())
                             .field("kernel", kernel())
                             .field("stride", stride())
                             .field("groups", Node::integer("Groups").atLeast(1).byDefault(1))
                             .field("padding", Node::integer("Padding (-1: kernel / 2)").atLeast(-1).byDefault(-1))
                             .field("bn", Node::boolean("Batch norm").byDefault(true))
                             .field("bias", Node::boolean("Bias").byDefault(false))
                             .field("activation", activation("relu")),
                         [](const OperatorParams& f, LayerBuilder& b) {
                             b.conv("conv", "conv", f.out, f.kernel, f.stride,
                                    f.groups, f.activation, f.bn, f.bias, f.padding);
                         });
    add(operators, "dwconv", "Depthwise convolution + batch norm + activation", true,
                         Node::object().field("kernel", kernel()).field("stride", stride()).field("activation", activation("relu")),
                         [](const OperatorParams& f, LayerBuilder& b) {
                             const int channels = b.shape().channels;
                             b.conv("depthwise", "dwconv", channels, f.kernel, f.stride, channels, f.activation);
                         });
    add(operators, "pwconv", "Pointwise (1×1) convolution + batch norm + activation", true,
                         Node::object().required("out", out()).field("activation", activation("relu")),
                         [](const OperatorParams& f, LayerBuilder& b) { b.conv("pointwise", "pwconv", f.out, 1, 1, 1, f.activation); });
    add(operators, "dsconv", "Depthwise-separable convolution (MobileNetV1): depthwise k×k, then pointwise", true,
                         Node::object().required("out", out()).field("kernel", kernel()).field("stride", stride()).field("activation", activation("relu")),
                         [](const OperatorParams& f, LayerBuilder& b) {
                             const int channels = b.shape().channels;
                             b.conv("depthwise", "dsconv", channels, f.kernel, f.stride, channels, f.activation);
                             b.conv("pointwise", "dsconv", f.out, 1, 1, 1, f.activation);
                         });
    add(operators, "mbconv", "Inverted residual (MobileNetV2 / MnasNet): 1×1 expand, k×k depthwise, optional SE, 1×1 project; residual when shapes match", true,
                         invertedResidualFields("MBConv"), [](const OperatorParams& f, LayerBuilder& b) { invertedResidual(f, b, false); });
    add(operators, "fused_mbconv", "Fused inverted residual (EfficientNetV2): k×k expand, optional SE, 1×1 project", true,
                         invertedResidualFields("Fused MBConv"), [](const OperatorParams& f, LayerBuilder& b) { invertedResidual(f, b, true); });
    add(operators, "basic", "ResNet basic block: two 3×3 convolutions, projection shortcut when the shape changes", true,
                         Node::object().required("out", out()).field("stride", stride()).field("activation", activation("relu")),
                         [](const OperatorParams& f, LayerBuilder& b) {
                             const int input = b.current();
                             const int in = b.shape().channels;
                             const int outChannels = f.out;
                             const int s = f.stride;
                             b.conv("conv1", "basic", outChannels, 3, s, 1, f.activation);
                             b.conv("conv2", "basic", outChannels, 3, 1, 1, "");
                             int shortcut = input;
                             if (s != 1 || in != outChannels) {
                                 const int main = b.current();
                                 b.setCurrent(input);
                                 shortcut = b.conv("downsample", "basic", outChannels, 1, s, 1, "", true, false, 0);
                                 b.setCurrent(main);
                             }
                             b.add("residual", "basic", shortcut, f.activation);
                         });
    add(operators, "gconv", "Group convolution + batch norm + activation, then a channel shuffle (ShuffleNetV1, FBNet)", true,
                         Node::object()
                             .required("out", out())
                             .field("kernel", kernel().byDefault(1))
                             .field("stride", stride())
                             .field("groups", Node::integer("Groups (searchable)").atLeast(1).atMost(64).byDefault(2))
                             .field("shuffle", Node::boolean("Shuffle channels across groups afterwards").byDefault(true))
                             .field("activation", activation("relu")),
                         [](const OperatorParams& f, LayerBuilder& b) {
                             const int groups = f.groups;
                             b.conv("conv", "gconv", f.out, f.kernel, f.stride, groups, f.activation);
                             if (f.shuffle && groups > 1) b.channelShuffle("shuffle", "gconv", groups);
                         });
    add(operators, "shuffle_unit", "ShuffleNetV2 unit: channel split (or two strided branches), 1×1 / 3×3 depthwise / 1×1, concat, channel shuffle", true,
                         Node::object().required("out", out()).field("stride", stride()).field("kernel", kernel()).field("activation", activation("relu")),
                         [](const OperatorParams& f, LayerBuilder& b) {
                             const int input = b.current();
                             const int in = b.shape().channels;
                             const int outChannels = f.out;
                             const int s = f.stride;
                             const int k = f.kernel;
                             const char* a = f.activation;
                             if (outChannels % 2 != 0)
                                 throw Error("", b.prefix(), "a shuffle unit needs an even width, got " + std::to_string(outChannels));
                             const int half = outChannels / 2;
                             int left = -1;
                             if (s == 1 && in == outChannels) {
                                 left = b.slice("split_left", "shuffle_unit", 0, in / 2);
                                 b.setCurrent(input);
                                 b.slice("split_right", "shuffle_unit", in / 2, in - in / 2);
                             } else {
                                 b.conv("branch1_depthwise", "shuffle_unit", in, k, s, in, "");
                                 left = b.conv("branch1_pointwise", "shuffle_unit", half, 1, 1, 1, a);
                                 b.setCurrent(input);
                             }
                             b.conv("branch2_pointwise1", "shuffle_unit", half, 1, 1, 1, a);
                             b.conv("branch2_depthwise", "shuffle_unit", half, k, s, half, "");
                             const int right = b.conv("branch2_pointwise2", "shuffle_unit", half, 1, 1, 1, a);
                             b.concat("concat", "shuffle_unit", {left, right});
                             b.channelShuffle("shuffle", "shuffle_unit", 2);
                         });
    add(operators, "skip", "Identity: the block is skipped (FBNet's skip choice); never offered for a stage's first block", true,
                         Node::object(), [](const OperatorParams&, LayerBuilder&) {});
    add(operators, "maxpool", "Max pooling", false,
                         Node::object().field("kernel", kernel()).field("stride", stride().byDefault(2)).field("padding", Node::integer().atLeast(0).byDefault(0)),
                         [](const OperatorParams& f, LayerBuilder& b) {
                             b.pool("maxpool", LayerKind::MaxPool, f.kernel, f.stride, f.padding);
                         });
    add(operators, "avgpool", "Average pooling", false,
                         Node::object().field("kernel", kernel()).field("stride", stride().byDefault(2)).field("padding", Node::integer().atLeast(0).byDefault(0)),
                         [](const OperatorParams& f, LayerBuilder& b) {
                             b.pool("avgpool", LayerKind::AvgPool, f.kernel, f.stride, f.padding);
                         });
    add(operators, "global_avg_pool", "Global average pooling to C×1×1", false, Node::object(),
                         [](const OperatorParams&, LayerBuilder& b) { b.globalAveragePool("pool"); });
    add(operators, "dropout", "Dropout (training only; no parameters)", false,
                         Node::object().field("p", Node::number("Drop probability").atLeast(0).below(1).byDefault(0.2)),
                         [](const OperatorParams& f, LayerBuilder& b) { b.dropout("dropout", f.dropout); });
    add(operators, "linear", "Fully connected layer on the flattened input", false,
                         Node::object().required("out", out()).field("bias", Node::boolean().byDefault(true)).field("activation", activation("none")),
                         [](const OperatorParams& f, LayerBuilder& b) { b.linear("linear", "linear", f.out, f.bias, f.activation); });
    return operators;
}

} // namespace

ParamField paramField(const std::string& key) {
    static const std::pair<const char*, ParamField> names[] = {
        {"out", ParamField::Out},         {"kernel", ParamField::Kernel},   {"stride", ParamField::Stride},
        {"groups", ParamField::Groups},   {"padding", ParamField::Padding}, {"expansion", ParamField::Expansion},
        {"se", ParamField::Se},           {"se_ratio", ParamField::SeRatio}, {"bn", ParamField::Bn},
        {"bias", ParamField::Bias},       {"shuffle", ParamField::Shuffle}, {"activation", ParamField::Activation},
        {"p", ParamField::Dropout},       {"weight_bits", ParamField::WeightBits}, {"activation_bits", ParamField::ActivationBits}};
    for (const auto& [name, field] : names)
        if (key == name) return field;
    return ParamField::Count;
}

void OperatorParams::set(ParamField field, const Json& value) {
    switch (field) {
    case ParamField::Out: out = value.get<int>(); break;
    case ParamField::Kernel: kernel = value.get<int>(); break;
    case ParamField::Stride: stride = value.get<int>(); break;
    case ParamField::Groups: groups = value.get<int>(); break;
    case ParamField::Padding: padding = value.get<int>(); break;
    case ParamField::Expansion: expansion = value.get<double>(); break;
    case ParamField::Se: se = value.get<bool>(); break;
    case ParamField::SeRatio: seRatio = value.get<double>(); break;
    case ParamField::Bn: bn = value.get<bool>(); break;
    case ParamField::Bias: bias = value.get<bool>(); break;
    case ParamField::Shuffle: shuffle = value.get<bool>(); break;
    case ParamField::Activation: activation = activationName(value.get<std::string>()); break;
    case ParamField::Dropout: dropout = value.get<double>(); break;
    case ParamField::WeightBits: weightBits = value.get<int>(); break;
    case ParamField::ActivationBits: activationBits = value.get<int>(); break;
    case ParamField::Count: break;
    }
}

OperatorParams OperatorInfo::params(const Json& values) const {
    OperatorParams result;
    const Json filled = schema::withDefaults(values.is_object() ? values : Json::object(), fields);
    for (auto entry = filled.begin(); entry != filled.end(); ++entry) {
        const ParamField field = paramField(entry.key());
        if (field != ParamField::Count && accepts(field)) result.set(field, entry.value());
    }
    return result;
}

const std::vector<OperatorInfo>& operatorCatalog() {
    static const std::vector<OperatorInfo> operators = makeCatalog();
    return operators;
}

const OperatorInfo* findOperator(const std::string& name) {
    for (const auto& info : operatorCatalog())
        if (info.name == name) return &info;
    return nullptr;
}

std::vector<std::string> operatorNames() {
    std::vector<std::string> names;
    for (const auto& info : operatorCatalog()) names.push_back(info.name);
    return names;
}

int makeDivisible(double value, int divisor) {
    int rounded = std::max(divisor, static_cast<int>(value + divisor / 2.0) / divisor * divisor);
    if (rounded < 0.9 * value) rounded += divisor;
    return rounded;
}

} // namespace edgesmith
