#pragma once
// A trained network as a file pair that EdgeSmith and deployment tools read: the model
// document (MODEL.json: the architecture layer by layer, where it came from, its input
// normalisation, per-layer table, metrics, accuracy and quantization state) and the
// LibTorch archive of its weights (MODEL.pt). Importing the pair rebuilds the network with
// the same outputs, so a compressed model can be compressed further or exported again.
#include "core/common/json.h"
#include "core/nn/network.h"

#include <filesystem>
#include <string>
#include <vector>

namespace edgesmith {

// Inputs are pixels on a 0..1 scale (the dataset's bytes / 255; CSV features as they are);
// the network sees (x − mean) / deviation per channel, as in training.
struct Normalisation {
    std::vector<double> mean, deviation;
};

struct ModelInfo {
    std::string name;      // file-friendly, "fashion-mnist-run3-c17"
    std::string genotype;  // the candidate's key, with "@policy" when compressed
    Json space = nullptr;  // the search space document the genotype belongs to
    Json source = Json::object(); // {"project", "run", "candidate"} where known
    Normalisation normalisation;
    Json accuracy = Json::object(); // {"test_top1": ..} as measured by EdgeSmith
    Json policy = nullptr;          // the compression policy, as stored with the candidate
};

inline constexpr int kModelFormatVersion = 1;

// The model document (format "edgesmith-model"). "weights" names the archive beside it
// when there is one.
Json modelDocument(Network& network, const ModelInfo& info, const std::string& weightsFile = "");

// MODEL.json alone (the architecture format of exports).
void writeModelJson(Network& network, const ModelInfo& info, const std::filesystem::path& file);

// The weights archive and the model document beside it: FILE and FILE's stem + .json, or
// for FILE.json, FILE.pt and FILE.json. Both are written to temporaries first and renamed
// at the end, so an error leaves neither. Returns the two paths written.
std::vector<std::filesystem::path> writeTorchArchive(Network& network, const ModelInfo& info, const std::filesystem::path& file);
std::filesystem::path modelWeightsPath(const std::filesystem::path& file);
std::filesystem::path modelDocumentPath(const std::filesystem::path& file);

struct ImportedModel {
    Network network;
    ModelInfo info;
};

// Reads the model document (modelDocumentPath(file)) and the weights it names,
// restoring the quantization state. Throws Error naming the file and the field for a
// document that is not an EdgeSmith model, and when the weights do not fit the layers.
ImportedModel importModel(const std::filesystem::path& file);

// Whether the network carries post-training quantization (an int8 export writes it as is).
bool isQuantized(Network& network);

} // namespace edgesmith
