#include "core/space/operators.h"

#include <cmath>

namespace edgesmith {
namespace {

using schema::Node;

const std::vector<std::string> kActivations = {"none", "relu", "relu6", "hswish", "swish", "sigmoid", "hsigmoid"};

Node activation(const char* fallback) { return Node::choice(kActivations, "Activation after the layer").byDefault(fallback); }
Node kernel() { return Node::integer("Kernel size (odd)").atLeast(1).atMost(11).byDefault(3); }
Node stride() { return Node::integer("Stride").atLeast(1).atMost(4).byDefault(1); }
Node out() { return Node::integer("Output channels").atLeast(1).atMost(100000); }

std::string act(const Json& fields, const char* key = "activation") {
    const std::string name = fields.value(key, std::string("none"));
    return name == "none" ? std::string() : name;
}

// MnasNet / EfficientNet-style inverted residual; fused replaces expand + depthwise by one k×k conv.
void invertedResidual(const Json& fields, LayerBuilder& builder, bool fused) {
    const int input = builder.current();
    const int in = builder.shape().channels;
    const int outChannels = fields["out"].get<int>();
    const int k = fields["kernel"].get<int>();
    const int s = fields["stride"].get<int>();
    const double expansion = fields["expansion"].get<double>();
    const int hidden = static_cast<int>(std::lround(in * expansion));
    const std::string a = act(fields);
    const std::string op = fused ? "fused_mbconv" : "mbconv";
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
    if (fields["se"].get<bool>()) {
        const int squeeze = std::max(1, static_cast<int>(in * fields["se_ratio"].get<double>()));
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

std::vector<OperatorInfo> makeCatalog() {
    std::vector<OperatorInfo> operators;
    operators.push_back({"conv", "Standard convolution + batch norm + activation", true,
                         Node::object()
                             .required("out", out())
                             .field("kernel", kernel())
                             .field("stride", stride())
                             .field("groups", Node::integer("Groups").atLeast(1).byDefault(1))
                             .field("padding", Node::integer("Padding (-1: kernel / 2)").atLeast(-1).byDefault(-1))
                             .field("bn", Node::boolean("Batch norm").byDefault(true))
                             .field("bias", Node::boolean("Bias").byDefault(false))
                             .field("activation", activation("relu")),
                         [](const Json& f, LayerBuilder& b) {
                             b.conv("conv", "conv", f["out"].get<int>(), f["kernel"].get<int>(), f["stride"].get<int>(),
                                    f["groups"].get<int>(), act(f), f["bn"].get<bool>(), f["bias"].get<bool>(), f["padding"].get<int>());
                         }});
    operators.push_back({"dwconv", "Depthwise convolution + batch norm + activation", true,
                         Node::object().field("kernel", kernel()).field("stride", stride()).field("activation", activation("relu")),
                         [](const Json& f, LayerBuilder& b) {
                             const int channels = b.shape().channels;
                             b.conv("depthwise", "dwconv", channels, f["kernel"].get<int>(), f["stride"].get<int>(), channels, act(f));
                         }});
    operators.push_back({"pwconv", "Pointwise (1×1) convolution + batch norm + activation", true,
                         Node::object().required("out", out()).field("activation", activation("relu")),
                         [](const Json& f, LayerBuilder& b) { b.conv("pointwise", "pwconv", f["out"].get<int>(), 1, 1, 1, act(f)); }});
    operators.push_back({"dsconv", "Depthwise-separable convolution (MobileNetV1): depthwise k×k, then pointwise", true,
                         Node::object().required("out", out()).field("kernel", kernel()).field("stride", stride()).field("activation", activation("relu")),
                         [](const Json& f, LayerBuilder& b) {
                             const int channels = b.shape().channels;
                             b.conv("depthwise", "dsconv", channels, f["kernel"].get<int>(), f["stride"].get<int>(), channels, act(f));
                             b.conv("pointwise", "dsconv", f["out"].get<int>(), 1, 1, 1, act(f));
                         }});
    operators.push_back({"mbconv", "Inverted residual (MobileNetV2 / MnasNet): 1×1 expand, k×k depthwise, optional SE, 1×1 project; residual when shapes match", true,
                         invertedResidualFields("MBConv"), [](const Json& f, LayerBuilder& b) { invertedResidual(f, b, false); }});
    operators.push_back({"fused_mbconv", "Fused inverted residual (EfficientNetV2): k×k expand, optional SE, 1×1 project", true,
                         invertedResidualFields("Fused MBConv"), [](const Json& f, LayerBuilder& b) { invertedResidual(f, b, true); }});
    operators.push_back({"basic", "ResNet basic block: two 3×3 convolutions, projection shortcut when the shape changes", true,
                         Node::object().required("out", out()).field("stride", stride()).field("activation", activation("relu")),
                         [](const Json& f, LayerBuilder& b) {
                             const int input = b.current();
                             const int in = b.shape().channels;
                             const int outChannels = f["out"].get<int>();
                             const int s = f["stride"].get<int>();
                             b.conv("conv1", "basic", outChannels, 3, s, 1, act(f));
                             b.conv("conv2", "basic", outChannels, 3, 1, 1, "");
                             int shortcut = input;
                             if (s != 1 || in != outChannels) {
                                 const int main = b.current();
                                 b.setCurrent(input);
                                 shortcut = b.conv("downsample", "basic", outChannels, 1, s, 1, "", true, false, 0);
                                 b.setCurrent(main);
                             }
                             b.add("residual", "basic", shortcut, act(f));
                         }});
    operators.push_back({"maxpool", "Max pooling", false,
                         Node::object().field("kernel", kernel()).field("stride", stride().byDefault(2)).field("padding", Node::integer().atLeast(0).byDefault(0)),
                         [](const Json& f, LayerBuilder& b) {
                             b.pool("maxpool", LayerKind::MaxPool, f["kernel"].get<int>(), f["stride"].get<int>(), f["padding"].get<int>());
                         }});
    operators.push_back({"avgpool", "Average pooling", false,
                         Node::object().field("kernel", kernel()).field("stride", stride().byDefault(2)).field("padding", Node::integer().atLeast(0).byDefault(0)),
                         [](const Json& f, LayerBuilder& b) {
                             b.pool("avgpool", LayerKind::AvgPool, f["kernel"].get<int>(), f["stride"].get<int>(), f["padding"].get<int>());
                         }});
    operators.push_back({"global_avg_pool", "Global average pooling to C×1×1", false, Node::object(),
                         [](const Json&, LayerBuilder& b) { b.globalAveragePool("pool"); }});
    operators.push_back({"dropout", "Dropout (training only; no parameters)", false,
                         Node::object().field("p", Node::number("Drop probability").atLeast(0).below(1).byDefault(0.2)),
                         [](const Json& f, LayerBuilder& b) { b.dropout("dropout", f["p"].get<double>()); }});
    operators.push_back({"linear", "Fully connected layer on the flattened input", false,
                         Node::object().required("out", out()).field("bias", Node::boolean().byDefault(true)).field("activation", activation("none")),
                         [](const Json& f, LayerBuilder& b) { b.linear("linear", "linear", f["out"].get<int>(), f["bias"].get<bool>(), act(f)); }});
    return operators;
}

} // namespace

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
