#include "core/export/model_file.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/version.h"
#include "core/nn/internal/network_module.h"

#include <optional>
#include <sstream>

namespace edgesmith {
namespace {

bool quantizable(const Layer& layer) { return layer.kind == LayerKind::Conv || layer.kind == LayerKind::Linear; }

// The bitwidths the network computes with: its quantization state, else the layers' own.
Bitwidths effectiveBits(NetworkModuleImpl& module) {
    const Architecture& architecture = module.architecture;
    Bitwidths bits;
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const Layer& layer = architecture.layers[index];
        int weight = layer.weightBits, activation = layer.activationBits;
        if (index < module.weightGrids.size() && module.weightGrids[index].bits < 32) weight = module.weightGrids[index].bits;
        if (index < module.inputQuantizers.size() && module.inputQuantizers[index].active) {
            const auto& q = module.inputQuantizers[index];
            activation = static_cast<int>(std::lround(std::log2(double(q.qmax - q.qmin + 1))));
        }
        bits.weights.push_back(quantizable(layer) ? weight : 32);
        bits.activations.push_back(quantizable(layer) ? activation : 32);
    }
    return bits;
}

Json quantizationState(NetworkModuleImpl& module) {
    Json layers = Json::array();
    for (std::size_t index = 0; index < module.architecture.layers.size(); ++index) {
        const bool grid = index < module.weightGrids.size() && module.weightGrids[index].bits < 32;
        const bool input = index < module.inputQuantizers.size() && module.inputQuantizers[index].active;
        if (!grid && !input) continue;
        Json entry = {{"layer", index}, {"name", module.architecture.layers[index].name}};
        if (grid) {
            const auto& q = module.weightGrids[index];
            entry["weights"] = {{"bits", q.bits}, {"per_channel", q.perChannel}, {"symmetric", q.symmetric}};
        }
        if (input) {
            const auto& q = module.inputQuantizers[index];
            entry["input"] = {{"scale", q.scale}, {"zero_point", q.zeroPoint}, {"qmin", q.qmin}, {"qmax", q.qmax}};
        }
        layers.push_back(std::move(entry));
    }
    return layers.empty() ? Json(nullptr) : Json{{"scheme", "uniform affine (survey eq. 28), weights on their grids"}, {"layers", layers}};
}

void restoreQuantization(NetworkModuleImpl& module, const Json& state, const std::string& file) {
    module.weightGrids.clear();
    module.inputQuantizers.clear();
    if (state.is_null()) return;
    if (!state.is_object() || !state.contains("layers") || !state["layers"].is_array())
        throw Error(file, "quantization", "must be null or an object with layers");
    const std::size_t count = module.architecture.layers.size();
    module.weightGrids.assign(count, {});
    module.inputQuantizers.assign(count, {});
    const Json& layers = state["layers"];
    for (std::size_t item = 0; item < layers.size(); ++item) {
        const std::string path = "quantization.layers[" + std::to_string(item) + "]";
        const Json& entry = layers[item];
        try {
            const std::size_t index = entry.at("layer").get<std::size_t>();
            if (index >= count || !quantizable(module.architecture.layers[index])) throw Error(file, path + ".layer", "is not a convolution or linear layer");
            if (entry.contains("weights")) {
                const Json& weights = entry["weights"];
                const int bits = weights.at("bits").get<int>();
                if (bits < 2 || bits > 16) throw Error(file, path + ".weights.bits", "must be within 2..16");
                module.weightGrids[index] = {bits, weights.at("per_channel").get<bool>(), weights.at("symmetric").get<bool>()};
            }
            if (entry.contains("input")) {
                const Json& input = entry["input"];
                NetworkModuleImpl::InputQuantizer q{true, input.at("scale").get<double>(), input.at("zero_point").get<std::int64_t>(),
                                                    input.at("qmin").get<std::int64_t>(), input.at("qmax").get<std::int64_t>()};
                if (!(q.scale > 0) || q.qmin >= q.qmax || q.zeroPoint < q.qmin || q.zeroPoint > q.qmax)
                    throw Error(file, path + ".input", "needs scale > 0 and qmin ≤ zero_point ≤ qmax, qmin < qmax");
                module.inputQuantizers[index] = q;
            }
        } catch (const Json::exception& error) {
            throw Error(file, path, std::string("is not a quantization entry: ") + error.what());
        }
    }
}

std::string serialisedWeights(NetworkModuleImpl& module) {
    torch::serialize::OutputArchive archive;
    module.save(archive);
    std::ostringstream stream;
    archive.save_to(stream);
    return stream.str();
}

} // namespace

std::filesystem::path modelWeightsPath(const std::filesystem::path& file) {
    return file.extension() == ".json" ? std::filesystem::path(file).replace_extension(".pt") : file;
}

std::filesystem::path modelDocumentPath(const std::filesystem::path& file) {
    return file.extension() == ".json" ? file : std::filesystem::path(file).replace_extension(".json");
}

bool isQuantized(Network& network) {
    const NetworkModuleImpl& module = network.module();
    return std::any_of(module.weightGrids.begin(), module.weightGrids.end(), [](const auto& q) { return q.bits < 32; }) ||
           std::any_of(module.inputQuantizers.begin(), module.inputQuantizers.end(), [](const auto& q) { return q.active; });
}

