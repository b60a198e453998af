// How honestly the fast estimators rank architectures (issue 9): subnets sampled from the
// Fashion-MNIST MBConv template are scored by a weight-sharing supernet (inherited weights,
// batch norm recalibrated) and by every zero-cost proxy at initialisation, then trained
// stand-alone (the proxy training a search would otherwise run); each estimator's Kendall
// tau and Spearman rho to the stand-alone validation accuracy, and what a score costs.
// With --write FILE, refreshes the "ranking" section of docs/benchmarks.md.
#include "core/common/atomic_file.h"
#include "tests/benchmarks/markdown_section.h"
#include "core/data/dataset.h"
#include "core/engine/runtime.h"
#include "core/estimate/supernet.h"
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
#include <map>
#include <random>
#include <set>
#include <string>

using namespace edgesmith;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Settings {
    std::string write, device = "cpu", sampling = "sandwich", data = "/usr/share/datasets/fashion-mnist";
    int subnets = 30, supernetEpochs = 4, standaloneEpochs = 1;
    double subset = 0.2;
};

Settings parse(int argc, char** argv) {
    Settings settings;
    for (int index = 1; index + 1 < argc; ++index) {
        const std::string flag = argv[index], value = argv[index + 1];
        if (flag == "--write") settings.write = value;
        else if (flag == "--device") settings.device = value;
        else if (flag == "--data") settings.data = value;
        else if (flag == "--sampling") settings.sampling = value;
        else if (flag == "--subnets" || flag == "--architectures") settings.subnets = std::atoi(value.c_str());
        else if (flag == "--supernet-epochs") settings.supernetEpochs = std::atoi(value.c_str());
        else if (flag == "--standalone-epochs") settings.standaloneEpochs = std::atoi(value.c_str());
        else if (flag == "--subset") settings.subset = std::atof(value.c_str());
        else continue;
        ++index;
    }
    return settings;
}

std::string row(const std::string& name, const std::vector<double>& scores, const std::vector<double>& truth, double seconds) {
    char line[256];
    std::snprintf(line, sizeof line, "| %s | %.3f | %.3f | %.3g s |\n", name.c_str(), kendallTau(scores, truth), spearmanRho(scores, truth), seconds);
    return line;
}

} // namespace

int main(int argc, char** argv) {
    const Settings settings = parse(argc, argv);
    const SearchSpace space = SearchSpace::parse(loadSpaceTemplate("fmnist-mbconv"), "fmnist-mbconv");
    const auto [trainSet, testSet] = loadIdxFolder(settings.data);
    const Splits splits = makeSplits(trainSet, testSet, 0.05, settings.subset, 0);

    SupernetOptions supernetOptions;
    supernetOptions.sampling = settings.sampling;
    supernetOptions.epochs = settings.supernetEpochs;
    supernetOptions.learningRate = 0.005;
    supernetOptions.device = settings.device;
    supernetOptions.progressEvery = 0;
    Supernet supernet(space, 0);
    auto start = std::chrono::steady_clock::now();
    supernet.train(splits, supernetOptions, [](const SupernetProgress& progress) {
        std::printf("supernet epoch %d/%d, loss %.3f\n", progress.epoch, progress.epochs, progress.loss);
        std::fflush(stdout);
    });
    const double supernetSeconds = secondsSince(start);

    TrainingOptions training;
    training.epochs = settings.standaloneEpochs;
    training.learningRate = 0.005;
    training.progressEvery = 0;
    training.device = settings.device;
    ZeroCostOptions proxyOptions;
    proxyOptions.threads = 0;
    std::mt19937_64 random(11);
    std::set<std::string> seen;
    std::vector<double> truth, inherited;
    std::map<std::string, std::vector<double>> proxies;
    double inheritedSeconds = 0, proxySeconds = 0, standaloneSeconds = 0;
    while (static_cast<int>(truth.size()) < settings.subnets) {
        const Genotype genotype = space.sample(random);
        if (!seen.insert(space.key(genotype)).second) continue;
        const Architecture architecture = space.derive(genotype);
        start = std::chrono::steady_clock::now();
        inherited.push_back(supernet.evaluate(genotype, splits, 20).top1);
        inheritedSeconds += secondsSince(start);
        start = std::chrono::steady_clock::now();
        for (const auto& [proxy, value] : zeroCostScores(architecture, splits.train, splits, proxyOptions)) proxies[proxy].push_back(value);
        proxySeconds += secondsSince(start);
        start = std::chrono::steady_clock::now();
        Network network(architecture, 0);
        truth.push_back(train(network, splits, training).validation.top1);
        standaloneSeconds += secondsSince(start);
        std::printf("%2zu/%d %s: supernet %.2f %%, stand-alone %.2f %%\n", truth.size(), settings.subnets, space.key(genotype).c_str(),
                    inherited.back(), truth.back());
        std::fflush(stdout);
    }
    const double count = double(truth.size());
    const RuntimeInfo runtime = runtimeInfo();
    char line[1024];
    std::snprintf(line, sizeof line,
                  "%d subnets; stand-alone: %d epoch(s) on %lld images, validation on %lld, %.1f s each. Supernet: %s sampling, "
                  "%d epochs on the same images, trained once in %.0f s. Device %s, LibTorch %s.\n\n"
                  "| estimator | Kendall tau | Spearman rho | time per architecture |\n|---|---:|---:|---:|\n",
                  settings.subnets, settings.standaloneEpochs, static_cast<long long>(splits.train.size()),
                  static_cast<long long>(splits.validation.size()), standaloneSeconds / count, settings.sampling.c_str(), settings.supernetEpochs,
                  supernetSeconds, settings.device.c_str(), runtime.torchVersion.c_str());
    std::string table = line;
    table += row("supernet, inherited weights", inherited, truth, inheritedSeconds / count);
    for (const std::string& proxy : zeroCostProxies()) table += row("zero-cost: " + proxy, proxies[proxy], truth, proxySeconds / count);
    table += row("stand-alone training (reference)", truth, truth, standaloneSeconds / count);
    std::printf("\n%s", table.c_str());
    const double tau = kendallTau(inherited, truth);
    std::printf("\nSupernet Kendall tau %.3f (target ≥ 0.5 on 30 subnets)\n", tau);
    if (!settings.write.empty()) bench::replaceMarkdownSection(settings.write, "ranking", table);
    return tau >= 0.5 ? 0 : 1;
}
