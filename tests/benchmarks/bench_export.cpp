// Exported models in a real runtime (issue 8): float and int8 QDQ ONNX files run by ONNX
// Runtime (npm onnxruntime-node) against EdgeSmith's LibTorch network in the same run —
// latency at batch 1 on one thread, file size, and for trained networks test accuracy and
// how often the int8 file predicts what EdgeSmith's fake-quantized network predicts. With
// --write FILE, refreshes the "export" section of docs/benchmarks.md.
#include "core/common/atomic_file.h"
#include "tests/benchmarks/markdown_section.h"
#include "core/compress/quantization.h"
#include "core/data/dataset.h"
#include "core/engine/runtime.h"
#include "core/export/inference.h"
#include "core/export/model_file.h"
#include "core/export/onnx_export.h"
#include "core/hw/latency.h"
#include "core/nn/network.h"
#include "core/project/project.h"
#include "core/space/space.h"
#include "core/train/trainer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace edgesmith;

namespace {

const std::string kTools = EDGESMITH_SOURCE_TREE "/tests/export";

std::string shell(const std::string& command) {
    std::string output;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[4096];
        while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
        pclose(pipe);
    }
    return output;
}

std::string node() {
    const char* level = std::getenv("ORT_GRAPH_OPTIMIZATION");
    return std::string("ORT_GRAPH_OPTIMIZATION=") + (level ? level : "all") + " NODE_PATH=" EDGESMITH_NODE_MODULES " node ";
}

double ortMedianMs(const std::filesystem::path& model, const Shape& input, int runs) {
    const std::string output = shell(node() + kTools + "/ort_bench.js " + model.string() + " " + std::to_string(input.channels) + " " +
                                     std::to_string(input.height) + " " + std::to_string(input.width) + " " + std::to_string(std::max(5, runs / 10)) +
                                     " " + std::to_string(runs));
    try {
        return Json::parse(output).at("median_ms").get<double>();
    } catch (const std::exception&) {
        std::fprintf(stderr, "ONNX Runtime gave no timing for %s: %s\n", model.c_str(), output.c_str());
        return -1;
    }
}

std::vector<float> ortOutputs(const std::filesystem::path& model, const PixelBatch& batch, const std::filesystem::path& folder) {
    {
        std::ofstream stream(folder / "input.bin", std::ios::binary);
        stream.write(reinterpret_cast<const char*>(batch.values.data()), static_cast<std::streamsize>(batch.values.size() * sizeof(float)));
    }
    std::string command = node() + kTools + "/ort_run.js " + model.string() + " " + (folder / "input.bin").string();
    for (std::int64_t dim : batch.shape) command += " " + std::to_string(dim);
    shell(command + " " + (folder / "output.bin").string());
    const std::string bytes = readFile(folder / "output.bin");
    std::vector<float> values(bytes.size() / sizeof(float));
    std::memcpy(values.data(), bytes.data(), values.size() * sizeof(float));
    return values;
}

double top1(const std::vector<int>& predicted, const std::vector<std::int64_t>& labels) {
    std::size_t right = 0;
    for (std::size_t index = 0; index < predicted.size() && index < labels.size(); ++index) right += predicted[index] == labels[index];
    return predicted.empty() ? 0 : 100.0 * double(right) / double(predicted.size());
}

struct Subject {
    std::string name;
    Architecture architecture;
    int epochs = 0; // 0: random weights, latency only
    int runs = 200;
};

} // namespace

