// Bring your own device: the measurement kit to run on it (device-kit) and the results
// brought back (device-import).
#include "app/cli/command_line.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/hw/device_kit.h"
#include "core/hw/device_latency_models.h"
#include "core/hw/device_measurements.h"
#include "core/hw/device_profile.h"
#include "core/project/project.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace edgesmith::cli {
namespace {

// --next N: of many unmeasured architectures, the N whose latency the current model is
// least sure of, judged by an ensemble of models fitted on bootstrap resamples.
std::vector<Genotype> nextToMeasure(const Arguments& arguments, const Project& project, const SearchSpace& space, std::uint64_t seed) {
    const auto named = arguments.value("profile");
    if (!named) throw UsageError("--next needs --profile P: the device whose measurements say what to measure next");
    const auto profile = std::optional<std::string>(loadDeviceProfile(*named, project.file()).name);
    const int next = static_cast<int>(arguments.integer("next", 10, 1, 100000));
    const DeviceTrainingSet measured = deviceTrainingSet(space, spaceFingerprintOf(project.spaceDocument()), project.file(), *profile);
    if (measured.architectures.size() < 5) throw UsageError("--next needs at least 5 networks of " + *profile + " imported; start with --sample");
    return nextDeviceKitArchitectures(space, measured, project.file(), *profile, next, seed);
}

int runKit(const Arguments& arguments, Streams& streams) {
    if (arguments.positionals().size() != 1) throw UsageError("name one project file");
    const auto out = arguments.value("out");
    if (!out) throw UsageError("--out DIR: the folder the kit is written to");
    const Project project = Project::load(arguments.positionals().front());
    const SearchSpace space = SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
    const int sample = static_cast<int>(arguments.integer("sample", 50, 1, 100000));
    const std::string strategy = arguments.value("strategy").value_or("diverse");
    if (strategy != "diverse" && strategy != "random") throw UsageError("--strategy takes diverse or random, got " + strategy);
    const auto seed = static_cast<std::uint64_t>(arguments.integer("seed", 0, 0, std::numeric_limits<long long>::max()));
    const std::vector<Genotype> genotypes = arguments.value("next") ? nextToMeasure(arguments, project, space, seed)
                                                                    : chooseKitArchitectures(space, sample, strategy, seed);
    const DeviceKitSummary summary = writeDeviceKit(space, project.spaceDocument(), genotypes, *out, !arguments.flag("no-layers"));
    if (arguments.flag("json")) {
        streams.out << Json{{"kit", *out}, {"models", summary.models}, {"layers", summary.layerConfigurations}, {"manifest", summary.manifest.string()}}.dump()
                    << '\n';
        return kExitOk;
    }
    streams.out << "wrote a kit of " << summary.models << " architectures (" << (arguments.value("next") ? "least certain" : strategy) << ") and " << summary.layerConfigurations
                << " layer configurations to " << *out << "\n"
                << "on the device: python3 run_onnxruntime.py --threads 1 (or node run_onnxruntime.js, or run_perf_test.sh)\n"
                << "then: edgesmith-cli device-import PROFILE " << (std::filesystem::path(*out) / "results.csv").string()
                << " --project " << project.file().string() << " --kit " << *out << '\n';
    return kExitOk;
}

int runImport(const Arguments& arguments, Streams& streams) {
    const auto& positionals = arguments.positionals();
    if (positionals.size() != 2) throw UsageError("name the device profile and the results file: device-import PROFILE RESULTS.csv --project P");
    const auto projectFile = arguments.value("project");
    if (!projectFile) throw UsageError("--project PROJECT: the project whose space the results belong to (they are kept beside it)");
    const Project project = Project::load(*projectFile);
    // An unknown profile is named before anything is read; its name keys the measurements.
    const std::string profile = loadDeviceProfile(positionals[0], project.file()).name;
    const SearchSpace space = SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
    std::optional<Json> manifest;
    std::vector<DeviceMeasurement> rows;
    try {
        if (const auto kit = arguments.value("kit")) manifest = readKitManifest(*kit);
        rows = readDeviceResults(positionals[1], space, manifest ? &*manifest : nullptr);
    } catch (const IoError&) {
        throw;
    } catch (const Error& error) { // a malformed input file: bad input, exit 2
        throw IoError(error.file(), error.path(), error.message());
    }
    const auto file = storeDeviceMeasurements(project.file(), profile, rows, std::filesystem::absolute(positionals[1]).string(),
                                              spaceFingerprintOf(project.spaceDocument()));
    int models = 0, unstable = 0;
    for (const auto& row : rows) {
        models += row.kind == "model";
        unstable += !row.stable;
    }
    const auto imports = loadDeviceMeasurements(project.file(), profile);
    if (arguments.flag("json")) {
        streams.out << Json{{"stored", file.string()}, {"rows", rows.size()}, {"models", models}, {"unstable", unstable}, {"imports", imports.size()}}.dump() << '\n';
        return kExitOk;
    }
    streams.out << "imported " << rows.size() << " measurements of " << profile << " (" << models << " networks, " << rows.size() - std::size_t(models)
                << " layers) into " << file.string() << "\n";
    if (unstable > 0)
        streams.out << "  " << unstable << " marked unstable by the runner: the device changed speed while measuring; consider measuring them again\n";
    streams.out << "  " << imports.size() << " import" << (imports.size() == 1 ? "" : "s") << " of " << profile << " kept so far\n";
    return kExitOk;
}

std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(100 * share))) + " %"; }

