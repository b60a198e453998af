// How honestly the fast estimators rank architectures (issue 9): subnets sampled from the
// Fashion-MNIST MBConv template are scored by a weight-sharing supernet (inherited weights,
// batch norm recalibrated) and by every zero-cost proxy at initialisation, then trained
// stand-alone (the proxy training a search would otherwise run) with one or more seeds;
// each estimator's Kendall tau and Spearman rho to the mean stand-alone validation
// accuracy, what a score costs, and how well the reference agrees with itself across seeds
// (the ceiling any estimator can reach against it).
// Stand-alone trainings take an hour here, so --reference FILE keeps each one as it ends
// (and a rerun reuses it), and --supernet FILE keeps the trained supernet: the estimators
// can then be tuned against the same reference without training it again.
// With --write FILE, refreshes the "ranking" section of docs/benchmarks.md; with --scores
// FILE, keeps every estimator's score of every subnet, so reference_agreement.py ranks one
// run's (costly) scores against every reference the reference file holds.
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "tests/benchmarks/markdown_section.h"
#include "core/common/json.h"
#include "core/data/dataset.h"
#include "core/engine/runtime.h"
#include "core/estimate/supernet.h"
#include "core/estimate/zero_cost.h"
#include "core/nn/network.h"
#include "core/project/project.h"
#include "core/search/rank_correlation.h"
#include "core/space/space.h"
#include "core/train/trainer.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace edgesmith;

