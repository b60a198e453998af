#include "core/export/onnx_export.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/version.h"
#include "core/export/internal/folded_weights.h"

#include <set>

#ifdef EDGESMITH_HAVE_ONNX
#include <onnx/checker.h>
#include <onnx/onnx_pb.h>
#endif

namespace edgesmith {

#ifdef EDGESMITH_HAVE_ONNX
namespace {

constexpr int kOpset = 13;

// Builds the graph node by node; tensors are named after the layers that produce them.
class GraphWriter {
public:
    GraphWriter(onnx::GraphProto& graph, OnnxSummary& summary) : graph_(graph), summary_(summary) {}

    template <typename T>
    std::string constant(const std::string& name, const std::vector<std::int64_t>& dims, const T* data, std::size_t count, int type) {
        onnx::TensorProto* tensor = graph_.add_initializer();
        tensor->set_name(name);
        for (std::int64_t dim : dims) tensor->add_dims(dim);
        tensor->set_data_type(type);
        tensor->set_raw_data(std::string(reinterpret_cast<const char*>(data), count * sizeof(T)));
        return name;
    }
    std::string floats(const std::string& name, const torch::Tensor& values, std::vector<std::int64_t> dims = {}) {
        const torch::Tensor flat = values.to(torch::kCPU).to(torch::kFloat32).contiguous();
        if (dims.empty() && flat.dim() > 0) dims = flat.sizes().vec();
        return constant(name, dims, flat.data_ptr<float>(), static_cast<std::size_t>(flat.numel()), onnx::TensorProto::FLOAT);
    }
    std::string scalar(const std::string& name, float value) { return constant(name, {}, &value, 1, onnx::TensorProto::FLOAT); }
    std::string integers(const std::string& name, const std::vector<std::int64_t>& values) {
        return constant(name, {static_cast<std::int64_t>(values.size())}, values.data(), values.size(), onnx::TensorProto::INT64);
    }
    // A shared scalar, written once.
    std::string sharedScalar(const std::string& name, float value) {
        if (shared_.insert(name).second) scalar(name, value);
        return name;
    }

    onnx::NodeProto& node(const std::string& op, const std::string& name, const std::vector<std::string>& inputs, const std::string& output) {
        onnx::NodeProto* node = graph_.add_node();
        node->set_op_type(op);
        node->set_name(name);
        for (const std::string& input : inputs) node->add_input(input);
        node->add_output(output);
        ++summary_.nodes;
        return *node;
    }
    static void ints(onnx::NodeProto& node, const char* name, const std::vector<std::int64_t>& values) {
        onnx::AttributeProto* attribute = node.add_attribute();
        attribute->set_name(name);
        attribute->set_type(onnx::AttributeProto::INTS);
        for (std::int64_t value : values) attribute->add_ints(value);
    }
    static void integer(onnx::NodeProto& node, const char* name, std::int64_t value) {
        onnx::AttributeProto* attribute = node.add_attribute();
        attribute->set_name(name);
        attribute->set_type(onnx::AttributeProto::INT);
        attribute->set_i(value);
    }
    static void real(onnx::NodeProto& node, const char* name, float value) {
        onnx::AttributeProto* attribute = node.add_attribute();
        attribute->set_name(name);
        attribute->set_type(onnx::AttributeProto::FLOAT);
        attribute->set_f(value);
    }

