// Hardware verbs: the device simulator on one architecture, the accuracy of the latency
// models on this host, and device profiles (show, validate, measure this host).
#include "app/cli/command_line.h"

#include "core/common/atomic_file.h"
#include "core/common/text.h"
#include "core/hw/device_profile.h"
#include "core/hw/host_probe.h"
#include "core/hw/latency_study.h"
#include "core/hw/roofline.h"
#include "core/project/project.h"
#include "core/space/space.h"

#include <iomanip>
#include <limits>
#include <random>

namespace edgesmith::cli {
namespace {

std::string kib(double bytes) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(1) << bytes / 1024 << " KiB";
    return text.str();
}

// The architecture to simulate: a template's (its first genotype), or a project's
// (--genotype, else a seeded sample).
struct Target {
    SearchSpace space;
    Genotype genotype;
    std::filesystem::path projectFile;
    std::string profile;
};

Target chooseTarget(const Arguments& arguments) {
    const auto templateName = arguments.value("template");
    if (templateName && !arguments.positionals().empty()) throw UsageError("name a project or --template, not both");
    if (!templateName && arguments.positionals().size() != 1) throw UsageError("name one project file, or --template NAME");
    std::optional<Project> project;
    Json spaceDocument;
    std::string label;
    if (templateName) {
        spaceDocument = loadSpaceTemplate(*templateName);
        label = *templateName;
    } else {
        project = Project::load(arguments.positionals().front());
        spaceDocument = project->spaceDocument();
        label = project->spaceLabel();
    }
    Target target{SearchSpace::parse(spaceDocument, label), {}, project ? project->file() : std::filesystem::path{}, "host"};
    if (project) target.profile = project->document().value("hardware", Json::object()).value("profile", "host");
    if (const auto profile = arguments.value("profile")) target.profile = *profile;
    if (const auto genotype = arguments.value("genotype")) {
        try {
            target.genotype = target.space.canonical(target.space.parseKey(*genotype));
        } catch (const Error& error) {
            throw UsageError(error.message());
        }
    } else {
        std::mt19937_64 random(static_cast<std::uint64_t>(arguments.integer("seed", 0, 0, std::numeric_limits<long long>::max())));
        target.genotype = target.space.canonical(target.space.sample(random));
    }
    return target;
}

int runSimulate(const Arguments& arguments, Streams& streams) {
    const Target target = chooseTarget(arguments);
    const DeviceProfile profile = loadDeviceProfile(target.profile, target.projectFile);
    const Architecture architecture = target.space.derive(target.genotype, true);
    const SimulationReport report = simulate(architecture, profile);
    if (arguments.flag("json")) {
        Json output = arguments.flag("layers") ? report.toJson() : report.verdictJson();
        output["genotype"] = target.space.key(target.genotype);
        streams.out << output.dump() << '\n';
        return report.fitsRam && report.fitsFlash && report.unsupported.empty() ? kExitOk : kExitFailed;
    }
    streams.out << "simulating " << target.space.name() << " " << target.space.key(target.genotype) << " on " << profile.name << " (" << profile.kind
                << ")\n";
    streams.out << "  latency      " << std::fixed << std::setprecision(3) << report.latencyMs << " ms\n";
    if (report.energyMillijoules > 0) streams.out << "  energy       " << std::setprecision(4) << report.energyMillijoules << " mJ\n";
    streams.out << "  activations  " << kib(double(report.peakActivationBytes)) << " at peak, RAM "
                << (profile.ramBytes ? kib(double(profile.ramBytes)) : std::string("not stated")) << ": "
                << (report.fitsRam ? "fits" : "does not fit") << '\n';
    streams.out << "  storage      " << kib(double(report.storageBytes)) << ", flash "
                << (profile.flashBytes ? kib(double(profile.flashBytes)) : std::string("not stated")) << ": "
                << (report.fitsFlash ? "fits" : "does not fit") << '\n';
    if (!report.ramBreakingLayers.empty())
        streams.out << "  RAM broken by " << report.ramBreakingLayers.size() << " layers: " << joinWords(report.ramBreakingLayers) << '\n';
    for (const std::string& problem : report.unsupported) streams.out << "  unsupported  " << problem << '\n';
    if (arguments.flag("layers")) {
        streams.out << "\n  " << std::left << std::setw(34) << "layer" << std::setw(16) << "class" << std::right << std::setw(11) << "time ms"
                    << std::setw(9) << "bound" << std::setw(14) << "live KiB" << '\n';
        for (const SimulatedLayer& layer : report.layers)
            streams.out << "  " << std::left << std::setw(34) << layer.name << std::setw(16) << layer.operatorClass << std::right << std::setw(11)
                        << std::setprecision(4) << layer.timeMs << std::setw(9) << (layer.computeBound ? "compute" : "memory") << std::setw(14)
                        << std::setprecision(1) << double(layer.liveBytes) / 1024 << (profile.ramBytes && layer.liveBytes > profile.ramBytes ? "  > RAM" : "")
                        << '\n';
    }
    return report.fitsRam && report.fitsFlash && report.unsupported.empty() ? kExitOk : kExitFailed;
}

int runLatencyModels(const Arguments& arguments, Streams& streams) {
    if (arguments.positionals().size() != 1) throw UsageError("name one project file");
    const Project project = Project::load(arguments.positionals().front());
    const SearchSpace space = SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
    const Json hardware = project.document().value("hardware", Json::object());
    LatencyStudyOptions options;
    options.samples = static_cast<int>(arguments.integer("sample", 200, 8, 100000));
    options.trainFraction = arguments.number("train-fraction", 0.5, 0.1, 0.9);
    options.seed = static_cast<std::uint64_t>(arguments.integer("seed", 0, 0, std::numeric_limits<long long>::max()));
    options.latency.threads = hardware.value("threads", 1);
    options.latency.runs = static_cast<int>(arguments.integer("runs", hardware.value("latency_runs", 50), 1, 100000));
    options.latency.warmup = std::max(3, options.latency.runs / 5);
    options.rounds = static_cast<int>(arguments.integer("rounds", 4, 2, 100));
    const DeviceProfile host = loadDeviceProfile("host", project.file());
    const bool json = arguments.flag("json");
    const LatencyStudy study = runLatencyStudy(space, host, options, [&](const std::string& line) {
        if (!json) streams.err << line << '\n';
    });
    if (json) {
        streams.out << study.toJson().dump() << '\n';
        return kExitOk;
    }
    streams.out << study.trainCount << " architectures to fit, " << study.testCount << " held out; " << study.tableEntries
                << " layer configurations in the table; one measurement takes " << std::fixed << std::setprecision(1) << study.measurementMs << " ms\n\n  "
                << std::left << std::setw(17) << "model" << std::right << std::setw(10) << "RMSE ms" << std::setw(10) << "±5 %" << std::setw(10) << "±10 %"
                << std::setw(11) << "Spearman" << std::setw(10) << "Kendall" << std::setw(14) << "µs/predict" << std::setw(12) << "speed-up" << '\n';
    for (const LatencyModelScore& score : study.scores)
        streams.out << "  " << std::left << std::setw(17) << score.model << std::right << std::setprecision(3) << std::setw(10) << score.accuracy.rmseMs
                    << std::setprecision(1) << std::setw(9) << 100 * score.accuracy.within5 << "%" << std::setw(9) << 100 * score.accuracy.within10 << "%"
                    << std::setprecision(3) << std::setw(11) << score.accuracy.spearman << std::setw(10) << score.accuracy.kendall << std::setprecision(2)
                    << std::setw(14) << score.microsecondsPerPrediction << std::setprecision(0) << std::setw(11)
                    << study.measurementMs * 1e3 / std::max(1e-9, score.microsecondsPerPrediction) << "×\n";
    return kExitOk;
}

int runDeviceProfile(const Arguments& arguments, Streams& streams) {
    if (arguments.flag("measure-host")) {
        const DeviceProfile profile = measureHostProfile(static_cast<int>(arguments.integer("threads", 1, 1, 1024)));
        const std::string text = profile.toJson().dump(2) + "\n";
        if (const auto out = arguments.value("out")) {
            saveDeviceProfile(profile.toJson(), *out);
            streams.out << "wrote " << *out << '\n';
        } else {
            streams.out << text;
        }
        return kExitOk;
    }
    if (arguments.positionals().empty()) {
        for (const std::string& name : deviceProfileNames()) {
            const DeviceProfile profile = loadDeviceProfile(name);
            streams.out << std::left << std::setw(24) << name << std::setw(13) << profile.kind << profile.description << '\n';
        }
        return kExitOk;
    }
    for (const std::string& name : arguments.positionals()) {
        const DeviceProfile profile = loadDeviceProfile(name);
        streams.out << profile.toJson().dump(2) << '\n';
    }
    return kExitOk;
}

} // namespace