void printReport(const DeviceModelReport& report, std::ostream& out) {
    char line[256];
    out << "cross-validated on " << report.networks << " networks (" << report.folds << " folds):\n";
    std::snprintf(line, sizeof line, "  %-8s %10s %10s %11s %9s %12s\n", "model", "RMSE ms", "±5 %", "±10 %", "Spearman", "µs/predict");
    out << line;
    for (const auto& score : report.scores) {
        std::snprintf(line, sizeof line, "  %-8s %10.4f %10s %11s %9.3f %12.2f%s\n", score.kind.c_str(), score.accuracy.rmseMs,
                      percent(score.accuracy.within5).c_str(), percent(score.accuracy.within10).c_str(), score.accuracy.spearman,
                      score.microsecondsPerPrediction, score.kind == report.chosen ? "  <- chosen" : "");
        out << line;
    }
    out << "learning curve (within ±10 % on " << std::max(2, report.networks / 5) << " held-out networks):\n  networks";
    for (const auto& kind : DeviceLatencyModel::kinds()) out << "  " << kind;
    out << '\n';
    for (const auto& point : report.curve) {
        out << "  " << point.networks;
        for (const auto& kind : DeviceLatencyModel::kinds()) out << "  " << percent(point.byKind.at(kind).within10);
        out << '\n';
    }
    if (report.curve.size() >= 2) {
        const double last = report.curve.back().byKind.at(report.chosen).within10, before = report.curve[report.curve.size() - 2].byKind.at(report.chosen).within10;
        if (last - before > 0.02)
            out << "  still improving with more networks: measure more (edgesmith-cli device-kit PROJECT --next N --out DIR)\n";
    }
}

int runFit(const Arguments& arguments, Streams& streams) {
    if (arguments.positionals().size() != 1) throw UsageError("name the device profile: device-fit PROFILE --project PROJECT");
    const auto projectFile = arguments.value("project");
    if (!projectFile) throw UsageError("--project PROJECT: the project whose space was measured");
    const Project project = Project::load(*projectFile);
    const std::string profile = loadDeviceProfile(arguments.positionals().front(), project.file()).name;
    const std::string spaceKey = spaceFingerprintOf(project.spaceDocument());
    const DeviceTrainingSet set = deviceTrainingSet(SearchSpace::parse(project.spaceDocument(), project.spaceLabel()), spaceKey, project.file(), profile);
    if (set.architectures.size() < 5)
        throw Error(deviceMeasurementDirectory(project.file(), profile).string(), "",
                    std::to_string(set.architectures.size()) + " networks measured on " + profile +
                        "; fitting needs at least 5: edgesmith-cli device-kit, measure on the device, device-import");
    const auto& architectures = set.architectures;
    const auto& times = set.milliseconds;
    const auto& layerPrior = set.layerPrior;
    const auto seed = static_cast<std::uint64_t>(arguments.integer("seed", 0, 0, std::numeric_limits<long long>::max()));
    const DeviceModelReport report = evaluateDeviceModels(architectures, times, seed, layerPrior);
    DeviceLatencyModel model(arguments.value("model").value_or(report.chosen));
    model.fit(architectures, times, layerPrior);
    const auto file = keepDeviceLatencyModel(project.file(), profile, spaceKey, model, report, architectures.size(), layerPrior.size());
    if (arguments.flag("json")) {
        streams.out << Json{{"file", file.string()}, {"kind", model.kind()}, {"report", report.toJson()}}.dump() << '\n';
        return kExitOk;
    }
    printReport(report, streams.out);
    if (set.unstable > 0) streams.out << "  " << set.unstable << " of the measurements were marked unstable by the runner\n";
    if (set.otherSpaces > 0)
        streams.out << "  " << set.otherSpaces << " import" << (set.otherSpaces == 1 ? "" : "s") << " of another search space left out\n";
    streams.out << "kept the " << model.kind() << " model, fitted on all " << architectures.size() << " networks, in " << file.string() << "\n"
                << "use it: \"hardware\": {\"profile\": \"" << profile << "\", \"latency_model\": \"device\"}\n";
    return kExitOk;
}

} // namespace