    // The activation after a layer (names: LAYER/relu, ...); returns the result's tensor.
    std::string activate(const std::string& input, std::string_view activation, const std::string& layer, const std::string& output) {
        if (activation.empty()) return input;
        const std::string name = layer + "/" + std::string(activation);
        if (activation == "relu") {
            node("Relu", name, {input}, output);
        } else if (activation == "relu6") {
            node("Clip", name, {input, sharedScalar("constant/zero", 0.0F), sharedScalar("constant/six", 6.0F)}, output);
        } else if (activation == "sigmoid") {
            node("Sigmoid", name, {input}, output);
        } else if (activation == "hsigmoid" || activation == "hswish") {
            // hardsigmoid(x) = clamp(x / 6 + 1/2, 0, 1); hardswish(x) = x · hardsigmoid(x).
            const std::string gate = activation == "hswish" ? name + "/gate" : output;
            onnx::NodeProto& hard = node("HardSigmoid", activation == "hswish" ? name + "/hardsigmoid" : name, {input}, gate);
            real(hard, "alpha", 1.0F / 6.0F);
            real(hard, "beta", 0.5F);
            if (activation == "hswish") node("Mul", name, {input, gate}, output);
        } else if (activation == "swish") {
            node("Sigmoid", name + "/sigmoid", {input}, name + "/gate");
            node("Mul", name, {input, name + "/gate"}, output);
        } else {
            throw Error("", "", "layer " + layer + ": no ONNX form for activation \"" + std::string(activation) + "\"");
        }
        return output;
    }

private:
    onnx::GraphProto& graph_;
    OnnxSummary& summary_;
    std::set<std::string> shared_;
};

void addValueInfo(onnx::ValueInfoProto& value, const std::string& name, const std::vector<std::int64_t>& dims, bool dynamicBatch) {
    value.set_name(name);
    onnx::TypeProto_Tensor* tensor = value.mutable_type()->mutable_tensor_type();
    tensor->set_elem_type(onnx::TensorProto::FLOAT);
    for (std::size_t index = 0; index < dims.size(); ++index) {
        onnx::TensorShapeProto_Dimension* dim = tensor->mutable_shape()->add_dim();
        if (index == 0 && dynamicBatch) dim->set_dim_param("batch");
        else dim->set_dim_value(dims[index]);
    }
}

class OnnxBuilder {
public:
    OnnxBuilder(Network& network, const ModelInfo& info, const OnnxOptions& options, onnx::GraphProto& graph, OnnxSummary& summary)
        : network_(network), module_(network.module()), info_(info), options_(options), writer_(graph, summary), summary_(summary) {}

    void build(onnx::GraphProto& graph) {
        const Architecture& architecture = network_.architecture();
        const Shape& in = architecture.input;
        addValueInfo(*graph.add_input(), "input", {options_.batch, in.channels, in.height, in.width}, options_.dynamicBatch);
        std::string current = "input";
        const auto channels = static_cast<std::int64_t>(info_.normalisation.mean.size());
        if (channels == in.channels && channels > 0) {
            writer_.floats("normalise/mean", torch::tensor(info_.normalisation.mean, torch::kFloat64), {1, channels, 1, 1});
            writer_.floats("normalise/deviation", torch::tensor(info_.normalisation.deviation, torch::kFloat64), {1, channels, 1, 1});
            writer_.node("Sub", "normalise/subtract_mean", {"input", "normalise/mean"}, "normalise/centred");
            writer_.node("Div", "normalise/divide_deviation", {"normalise/centred", "normalise/deviation"}, "normalised");
            current = "normalised";
        }
        tensors_.assign(architecture.layers.size(), "");
        networkInput_ = current;
        for (std::size_t index = 0; index < architecture.layers.size(); ++index) tensors_[index] = layer(index);
        const std::vector<std::int64_t> output = network_.outputShape(1);
        writer_.node("Identity", "output", {tensors_.empty() ? networkInput_ : tensors_.back()}, "logits");
        std::vector<std::int64_t> dims = output;
        dims[0] = options_.batch;
        addValueInfo(*graph.add_output(), "logits", dims, options_.dynamicBatch);
    }

private:
    const std::string& tensorOf(int producer) const { return producer < 0 ? networkInput_ : tensors_[static_cast<std::size_t>(producer)]; }

