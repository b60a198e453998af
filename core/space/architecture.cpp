#include "core/space/architecture.h"

#include <algorithm>
#include <mutex>
#include <set>

#include "core/common/error.h"

#include "core/common/json.h"

namespace edgesmith {
namespace {

constexpr const char* kKindNames[] = {"conv", "linear", "maxpool", "avgpool", "global_avg_pool", "squeeze_excite", "add",
                                      "dropout", "flatten", "channel_shuffle", "slice", "concat"};
constexpr const char* kActivations[] = {"", "relu", "relu6", "hswish", "swish", "sigmoid", "hsigmoid"};

// Layer::op points at static strings; operator names read from a file are kept here for
// the life of the program (a handful of distinct names).
std::string_view internedOperator(const std::string& name) {
    static std::mutex mutex;
    static std::set<std::string, std::less<>> names;
    const std::lock_guard lock(mutex);
    return *names.insert(name).first;
}

// Explicit bitwidths when given, else the layer's own.
int weightBitsOf(const Architecture& architecture, const Bitwidths& bits, std::size_t index) {
    return bits.weights.empty() ? (index < architecture.layers.size() ? architecture.layers[index].weightBits : 32) : bits.weightBits(index);
}
int activationBitsOf(const Architecture& architecture, const Bitwidths& bits, std::size_t index) {
    return bits.activations.empty() ? (index < architecture.layers.size() ? architecture.layers[index].activationBits : 32) : bits.activationBits(index);
}

} // namespace

const char* kindName(LayerKind kind) { return kKindNames[static_cast<int>(kind)]; }

std::string Shape::text() const {
    return std::to_string(channels) + "×" + std::to_string(height) + "×" + std::to_string(width);
}

std::vector<std::int64_t> liveActivationBytes(const Architecture& architecture, const Bitwidths& bits) {
    const auto& layers = architecture.layers;
    const std::size_t count = layers.size();
    // lastUse[i + 1]: the last step that reads the output of layer i (index 0: the input);
    // a tensor is live from its producer's step to that step, or only at its own step.
    std::vector<int> lastUse(count + 1, -1);
    for (std::size_t index = 0; index < count; ++index)
        for (int producer : layers[index].inputs) lastUse[static_cast<std::size_t>(producer + 1)] = static_cast<int>(index);
    // Sweep: add each tensor's bytes where its life starts, remove them after it ends.
    std::vector<std::int64_t> change(count + 1, 0);
    const auto live = [&](int producer, std::int64_t bytes) {
        const int first = std::max(producer, 0);
        const int last = std::max(lastUse[static_cast<std::size_t>(producer + 1)], first);
        change[static_cast<std::size_t>(first)] += bytes;
        change[static_cast<std::size_t>(last) + 1] -= bytes;
    };
    live(-1, architecture.input.elements() * activationBitsOf(architecture, bits, 0) / 8);
    for (std::size_t index = 0; index < count; ++index)
        live(static_cast<int>(index), layers[index].output.elements() * activationBitsOf(architecture, bits, index) / 8);
    std::int64_t running = 0;
    for (std::size_t step = 0; step < count; ++step) {
        running += change[step];
        change[step] = running;
    }
    change.pop_back();
    return change;
}

std::int64_t peakActivationBytes(const Architecture& architecture, const Bitwidths& bits) {
    if (architecture.layers.empty()) return architecture.input.elements() * activationBitsOf(architecture, bits, 0) / 8;
    const auto live = liveActivationBytes(architecture, bits);
    return std::max<std::int64_t>(0, *std::max_element(live.begin(), live.end()));
}

std::int64_t storageBytes(const Architecture& architecture, const Bitwidths& bits) {
    std::int64_t total = 0;
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const Layer& layer = architecture.layers[index];
        const int weightBits = weightBitsOf(architecture, bits, index);
        const std::int64_t other = layer.params - layer.weightCount;
        std::int64_t bytes = (layer.weightCount * weightBits + 7) / 8 + other * 4;
        if (weightBits < 32 && layer.weightCount > 0) bytes += std::int64_t(layer.output.channels) * 8;
        total += bytes;
    }
    return total;
}