namespace {

// What --reference-seconds counts from: the process's start, as the caller's `timeout` does.
const auto processStart = std::chrono::steady_clock::now();

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Settings {
    std::string write, device = "cpu", sampling = "sandwich", data = "/usr/share/datasets/fashion-mnist";
    std::string section = "ranking"; // of --write: one per reference kept side by side
    std::string reference, supernetFile, scores;
    // The device whose stand-alone trainings the reference file holds (default: --device):
    // a GPU's longer reference ranks estimators run on this machine's CPU.
    std::string referenceDevice;
    bool supernetOnly = false;  // train and keep the supernet (--supernet FILE), nothing else
    bool referenceOnly = false; // fill the reference file (--reference FILE), nothing else
    // Score the subnets with a kept supernet into --scores FILE, with no reference: other
    // subnets than the ranked ones, to fit a correction of the supernet's scores on.
    bool scoresOnly = false;
    int skipSubnets = 0; // the draw's first subnets left out: --skip-subnets 30 gives others than the ranked 30
    int subnets = 30, supernetEpochs = 4, standaloneEpochs = 1, seeds = 1, parallel = 1, threads = 0, recalibrationBatches = 20;
    std::int64_t scoringImages = 0; // > 0: supernet scores on that many unused training images
    int finetuneEpochs = 0; // > 0: a row for the subnets fine-tuned from inherited weights
    double subset = 0.2, supernetLearningRate = 0.005;
    double finetuneSubset = 0; // > 0: a shorter fine-tune than the estimator's (a fraction of the supernet's images)
    // > 0 (with --supernet-only): as many epochs as fit in that many seconds, timed on a
    // one-epoch probe, so a lent machine's bounded call keeps a finished supernet.
    double supernetSeconds = 0;
    // > 0: no stand-alone training starts when one as long as the longest seen so far
    // (finished, or still running) would end past that many seconds from the process's
    // start, so a bounded call's `timeout` rarely kills a training half-way (on a lent GPU,
    // fourteen at a time, that lost a quarter of the trainings). The first `parallel`
    // trainings always start: nothing has been timed yet.
    double referenceSeconds = 0;
    // The supernet's initial weights and its sampling / batch order: a second training of
    // the same setting, to tell a setting's effect from one training's luck.
    std::uint64_t supernetSeed = 0;
    // Few-shot NAS: --split DECISION copies the kept supernet once per option of that
    // decision (its JSON path, e.g. stages[1].out) and trains each copy --split-epochs more
    // with the decision pinned; a subnet is scored by the copy of its own option.
    // --split-option V (with --supernet-only) trains one copy, so two runs share the cores.
    // --split none is the control: one copy trained as long with nothing pinned, so what
    // the split adds is told apart from what the copies' extra epochs add. A block decision
    // repeats its path in every block, so it is refused.
    std::string split;
    int splitDecision = -1, splitEpochs = 2, splitOption = -1;
    // --separate-kernels, --separate-block-inputs: which weights the supernet keeps apart.
    SupernetSharing sharing;
    // --progressive-shares L,K,D: progressive shrinking's shares of the steps for the
    // largest-only, kernel and depth phases (the rest opens every decision).
    std::vector<double> progressiveShares{0.25, 0.25, 0.25};
    bool defaultShares() const { return progressiveShares == std::vector<double>{0.25, 0.25, 0.25}; }
};

Settings parse(int argc, char** argv) {
    Settings settings;
    for (int index = 1; index < argc; ++index) {
        const std::string flag = argv[index], value = index + 1 < argc ? argv[index + 1] : "";
        if (flag == "--supernet-only") {
            settings.supernetOnly = true;
            continue;
        }
        if (flag == "--reference-only") {
            settings.referenceOnly = true;
            continue;
        }
        if (flag == "--scores-only") {
            settings.scoresOnly = true;
            continue;
        }
        if (flag == "--separate-kernels" || flag == "--separate-block-inputs") {
            (flag == "--separate-kernels" ? settings.sharing.separateKernels : settings.sharing.separateBlockInputs) = true;
            continue;
        }
        if (flag == "--write") settings.write = value;
        else if (flag == "--section") settings.section = value;
        else if (flag == "--device") settings.device = value;
        else if (flag == "--data") settings.data = value;
        else if (flag == "--sampling") settings.sampling = value;
        else if (flag == "--reference") settings.reference = value;
        else if (flag == "--reference-device") settings.referenceDevice = value;
        else if (flag == "--supernet") settings.supernetFile = value;
        else if (flag == "--scores") settings.scores = value;
        else if (flag == "--subnets" || flag == "--architectures") settings.subnets = std::atoi(value.c_str());
        else if (flag == "--skip-subnets") settings.skipSubnets = std::atoi(value.c_str());
        else if (flag == "--supernet-epochs") settings.supernetEpochs = std::atoi(value.c_str());
        else if (flag == "--supernet-learning-rate") settings.supernetLearningRate = std::atof(value.c_str());
        else if (flag == "--standalone-epochs") settings.standaloneEpochs = std::atoi(value.c_str());
        else if (flag == "--seeds") settings.seeds = std::max(1, std::atoi(value.c_str()));
        else if (flag == "--parallel") settings.parallel = std::max(1, std::atoi(value.c_str()));
        else if (flag == "--threads") settings.threads = std::atoi(value.c_str());
        else if (flag == "--recalibration-batches") settings.recalibrationBatches = std::atoi(value.c_str());
        else if (flag == "--subset") settings.subset = std::atof(value.c_str());
        else if (flag == "--finetune-epochs") settings.finetuneEpochs = std::atoi(value.c_str());
        else if (flag == "--finetune-subset") settings.finetuneSubset = std::atof(value.c_str());
        else if (flag == "--scoring-images") settings.scoringImages = std::atoll(value.c_str());
        else if (flag == "--supernet-seconds") settings.supernetSeconds = std::atof(value.c_str());
        else if (flag == "--reference-seconds") settings.referenceSeconds = std::atof(value.c_str());
        else if (flag == "--split") settings.split = value;
        else if (flag == "--split-epochs") settings.splitEpochs = std::atoi(value.c_str());
        else if (flag == "--split-option") settings.splitOption = std::atoi(value.c_str());
        else if (flag == "--progressive-shares") {
            settings.progressiveShares.clear();
            std::stringstream list(value);
            for (std::string share; std::getline(list, share, ',');) settings.progressiveShares.push_back(std::atof(share.c_str()));
            if (settings.progressiveShares.size() != 3) {
                std::fprintf(stderr, "bench_ranking: --progressive-shares needs three shares L,K,D (e.g. 0.1,0.1,0.2), not '%s'\n", value.c_str());
                std::exit(2);
            }
        }
        else if (flag == "--supernet-seed") {
            // A typo must not read as seed 0, which would reuse the first training's kept supernet.
            if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) {
                std::fprintf(stderr, "bench_ranking: --supernet-seed needs a whole number ≥ 0, not '%s'\n", value.c_str());
                std::exit(2);
            }
            settings.supernetSeed = std::strtoull(value.c_str(), nullptr, 10);
        }
        else {
            // An unknown flag used to be skipped, so a typo (or --help) started a run of an hour.
            std::fprintf(stderr, "bench_ranking: unknown argument '%s'; flags: --write --section --device --data --sampling "
                                 "--reference --reference-device --supernet --scores --subnets (--architectures) --supernet-epochs "
                                 "--supernet-learning-rate --standalone-epochs --seeds --parallel --threads "
                                 "--recalibration-batches --subset --finetune-epochs --finetune-subset --scoring-images "
                                 "--supernet-seconds --reference-seconds --supernet-seed --split --split-epochs --split-option --separate-kernels --separate-block-inputs "
                                 "--progressive-shares "
                                 "--supernet-only --reference-only --scores-only --skip-subnets\n", flag.c_str());
            std::exit(2);
        }
        if (index + 1 >= argc) {
            std::fprintf(stderr, "bench_ranking: %s needs a value\n", flag.c_str());
            std::exit(2);
        }
        ++index;
    }
    if (settings.scoringImages < 0) {
        std::fprintf(stderr, "--scoring-images needs a count of images (0: the validation split)\n");
        std::exit(2);
    }
    if (settings.scoresOnly && (settings.scores.empty() || settings.supernetFile.empty() || !std::filesystem::exists(settings.supernetFile) ||
                                settings.supernetOnly || settings.referenceOnly || !settings.write.empty())) {
        std::fprintf(stderr, "--scores-only needs --scores FILE and a kept --supernet FILE, and excludes --supernet-only, --reference-only "
                             "and --write (it makes no table)\n");
        std::exit(2);
    }
    if (settings.skipSubnets < 0) {
        std::fprintf(stderr, "--skip-subnets needs a count of subnets, not %d\n", settings.skipSubnets);
        std::exit(2);
    }
    if (settings.referenceSeconds < 0) {
        std::fprintf(stderr, "--reference-seconds needs a positive count of seconds, not %g\n", settings.referenceSeconds);
        std::exit(2);
    }
    if (settings.supernetSeconds < 0 || (settings.supernetSeconds > 0 && (!settings.supernetOnly || settings.supernetFile.empty()))) {
        std::fprintf(stderr, "--supernet-seconds needs a positive count of seconds, --supernet-only and --supernet FILE (whose FILE.json "
                             "records the epochs chosen)\n");
        std::exit(2);
    }
    if (!settings.split.empty() && (settings.supernetFile.empty() || settings.splitEpochs < 1)) {
        std::fprintf(stderr, "--split needs --supernet FILE (the supernet its copies start from) and --split-epochs ≥ 1\n");
        std::exit(2);
    }
    if (settings.splitOption >= 0 && (settings.split.empty() || !settings.supernetOnly)) {
        std::fprintf(stderr, "--split-option needs --split and --supernet-only\n");
        std::exit(2);
    }
    if (settings.referenceDevice.empty()) settings.referenceDevice = settings.device;
    if (settings.referenceOnly && (settings.reference.empty() || settings.supernetOnly)) {
        std::fprintf(stderr, "--reference-only needs --reference FILE (to keep the trainings) and excludes --supernet-only\n");
        std::exit(2);
    }
    return settings;
}

