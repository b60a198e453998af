// What the MPI executor costs and gains (issue 12), against the local executor in the same
// run on the same machine:
//  1. evaluations per hour of a proxy-training search of the Fashion-MNIST MBConv template:
//     the local executor (2 workers × 1 thread) against mpirun -np 3 (rank 0 searching,
//     2 evaluating ranks × 1 thread), each run `--repeats` times, interleaved;
//  2. on a tabular oracle, where an evaluation is a lookup, the cost per candidate of the
//     search loop with each executor, with 1, 2 and 4 evaluating ranks: the search's own
//     time (start to finish, as rank 0 reports it) over N, without MPI's launch.
// With --write FILE, refreshes the "executor" section of docs/benchmarks.md. --budget,
// --repeats, --subset and --oracle make it longer (the defaults keep it near 2 minutes).
#include "core/common/atomic_file.h"
#include "core/common/json.h"
#include "core/engine/runtime.h"
#include "core/project/project.h"
#include "core/store/store.h"
#include "tests/benchmarks/markdown_section.h"
#include "tests/cluster/table_project.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

using namespace edgesmith;

namespace {

struct Options {
    std::string write, machine = "this 2-core machine";
    int budget = 4;    // proxy-training evaluations per search
    int repeats = 2;   // of each proxy-training search, interleaved
    int oracle = 400;  // tabular-oracle evaluations per search
    double subset = 0.01; // of the training split, per proxy training
};

Options options;

std::filesystem::path folder;

// Runs `command` in the benchmark's folder, its output appended to bench.log; seconds.
double timed(const std::string& command) {
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system(("cd '" + folder.string() + "' && " + command + " >> bench.log 2>&1").c_str());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (status != 0) throw std::runtime_error("failed (see " + (folder / "bench.log").string() + "): " + command);
    return seconds;
}

std::string cli() { return EDGESMITH_CLI; }
std::string mpirun(int ranks) { return "mpirun -np " + std::to_string(ranks) + " --oversubscribe --bind-to none " + cli(); }

std::size_t evaluated(const std::string& database) {
    std::size_t count = 0;
    for (const Candidate& candidate : Store::openReadOnly(folder / database).candidates(1)) count += candidate.status == CandidateStatus::Evaluated;
    return count;
}

void writeProxyProject() {
    Json document = Project::load(EDGESMITH_SOURCE_TREE "/projects/default.edgesmith.json").document();
    document["name"] = "executor benchmark";
    document["objectives"] = Json::array({{{"metric", "accuracy"}}, {{"metric", "macs"}}});
    // Candidates are scored on the whole validation split: a small one, or scoring 6,000
    // images would outweigh the training.
    document["dataset"]["validation_fraction"] = 0.01;
    document["estimator"] = {{"name", "proxy-training"}, {"params", {{"epochs", 1}, {"subset", options.subset}, {"batch_size", 64}}}};
    document["strategy"] = {{"name", "random"}, {"params", {{"seed", 1}}}};
    document["database"] = "runs.db";
    writeFileAtomically(folder / "f.edgesmith.json", document.dump(2));
}

struct Throughput {
    std::vector<double> local, mpi; // seconds per search
};

Throughput proxyTraining() {
    writeProxyProject();
    Throughput result;
    const std::string budget = " --budget " + std::to_string(options.budget);
    for (int repeat = 0; repeat < options.repeats; ++repeat) {
        const std::string tag = std::to_string(repeat);
        result.local.push_back(timed(cli() + " search f.edgesmith.json --workers 2 --db local" + tag + ".db" + budget));
        result.mpi.push_back(timed(mpirun(3) + " search f.edgesmith.json --executor mpi --db mpi" + tag + ".db" + budget));
        for (const std::string& database : {"local" + tag + ".db", "mpi" + tag + ".db"})
            if (evaluated(database) != std::size_t(options.budget)) throw std::runtime_error(database + " lacks evaluations");
        std::printf("proxy training, repeat %d: local %.1f s, mpi %.1f s\n", repeat + 1, result.local.back(), result.mpi.back());
        std::fflush(stdout);
    }
    return result;
}

// The search's own time from start to finish (the "finished" event of --json): without the
// process start, MPI's launch and the dataset load.
double searchSeconds(const std::string& command, const std::string& output) {
    timed("(" + command + " --json > " + output + ")"); // the subshell keeps stdout out of bench.log
    const std::string text = readFile(folder / output);
    const auto at = text.rfind("{\"event\":\"finished\"");
    if (at == std::string::npos) throw std::runtime_error(output + " has no finished event");
    return Json::parse(text.substr(at, text.find('\n', at) - at)).at("seconds").get<double>();
}

// Microseconds per candidate of the search loop, the better of two tries.
double perCandidate(const std::string& search, int candidates, const std::string& name) {
    double best = 1e300;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const std::string tag = "oracle-" + name + "-" + std::to_string(attempt);
        const double seconds = searchSeconds(search + " --budget " + std::to_string(candidates) + " --db " + tag + ".db", tag + ".jsonl");
        if (evaluated(tag + ".db") != std::size_t(candidates)) throw std::runtime_error(name + ": candidates missing");
        best = std::min(best, seconds / double(candidates) * 1e6);
    }
    std::printf("oracle, %s: %.0f µs per candidate\n", name.c_str(), best);
    std::fflush(stdout);
    return best;
}

