#include "app/cli/command_line.h"
#include "app/cli/project_candidate.h"

#include "core/common/json.h"
#include "core/data/dataset.h"
#include "core/hw/latency.h"
#include "core/hw/memory.h"
#include "core/nn/network.h"
#include "core/project/project.h"
#include "core/space/space.h"
#include "core/train/trainer.h"

#include <cstdio>
#include <iomanip>

namespace edgesmith::cli {
namespace {

int runTrain(const Arguments& arguments, Streams& streams) {
    const ProjectCandidate candidate = loadProjectCandidate(arguments);
    const Json& document = candidate.project.document();
    TrainingOptions options = projectTrainingOptions(candidate.project);
    options.epochs = static_cast<int>(arguments.integer("epochs", options.epochs, 1, 1000));
    if (const auto subset = arguments.value("subset")) {
        try {
            options.subset = std::stod(*subset);
        } catch (const std::exception&) {
            options.subset = -1;
        }
        if (!(options.subset > 0 && options.subset <= 1)) throw UsageError("--subset must be in (0, 1], got " + *subset);
    }
    options.threads = static_cast<int>(arguments.integer("threads", 0, 0, 1024));
    const bool json = arguments.flag("json");
    const Splits splits = loadProjectData(document["dataset"], candidate.project.file());
    Network network(candidate.space.derive(candidate.genotype), options.seed);
    if (!json) streams.out << "training " << candidate.space.key(candidate.genotype) << " on " << splits.description << " (" << options.proxyDescription() << ")\n";
    const TrainingResult result = train(network, splits, options, [&](const Progress& progress) {
        if (json || !progress.epochEnd) return;
        streams.out << "epoch " << progress.epoch << "/" << progress.epochs << "  loss " << std::fixed << std::setprecision(4) << progress.loss
                    << "  train " << std::setprecision(2) << progress.accuracy << " %  validation " << progress.validationAccuracy
                    << " %  " << std::setprecision(0) << progress.samplesPerSecond << " img/s\n";
    });
    const Evaluation test = evaluate(network, splits.test, splits);
    if (const auto save = arguments.value("save")) saveModel(*save, network, candidate, splits, "", test.top1);
    if (json) {
        Json output = result.toJson();
        output["genotype"] = candidate.space.key(candidate.genotype);
        output["test"] = test.toJson();
        output["data"] = splits.description;
        streams.out << output.dump() << '\n';
        return kExitOk;
    }
    streams.out << std::setprecision(2) << std::fixed << "best epoch " << result.bestEpoch << ": validation top-1 "
                << result.validation.top1 << " %, test top-1 " << test.top1 << " %, top-5 " << test.top5 << " % ("
                << std::setprecision(1) << result.seconds << " s, " << std::setprecision(0) << result.samplesPerSecond << " img/s)\n";
    return kExitOk;
}

int runLatency(const Arguments& arguments, Streams& streams) {
    const ProjectCandidate candidate = loadProjectCandidate(arguments);
    const Json hardware = candidate.project.document().value("hardware", Json::object());
    LatencyOptions options;
    options.runs = static_cast<int>(arguments.integer("runs", hardware.value("latency_runs", 50), 1, 100000));
    options.threads = static_cast<int>(arguments.integer("threads", hardware.value("threads", 1), 0, 1024));
    options.batch = static_cast<int>(arguments.integer("batch", 1, 1, 4096));
    options.warmup = std::max(3, options.runs / 5);
    Network network(candidate.space.derive(candidate.genotype));
    const LatencyStats stats = measureLatency(network, options);
    const MemoryStats memory = measureInferenceMemory(network, options.batch);
    if (arguments.flag("json")) {
        Json output = stats.toJson();
        output["genotype"] = candidate.space.key(candidate.genotype);
        output["measured_peak_bytes"] = memory.measuredPeakBytes;
        output["analytic_peak_activation_bytes"] = memory.analyticPeakBytes;
        streams.out << output.dump() << '\n';
        return kExitOk;
    }
    streams.out << std::fixed << std::setprecision(3) << "median " << stats.medianMs << " ms (p10 " << stats.p10Ms << ", p90 "
                << stats.p90Ms << ") over " << stats.runs << " runs, batch " << stats.batch << ", " << stats.threads
                << (stats.threads == 1 ? " thread\n" : " threads\n");
    streams.out << "peak inference memory " << memory.measuredPeakBytes << " B measured (LibTorch's CPU allocator), "
                << memory.analyticPeakBytes << " B analytic peak activation\n";
    return kExitOk;
}

} // namespace

Verb trainVerb() {
    return {"train",
            "train and evaluate one architecture of the project's space on its dataset",
            "train PROJECT --genotype G [--epochs E] [--subset F] [--threads T] [--save FILE] [--json]",
            "Trains the architecture with the project's estimator parameters (optimizer, schedule,\n"
            "batch size, ...), reports per-epoch loss and accuracy, then the best epoch's validation\n"
            "and the test accuracy. --epochs and --subset override the proxy settings. --save keeps\n"
            "the best epoch's weights for 'edgesmith-cli compress --weights'.",
            {{"genotype", "G", "the architecture's genotype key"},
             {"epochs", "E", "training epochs"},
             {"subset", "F", "fraction of the training split, in (0, 1]"},
             {"threads", "T", "compute threads (0: every core)"},
             {"save", "FILE", "write the trained weights (LibTorch archive) and their model JSON beside it"},
             {"json", "", "one JSON object: history, validation and test evaluation"}},
            runTrain};
}

Verb latencyVerb() {
    return {"latency",
            "measure an architecture's inference latency on this machine",
            "latency PROJECT --genotype G [--runs N] [--threads T] [--batch B] [--json]",
            "Builds the architecture with random weights, runs warm-up passes, then N timed runs;\n"
            "prints the median, p10 and p90 in milliseconds with the threads used. Defaults come\n"
            "from the project's hardware section (batch 1). Also prints the peak tensor memory of\n"
            "one inference as LibTorch's allocator saw it, next to the analytic peak activation.",
            {{"genotype", "G", "the architecture's genotype key"},
             {"runs", "N", "timed runs"},
             {"threads", "T", "inference threads (0: every core)"},
             {"batch", "B", "batch size"},
             {"json", "", "one JSON object on stdout"}},
            runLatency};
}

} // namespace edgesmith::cli