std::string row(const std::string& name, const std::vector<double>& scores, const std::vector<double>& truth, const std::string& cost) {
    char line[256];
    std::snprintf(line, sizeof line, "| %s | %.3f | %.3f | %s |\n", name.c_str(), kendallTau(scores, truth), spearmanRho(scores, truth), cost.c_str());
    return line;
}

std::string seconds(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g s", value);
    return text;
}

// Stand-alone results kept one per line of a JSON document as each training ends, keyed by
// everything that decides the number, so a rerun (or another estimator's run) reuses them
// and an interrupted hour is not lost.
class ReferenceStore {
public:
    ReferenceStore(std::string file, Json setup) : file_(std::move(file)), setup_(std::move(setup)) {
        if (file_.empty() || !std::filesystem::exists(file_)) return;
        document_ = Json::parse(readFile(file_));
        for (const Json& entry : document_.value("runs", Json::array()))
            if (entry.at("setup") == setup_) results_[{entry.at("genotype").get<std::string>(), entry.at("seed").get<int>()}] = entry;
    }

    const Json* find(const std::string& genotype, int seed) const {
        const auto found = results_.find({genotype, seed});
        return found == results_.end() ? nullptr : &found->second;
    }

    void add(const std::string& genotype, int seed, double top1, double loss, double secondsTaken) {
        Json entry{{"genotype", genotype}, {"seed", seed}, {"setup", setup_}, {"top1", top1}, {"loss", loss}, {"seconds", secondsTaken}};
        results_[{genotype, seed}] = entry;
        if (file_.empty()) return;
        document_["about"] = "Stand-alone validation accuracies of bench_ranking's subnets (tests/benchmarks/bench_ranking.cpp)";
        document_["runs"].push_back(entry);
        writeFileAtomically(file_, document_.dump(1) + "\n");
    }

private:
    std::string file_;
    Json setup_, document_ = Json::object();
    std::map<std::pair<std::string, int>, Json> results_;
};

// Mean stand-alone accuracy of every subnet over the seeds, and the per-seed columns; the
// trainings missing from the store run `parallel` at a time.
struct Reference {
    std::vector<double> mean;
    std::vector<std::vector<double>> perSeed; // [seed][subnet]
    // Seeds past --seeds that an earlier run left in the store for some of the subnets:
    // [seed] → (that seed's accuracies, seed 0's for the same subnets).
    std::map<int, std::pair<std::vector<double>, std::vector<double>>> partialSeeds;
    double secondsPerTraining = 0;
};