double mean(const std::vector<double>& values) {
    double sum = 0;
    for (double value : values) sum += value;
    return sum / double(values.size());
}

} // namespace

int main(int argc, char** argv) {
    for (int index = 1; index + 1 < argc; index += 2) {
        const std::string flag = argv[index], value = argv[index + 1];
        if (flag == "--write") options.write = value;
        else if (flag == "--machine") options.machine = value;
        else if (flag == "--budget") options.budget = std::max(2, std::atoi(value.c_str()));
        else if (flag == "--repeats") options.repeats = std::max(1, std::atoi(value.c_str()));
        else if (flag == "--oracle") options.oracle = std::max(10, std::atoi(value.c_str()));
        else if (flag == "--subset") options.subset = std::clamp(std::atof(value.c_str()), 0.001, 1.0);
        else {
            std::fprintf(stderr, "unknown option %s\n", flag.c_str());
            return 2;
        }
    }
    // As root (CI), OpenMPI wants to be told twice.
    setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 1);
    setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 1);
    folder = std::filesystem::temp_directory_path() / ("edgesmith-bench-executor-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    try {
        const Throughput throughput = proxyTraining();
        const std::size_t architectures = testing::writeTableProject(folder, "random");
        const int candidates = std::min<int>(options.oracle, static_cast<int>(architectures) / 2);
        const double local = perCandidate(cli() + " search p.edgesmith.json --workers 1", candidates, "local");
        std::vector<std::pair<int, double>> ranks;
        for (const int evaluating : {1, 2, 4})
            ranks.emplace_back(evaluating, perCandidate(mpirun(evaluating + 1) + " search p.edgesmith.json --executor mpi", candidates,
                                                        "mpi-" + std::to_string(evaluating)));

        const double localSeconds = mean(throughput.local), mpiSeconds = mean(throughput.mpi);
        const RuntimeInfo runtime = runtimeInfo();
        char line[1024];
        std::string text;
        std::snprintf(line, sizeof line,
                      "On %s (%d hardware threads, LibTorch %s, OpenMPI's mpirun --oversubscribe). Whole commands timed, start-up "
                      "included, %d repeat%s interleaved.\n\n"
                      "**Proxy-training search** of the Fashion-MNIST MBConv template (random, %d candidates, 1 epoch on %.0f %% of the "
                      "training split, scored on 600 validation images):\n\n"
                      "| executor | layout | seconds per search | evaluations per hour | ratio |\n|---|---|---:|---:|---:|\n",
                      options.machine.c_str(), runtime.hardwareThreads, runtime.torchVersion.c_str(), options.repeats, options.repeats == 1 ? "" : "s",
                      options.budget, options.subset * 100);
        text += line;
        std::snprintf(line, sizeof line, "| local | 2 workers × 1 thread | %.1f | %.0f | 1.00 |\n", localSeconds, options.budget * 3600 / localSeconds);
        text += line;
        std::snprintf(line, sizeof line, "| mpi (`mpirun -np 3`) | rank 0 + 2 evaluating ranks × 1 thread | %.1f | %.0f | %.2f |\n", mpiSeconds,
                      options.budget * 3600 / mpiSeconds, localSeconds / mpiSeconds);
        text += line;
        std::snprintf(line, sizeof line,
                      "\n**Cost per candidate of the search loop** on a tabular oracle (%d candidates; the search's own time from its "
                      "start to its end, as rank 0 sees it, divided by N; the better of 2 tries): evaluation (a table lookup and the "
                      "analytic metrics), strategy, store commit, and for MPI the job and result messages.\n\n"
                      "| executor | evaluating ranks | µs per candidate |\n|---|---:|---:|\n| local | 1 worker | %.0f |\n",
                      candidates, local);
        text += line;
        for (const auto& [evaluating, micros] : ranks) {
            std::snprintf(line, sizeof line, "| mpi (`mpirun -np %d`) | %d | %.0f |\n", evaluating + 1, evaluating, micros);
            text += line;
        }
        std::printf("\n%s", text.c_str());
        if (!options.write.empty() && !bench::replaceMarkdownSection(options.write, "executor", text)) return 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_executor: %s\n", error.what());
        return 1;
    }
    std::filesystem::remove_all(folder);
    return 0;
}