int main(int argc, char** argv) {
    std::string write;
    for (int index = 1; index + 1 < argc; ++index)
        if (std::strcmp(argv[index], "--write") == 0) write = argv[index + 1];
    const std::filesystem::path folder = std::filesystem::temp_directory_path() / "edgesmith-bench-export";
    std::filesystem::create_directories(folder);

    const Json cnn = {{"name", "cnn"},
                      {"input", {{"channels", 1}, {"resolution", 28}}},
                      {"stem", Json::array({{{"op", "conv"}, {"out", 32}, {"stride", 1}, {"activation", "relu"}}})},
                      {"stages", Json::array({{{"depth", 1}, {"stride", 2}, {"out", 64}, {"block", {{"op", "conv"}, {"activation", "relu"}}}},
                                              {{"depth", 1}, {"stride", 2}, {"out", 128}, {"block", {{"op", "conv"}, {"activation", "relu"}}}}})},
                      {"head", Json::array({{{"op", "global_avg_pool"}}, {{"op", "linear"}, {"out", 10}}})}};
    const SearchSpace mbconv = SearchSpace::parse(loadSpaceTemplate("fmnist-mbconv"), "fmnist-mbconv");
    std::mt19937_64 random(7);
    const Genotype sampled = mbconv.sample(random);
    const SearchSpace mobilenet = SearchSpace::parse(loadSpaceTemplate("mobilenetv2"), "mobilenetv2");
    std::vector<Subject> subjects = {{"plain CNN (fmnist)", SearchSpace::parse(cnn, "cnn.json").derive({}), 1, 200},
                                     {"fmnist-mbconv `" + mbconv.key(sampled) + "` (random weights)", mbconv.derive(sampled), 0, 200},
                                     {"MobileNetV2 224×224 (random weights)", mobilenet.derive(mobilenet.canonical(mobilenet.sample(random))), 0, 20}};

    const auto [trainSet, testSet] = loadIdxFolder("/usr/share/datasets/fashion-mnist");
    const Splits fashion = makeSplits(trainSet, testSet, 0.05, 0.2, 0); // 11,400 training images
    const PixelBatch images = pixelBatch(fashion.test, 2000);
    std::string table =
        "| model | int8 policy | params | LibTorch fp32 ms | ORT fp32 ms | ORT int8 ms | int8 vs fp32 (ORT) | ONNX fp32 → int8 | test top-1 LibTorch / "
        "ORT fp32 / ORT int8 | int8 same as EdgeSmith: ORT default / graph optimizations off |\n|---|---|---:|---:|---:|---:|---:|---:|---|---:|\n";
    bool agreed = true;
    for (Subject& subject : subjects) {
        Network network(subject.architecture, 1);
        const bool trained = subject.epochs > 0;
        Splits data = fashion;
        if (!trained) {
            const Shape& in = subject.architecture.input;
            data = makeSplits(makeSyntheticDataset(10, 64, in.channels, in.height, 1), makeSyntheticDataset(10, 16, in.channels, in.height, 2), 0.1, 1.0, 3);
        } else {
            TrainingOptions options;
            options.epochs = subject.epochs;
            options.learningRate = 0.005;
            options.threads = 0;
            options.progressEvery = 0;
            train(network, data, options);
        }
        ModelInfo info;
        info.name = "bench";
        info.normalisation = normalisationOf(data);
        const std::filesystem::path floatFile = folder / "float.onnx", int8File = folder / "int8.onnx", archive = folder / "float.pt";
        writeOnnx(network, info, floatFile);
        writeTorchArchive(network, info, archive);
        const LatencyStats torch = measureLatency(network, {1, std::max(5, subject.runs / 10), subject.runs, 1});
        const double ortFloat = ortMedianMs(floatFile, subject.architecture.input, subject.runs);
        std::vector<float> floatLogits, torchLogits;
        if (trained) {
            torchLogits = networkOutputs(network, images, info.normalisation);
            floatLogits = ortOutputs(floatFile, images, folder);
        }
        // 7-bit weights keep u8 × s8 products from saturating ONNX Runtime's 16-bit
        // intermediate sums on CPUs without VNNI (its "reduce range").
        for (const int weightBits : trained ? std::vector<int>{8, 7} : std::vector<int>{8}) {
            ImportedModel copy = importModel(archive);
            quantizePostTraining(copy.network, data.train, data, QuantizationPolicy::uniform(subject.architecture, weightBits, 8));
            writeOnnx(copy.network, info, int8File, {true});
            const double ortInt8 = ortMedianMs(int8File, subject.architecture.input, subject.runs);
            std::string same = "–", accuracy = "–";
            if (trained) {
                const std::vector<int> quantized = topClasses(networkOutputs(copy.network, images, info.normalisation), 10);
                const auto share = [&](const std::vector<int>& other) {
                    std::size_t equal = 0;
                    for (std::size_t index = 0; index < other.size() && index < quantized.size(); ++index) equal += other[index] == quantized[index];
                    return other.empty() ? 0.0 : 100.0 * double(equal) / double(other.size());
                };
                const std::vector<int> int8 = topClasses(ortOutputs(int8File, images, folder), 10);
                setenv("ORT_GRAPH_OPTIMIZATION", "disabled", 1);
                const std::vector<int> reference = topClasses(ortOutputs(int8File, images, folder), 10);
                unsetenv("ORT_GRAPH_OPTIMIZATION");
                // The file's own semantics (no fused integer kernels) must be EdgeSmith's.
                agreed = agreed && share(reference) >= 99.0;
                char cell[160];
                std::snprintf(cell, sizeof cell, "%.2f %% / %.2f %%", share(int8), share(reference));
                same = cell;
                std::snprintf(cell, sizeof cell, "%.2f / %.2f / %.2f %%", top1(topClasses(torchLogits, 10), images.labels),
                              top1(topClasses(floatLogits, 10), images.labels), top1(int8, images.labels));
                accuracy = cell;
            }
            char line[1024];
            std::snprintf(line, sizeof line, "| %s | W%d/A8 per channel | %lld | %.3f | %.3f | %.3f | %.2f× | %.0f → %.0f KiB | %s | %s |\n", subject.name.c_str(),
                          weightBits, static_cast<long long>(network.parameterCount()), torch.medianMs, ortFloat, ortInt8, ortInt8 > 0 ? ortFloat / ortInt8 : 0.0,
                          double(std::filesystem::file_size(floatFile)) / 1024, double(std::filesystem::file_size(int8File)) / 1024, accuracy.c_str(),
                          same.c_str());
            table += line;
            std::printf("%s", line);
            std::fflush(stdout);
        }
    }
    const RuntimeInfo runtime = runtimeInfo();
    table += "\nLibTorch " + runtime.torchVersion + " (" + runtime.blas + "), ONNX Runtime " +
             Json::parse(readFile(EDGESMITH_NODE_MODULES "/onnxruntime-node/package.json")).value("version", std::string("?")) + ", both on one thread, " +
             std::to_string(runtime.hardwareThreads) + " hardware threads.\n";
    std::printf("%s", table.c_str());
    std::filesystem::remove_all(folder);
    if (!write.empty()) bench::replaceMarkdownSection(write, "export", table);
    // Timings are reported, not enforced; the int8 file must predict like EdgeSmith.
    return agreed ? 0 : 1;
}
