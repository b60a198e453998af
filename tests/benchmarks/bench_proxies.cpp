// Zero-cost proxies against trained accuracy (issue 9): architectures sampled from the
// Fashion-MNIST MBConv template, each trained briefly here (the proxy training a search would
// use) and scored by every proxy at initialisation; each proxy's Kendall tau and Spearman rho
// to the trained validation accuracy, and the cost of a score against that of a training.
// With --write FILE, refreshes the "proxies" section of docs/benchmarks.md.
#include "core/common/atomic_file.h"
#include "core/data/dataset.h"
#include "core/estimate/zero_cost.h"
#include "core/nn/network.h"
#include "core/project/project.h"
#include "core/search/rank_correlation.h"
#include "core/space/space.h"
#include "core/train/trainer.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

using namespace edgesmith;

int main(int argc, char** argv) {
    std::string write;
    int count = 20;
    for (int index = 1; index + 1 < argc; ++index) {
        if (std::strcmp(argv[index], "--write") == 0) write = argv[index + 1];
        if (std::strcmp(argv[index], "--architectures") == 0) count = std::atoi(argv[index + 1]);
    }
    const SearchSpace space = SearchSpace::parse(loadSpaceTemplate("fmnist-mbconv"), "fmnist-mbconv");
    const auto [trainSet, testSet] = loadIdxFolder("/usr/share/datasets/fashion-mnist");
    const Splits splits = makeSplits(trainSet, testSet, 0.05, 0.2, 0); // 11,400 training images
    TrainingOptions training;
    training.epochs = 1;
    training.learningRate = 0.005;
    training.threads = 0;
    training.progressEvery = 0;
    ZeroCostOptions options;
    options.threads = 0;
    std::mt19937_64 random(11);
    std::vector<double> accuracy;
    std::map<std::string, std::vector<double>> scores;
    double trainSeconds = 0, proxySeconds = 0;
    for (int index = 0; index < count; ++index) {
        const Genotype genotype = space.sample(random);
        const Architecture architecture = space.derive(genotype);
        auto start = std::chrono::steady_clock::now();
        for (const auto& [proxy, value] : zeroCostScores(architecture, splits.train, splits, options)) scores[proxy].push_back(value);
        proxySeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        start = std::chrono::steady_clock::now();
        Network network(architecture, 0);
        const TrainingResult result = train(network, splits, training);
        trainSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        accuracy.push_back(result.validation.top1);
        std::printf("%2d/%d %s: validation %.2f %%\n", index + 1, count, space.key(genotype).c_str(), result.validation.top1);
        std::fflush(stdout);
    }
    char line[512];
    std::snprintf(line, sizeof line,
                  "%d architectures; trained %d epoch on %lld images (%.1f s each); proxies on one batch of %d (%.2f s for all of them).\n\n"
                  "| proxy | Kendall tau | Spearman rho |\n|---|---:|---:|\n",
                  count, training.epochs, static_cast<long long>(splits.train.size()), trainSeconds / count, options.batch, proxySeconds / count);
    std::string table = line;
    for (const std::string& proxy : zeroCostProxies()) {
        std::snprintf(line, sizeof line, "| %s | %.3f | %.3f |\n", proxy.c_str(), kendallTau(scores[proxy], accuracy), spearmanRho(scores[proxy], accuracy));
        table += line;
    }
    std::printf("\n%s", table.c_str());
    if (!write.empty()) {
        std::string doc = readFile(write);
        const std::string begin = "<!-- proxies:begin -->\n", end = "<!-- proxies:end -->";
        const auto from = doc.find(begin), to = doc.find(end);
        if (from != std::string::npos && to != std::string::npos) {
            doc.replace(from + begin.size(), to - from - begin.size(), table);
            writeFileAtomically(write, doc);
        }
    }
    return 0;
}