Reference standalone(const SearchSpace& space, const std::vector<Genotype>& genotypes, const Splits& splits, const Settings& settings) {
    TrainingOptions training;
    training.epochs = settings.standaloneEpochs;
    training.learningRate = 0.005;
    training.progressEvery = 0;
    training.device = settings.device;
    training.threads = settings.parallel > 1 ? 1 : settings.threads;
    const Json setup{{"epochs", training.epochs}, {"learning_rate", training.learningRate}, {"subset", settings.subset},
                     {"training_images", splits.train.size()}, {"validation_images", splits.validation.size()}, {"device", settings.referenceDevice}};
    ReferenceStore store(settings.reference, setup);
    // Seed by seed: a run stopped early leaves whole seeds, which rank all the subnets.
    std::vector<std::pair<std::size_t, int>> jobs;
    for (int seed = 0; seed < settings.seeds; ++seed)
        for (std::size_t subnet = 0; subnet < genotypes.size(); ++subnet)
            if (!store.find(space.key(genotypes[subnet]), seed)) jobs.emplace_back(subnet, seed);
    if (!jobs.empty() && settings.referenceDevice != settings.device) {
        std::fprintf(stderr, "%s: %zu stand-alone trainings on %s missing; they are trained with --device %s\n", settings.reference.c_str(),
                     jobs.size(), settings.referenceDevice.c_str(), settings.referenceDevice.c_str());
        std::exit(2);
    }
    std::printf("stand-alone: %zu of %zu trainings in the reference file, %zu to run, %d at a time\n",
                genotypes.size() * std::size_t(settings.seeds) - jobs.size(), genotypes.size() * std::size_t(settings.seeds), jobs.size(), settings.parallel);
    std::fflush(stdout);
    std::mutex mutex;
    std::size_t nextJob = 0, finished = 0; // started, and ended, trainings
    double longest = 0;
    std::map<std::size_t, std::chrono::steady_clock::time_point> running; // job → its start
    // The longest training seen: a running one has taken at least its time so far.
    const auto longestSeen = [&]() {
        double seen = longest;
        for (const auto& [index, start] : running) seen = std::max(seen, secondsSince(start));
        return seen;
    };
    const auto worker = [&]() {
        for (;;) {
            std::pair<std::size_t, int> job;
            std::size_t index = 0;
            std::unique_ptr<Network> network;
            {
                // Networks seed LibTorch's global generator, so two are never built at once.
                std::lock_guard<std::mutex> lock(mutex);
                if (nextJob == jobs.size()) return;
                const double seen = settings.referenceSeconds > 0 ? longestSeen() : 0;
                if (seen > 0 && secondsSince(processStart) + seen > settings.referenceSeconds) return;
                running[nextJob] = std::chrono::steady_clock::now();
                index = nextJob;
                job = jobs[nextJob++];
                network = std::make_unique<Network>(space.derive(genotypes[job.first]), std::uint64_t(job.second));
            }
            TrainingOptions options = training;
            options.seed = std::uint64_t(job.second);
            const auto start = std::chrono::steady_clock::now();
            const Evaluation validation = train(*network, splits, options).validation;
            const double took = secondsSince(start);
            std::lock_guard<std::mutex> lock(mutex);
            const std::string key = space.key(genotypes[job.first]);
            store.add(key, job.second, validation.top1, validation.loss, took);
            longest = std::max(longest, took);
            running.erase(index);
            std::printf("stand-alone %zu/%zu %s seed %d: %.2f %% (%.0f s)\n", ++finished, jobs.size(), key.c_str(), job.second, validation.top1, took);
            std::fflush(stdout);
        }
    };
    std::vector<std::thread> workers;
    for (int count = 0; count < settings.parallel; ++count) workers.emplace_back(worker);
    for (auto& thread : workers) thread.join();
    if (nextJob < jobs.size()) {
        std::fprintf(stderr, "--reference-seconds %.0f: %zu trainings left for a later run (the longest so far took %.0f s)\n",
                     settings.referenceSeconds, jobs.size() - nextJob, longest);
        std::exit(3);
    }

    Reference reference;
    reference.perSeed.assign(std::size_t(settings.seeds), std::vector<double>(genotypes.size()));
    reference.mean.assign(genotypes.size(), 0.0);
    double totalSeconds = 0;
    for (std::size_t subnet = 0; subnet < genotypes.size(); ++subnet)
        for (int seed = 0; seed < settings.seeds; ++seed) {
            const Json& entry = *store.find(space.key(genotypes[subnet]), seed);
            reference.perSeed[std::size_t(seed)][subnet] = entry.at("top1").get<double>();
            reference.mean[subnet] += entry.at("top1").get<double>() / settings.seeds;
            totalSeconds += entry.at("seconds").get<double>();
        }
    // Rounded as reference_agreement.py rounds, so a true tie between two subnets' means is a
    // tie in both, whatever order the seeds were summed in.
    for (double& value : reference.mean) value = std::round(value * 1e9) / 1e9;
    reference.secondsPerTraining = totalSeconds / double(genotypes.size() * std::size_t(settings.seeds));
    for (int seed = settings.seeds; seed < settings.seeds + 4; ++seed)
        for (std::size_t subnet = 0; subnet < genotypes.size(); ++subnet)
            if (const Json* entry = store.find(space.key(genotypes[subnet]), seed)) {
                reference.partialSeeds[seed].first.push_back(entry->at("top1").get<double>());
                reference.partialSeeds[seed].second.push_back(reference.perSeed[0][subnet]);
            }
    return reference;
}

// The splits already hold only the --subset images, so the supernet trains on all of them.
SupernetOptions supernetOptions(const Settings& settings) {
    SupernetOptions options;
    options.sampling = settings.sampling;
    options.epochs = settings.supernetEpochs;
    options.learningRate = settings.supernetLearningRate;
    options.device = settings.device;
    options.threads = settings.threads;
    options.progressEvery = 0;
    options.seed = settings.supernetSeed;
    options.sharing = settings.sharing;
    options.largestShare = settings.progressiveShares[0];
    options.kernelShare = settings.progressiveShares[1];
    options.depthShare = settings.progressiveShares[2];
    return options;
}