Verb deviceFitVerb() {
    return {"device-fit",
            "fit latency models to a device's imported measurements and keep the best",
            "device-fit PROFILE --project PROJECT [--model macs|lut|kernel|boosted] [--seed S] [--json]",
            "Fits the MACs baseline, a per-operator table, a per-kernel table (convolution + batch\n"
            "norm + activation as one kernel, as runtimes fuse them) and gradient-boosted trees to\n"
            "the latest measurement of each network imported for PROFILE, and reports each by\n"
            "5-fold cross-validation (RMSE, within ±5 % and ±10 %, Spearman) with a learning curve\n"
            "that says whether more networks would help. The tables start from the kit's per-layer\n"
            "times when there are any. The best model (or --model) is refitted on all networks and\n"
            "kept in devices/PROFILE.measurements/: a project selects it with\n"
            "\"latency_model\": \"device\".",
            {{"project", "PROJECT", "the project the measurements belong to"},
             {"model", "KIND", "keep this kind instead of the best"},
             {"seed", "S", "seed of the folds"},
             {"json", "", "the report as one JSON line"}},
            runFit};
}

Verb deviceKitVerb() {
    return {"device-kit",
            "write a measurement kit: architectures of the space as ONNX models and a runner for the device",
            "device-kit PROJECT --out DIR [--sample N] [--strategy diverse|random] [--seed S] [--no-layers] [--json]\n"
            "       edgesmith-cli device-kit PROJECT --out DIR --next N --profile P",
            "Chooses N architectures of the project's space (diverse: spread over MACs, depth and\n"
            "operator mix, the extremes included; random: uniform) and writes each as an ONNX model,\n"
            "one ONNX model per distinct layer configuration, manifest.json, and runners that time\n"
            "them on the device with warm-up, fixed threads, rounds and a stability check:\n"
            "run_onnxruntime.py (Python), run_onnxruntime.js (Node.js), run_perf_test.sh\n"
            "(onnxruntime_perf_test). They write results.csv for device-import. --next N --profile P\n"
            "writes the N unmeasured architectures the current model of P is least sure of (models\n"
            "fitted on bootstrap resamples disagree most): the next round that helps most.",
            {{"out", "DIR", "the kit's folder"},
             {"sample", "N", "architectures (default 50)"},
             {"strategy", "S", "diverse (default) or random"},
             {"seed", "S", "seed of the choice"},
             {"no-layers", "", "leave out the per-layer models"},
             {"next", "N", "the N architectures the current model is least sure of"},
             {"profile", "P", "with --next: the device whose measurements guide the choice"},
             {"json", "", "one JSON line"}},
            runKit};
}

Verb deviceImportVerb() {
    return {"device-import",
            "check a device's results.csv and keep it with the device profile",
            "device-import PROFILE RESULTS.csv --project PROJECT [--kit DIR] [--json]",
            "Reads the runner's results.csv and checks every line: genotypes of the project's space\n"
            "(and of the kit with --kit), times that are positive numbers in ms, p10 ≤ median ≤ p90,\n"
            "no row twice. Any problem is reported with its line and nothing is kept. Otherwise the\n"
            "rows are kept as a new dated file in devices/PROFILE.measurements/ beside the project;\n"
            "earlier imports stay.",
            {{"project", "PROJECT", "the project the kit was written for"},
             {"kit", "DIR", "the kit folder: genotypes must be among its models"},
             {"json", "", "one JSON line"}},
            runImport};
}

} // namespace edgesmith::cli
