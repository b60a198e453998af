// This host as a device (issue 13): a measurement kit of the Fashion-MNIST MBConv space
// (architectures chosen to cover it) is timed by the kit's own Node.js runner in ONNX
// Runtime (npm onnxruntime-node), imported like a device's results.csv, and the latency
// models are fitted to 50, 200 and 1,000 of the measured networks and cross-validated
// (5 folds): RMSE, Spearman and the share within ±10 % for each, and what a prediction
// costs against a measurement. With --write FILE, refreshes the "device-models" section.
#include "core/common/atomic_file.h"
#include "core/hw/device_kit.h"
#include "core/hw/device_latency_models.h"
#include "core/hw/device_measurements.h"
#include "core/project/project.h"
#include "core/space/space.h"
#include "tests/benchmarks/markdown_section.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace edgesmith;

int main(int argc, char** argv) {
    std::string write, machine = "this 2-core machine";
    int networks = 1000, runs = 30;
    for (int index = 1; index + 1 < argc; index += 2) {
        const std::string flag = argv[index], value = argv[index + 1];
        if (flag == "--write") write = value;
        else if (flag == "--machine") machine = value;
        else if (flag == "--networks") networks = std::max(50, std::atoi(value.c_str()));
        else if (flag == "--runs") runs = std::max(6, std::atoi(value.c_str()));
        else {
            std::fprintf(stderr, "unknown option %s\n", flag.c_str());
            return 2;
        }
    }
    try {
        const Project project = Project::load(EDGESMITH_SOURCE_TREE "/projects/default.edgesmith.json");
        const SearchSpace space = SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
        const std::filesystem::path kit = std::filesystem::temp_directory_path() / ("edgesmith-bench-kit-" + std::to_string(getpid()));
        const auto started = std::chrono::steady_clock::now();
        const auto genotypes = chooseKitArchitectures(space, networks, "diverse", 1);
        const DeviceKitSummary summary = writeDeviceKit(space, project.spaceDocument(), genotypes, kit, true);
        std::printf("kit: %d networks, %d layer configurations (%.0f s)\n", summary.models, summary.layerConfigurations,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        std::fflush(stdout);
        const std::string command = "NODE_PATH='" EDGESMITH_NODE_MODULES "' node '" + (kit / "run_onnxruntime.js").string() + "' --runs " +
                                    std::to_string(runs) + " --warmup 5 --layers --device '" + machine + "' > '" + (kit / "runner.log").string() + "' 2>&1";
        const auto timing = std::chrono::steady_clock::now();
        if (std::system(command.c_str()) != 0) throw std::runtime_error("the kit's runner failed: see " + (kit / "runner.log").string());
        const double timingSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - timing).count();
        const auto rows = readDeviceResults(kit / "results.csv", space, nullptr);
        std::vector<Architecture> architectures;
        std::vector<double> times;
        std::map<std::string, double> layerPrior;
        int unstable = 0;
        for (const DeviceMeasurement& row : rows) {
            unstable += !row.stable;
            if (row.kind == "layer") {
                layerPrior[row.key] = row.medianMs;
                continue;
            }
            architectures.push_back(space.derive(space.canonical(space.parseKey(row.key)), false));
            times.push_back(row.medianMs);
        }
        double meanMs = 0;
        for (double time : times) meanMs += time / double(times.size());
        const double measurementMs = timingSeconds * 1000.0 / double(rows.size()); // warm-up, runs and session, per model

        char line[2048];
        std::string table;
        std::snprintf(line, sizeof line,
                      "%d networks of fmnist-mbconv chosen by device-kit (diverse) and %d layer configurations, timed here by the kit's "
                      "run_onnxruntime.js (onnxruntime-node, 1 thread, 5 warm-up and %d timed runs in 3 rounds; %d of %zu rows flagged "
                      "unstable by the runner). Networks average %.3f ms; a kit measurement took %.0f ms each, session and warm-up "
                      "included. Models cross-validated in 5 folds on the first N networks.\n\n"
                      "| networks | model | RMSE ms | within ±5 %% | within ±10 %% | Spearman | µs per prediction |\n"
                      "|---:|---|---:|---:|---:|---:|---:|\n",
                      summary.models, summary.layerConfigurations, runs, unstable, rows.size(), meanMs, measurementMs);
        table += line;
        for (const int count : {50, 200, 1000}) {
            if (count > int(architectures.size())) break;
            const std::vector<Architecture> subset(architectures.begin(), architectures.begin() + count);
            const std::vector<double> subsetTimes(times.begin(), times.begin() + count);
            const DeviceModelReport report = evaluateDeviceModels(subset, subsetTimes, 3, layerPrior);
            for (const auto& score : report.scores) {
                std::snprintf(line, sizeof line, "| %d | %s%s | %.4f | %.0f %% | %.0f %% | %.3f | %.1f |\n", count, score.kind.c_str(),
                              score.kind == report.chosen ? " (chosen)" : "", score.accuracy.rmseMs, 100 * score.accuracy.within5,
                              100 * score.accuracy.within10, score.accuracy.spearman, score.microsecondsPerPrediction);
                table += line;
            }
            std::printf("fitted on %d networks\n", count);
            std::fflush(stdout);
        }
        std::printf("\n%s", table.c_str());
        std::filesystem::remove_all(kit);
        if (!write.empty() && !bench::replaceMarkdownSection(write, "device-models", table)) return 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_device_models: %s\n", error.what());
        return 1;
    }
    return 0;
}