// Where the copy of --supernet FILE for one option of the --split decision is kept.
std::string splitFile(const Settings& settings, int option) {
    std::string decision;
    for (char character : settings.split)
        if (std::isalnum(static_cast<unsigned char>(character))) decision += character;
    const std::filesystem::path file = settings.supernetFile;
    return (file.parent_path() / (file.stem().string() + "-split-" + decision + "-" + std::to_string(option) + file.extension().string())).string();
}

// The supernet trained here, or the one kept in --supernet FILE by an earlier run with the
// same settings (FILE.json records them). With splitOption ≥ 0, the few-shot copy of that
// option: `supernet` must hold the shared weights, which train on with the --split
// decision pinned (its seconds are the copy's own).
double trainedSupernet(Supernet& supernet, const Splits& splits, const Settings& settings, std::string& origin, int splitOption = -1) {
    SupernetOptions options = supernetOptions(settings);
    Json setup{{"sampling", options.sampling}, {"epochs", options.epochs}, {"learning_rate", options.learningRate},
               {"subset", settings.subset}, {"training_images", splits.train.size()}};
    // Only when set, so the supernets kept before the flag existed (seed 0) still match.
    if (settings.supernetSeed != 0) setup["seed"] = settings.supernetSeed;
    if (!(settings.sharing == SupernetSharing{})) setup["sharing"] = settings.sharing.description();
    if (!settings.defaultShares()) setup["progressive_shares"] = settings.progressiveShares;
    std::string file = settings.supernetFile;
    if (splitOption >= 0) {
        setup["split"] = {{"decision", settings.split}, {"option", splitOption}, {"epochs", settings.splitEpochs}};
        file = splitFile(settings, splitOption);
        options.epochs = settings.splitEpochs;
        if (settings.splitDecision >= 0) options.pinned[std::size_t(settings.splitDecision)] = splitOption;
    }
    const std::string setupFile = file + ".json";
    if (!file.empty() && std::filesystem::exists(file) && std::filesystem::exists(setupFile)) {
        const Json kept = Json::parse(readFile(setupFile));
        if (kept.at("setup") == setup) {
            supernet.load(file);
            origin = "kept from an earlier run";
            return kept.at("seconds").get<double>();
        }
    }
    if (settings.scoresOnly) {
        // An hour's training in place of a kept supernet would be a surprise: say what differs.
        std::fprintf(stderr, "%s: no kept supernet of this setting (%s); --scores-only scores a kept one\n", file.c_str(), setup.dump().c_str());
        std::exit(2);
    }
    const auto start = std::chrono::steady_clock::now();
    supernet.train(splits, options, [](const SupernetProgress& progress) {
        std::printf("supernet epoch %d/%d, loss %.3f\n", progress.epoch, progress.epochs, progress.loss);
        std::fflush(stdout);
    });
    const double took = secondsSince(start);
    if (!file.empty()) {
        supernet.save(file);
        writeFileAtomically(setupFile, Json{{"setup", setup}, {"seconds", took}}.dump(1) + "\n");
    }
    origin = "trained in this run";
    return took;
}

// The epochs of --supernet-seconds: one epoch of a throw-away supernet times the machine as
// it is loaded (beside the reference's trainings), then what is left is shared out with a
// tenth kept back. The cosine schedule needs the count before the training starts.
int epochsWithin(const SearchSpace& space, const Splits& splits, const Settings& settings) {
    Supernet probe(space, settings.supernetSeed, settings.sharing);
    SupernetOptions options = supernetOptions(settings);
    options.epochs = 1;
    const auto start = std::chrono::steady_clock::now();
    probe.train(splits, options);
    const double epochSeconds = secondsSince(start);
    const int epochs = std::max(1, int(0.9 * (settings.supernetSeconds - epochSeconds) / epochSeconds));
    if (0.9 * (settings.supernetSeconds - epochSeconds) < epochSeconds)
        std::fprintf(stderr, "--supernet-seconds %.0f: the probe epoch took %.1f s, so even one epoch overruns the budget\n",
                     settings.supernetSeconds, epochSeconds);
    std::printf("supernet: one epoch took %.1f s, so %d epochs fit in the %.0f s left of --supernet-seconds\n", epochSeconds, epochs,
                settings.supernetSeconds - epochSeconds);
    std::fflush(stdout);
    return epochs;
}

// The estimator's optional fine-tune, with the estimator's settings (one epoch on every
// image the supernet trained on) unless --finetune-subset asks for fewer images.
Evaluation finetune(const Supernet& supernet, const Genotype& genotype, const Splits& splits, const Settings& settings) {
    Network network = supernet.recalibrated(genotype, splits, settings.recalibrationBatches);
    TrainingOptions training = supernetOptions(settings).finetuning(settings.finetuneEpochs);
    if (settings.finetuneSubset > 0) training.subset = settings.finetuneSubset;
    training.progressEvery = 0;
    training.threads = settings.threads;
    return train(network, splits, training).validation;
}