Json modelDocument(Network& network, const ModelInfo& info, const std::string& weightsFile) {
    NetworkModuleImpl& module = network.module();
    const Architecture& architecture = network.architecture();
    const Bitwidths bits = effectiveBits(module);
    const Metrics metrics = computeMetrics(architecture, bits);
    Json layers = layerTable(architecture);
    for (std::size_t index = 0; index < architecture.layers.size(); ++index)
        if (bits.weights[index] < 32 || bits.activations[index] < 32) {
            layers[index]["weight_bits"] = bits.weights[index];
            layers[index]["activation_bits"] = bits.activations[index];
        }
    Json document = {{"format", "edgesmith-model"},
                     {"version", kModelFormatVersion},
                     {"producer", std::string("EdgeSmith ") + kVersion},
                     {"name", info.name},
                     {"genotype", info.genotype},
                     {"source", info.source},
                     {"input", {{"shape", {1, architecture.input.channels, architecture.input.height, architecture.input.width}},
                                {"values", "pixels on a 0..1 scale (bytes / 255); the network subtracts mean and divides by deviation per channel"},
                                {"mean", info.normalisation.mean},
                                {"deviation", info.normalisation.deviation}}},
                     {"classes", architecture.output().channels},
                     {"metrics", {{"macs", metrics.macs}, {"flops", metrics.flops}, {"params", metrics.params},
                                  {"peak_activation_bytes", metrics.peakActivationBytes}, {"storage_bytes", metrics.storageBytes}, {"bitops", metrics.bitops}}},
                     {"accuracy", info.accuracy},
                     {"policy", info.policy},
                     {"quantization", quantizationState(module)},
                     {"space", info.space},
                     {"layer_table", layers},
                     {"architecture", Json::parse(architectureJson(architecture))}};
    if (!weightsFile.empty()) document["weights"] = weightsFile;
    return document;
}

void writeModelJson(Network& network, const ModelInfo& info, const std::filesystem::path& file) {
    writeFileAtomically(file, modelDocument(network, info).dump(2) + "\n");
}

std::vector<std::filesystem::path> writeTorchArchive(Network& network, const ModelInfo& info, const std::filesystem::path& file) {
    const std::filesystem::path weights = modelWeightsPath(file), document = modelDocumentPath(file);
    std::string archive;
    try {
        archive = serialisedWeights(network.module());
    } catch (const c10::Error& error) {
        throw IoError(weights.string(), "", std::string("cannot serialise the weights: ") + error.what_without_backtrace());
    }
    writeFilesAtomically({{weights, std::move(archive)},
                          {document, modelDocument(network, info, weights.filename().string()).dump(2) + "\n"}});
    return {weights, document};
}

ImportedModel importModel(const std::filesystem::path& file) {
    const std::filesystem::path documentFile = modelDocumentPath(file);
    Json document;
    try {
        document = Json::parse(readFile(documentFile));
    } catch (const Json::parse_error& error) {
        throw Error(documentFile.string(), "", std::string("is not JSON: ") + error.what());
    }
    if (!document.is_object() || document.value("format", "") != "edgesmith-model")
        throw Error(documentFile.string(), "format", "is not an EdgeSmith model (expected \"edgesmith-model\"; write one with 'edgesmith-cli export --format torch')");
    if (!document.contains("version") || !document["version"].is_number_integer() || document["version"].get<int>() > kModelFormatVersion)
        throw Error(documentFile.string(), "version", "must be an integer ≤ " + std::to_string(kModelFormatVersion) + " (written by a newer EdgeSmith?)");
    if (!document.contains("architecture")) throw Error(documentFile.string(), "architecture", "is missing");
    const Architecture architecture = architectureFromJson(document["architecture"], documentFile.string());
    std::optional<Network> network;
    try {
        network.emplace(architecture, 0);
        network->outputShape(1); // layers whose shapes do not chain fail here, not later
    } catch (const c10::Error& error) {
        throw Error(documentFile.string(), "architecture", std::string("the layers do not fit together: ") + error.what_without_backtrace());
    }
    ImportedModel model{std::move(*network), {}};
    ModelInfo& info = model.info;
    const auto text = [&](const char* key, const std::string& fallback) {
        if (!document.contains(key)) return fallback;
        if (!document[key].is_string()) throw Error(documentFile.string(), key, "must be a string");
        return document[key].get<std::string>();
    };
    const auto object = [&](const char* key) {
        if (document.contains(key) && !document[key].is_object()) throw Error(documentFile.string(), key, "must be an object");
        return document.value(key, Json::object());
    };
    info.name = text("name", documentFile.stem().string());
    info.genotype = text("genotype", "");
    info.space = document.value("space", Json());
    info.source = object("source");
    info.accuracy = object("accuracy");
    info.policy = document.value("policy", Json());
    try {
        const Json& input = document.at("input");
        info.normalisation.mean = input.at("mean").get<std::vector<double>>();
        info.normalisation.deviation = input.at("deviation").get<std::vector<double>>();
    } catch (const Json::exception&) {
        throw Error(documentFile.string(), "input", "must give mean and deviation per channel");
    }
    if (info.normalisation.mean.size() != static_cast<std::size_t>(architecture.input.channels))
        throw Error(documentFile.string(), "input.mean", "must hold one value per input channel (" + std::to_string(architecture.input.channels) + ")");
    if (info.normalisation.mean.size() != info.normalisation.deviation.size() ||
        std::any_of(info.normalisation.deviation.begin(), info.normalisation.deviation.end(), [](double value) { return !(value > 0); }))
        throw Error(documentFile.string(), "input.deviation", "must hold one positive value per mean");
    std::filesystem::path weights = document.contains("weights") && document["weights"].is_string()
                                        ? documentFile.parent_path() / document["weights"].get<std::string>()
                                        : modelWeightsPath(documentFile);
    model.network.load(weights.string());
    restoreQuantization(model.network.module(), document.value("quantization", Json()), documentFile.string());
    return model;
}

} // namespace edgesmith