    // QuantizeLinear → DequantizeLinear (→ Clip for grids narrower than the integer type)
    // on a quantized layer's input, exactly EdgeSmith's fake quantization.
    std::string quantizedInput(std::size_t index, const std::string& input) {
        if (!options_.quantized || index >= module_.inputQuantizers.size() || !module_.inputQuantizers[index].active) return input;
        const auto& q = module_.inputQuantizers[index];
        const std::string& name = network_.architecture().layers[index].name;
        const bool unsignedGrid = q.qmin >= 0 && q.qmax <= 255;
        if (!unsignedGrid && (q.qmin < -128 || q.qmax > 127))
            throw Error("", "", "layer " + name + ": its input is quantized with " + std::to_string(q.qmax - q.qmin + 1) +
                                    " levels; QDQ ONNX holds at most 8-bit grids (re-quantize with ≤ 8-bit activations)");
        const std::string scale = writer_.scalar(name + "/input_scale", static_cast<float>(q.scale));
        std::string zeroPoint = name + "/input_zero_point";
        if (unsignedGrid) {
            const auto value = static_cast<std::uint8_t>(q.zeroPoint);
            writer_.constant(zeroPoint, {}, &value, 1, onnx::TensorProto::UINT8);
        } else {
            const auto value = static_cast<std::int8_t>(q.zeroPoint);
            writer_.constant(zeroPoint, {}, &value, 1, onnx::TensorProto::INT8);
        }
        writer_.node("QuantizeLinear", name + "/input_quantize", {input, scale, zeroPoint}, name + "/input_quantized");
        const bool clipped = unsignedGrid ? (q.qmin > 0 || q.qmax < 255) : (q.qmin > -128 || q.qmax < 127);
        const std::string dequantized = name + "/input_dequantized";
        writer_.node("DequantizeLinear", name + "/input_dequantize", {name + "/input_quantized", scale, zeroPoint}, clipped ? dequantized + "_wide" : dequantized);
        if (clipped) {
            const std::string low = writer_.scalar(name + "/input_low", static_cast<float>(double(q.qmin - q.zeroPoint) * q.scale));
            const std::string high = writer_.scalar(name + "/input_high", static_cast<float>(double(q.qmax - q.zeroPoint) * q.scale));
            writer_.node("Clip", name + "/input_clip", {dequantized + "_wide", low, high}, dequantized);
        }
        ++summary_.quantizedInputs;
        return dequantized;
    }

    // The weight input of a convolution or Gemm: int8 integers behind DequantizeLinear
    // when the layer is quantized, else the float (folded) weights.
    std::string weightInput(std::size_t index, FoldedWeights& folded) {
        const std::string& name = network_.architecture().layers[index].name;
        if (options_.quantized) addIntegerWeights(folded, module_, index, 0);
        if (!folded.integers.defined()) return writer_.floats(name + "/weight", folded.weight);
        const torch::Tensor integers = folded.integers;
        writer_.constant(name + "/weight_quantized", integers.sizes().vec(), integers.data_ptr<std::int8_t>(), static_cast<std::size_t>(integers.numel()),
                         onnx::TensorProto::INT8);
        writer_.floats(name + "/weight_scale", folded.scales);
        const std::vector<std::int8_t> zeros(static_cast<std::size_t>(folded.scales.numel()), 0);
        writer_.constant(name + "/weight_zero_point", {folded.scales.numel()}, zeros.data(), zeros.size(), onnx::TensorProto::INT8);
        onnx::NodeProto& node = writer_.node("DequantizeLinear", name + "/weight_dequantize",
                                             {name + "/weight_quantized", name + "/weight_scale", name + "/weight_zero_point"}, name + "/weight");
        GraphWriter::integer(node, "axis", 0);
        ++summary_.quantizedLayers;
        return name + "/weight";
    }