std::string architectureJson(const Architecture& architecture) {
    const auto shape = [](const Shape& value) { return Json::array({value.channels, value.height, value.width}); };
    Json layers = Json::array();
    for (const Layer& layer : architecture.layers) {
        layers.push_back({{"name", layer.name},
                          {"op", std::string(layer.op)},
                          {"kind", kKindNames[static_cast<int>(layer.kind)]},
                          {"input", shape(layer.input)},
                          {"output", shape(layer.output)},
                          {"inputs", std::vector<int>(layer.inputs.begin(), layer.inputs.end())},
                          {"kernel", layer.kernel}, {"stride", layer.stride}, {"padding", layer.padding},
                          {"groups", layer.groups}, {"dilation", layer.dilation},
                          {"batch_norm", layer.batchNorm}, {"bias", layer.bias},
                          {"activation", std::string(layer.activation)},
                          {"squeeze_channels", layer.squeezeChannels}, {"dropout", layer.dropout},
                          {"slice_start", layer.sliceStart},
                          {"params", layer.params}, {"macs", layer.macs}, {"weight_count", layer.weightCount},
                          {"weight_bits", layer.weightBits}, {"activation_bits", layer.activationBits}});
    }
    return Json{{"input", shape(architecture.input)}, {"layers", layers}}.dump();
}

Metrics computeMetrics(const Architecture& architecture, const Bitwidths& bits) {
    Metrics metrics;
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const Layer& layer = architecture.layers[index];
        metrics.macs += layer.macs;
        metrics.params += layer.params;
        metrics.bitops += double(layer.macs) * weightBitsOf(architecture, bits, index) * activationBitsOf(architecture, bits, index);
    }
    metrics.flops = 2 * metrics.macs;
    metrics.peakActivationBytes = peakActivationBytes(architecture, bits);
    metrics.storageBytes = storageBytes(architecture, bits);
    return metrics;
}

Json layerTable(const Architecture& architecture) {
    Json table = Json::array();
    for (const Layer& layer : architecture.layers) {
        table.push_back({{"name", layer.name}, {"op", std::string(layer.op)}, {"input", layer.input.text()}, {"output", layer.output.text()},
                         {"macs", layer.macs}, {"params", layer.params}, {"activation_bytes", layer.output.elements() * 4}});
        if (layer.weightBits < 32 || layer.activationBits < 32) {
            table.back()["weight_bits"] = layer.weightBits;
            table.back()["activation_bits"] = layer.activationBits;
        }
    }
    return table;
}

bool hasQuantizedLayers(const Architecture& architecture) {
    return std::any_of(architecture.layers.begin(), architecture.layers.end(),
                       [](const Layer& layer) { return layer.weightBits < 32 || layer.activationBits < 32; });
}

