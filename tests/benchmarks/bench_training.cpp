// Training throughput against PyTorch (issue 4): the same architecture, batch size,
// optimizer, threads and data, timed in EdgeSmith's trainer and in a PyTorch script
// (Debian's python3-torch) in the same run. Reports images/s of each and their ratio for
// a plain CNN, an MBConv chain and a ResNet-like network. By default both train on the
// first 4,000 Fashion-MNIST images (--images N to change; 54,000 is a full epoch).
#include "core/common/atomic_file.h"
#include "tests/benchmarks/markdown_section.h"
#include "core/data/dataset.h"
#include "core/nn/network.h"
#include "core/project/project.h"
#include "core/space/space.h"
#include "core/train/trainer.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

using namespace edgesmith;

namespace {

const char* kFashion = "/usr/share/datasets/fashion-mnist";

Architecture plainCnn() {
    const Json space = {{"name", "plain"}, {"input", {{"channels", 1}, {"resolution", 28}}},
                        {"stem", Json::array({{{"op", "conv"}, {"out", 32}}, {{"op", "conv"}, {"out", 64}, {"stride", 2}},
                                              {{"op", "conv"}, {"out", 128}, {"stride", 2}}})},
                        {"head", Json::array({{{"op", "global_avg_pool"}}, {{"op", "linear"}, {"out", 10}}})}};
    return SearchSpace::parse(space, "plain").derive({});
}

Architecture mbconvChain() {
    const SearchSpace space = SearchSpace::parse(loadSpaceTemplate("fmnist-mbconv"), "fmnist-mbconv");
    return space.derive(Genotype(space.decisions().size(), 0)); // the smallest choices: depth 1, narrow, k3, no SE
}

Architecture resnetLike() {
    const Json space = {{"name", "resnet-like"}, {"input", {{"channels", 1}, {"resolution", 28}}},
                        {"stem", Json::array({{{"op", "conv"}, {"out", 32}}})},
                        {"stages", Json::array({{{"depth", 1}, {"stride", 1}, {"out", 32}, {"block", {{"op", "basic"}}}},
                                                {{"depth", 1}, {"stride", 2}, {"out", 64}, {"block", {{"op", "basic"}}}},
                                                {{"depth", 1}, {"stride", 2}, {"out", 128}, {"block", {{"op", "basic"}}}}})},
                        {"head", Json::array({{{"op", "global_avg_pool"}}, {{"op", "linear"}, {"out", 10}}})}};
    return SearchSpace::parse(space, "resnet-like").derive({});
}

double peerThroughput(const Architecture& architecture, int images, int batch, int threads) {
    const auto file = std::filesystem::temp_directory_path() / "edgesmith-bench-architecture.json";
    writeFileAtomically(file, architectureJson(architecture));
    const std::string command = "/usr/bin/python3 " EDGESMITH_BENCH_DIR "/torch_peer.py " + file.string() + " " + kFashion + " " +
                                std::to_string(images) + " " + std::to_string(batch) + " " + std::to_string(threads);
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return 0;
    std::string output;
    char buffer[512];
    while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
    const int status = pclose(pipe);
    if (status != 0 || output.empty()) {
        std::fprintf(stderr, "PyTorch peer failed (%d): %s\n", status, output.c_str());
        return 0;
    }
    return Json::parse(output.substr(output.rfind('{')))["images_per_second"].get<double>();
}

} // namespace

int main(int argc, char** argv) {
    int images = 4000;
    std::string write, only;
    for (int index = 1; index + 1 < argc; ++index) {
        if (std::strcmp(argv[index], "--images") == 0) images = std::atoi(argv[index + 1]);
        if (std::strcmp(argv[index], "--write") == 0) write = argv[index + 1];
        if (std::strcmp(argv[index], "--only") == 0) only = argv[index + 1];
    }
    const int batch = 128, threads = 2;
    const auto [trainSet, testSet] = loadIdxFolder(kFashion);
    const Splits splits = makeSplits(trainSet, testSet, 0.001, double(images) / (double(trainSet.size()) * 0.999), 0);

    struct Row {
        const char* name;
        Architecture architecture;
    };
    const Row rows[] = {{"plain CNN", plainCnn()}, {"MBConv chain", mbconvChain()}, {"ResNet-like", resnetLike()}};
    std::string table = "| network (" + std::to_string(splits.train.size()) + " Fashion-MNIST images, batch " + std::to_string(batch) +
                        ", AdamW, " + std::to_string(threads) + " threads) | params | EdgeSmith img/s | PyTorch img/s | ratio |\n"
                        "|---|---:|---:|---:|---:|\n";
    double worst = 1e9;
    for (const Row& row : rows) {
        if (!only.empty() && std::string(row.name).find(only) == std::string::npos) continue;
        TrainingOptions options;
        options.epochs = 1;
        options.batchSize = batch;
        options.schedule = "constant";
        options.threads = threads;
        options.progressEvery = 0;
        Network network(row.architecture, 0);
        const TrainingResult result = train(network, splits, options);
        const double ours = result.trainingSamplesPerSecond;
        const double theirs = peerThroughput(row.architecture, static_cast<int>(splits.train.size()), batch, threads);
        const double ratio = theirs > 0 ? ours / theirs : 0;
        worst = std::min(worst, ratio);
        char line[256];
        std::snprintf(line, sizeof line, "| %s | %lld | %.0f | %.0f | %.2f |\n", row.name,
                      static_cast<long long>(computeMetrics(row.architecture).params), ours, theirs, ratio);
        table += line;
        std::printf("%s", line);
        std::fflush(stdout);
    }
    char verdict[160];
    std::snprintf(verdict, sizeof verdict, "\nTarget: EdgeSmith at least as fast as PyTorch (ratio ≥ 1.0); lowest ratio %.2f.\n", worst);
    table += verdict;
    std::printf("%s", verdict);
    if (!write.empty()) bench::replaceMarkdownSection(write, "training", table);
    return 0;
}