    std::string layer(std::size_t index) {
        const Layer& layer = network_.architecture().layers[index];
        const std::string& name = layer.name;
        const std::string& x = tensorOf(layer.inputs.front());
        const std::string output = name;
        switch (layer.kind) {
        case LayerKind::Conv: {
            FoldedWeights folded = foldedWeights(module_, index);
            const std::string input = quantizedInput(index, x);
            const std::string weight = weightInput(index, folded);
            std::vector<std::string> inputs{input, weight};
            if (folded.hasBias) inputs.push_back(writer_.floats(name + "/bias", folded.bias));
            const std::string convolved = layer.activation.empty() ? output : name + "/convolved";
            onnx::NodeProto& node = writer_.node("Conv", name, inputs, convolved);
            GraphWriter::ints(node, "kernel_shape", {layer.kernel, layer.kernel});
            GraphWriter::ints(node, "strides", {layer.stride, layer.stride});
            GraphWriter::ints(node, "pads", {layer.padding, layer.padding, layer.padding, layer.padding});
            GraphWriter::ints(node, "dilations", {layer.dilation, layer.dilation});
            GraphWriter::integer(node, "group", layer.groups);
            return writer_.activate(convolved, layer.activation, name, output);
        }
        case LayerKind::Linear: {
            FoldedWeights folded = foldedWeights(module_, index);
            writer_.node("Flatten", name + "/flatten", {x}, name + "/flat");
            const std::string input = quantizedInput(index, name + "/flat");
            std::vector<std::string> inputs{input, weightInput(index, folded)};
            if (folded.hasBias) inputs.push_back(writer_.floats(name + "/bias", folded.bias));
            const std::string product = layer.activation.empty() ? output : name + "/product";
            onnx::NodeProto& node = writer_.node("Gemm", name, inputs, product);
            GraphWriter::integer(node, "transB", 1);
            return writer_.activate(product, layer.activation, name, output);
        }
        case LayerKind::MaxPool:
        case LayerKind::AvgPool: {
            onnx::NodeProto& node = writer_.node(layer.kind == LayerKind::MaxPool ? "MaxPool" : "AveragePool", name, {x}, output);
            GraphWriter::ints(node, "kernel_shape", {layer.kernel, layer.kernel});
            GraphWriter::ints(node, "strides", {layer.stride, layer.stride});
            GraphWriter::ints(node, "pads", {layer.padding, layer.padding, layer.padding, layer.padding});
            // LibTorch's average counts the zero padding; ONNX's default does not.
            if (layer.kind == LayerKind::AvgPool) GraphWriter::integer(node, "count_include_pad", 1);
            return output;
        }
        case LayerKind::GlobalAvgPool:
            writer_.node("GlobalAveragePool", name, {x}, output);
            return output;
        case LayerKind::SqueezeExcite: {
            const NetworkModuleImpl::Step& step = module_.steps[index];
            writer_.node("GlobalAveragePool", name + "/pool", {x}, name + "/pooled");
            onnx::NodeProto& reduce = writer_.node("Conv", name + "/reduce", {name + "/pooled", writer_.floats(name + "/reduce_weight", step.squeeze->weight.detach()),
                                                                            writer_.floats(name + "/reduce_bias", step.squeeze->bias.detach())},
                                                   name + "/reduced");
            GraphWriter::ints(reduce, "kernel_shape", {1, 1});
            writer_.node("Relu", name + "/reduce/relu", {name + "/reduced"}, name + "/reduced_relu");
            onnx::NodeProto& expand = writer_.node("Conv", name + "/expand", {name + "/reduced_relu", writer_.floats(name + "/expand_weight", step.excite->weight.detach()),
                                                                            writer_.floats(name + "/expand_bias", step.excite->bias.detach())},
                                                   name + "/expanded");
            GraphWriter::ints(expand, "kernel_shape", {1, 1});
            const std::string gate = writer_.activate(name + "/expanded", layer.activation, name, name + "/gate");
            writer_.node("Mul", name, {x, gate}, output);
            return output;
        }
        case LayerKind::Add: {
            const std::string sum = layer.activation.empty() ? output : name + "/sum";
            writer_.node("Add", name, {x, tensorOf(layer.inputs[1])}, sum);
            return writer_.activate(sum, layer.activation, name, output);
        }
        case LayerKind::Dropout:
            return x; // identity at inference
        case LayerKind::Flatten: {
            onnx::NodeProto& node = writer_.node("Flatten", name, {x}, output);
            GraphWriter::integer(node, "axis", 1);
            return output;
        }
        case LayerKind::ChannelShuffle: {
            const Shape& shape = layer.input;
            const std::int64_t groups = layer.groups;
            writer_.node("Reshape", name + "/split", {x, writer_.integers(name + "/grouped_shape", {0, groups, shape.channels / groups, shape.height, shape.width})},
                         name + "/grouped");
            onnx::NodeProto& transpose = writer_.node("Transpose", name + "/transpose", {name + "/grouped"}, name + "/transposed");
            GraphWriter::ints(transpose, "perm", {0, 2, 1, 3, 4});
            writer_.node("Reshape", name, {name + "/transposed", writer_.integers(name + "/shape", {0, shape.channels, shape.height, shape.width})}, output);
            return output;
        }
        case LayerKind::Slice:
            writer_.node("Slice", name,
                         {x, writer_.integers(name + "/starts", {layer.sliceStart}), writer_.integers(name + "/ends", {layer.sliceStart + layer.output.channels}),
                          writer_.integers(name + "/axes", {1})},
                         output);
            return output;
        case LayerKind::Concat: {
            std::vector<std::string> inputs;
            for (int producer : layer.inputs) inputs.push_back(tensorOf(producer));
            onnx::NodeProto& node = writer_.node("Concat", name, inputs, output);
            GraphWriter::integer(node, "axis", 1);
            return output;
        }
        }
        throw Error("", "", "layer " + name + ": no ONNX form for its kind");
    }

