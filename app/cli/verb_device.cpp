// Bring your own device: the measurement kit to run on it (device-kit) and the results
// brought back (device-import).
#include "app/cli/command_line.h"

#include "core/hw/device_kit.h"
#include "core/hw/device_measurements.h"
#include "core/hw/device_profile.h"
#include "core/project/project.h"

#include <limits>

namespace edgesmith::cli {
namespace {

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
    const std::vector<Genotype> genotypes = chooseKitArchitectures(space, sample, strategy, seed);
    const DeviceKitSummary summary = writeDeviceKit(space, project.spaceDocument(), genotypes, *out, !arguments.flag("no-layers"));
    if (arguments.flag("json")) {
        streams.out << Json{{"kit", *out}, {"models", summary.models}, {"layers", summary.layerConfigurations}, {"manifest", summary.manifest.string()}}.dump()
                    << '\n';
        return kExitOk;
    }
    streams.out << "wrote a kit of " << summary.models << " architectures (" << strategy << ") and " << summary.layerConfigurations
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
    const std::string profile = positionals[0];
    loadDeviceProfile(profile, project.file()); // an unknown profile is named before anything is read
    const SearchSpace space = SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
    std::optional<Json> manifest;
    if (const auto kit = arguments.value("kit")) manifest = readKitManifest(*kit);
    const auto rows = readDeviceResults(positionals[1], space, manifest ? &*manifest : nullptr);
    const auto file = storeDeviceMeasurements(project.file(), profile, rows, std::filesystem::absolute(positionals[1]).string());
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

} // namespace

Verb deviceKitVerb() {
    return {"device-kit",
            "write a measurement kit: architectures of the space as ONNX models and a runner for the device",
            "device-kit PROJECT --out DIR [--sample N] [--strategy diverse|random] [--seed S] [--no-layers] [--json]",
            "Chooses N architectures of the project's space (diverse: spread over MACs, depth and\n"
            "operator mix, the extremes included; random: uniform) and writes each as an ONNX model,\n"
            "one ONNX model per distinct layer configuration, manifest.json, and runners that time\n"
            "them on the device with warm-up, fixed threads, rounds and a stability check:\n"
            "run_onnxruntime.py (Python), run_onnxruntime.js (Node.js), run_perf_test.sh\n"
            "(onnxruntime_perf_test). They write results.csv for device-import.",
            {{"out", "DIR", "the kit's folder"},
             {"sample", "N", "architectures (default 50)"},
             {"strategy", "S", "diverse (default) or random"},
             {"seed", "S", "seed of the choice"},
             {"no-layers", "", "leave out the per-layer models"},
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