// The benchmark's split of Fashion-MNIST's training images; scoringSplits repeats it with
// every image kept, so both must draw the same validation images in the same shuffle.
constexpr double kValidationFraction = 0.05;
constexpr std::uint64_t kSplitSeed = 0;

Splits benchmarkSplits(const Dataset& trainSet, const Dataset& testSet, double subset) {
    return makeSplits(trainSet, testSet, kValidationFraction, subset, kSplitSeed);
}

// The splits the supernet's scores read: with --scoring-images N, the validation split is
// N training images that neither the supernet nor the reference trained on (outside
// --subset), so a score's own sampling noise (about 0.7 points of accuracy on the 3,000
// validation images) no longer hides differences between subnets that are about that size.
Splits scoringSplits(const Dataset& trainSet, const Dataset& testSet, const Splits& splits, const Settings& settings) {
    if (settings.scoringImages <= 0) return splits;
    // The same shuffle with every image kept: its first images are the supernet's.
    const Splits full = benchmarkSplits(trainSet, testSet, 1.0);
    std::vector<std::int64_t> unused;
    for (std::int64_t index = splits.train.size(); index < full.train.size() && std::int64_t(unused.size()) < settings.scoringImages; ++index)
        unused.push_back(index);
    if (std::int64_t(unused.size()) < settings.scoringImages) {
        std::fprintf(stderr, "--scoring-images %lld: only %zu training images lie outside --subset and validation\n",
                     static_cast<long long>(settings.scoringImages), unused.size());
        std::exit(2);
    }
    Splits scoring = splits;
    scoring.validation = full.train.select(unused);
    return scoring;
}

// The fraction of the supernet's images a fine-tune reads.
double finetuneFraction(const Settings& settings) {
    return settings.finetuneSubset > 0 ? settings.finetuneSubset : 1.0;
}

std::string finetuneName(const Settings& settings) {
    char name[160];
    std::snprintf(name, sizeof name, "supernet, fine-tuned %d epoch(s) on %.0f %% of its images", settings.finetuneEpochs,
                  finetuneFraction(settings) * 100);
    return name;
}

// One estimator's scores of the subnets, in the order sampled; larger is better.
struct Scored {
    std::string name;
    std::vector<double> values;
    double secondsPerArchitecture = 0;
};

// One run's scores, beside what produced them: reference_agreement.py --scores ranks them
// against every reference setup, so a costly estimator (a fine-tune) runs once.
void writeScores(const Settings& settings, const std::string& supernetOrigin, std::int64_t scoringImages, const std::vector<Genotype>& genotypes, const SearchSpace& space,
                 const std::vector<Scored>& estimators) {
    Json subnets = Json::array(), seconds = Json::object();
    for (std::size_t subnet = 0; subnet < genotypes.size(); ++subnet) {
        Json values = Json::object();
        for (const Scored& estimator : estimators) values[estimator.name] = estimator.values.at(subnet);
        subnets.push_back({{"genotype", space.key(genotypes[subnet])}, {"scores", values}});
    }
    for (const Scored& estimator : estimators) seconds[estimator.name] = estimator.secondsPerArchitecture;
    Json document{{"about", "bench_ranking --scores: every estimator's score of every subnet (larger is better); the zero-cost "
                                  "proxies' seconds are for all of them together"},
                        {"supernet", {{"sampling", settings.sampling}, {"epochs", settings.supernetEpochs}, {"seed", settings.supernetSeed},
                                      {"subset", settings.subset}, {"learning_rate", settings.supernetLearningRate}, {"recalibration_batches", settings.recalibrationBatches},
                                      {"origin", supernetOrigin},
                                      {"scored_on", settings.scoringImages > 0 ? "training images outside the subset" : "validation split"},
                                      {"scoring_images", scoringImages}}},
                        {"finetune", {{"epochs", settings.finetuneEpochs}, {"subset", finetuneFraction(settings)}}},
                        {"device", settings.device},
                        {"threads", settings.threads},
                        {"torch", runtimeInfo().torchVersion},
                        {"seconds_per_architecture", seconds},
                        {"subnets", subnets}};
    document["supernet"]["sharing"] = settings.sharing.description();
    if (settings.skipSubnets > 0) document["skipped_subnets"] = settings.skipSubnets;
    if (!settings.defaultShares()) document["supernet"]["progressive_shares"] = settings.progressiveShares;
    // What each position of a genotype decides, for reference_agreement.py --bias: a block
    // decision's path names the block, as the layers do.
    Json decisions = Json::array();
    for (const Decision& decision : space.decisions()) {
        std::string path = decision.path;
        const std::size_t block = path.find(".block.");
        if (decision.block >= 0 && block != std::string::npos) path.replace(block, 7, ".blocks[" + std::to_string(decision.block) + "].");
        decisions.push_back(path);
    }
    document["decisions"] = decisions;
    if (!settings.split.empty()) document["supernet"]["split"] = {{"decision", settings.split}, {"epochs", settings.splitEpochs}};
    writeFileAtomically(settings.scores, document.dump(1) + "\n");
}

} // namespace