Architecture architectureFromJson(const Json& document, const std::string& file) {
    const auto fail = [&](const std::string& path, const std::string& message) -> Error { return Error(file, path, message); };
    const auto shapeAt = [&](const Json& value, const std::string& path) {
        if (!value.is_array() || value.size() != 3 || !std::all_of(value.begin(), value.end(), [](const Json& item) { return item.is_number_integer() && item.get<int>() > 0; }))
            throw fail(path, "must be [channels, height, width] of positive integers");
        return Shape{value[0].get<int>(), value[1].get<int>(), value[2].get<int>()};
    };
    if (!document.is_object()) throw fail("", "must be an object with input and layers");
    if (!document.contains("input")) throw fail("input", "is missing");
    if (!document.contains("layers") || !document["layers"].is_array() || document["layers"].empty())
        throw fail("layers", "must be a non-empty array");
    Architecture architecture;
    architecture.input = shapeAt(document["input"], "input");
    std::set<std::string> names;
    const Json& layers = document["layers"];
    for (std::size_t index = 0; index < layers.size(); ++index) {
        const std::string path = "layers[" + std::to_string(index) + "]";
        const Json& item = layers[index];
        if (!item.is_object()) throw fail(path, "must be an object");
        const auto integer = [&](const char* key, int fallback, int low) {
            if (!item.contains(key)) return fallback;
            if (!item[key].is_number_integer() || item[key].get<long long>() < low || item[key].get<long long>() > (1LL << 30))
                throw fail(path + "." + key, "must be an integer ≥ " + std::to_string(low));
            return item[key].get<int>();
        };
        const auto text = [&](const char* key) {
            if (!item.contains(key) || !item[key].is_string()) throw fail(path + "." + key, "must be a string");
            return item[key].get<std::string>();
        };
        Layer layer;
        layer.name = text("name");
        layer.op = internedOperator(text("op"));
        const std::string kind = text("kind");
        const auto* kindName = std::find_if(std::begin(kKindNames), std::end(kKindNames), [&](const char* name) { return kind == name; });
        if (kindName == std::end(kKindNames)) throw fail(path + ".kind", "unknown layer kind \"" + kind + "\"");
        layer.kind = static_cast<LayerKind>(kindName - std::begin(kKindNames));
        layer.input = shapeAt(item.value("input", Json()), path + ".input");
        layer.output = shapeAt(item.value("output", Json()), path + ".output");
        if (!item.contains("inputs") || !item["inputs"].is_array() || item["inputs"].empty()) throw fail(path + ".inputs", "must list the layers it reads");
        const std::size_t wanted = kind == "add" ? 2 : kind == "concat" ? 0 : 1;
        if ((wanted > 0 && item["inputs"].size() != wanted) || item["inputs"].size() > 8)
            throw fail(path + ".inputs", wanted == 0 ? "a concat reads 1 to 8 layers" : "a " + kind + " layer reads " + std::to_string(wanted) + " tensor(s)");
        for (const Json& producer : item["inputs"]) {
            if (!producer.is_number_integer() || producer.get<long long>() < -1 || producer.get<long long>() >= static_cast<long long>(index))
                throw fail(path + ".inputs", "must index earlier layers (-1: the network input)");
            layer.inputs.push_back(producer.get<int>());
        }
        layer.kernel = integer("kernel", 1, 1);
        layer.stride = integer("stride", 1, 1);
        layer.padding = integer("padding", 0, 0);
        layer.groups = integer("groups", 1, 1);
        layer.dilation = integer("dilation", 1, 1);
        layer.squeezeChannels = integer("squeeze_channels", 0, 0);
        layer.sliceStart = integer("slice_start", 0, 0);
        layer.weightBits = integer("weight_bits", 32, 2);
        layer.activationBits = integer("activation_bits", 32, 2);
        for (const auto& [key, bits] : {std::pair{"weight_bits", layer.weightBits}, std::pair{"activation_bits", layer.activationBits}})
            if (bits > 16 && bits != 32) throw fail(path + "." + key, "must be within 2..16, or 32 for float");
        for (const char* key : {"batch_norm", "bias"})
            if (item.contains(key) && !item[key].is_boolean()) throw fail(path + "." + key, "must be true or false");
        if (item.contains("dropout") && (!item["dropout"].is_number() || item["dropout"].get<double>() < 0 || item["dropout"].get<double>() >= 1))
            throw fail(path + ".dropout", "must be a number in [0, 1)");
        layer.batchNorm = item.value("batch_norm", false);
        layer.bias = item.value("bias", false);
        layer.dropout = item.value("dropout", 0.0);
        const std::string activation = item.contains("activation") ? text("activation") : "";
        const auto* known = std::find_if(std::begin(kActivations), std::end(kActivations), [&](const char* name) { return activation == name; });
        if (known == std::end(kActivations)) throw fail(path + ".activation", "unknown activation \"" + activation + "\"");
        layer.activation = *known;
        for (const char* key : {"params", "macs", "weight_count"})
            if (item.contains(key) && (!item[key].is_number_integer() || item[key].get<long long>() < 0)) throw fail(path + "." + key, "must be a non-negative integer");
        layer.params = item.value("params", std::int64_t(0));
        layer.macs = item.value("macs", std::int64_t(0));
        layer.weightCount = item.value("weight_count", std::int64_t(0));
        if (layer.kind == LayerKind::Conv && (layer.input.channels % layer.groups || layer.output.channels % layer.groups))
            throw fail(path + ".groups", "must divide the input and output channels");
        // Layer names name ONNX nodes and tensors: each once, none of the graph's own.
        if (layer.name.empty() || layer.name == "input" || layer.name == "logits" || layer.name == "normalised" || !names.insert(layer.name).second)
            throw fail(path + ".name", "must be a non-empty name no other layer has (and not input, logits or normalised)");
        architecture.layers.push_back(std::move(layer));
    }
    return architecture;
}

} // namespace edgesmith