    Network& network_;
    NetworkModuleImpl& module_;
    const ModelInfo& info_;
    const OnnxOptions& options_;
    GraphWriter writer_;
    OnnxSummary& summary_;
    std::vector<std::string> tensors_;
    std::string networkInput_;
};

void addMetadata(onnx::ModelProto& model, const std::string& key, const std::string& value) {
    onnx::StringStringEntryProto* entry = model.add_metadata_props();
    entry->set_key(key);
    entry->set_value(value);
}

} // namespace

OnnxSummary writeOnnx(Network& network, const ModelInfo& info, const std::filesystem::path& file, const OnnxOptions& options) {
    if (options.quantized && !isQuantized(network))
        throw Error(file.string(), "", "an int8 (QDQ) export needs a quantized network: quantize it first (post-training quantization calibrates the activation ranges)");
    if (options.batch < 1) throw Error(file.string(), "", "the batch size must be at least 1");
    if (info.normalisation.mean.size() != static_cast<std::size_t>(network.architecture().input.channels))
        throw Error(file.string(), "", "the model's input normalisation has " + std::to_string(info.normalisation.mean.size()) + " channels, its input " +
                                           std::to_string(network.architecture().input.channels));
    torch::NoGradGuard guard;
    OnnxSummary summary;
    summary.opset = kOpset;
    onnx::ModelProto model;
    model.set_ir_version(7); // the IR of opset 13
    model.set_producer_name("EdgeSmith");
    model.set_producer_version(kVersion);
    model.set_model_version(1);
    model.set_doc_string(info.genotype);
    onnx::OperatorSetIdProto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOpset);
    onnx::GraphProto* graph = model.mutable_graph();
    graph->set_name(info.name.empty() ? "edgesmith" : info.name);
    try {
        OnnxBuilder(network, info, options, *graph, summary).build(*graph);
    } catch (const Error& error) {
        if (!error.file().empty()) throw;
        throw Error(file.string(), error.path(), error.message());
    }
    addMetadata(model, "edgesmith.genotype", info.genotype);
    addMetadata(model, "edgesmith.input", "pixels on a 0..1 scale, N×C×H×W; normalised inside the graph");
    addMetadata(model, "edgesmith.quantization", options.quantized ? "QDQ: int8 weights per output channel, activations as calibrated" : "float");
    if (!info.source.empty()) addMetadata(model, "edgesmith.source", info.source.dump());
    try {
        onnx::checker::check_model(model);
    } catch (const std::exception& error) {
        throw Error(file.string(), "", std::string("the ONNX checker rejects the model EdgeSmith built (a bug; please report it): ") + error.what());
    }
    std::string bytes;
    if (!model.SerializeToString(&bytes)) throw Error(file.string(), "", "cannot serialise the ONNX model (over 2 GB?)");
    writeFileAtomically(file, bytes);
    summary.bytes = static_cast<std::int64_t>(bytes.size());
    return summary;
}

#else

OnnxSummary writeOnnx(Network&, const ModelInfo&, const std::filesystem::path& file, const OnnxOptions&) {
    throw Error(file.string(), "", "this EdgeSmith was built without the ONNX library (install libonnx-dev and rebuild)");
}

#endif

} // namespace edgesmith
