// How far the latency models can be trusted (issue 10): architectures sampled from the
// Fashion-MNIST MBConv template are timed on this host in interleaved rounds; the lookup
// table, the predictors (fitted on half of them) and the roofline simulator (on this
// host's profile, measured at the start) are scored on the other half against the
// measurements: RMSE, share within ±5 / ±10 %, Spearman and Kendall, and the time of a
// prediction against a measurement. The "re-measurement" row is the noise floor: half the
// timing rounds against the other half.
// With --write FILE, refreshes the SECTION (default "latency-models") of docs/benchmarks.md.
#include "core/common/atomic_file.h"
#include "tests/benchmarks/markdown_section.h"
#include "core/engine/runtime.h"
#include "core/hw/host_probe.h"
#include "core/hw/latency_study.h"
#include "core/project/project.h"
#include "core/space/space.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace edgesmith;

int main(int argc, char** argv) {
    std::string write, section = "latency-models", machine = "this 2-core machine";
    LatencyStudyOptions options;
    options.samples = 200;
    options.latency.runs = 40;
    options.latency.warmup = 8;
    for (int index = 1; index + 1 < argc; index += 2) {
        const std::string flag = argv[index], value = argv[index + 1];
        if (flag == "--write") write = value;
        else if (flag == "--section") section = value;
        else if (flag == "--machine") machine = value;
        else if (flag == "--samples") options.samples = std::atoi(value.c_str());
        else if (flag == "--runs") options.latency.runs = std::atoi(value.c_str());
        else if (flag == "--rounds") options.rounds = std::atoi(value.c_str());
        else {
            std::fprintf(stderr, "unknown option %s\n", flag.c_str());
            return 2;
        }
    }
    const SearchSpace space = SearchSpace::parse(loadSpaceTemplate("fmnist-mbconv"), "fmnist-mbconv");
    const DeviceProfile host = measureHostProfile(options.latency.threads);
    const LatencyStudy study = runLatencyStudy(space, host, options, [](const std::string& line) {
        std::printf("%s\n", line.c_str());
        std::fflush(stdout);
    });
    const RuntimeInfo runtime = runtimeInfo();
    char line[2048];
    std::snprintf(line, sizeof line,
                  "%d architectures of fmnist-mbconv on %s (LibTorch %s, %d thread, batch 1): each timed in %d interleaved rounds of "
                  "%d runs, the median of its rounds kept (%.0f ms per architecture). Predictors and the table's correction fitted on %d, "
                  "scored on the %d others. The table holds %zu layer configurations, profiled in %.1f s. Host profile measured at the "
                  "start: %.1f GMAC/s fp32 peak, %.1f GB/s.\n\n"
                  "| model | RMSE ms | within ±5 %% | within ±10 %% | Spearman | Kendall | µs per prediction | faster than measuring |\n"
                  "|---|---:|---:|---:|---:|---:|---:|---:|\n",
                  study.trainCount + study.testCount, machine.c_str(), runtime.torchVersion.c_str(), options.latency.threads, std::max(2, options.rounds),
                  std::max(3, options.latency.runs / std::max(2, options.rounds)), study.measurementMs, study.trainCount, study.testCount, study.tableEntries,
                  study.tableBuildSeconds, host.peak("fp32") * 1e-9, host.memoryBandwidth * 1e-9);
    std::string table = line;
    double meanMs = 0;
    for (double value : study.measuredMs) meanMs += value / double(study.measuredMs.size());
    for (const LatencyModelScore& score : study.scores) {
        std::snprintf(line, sizeof line, "| %s | %.3f | %.0f %% | %.0f %% | %.3f | %.3f | %.2f | %s |\n", score.model.c_str(), score.accuracy.rmseMs,
                      100 * score.accuracy.within5, 100 * score.accuracy.within10, score.accuracy.spearman, score.accuracy.kendall,
                      score.microsecondsPerPrediction,
                      score.model == "re-measurement" ? "1×" : (std::to_string(std::lround(study.measurementMs * 1e3 / score.microsecondsPerPrediction)) + "×").c_str());
        table += line;
    }
    std::snprintf(line, sizeof line, "\nHeld-out latencies average %.3f ms.\n", meanMs);
    table += line;
    std::printf("\n%s", table.c_str());
    if (!write.empty() && !bench::replaceMarkdownSection(write, section, table)) return 1;
    return 0;
}