Verb simulateVerb() {
    return {"simulate",
            "roofline simulation of an architecture on a device profile: latency, energy, RAM and flash verdicts, per-layer bound",
            "simulate (PROJECT | --template NAME) [--profile P] [--genotype G | --seed S] [--layers] [--json]",
            "Each layer takes max(work / (peak x efficiency), bytes moved / bandwidth) plus the profile's\n"
            "per-layer overhead. Reports the latency, the energy (when the profile gives energy figures),\n"
            "whether the peak activations fit the device's RAM (SRAM on an MCU) and the weights its flash,\n"
            "which layers break the RAM, and operators or bitwidths the device does not run. Exits 1 when\n"
            "the architecture does not fit or is not supported. The profile defaults to the project's.",
            {{"template", "NAME", "a shipped space template instead of a project"},
             {"profile", "P", "device profile name, or a .json file"},
             {"genotype", "G", "the architecture by its genotype key; default a sample"},
             {"seed", "S", "seed of the sample (default 0)"},
             {"layers", "", "the per-layer table: time, bound, live activation bytes"},
             {"json", "", "one JSON object"}},
            runSimulate};
}

Verb latencyModelsVerb() {
    return {"latency-models",
            "how well the latency lookup table, predictors and simulator match measurement on this host",
            "latency-models PROJECT [--sample N] [--train-fraction F] [--runs R] [--rounds K] [--seed S] [--json]",
            "Samples N distinct architectures of the project's space (default 200), times each on this host,\n"
            "builds the lookup table from their layers, fits the predictors (MACs baseline, linear, boosted\n"
            "trees) and the table's correction on the first part (--train-fraction, default 0.5) and\n"
            "scores every model on the rest: RMSE, share within ±5 % and ±10 %, Spearman, Kendall, and the\n"
            "time of a prediction against a measurement.",
            {{"sample", "N", "architectures to measure (default 200)"},
             {"train-fraction", "F", "share used to fit (default 0.5)"},
             {"runs", "R", "timed runs per measurement (default the project's latency_runs)"},
             {"rounds", "K", "interleaved timing rounds the runs are shared out over (default 4)"},
             {"seed", "S", "sampling seed (default 0)"},
             {"json", "", "one JSON object"}},
            runLatencyModels};
}

Verb deviceProfileVerb() {
    return {"device-profile",
            "list, show and validate device profiles, or measure this host's",
            "device-profile [NAME|FILE.json...] | device-profile --measure-host [--threads T] [--out FILE]",
            "Without arguments lists the profiles; with names or files prints each after validating it\n"
            "(exit 2 naming the file and field when it is not valid). --measure-host times a matrix\n"
            "product, a copy and one layer per operator class to describe this machine.",
            {{"measure-host", "", "measure this machine's profile"},
             {"threads", "T", "threads for --measure-host (default 1, as latency is measured)"},
             {"out", "FILE", "write the measured profile there (atomically)"}},
            runDeviceProfile};
}

} // namespace edgesmith::cli