int main(int argc, char** argv) {
    Settings settings = parse(argc, argv);
    setComputeThreads(settings.threads);
    const SearchSpace space = SearchSpace::parse(loadSpaceTemplate("fmnist-mbconv"), "fmnist-mbconv");
    const auto [trainSet, testSet] = loadIdxFolder(settings.data);
    const Splits splits = benchmarkSplits(trainSet, testSet, settings.subset);
    // Before any training, so a --scoring-images too large fails at once.
    const Splits scoring = scoringSplits(trainSet, testSet, splits, settings);

    if (!settings.split.empty() && settings.split != "none") {
        try {
            settings.splitDecision = int(space.uniqueDecision(settings.split, "fmnist-mbconv", "--split"));
        } catch (const Error& error) {
            std::fprintf(stderr, "--split: %s (or none, the control)\n", error.message().c_str());
            std::exit(2);
        }
        const std::size_t options = space.decisions()[std::size_t(settings.splitDecision)].options.size();
        if (settings.splitOption >= int(options)) {
            std::fprintf(stderr, "--split-option %d: %s has %zu options\n", settings.splitOption, settings.split.c_str(), options);
            std::exit(2);
        }
    }
    if (settings.split == "none" && settings.splitOption > 0) {
        std::fprintf(stderr, "--split none trains one copy: --split-option 0\n");
        std::exit(2);
    }

    std::mt19937_64 random(11);
    std::set<std::string> seen;
    std::vector<Genotype> genotypes;
    while (static_cast<int>(genotypes.size()) < settings.skipSubnets + settings.subnets) {
        const Genotype genotype = space.sample(random);
        if (seen.insert(space.key(genotype)).second) genotypes.push_back(genotype);
    }
    genotypes.erase(genotypes.begin(), genotypes.begin() + settings.skipSubnets);

    // Trained while another run of this benchmark fills the reference.
    if (settings.supernetOnly) {
        Settings chosen = settings;
        if (settings.supernetSeconds > 0) chosen.supernetEpochs = epochsWithin(space, splits, settings);
        Supernet supernet(space, settings.supernetSeed, settings.sharing);
        std::string origin;
        double took = trainedSupernet(supernet, splits, chosen, origin);
        if (settings.splitOption >= 0) {
            std::printf("split copy %s = %d: from the supernet %s\n", settings.split.c_str(), settings.splitOption, origin.c_str());
            took = trainedSupernet(supernet, splits, chosen, origin, settings.splitOption);
        }
        std::printf("supernet %s in %.0f s\n", origin.c_str(), took);
        return 0;
    }
    const Reference reference = settings.scoresOnly ? Reference{} : standalone(space, genotypes, splits, settings);
    if (settings.referenceOnly) return 0;

    Supernet supernet(space, settings.supernetSeed, settings.sharing);
    std::string supernetOrigin;
    double supernetSeconds = trainedSupernet(supernet, splits, settings, supernetOrigin);
    std::vector<Supernet> copies; // few-shot: one per option of the split decision
    if (!settings.split.empty()) {
        const std::size_t count = settings.splitDecision < 0 ? 1 : space.decisions()[std::size_t(settings.splitDecision)].options.size();
        for (std::size_t option = 0; option < count; ++option) {
            copies.push_back(supernet.copy());
            std::string origin;
            supernetSeconds += trainedSupernet(copies.back(), splits, settings, origin, int(option));
            supernetOrigin += ", split copy " + std::to_string(option) + " " + origin;
        }
    }
    // The supernet (or few-shot copy) that scores a subnet.
    const auto scorer = [&](const Genotype& genotype) -> const Supernet& {
        if (copies.empty()) return supernet;
        return settings.splitDecision < 0 ? copies.front() : copies[std::size_t(genotype[std::size_t(settings.splitDecision)])];
    };
    setComputeThreads(settings.threads);

    ZeroCostOptions proxyOptions;
    proxyOptions.threads = settings.threads;
    std::vector<double> inherited, inheritedLoss, finetuned, finetunedLoss;
    std::map<std::string, std::vector<double>> proxies;
    double inheritedSeconds = 0, proxySeconds = 0, finetuneSeconds = 0;
    for (std::size_t subnet = 0; subnet < genotypes.size(); ++subnet) {
        auto start = std::chrono::steady_clock::now();
        const Evaluation evaluation = scorer(genotypes[subnet]).evaluate(genotypes[subnet], scoring, settings.recalibrationBatches);
        inherited.push_back(evaluation.top1);
        inheritedLoss.push_back(-evaluation.loss);
        inheritedSeconds += secondsSince(start);
        if (settings.finetuneEpochs > 0) {
            start = std::chrono::steady_clock::now();
            const Evaluation tuned = finetune(scorer(genotypes[subnet]), genotypes[subnet], scoring, settings);
            finetuned.push_back(tuned.top1);
            finetunedLoss.push_back(-tuned.loss);
            finetuneSeconds += secondsSince(start);
        }
        start = std::chrono::steady_clock::now();
        for (const auto& [proxy, value] : zeroCostScores(space.derive(genotypes[subnet]), splits.train, splits, proxyOptions)) proxies[proxy].push_back(value);
        proxySeconds += secondsSince(start);
        if (settings.scoresOnly)
            std::printf("%2zu/%d %s: supernet %.2f %%\n", subnet + 1, settings.subnets, space.key(genotypes[subnet]).c_str(), inherited.back());
        else
            std::printf("%2zu/%d %s: supernet %.2f %%, stand-alone %.2f %%\n", subnet + 1, settings.subnets, space.key(genotypes[subnet]).c_str(),
                        inherited.back(), reference.mean[subnet]);
        std::fflush(stdout);
    }
    const double count = double(genotypes.size());
    std::vector<Scored> estimators{{"supernet, inherited weights (accuracy)", inherited, inheritedSeconds / count},
                                   {"supernet, inherited weights (validation loss)", inheritedLoss, inheritedSeconds / count}};
    if (settings.finetuneEpochs > 0) {
        estimators.push_back({finetuneName(settings) + " (accuracy)", finetuned, finetuneSeconds / count});
        estimators.push_back({finetuneName(settings) + " (validation loss)", finetunedLoss, finetuneSeconds / count});
    }
    for (const std::string& proxy : zeroCostProxies()) estimators.push_back({"zero-cost: " + proxy, proxies[proxy], proxySeconds / count});
    if (settings.scoresOnly) {
        writeScores(settings, supernetOrigin, scoring.validation.size(), genotypes, space, estimators);
        std::printf("scores of %zu subnets (the draw's %d to %d) in %s\n", genotypes.size(), settings.skipSubnets + 1,
                    settings.skipSubnets + settings.subnets, settings.scores.c_str());
        return 0;
    }
    const auto [low, high] = std::minmax_element(reference.mean.begin(), reference.mean.end());
    const std::string skipped = settings.skipSubnets > 0 ? " (the draw's " + std::to_string(settings.skipSubnets + 1) + " to " +
                                                               std::to_string(settings.skipSubnets + settings.subnets) + ")"
                                                         : "";
    const RuntimeInfo runtime = runtimeInfo();
    char line[1024];
    std::snprintf(line, sizeof line,
                  "%d subnets%s; stand-alone: %d epoch(s) on %lld images, %d seed(s) averaged, validation on %lld, %.1f s per training, "
                  "accuracies %.2f–%.2f %%. Supernet: %s sampling, %d epochs on the same images, learning rate %g, %s in %.0f s; "
                  "batch norm recalibrated on %d batches; supernet scores on %lld images. Device %s, LibTorch %s.\n\n"
                  "| estimator | Kendall tau | Spearman rho | time per architecture |\n|---|---:|---:|---:|\n",
                  settings.subnets, skipped.c_str(), settings.standaloneEpochs, static_cast<long long>(splits.train.size()), settings.seeds,
                  static_cast<long long>(splits.validation.size()), reference.secondsPerTraining, *low, *high, settings.sampling.c_str(),
                  settings.supernetEpochs, settings.supernetLearningRate, supernetOrigin.c_str(), supernetSeconds, settings.recalibrationBatches,
                  static_cast<long long>(scoring.validation.size()), settings.device.c_str(), runtime.torchVersion.c_str());
    std::string table = line;
    if (settings.referenceDevice != settings.device) {
        // The reference's trainings ran elsewhere; the rows after it say so.
        const std::size_t header = table.find("\n\n");
        table.insert(header, " The stand-alone reference was trained on " + settings.referenceDevice + ".");
    }
    for (const Scored& estimator : estimators) table += row(estimator.name, estimator.values, reference.mean, seconds(estimator.secondsPerArchitecture));
    if (!settings.scores.empty()) writeScores(settings, supernetOrigin, scoring.validation.size(), genotypes, space, estimators);
    // The reference against itself: how repeatable one training's ranking is. A noise-free
    // estimator would agree with one training better than a second training does (about
    // the square root of this agreement's reliability), so this is a floor for the bound,
    // not the bound.
    for (int seed = 1; seed < settings.seeds; ++seed)
        table += row("stand-alone seed " + std::to_string(seed) + " against seed 0", reference.perSeed[std::size_t(seed)], reference.perSeed[0],
                     seconds(reference.secondsPerTraining));
    for (const auto& [seed, pairs] : reference.partialSeeds)
        if (pairs.first.size() >= 3)
            table += row("stand-alone seed " + std::to_string(seed) + " against seed 0, the " + std::to_string(pairs.first.size()) +
                             " subnets trained with both",
                         pairs.first, pairs.second, seconds(reference.secondsPerTraining));
    for (int seed = 0; seed < settings.seeds && settings.seeds > 1; ++seed)
        table += row("stand-alone seed " + std::to_string(seed) + " against the mean", reference.perSeed[std::size_t(seed)], reference.mean,
                     seconds(reference.secondsPerTraining));
    std::printf("\n%s", table.c_str());
    const double tau = kendallTau(inherited, reference.mean);
    std::printf("\nSupernet Kendall tau %.3f (target ≥ 0.5 on 30 subnets)\n", tau);
    if (!settings.write.empty()) bench::replaceMarkdownSection(settings.write, settings.section, table);
    return tau >= 0.5 ? 0 : 1;
}
