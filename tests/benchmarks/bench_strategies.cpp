// Search strategies against Optuna on a tabular benchmark generated here: every
// architecture of a 19,200-architecture MBConv chain with exact MACs and params, a modelled
// latency and a synthetic accuracy whose optimum under the latency budget is not the
// largest network. EdgeSmith's random, regularized-evolution, nsga2 and bayesian run
// through the real engine and store (table estimator); Optuna's RandomSampler, TPESampler
// and NSGAIISampler run in tests/benchmarks/optuna_peer.py (Debian's python3-optuna) on
// the same table. Both sides search (accuracy max, MACs min) under latency_ms <= budget.
//
// Counting rule, the same on both sides: a budget of N buys N distinct architectures
// that keep the latency budget. Proposals that break it, and repeats of an architecture
// already looked up, cost nothing (that is what EdgeSmith's engine does: infeasible
// candidates are never trained and repeats are answered from its cache). Optuna's
// samplers learn the latency budget through constraints_func; EdgeSmith's strategies
// through the infeasible candidates they are told.
//
// Figures per run, both from the same trials: the best accuracy among the feasible
// architectures evaluated, and the hypervolume of their (-accuracy, MACs) points under
// the fixed reference (-70 %, largest MACs of the table), divided by that of the table's
// true feasible front (1.0: the whole front found).
#include "core/common/atomic_file.h"
#include "tests/benchmarks/markdown_section.h"
#include "core/engine/search_engine.h"
#include "core/estimate/estimator.h"
#include "core/project/project.h"
#include "core/search/pareto.h"
#include "core/space/space.h"
#include "core/store/store.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <numbers>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace edgesmith;

namespace {

// 28×28 grey input; three stride-2 stages with searchable depth (1–2) and width, per-block
// kernel and expansion in the first two, per-block kernel in the last:
// (2 widths × (4 + 4²)) × (2 × (4 + 4²)) × (2 × (2 + 2²)) = 40 × 40 × 12 = 19,200.
const char* const kSpace = R"({
  "name": "bench-strategies", "backbone": "chain", "classes": 10,
  "input": {"channels": 1, "resolution": 28},
  "stem": [{"op": "conv", "out": 16, "kernel": 3, "stride": 1, "activation": "relu6"}],
  "stages": [
    {"depth": [1, 2], "stride": 2, "out": [16, 24],
     "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [3, 6], "activation": "relu6"}},
    {"depth": [1, 2], "stride": 2, "out": [32, 48],
     "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [3, 6], "activation": "relu6"}},
    {"depth": [1, 2], "stride": 2, "out": [64, 96],
     "block": {"op": "mbconv", "kernel": [3, 5], "expansion": 4, "activation": "hswish"}}
  ],
  "head": [{"op": "conv", "out": 128, "kernel": 1, "activation": "hswish"}, {"op": "global_avg_pool"}, {"op": "linear", "out": 10}]
})";

const char* const kStrategies[] = {"random", "regularized-evolution", "nsga2", "bayesian"};
const char* const kSamplers[] = {"random", "tpe", "nsga2"};
constexpr double kReferenceAccuracy = 70.0;

// ---- the landscape ---------------------------------------------------------------------

std::uint64_t mix(std::uint64_t value) { // splitmix64's finaliser
    value += 0x9e3779b97f4a7c15ULL;
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

// A standard normal fixed per architecture: FNV-1a of the key, two splitmix draws, Box–Muller.
double noiseOf(const std::string& key) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char character : key) hash = (hash ^ static_cast<unsigned char>(character)) * 0x100000001b3ULL;
    const auto unit = [](std::uint64_t bits) { return (static_cast<double>(bits >> 11) + 0.5) / 9007199254740992.0; };
    const double first = unit(mix(hash)), second = unit(mix(hash ^ 0x5851f42d4c957f2dULL));
    return std::sqrt(-2.0 * std::log(first)) * std::cos(2.0 * std::numbers::pi * second);
}

// Modelled latency (ms) of an edge device: per layer the slower of compute at 1 GMAC/s
// (depthwise convolutions reach a quarter of it) and float32 traffic of input, output and
// weights at 1 GB/s, plus 5 µs of dispatch. Expansion costs memory, kernels compute.
double latencyOf(const Architecture& architecture) {
    double total = 0;
    for (const Layer& layer : architecture.layers) {
        const bool depthwise = layer.kind == LayerKind::Conv && layer.groups > 1 && layer.groups == layer.input.channels;
        const double computeMs = static_cast<double>(layer.macs) / (depthwise ? 0.25e6 : 1e6);
        const double bytes = 4.0 * static_cast<double>(layer.input.elements() + layer.output.elements() + layer.params);
        total += std::max(computeMs, bytes / 1e6) + 0.005;
    }
    return total;
}

struct Entry {
    std::string key;
    Genotype genotype;
    double accuracy = 0, latency = 0, macs = 0, params = 0;
};

// Which decision is what: stage, block and field ("depth", "out", "kernel", "expansion").
struct Role {
    int stage = -1, block = -1;
    std::string field;
};

std::vector<Role> rolesOf(const SearchSpace& space) {
    std::vector<Role> roles;
    for (const Decision& decision : space.decisions()) {
        const auto dot = decision.path.rfind('.');
        roles.push_back({decision.stage, decision.block, decision.path.substr(dot == std::string::npos ? 0 : dot + 1)});
    }
    return roles;
}

// The accuracy (%) of one architecture. With u = (ln MACs − ln MACs_min) / (ln MACs_max −
// ln MACs_min) over the table:
//   accuracy = 81 + 11 · (1 − e^(−2.5 u)) / (1 − e^(−2.5))              capacity, saturating in log MACs
//            + Σ stages 1–2, active blocks  c_s · K · E                  kernel × expansion, c = 0.25, 0.4;
//                                                                        K, E = +1 for 5 / 6, −1 for 3 / 3
//            − 0.6 per stage of depth 2 at its narrow width              depth without width
//            − 0.4 per wide stage followed by a narrow one               bottleneck
//            + 0.3 · z(key)                                               fixed noise, z ~ N(0, 1) from a hash
// The interactions have no main effect, so no decision can be optimised alone, and
// capacity bought with MACs runs into the latency budget.
double accuracyOf(const Genotype& genotype, const std::vector<Role>& roles, const std::string& key, double u) {
    double accuracy = 81.0 + 11.0 * (1.0 - std::exp(-2.5 * u)) / (1.0 - std::exp(-2.5));
    std::map<int, int> depth, width;
    std::map<std::pair<int, int>, std::map<std::string, int>> blocks;
    for (std::size_t decision = 0; decision < roles.size(); ++decision) {
        const Role& role = roles[decision];
        if (role.field == "depth") depth[role.stage] = genotype[decision] + 1;
        else if (role.field == "out") width[role.stage] = genotype[decision];
        else blocks[{role.stage, role.block}][role.field] = genotype[decision];
    }
    const double synergy[] = {0.25, 0.4};
    for (const auto& [where, fields] : blocks) {
        const auto [stage, block] = where;
        if (block >= depth[stage] || !fields.count("kernel") || !fields.count("expansion")) continue;
        accuracy += synergy[stage] * (fields.at("kernel") ? 1.0 : -1.0) * (fields.at("expansion") ? 1.0 : -1.0);
    }
    for (const auto& [stage, blocksUsed] : depth)
        if (blocksUsed == 2 && width[stage] == 0) accuracy -= 0.6;
    for (const auto& [stage, chosen] : width)
        if (chosen == 1 && width.count(stage + 1) && width[stage + 1] == 0) accuracy -= 0.4;
    return accuracy + 0.3 * noiseOf(key);
}

struct Benchmark {
    SearchSpace space;
    std::vector<Entry> entries;
    std::map<std::string, std::size_t> index;
    double latencyBudget = 0, maxMacs = 0;
    double frontHypervolume = 0, bestFeasibleAccuracy = 0;
    double accuracyLow = 0, accuracyHigh = 0;
    std::size_t feasible = 0;
};

double hypervolumeOf(const std::vector<std::pair<double, double>>& accuracyAndMacs, double maxMacs) {
    std::vector<Point> points;
    for (const auto& [accuracy, macs] : accuracyAndMacs) points.push_back({-accuracy, macs});
    return hypervolume(points, {-kReferenceAccuracy, maxMacs});
}

Benchmark generate() {
    Benchmark bench{SearchSpace::parse(Json::parse(kSpace), "bench-strategies"), {}, {}};
    const auto roles = rolesOf(bench.space);
    for (const Genotype& genotype : bench.space.enumerate(100000)) {
        const Architecture architecture = bench.space.derive(genotype, false);
        const Metrics metrics = computeMetrics(architecture);
        Entry entry{bench.space.key(genotype), genotype, 0, latencyOf(architecture), double(metrics.macs), double(metrics.params)};
        bench.entries.push_back(std::move(entry));
    }
    double low = 1e300, high = 0;
    for (const Entry& entry : bench.entries) {
        low = std::min(low, std::log(entry.macs));
        high = std::max(high, std::log(entry.macs));
        bench.maxMacs = std::max(bench.maxMacs, entry.macs);
    }
    std::vector<double> latencies, accuracies;
    for (std::size_t position = 0; position < bench.entries.size(); ++position) {
        Entry& entry = bench.entries[position];
        entry.accuracy = accuracyOf(entry.genotype, roles, entry.key, (std::log(entry.macs) - low) / (high - low));
        bench.index[entry.key] = position;
        latencies.push_back(entry.latency);
        accuracies.push_back(entry.accuracy);
    }
    // The budget keeps the fastest 60 %: the 60th percentile of the table's latencies.
    std::sort(latencies.begin(), latencies.end());
    bench.latencyBudget = latencies[latencies.size() * 6 / 10];
    std::sort(accuracies.begin(), accuracies.end());
    bench.accuracyLow = accuracies.front();
    bench.accuracyHigh = accuracies.back();
    std::vector<std::pair<double, double>> feasible;
    for (const Entry& entry : bench.entries)
        if (entry.latency <= bench.latencyBudget) {
            feasible.push_back({entry.accuracy, entry.macs});
            bench.bestFeasibleAccuracy = std::max(bench.bestFeasibleAccuracy, entry.accuracy);
        }
    bench.feasible = feasible.size();
    bench.frontHypervolume = hypervolumeOf(feasible, bench.maxMacs);
    return bench;
}

// The table the estimator reads, and what the Python peer needs to map Optuna's flat
// parameters to EdgeSmith's canonical keys: per decision its option count and the depth
// options under which it is active.
void writeFiles(const Benchmark& bench, const std::filesystem::path& folder) {
    Json table = Json::object();
    for (const Entry& entry : bench.entries)
        table[entry.key] = {{"acc", entry.accuracy}, {"lat", entry.latency}, {"macs", entry.macs}, {"params", entry.params}};
    writeFileAtomically(folder / "table.json", table.dump());
    Json decisions = Json::array();
    const auto& list = bench.space.decisions();
    for (std::size_t decision = 0; decision < list.size(); ++decision) {
        Json item = {{"path", list[decision].path}, {"options", list[decision].options.size()}, {"active_when", nullptr}};
        if (list[decision].block >= 0) {
            for (std::size_t depth = 0; depth < list.size(); ++depth) {
                if (list[depth].stage != list[decision].stage || list[depth].block >= 0 || list[depth].path.find("depth") == std::string::npos) continue;
                Json options = Json::array();
                for (std::size_t option = 0; option < list[depth].options.size(); ++option) {
                    Genotype probe(list.size(), 0);
                    probe[depth] = static_cast<int>(option);
                    if (bench.space.isActive(probe, decision)) options.push_back(option);
                }
                item["active_when"] = {{"decision", depth}, {"options", options}};
            }
        }
        decisions.push_back(item);
    }
    writeFileAtomically(folder / "space.json", Json({{"decisions", decisions}}).dump(1));
}

Json projectDocument(const Benchmark& bench, const std::filesystem::path& folder, const std::string& strategy, const Json& params) {
    return {{"format_version", 1},
            {"name", "bench-strategies"},
            {"dataset", {{"kind", "synthetic"}, {"classes", 10}, {"samples", 100}}},
            {"space", {{"inline", Json::parse(kSpace)}}},
            {"objectives", Json::array({{{"metric", "accuracy"}, {"goal", "maximize"}}, {{"metric", "macs"}, {"goal", "minimize"}}})},
            {"constraints", {{"hard", Json::array({{{"metric", "latency_ms"}, {"max", bench.latencyBudget}}})}, {"soft", {{"kind", "pareto"}}}}},
            {"strategy", {{"name", strategy}, {"params", params}}},
            {"estimator",
             {{"name", "table"},
              {"params", {{"file", (folder / "table.json").string()}, {"metrics", {{"accuracy", "acc"}, {"latency_ms", "lat"}, {"macs", "macs"}}}}}}},
            {"database", "bench.edgesmith.db"}};
}

// ---- runs ------------------------------------------------------------------------------

struct Outcome {
    double best = 0, hypervolume = 0, seconds = 0;
    std::size_t feasible = 0, proposals = 0; // distinct architectures looked up, and those within the latency budget
    bool failed = false;
};

Outcome figures(const Benchmark& bench, const std::vector<std::string>& feasibleKeys) {
    Outcome outcome;
    std::vector<std::pair<double, double>> points;
    for (const std::string& key : feasibleKeys) {
        const Entry& entry = bench.entries.at(bench.index.at(key));
        points.push_back({entry.accuracy, entry.macs});
        outcome.best = std::max(outcome.best, entry.accuracy);
    }
    outcome.hypervolume = hypervolumeOf(points, bench.maxMacs) / bench.frontHypervolume;
    outcome.feasible = feasibleKeys.size();
    return outcome;
}

using Results = std::map<std::string, std::map<int, std::vector<Outcome>>>; // row → budget → per seed

std::vector<std::string> problems; // anomalies seen in the runs, printed and published

// `enforce`: the engine's budget is raised fourfold and the benchmark cancels the run at
// `budget` feasible evaluations, for strategies that end after `budget` proposals instead
// of `budget` evaluations. With one worker candidates complete in the order they were
// asked, so this is the run the strategy would make if it kept proposing.
Outcome runEdgeSmith(const Benchmark& bench, const std::filesystem::path& folder, const std::string& strategy, const Json& params, int budget,
                     int seed, bool enforce, std::string& stopped) {
    const auto projectFile = folder / "bench.edgesmith.json";
    const Project project = Project::fromDocument(projectDocument(bench, folder, strategy, params), projectFile);
    SearchSettings settings;
    settings.strategy = strategy;
    settings.seed = static_cast<std::uint64_t>(seed);
    settings.budget = enforce ? 4 * budget : budget;
    settings.workers = 1;
    Feedback feedback;
    if (enforce)
        feedback.onEvent = [&feedback, budget](const EngineEvent& event) {
            if (event.kind == EngineEventKind::CandidateEvaluated && event.evaluated >= budget) feedback.cancel = true;
        };
    const auto database = folder / (strategy + ".db");
    const auto start = std::chrono::steady_clock::now();
    const RunResult result = startSearch(project, settings, feedback, database);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<std::string> keys;
    std::size_t proposals = 0;
    for (const Candidate& candidate : Store::openReadOnly(database).candidates(result.run)) {
        ++proposals;
        const Entry& entry = bench.entries.at(bench.index.at(candidate.key));
        if (candidate.status == CandidateStatus::Evaluated) keys.push_back(candidate.key);
        if ((entry.latency <= bench.latencyBudget) != (candidate.status == CandidateStatus::Evaluated) || candidate.metric("accuracy", entry.accuracy) != entry.accuracy)
            problems.push_back(strategy + " seed " + std::to_string(seed) + ": " + candidate.key + " stored as " + toString(candidate.status) +
                               " with accuracy " + std::to_string(candidate.metric("accuracy")) + ", the table says " + std::to_string(entry.accuracy));
    }
    Outcome outcome = figures(bench, keys);
    outcome.seconds = seconds;
    outcome.proposals = proposals;
    outcome.failed = result.status == RunStatus::Failed;
    stopped = toString(result.status) + ": " + result.message;
    return outcome;
}

// Starts the Optuna peer; its JSON lines are read on a thread so that it runs while
// EdgeSmith's searches do.
class Peer {
public:
    Peer(const std::filesystem::path& folder, double latencyBudget, const std::string& budgets, int firstSeed, int seeds) {
        std::ostringstream command;
        command.precision(17);
        command << "/usr/bin/python3 " EDGESMITH_BENCH_DIR "/optuna_peer.py --table " << (folder / "table.json").string() << " --space "
                << (folder / "space.json").string() << " --latency-max " << latencyBudget << " --budgets " << budgets << " --first-seed " << firstSeed << " --seeds " << seeds
                << " 2>" << (folder / "peer.log").string();
        pipe_ = popen(command.str().c_str(), "r");
        if (pipe_) reader_ = std::thread([this] {
            char buffer[1 << 16];
            while (fgets(buffer, sizeof buffer, pipe_)) output_ += buffer;
        });
    }
    ~Peer() { finish(); }
    // The peer's lines; empty when it failed (the reason is in peer.log).
    std::vector<Json> finish() {
        if (!pipe_) return {};
        reader_.join();
        status_ = pclose(pipe_);
        pipe_ = nullptr;
        std::vector<Json> lines;
        std::istringstream stream(output_);
        for (std::string line; std::getline(stream, line);)
            if (!line.empty() && line.front() == '{') lines.push_back(Json::parse(line));
        return lines;
    }
    int status() const { return status_; }

private:
    FILE* pipe_ = nullptr;
    std::thread reader_;
    std::string output_;
    int status_ = 0;
};

// ---- report ----------------------------------------------------------------------------

struct Summary {
    double mean = 0, deviation = 0, seconds = 0;
    std::size_t count = 0;
};

Summary summarise(const std::vector<Outcome>& outcomes, double Outcome::*field) {
    Summary summary;
    summary.count = outcomes.size();
    if (outcomes.empty()) return summary;
    for (const Outcome& outcome : outcomes) {
        summary.mean += outcome.*field;
        summary.seconds += outcome.seconds;
    }
    summary.mean /= double(outcomes.size());
    summary.seconds /= double(outcomes.size());
    for (const Outcome& outcome : outcomes) summary.deviation += (outcome.*field - summary.mean) * (outcome.*field - summary.mean);
    summary.deviation = outcomes.size() > 1 ? std::sqrt(summary.deviation / double(outcomes.size() - 1)) : 0;
    return summary;
}

std::string format(const char* pattern, double first, double second = 0) {
    char text[64];
    std::snprintf(text, sizeof text, pattern, first, second);
    return text;
}

constexpr const char* kEnforced = " (budget enforced)";

std::string rowLabel(const std::string& row) {
    static const std::map<std::string, std::string> samplers = {
        {"random", "RandomSampler"}, {"tpe", "TPESampler (multivariate)"}, {"nsga2", "NSGAIISampler (population 20)"}};
    const auto colon = row.find(':');
    const std::string name = row.substr(colon + 1);
    if (row.substr(0, colon) == "optuna") return "Optuna " + (samplers.count(name) ? samplers.at(name) : name);
    const auto plus = name.find('+');
    return "EdgeSmith " + name.substr(0, plus) + (plus == std::string::npos ? "" : kEnforced);
}

// Best EdgeSmith row against best Optuna row on one figure; "matches" when the gap is
// within one standard error of the difference of the two means, so that a tie of the
// means over a few seeds is not called a win.
std::string verdict(const Results& results, int budget, double Outcome::*field, const char* name, const char* unit, int decimals,
                    bool withEnforced) {
    std::string bestOurs, bestTheirs;
    Summary ours, theirs;
    for (const auto& [row, budgets] : results) {
        if (!budgets.count(budget) || (!withEnforced && row.find('+') != std::string::npos)) continue;
        const Summary summary = summarise(budgets.at(budget), field);
        const bool edgesmith = row.rfind("edgesmith:", 0) == 0;
        Summary& best = edgesmith ? ours : theirs;
        std::string& label = edgesmith ? bestOurs : bestTheirs;
        if (label.empty() || summary.mean > best.mean) {
            best = summary;
            label = rowLabel(row);
        }
    }
    if (bestOurs.empty() || bestTheirs.empty()) return "";
    const double gap = ours.mean - theirs.mean;
    const double error = std::sqrt(ours.deviation * ours.deviation / double(std::max<std::size_t>(ours.count, 1)) +
                                   theirs.deviation * theirs.deviation / double(std::max<std::size_t>(theirs.count, 1)));
    const char* word = std::abs(gap) < error ? "matches" : gap > 0 ? "beats" : "is behind";
    char line[512];
    std::snprintf(line, sizeof line, "- budget %d, %s: EdgeSmith best (%s, %.*f%s) **%s** Optuna best (%s, %.*f%s): gap %+.*f, standard error %.*f.\n",
                  budget, name, bestOurs.c_str(), decimals, ours.mean, unit, word, bestTheirs.c_str(), decimals, theirs.mean, unit, decimals, gap,
                  decimals, error);
    return line;
}

std::vector<int> parseList(const std::string& text) {
    std::vector<int> values;
    std::istringstream stream(text);
    for (std::string item; std::getline(stream, item, ',');)
        if (!item.empty()) values.push_back(std::atoi(item.c_str()));
    return values;
}

std::string renderTable(const Results& results, const std::vector<int>& budgets, int seeds) {
    std::string table = "| strategy (" + std::to_string(seeds) + " seeds) |";
    std::string rule = "|---|";
    for (const int budget : budgets) {
        const std::string at = " @" + std::to_string(budget);
        table += " best feasible acc. %" + at + " | HV" + at + " | feasible / proposed" + at + " | s/run" + at + " |";
        rule += "---:|---:|---:|---:|";
    }
    table += "\n" + rule + "\n";
    std::vector<std::string> order;
    for (const char* strategy : kStrategies) {
        order.push_back(std::string("edgesmith:") + strategy);
        order.push_back(std::string("edgesmith:") + strategy + "+");
    }
    for (const char* sampler : kSamplers) order.push_back(std::string("optuna:") + sampler);
    for (const std::string& row : order) {
        if (!results.count(row)) continue;
        table += "| " + rowLabel(row) + " |";
        for (const int budget : budgets) {
            if (!results.at(row).count(budget)) {
                table += " | | | |";
                continue;
            }
            const auto& outcomes = results.at(row).at(budget);
            const Summary best = summarise(outcomes, &Outcome::best), volume = summarise(outcomes, &Outcome::hypervolume);
            double feasible = 0, proposals = 0;
            int failed = 0;
            for (const Outcome& outcome : outcomes) {
                feasible += double(outcome.feasible);
                proposals += double(outcome.proposals);
                failed += outcome.failed ? 1 : 0;
            }
            const double count = double(std::max<std::size_t>(outcomes.size(), 1));
            table += " " + format("%.2f ± %.2f", best.mean, best.deviation) + " | " + format("%.3f ± %.3f", volume.mean, volume.deviation) + " | " +
                     format("%.0f / %.0f", feasible / count, proposals / count) + (failed ? " (" + std::to_string(failed) + " failed)" : "") +
                     " | " + format("%.2f", best.seconds) + " |";
        }
        table += "\n";
    }
    return table;
}

} // namespace

int main(int argc, char** argv) {
    int seeds = 10, firstSeed = 1;
    std::string budgetText = "100,300", write, section = "strategies", only;
    bool peer = true, keep = false;
    // Strategy → parameters of the benchmark's project; unnamed ones keep the catalog
    // defaults. The catalog's "ei" scores a two-objective BO by the first objective alone
    // (MACs ignored), so the benchmark asks for the two-objective acquisition, EHVI.
    std::map<std::string, Json> params = {{"bayesian", {{"acquisition", "ehvi"}}}};
    for (int index = 1; index < argc; ++index) {
        const bool hasValue = index + 1 < argc;
        if (std::strcmp(argv[index], "--seeds") == 0 && hasValue) seeds = std::atoi(argv[++index]);
        else if (std::strcmp(argv[index], "--first-seed") == 0 && hasValue) firstSeed = std::atoi(argv[++index]);
        else if (std::strcmp(argv[index], "--budgets") == 0 && hasValue) budgetText = argv[++index];
        else if (std::strcmp(argv[index], "--write") == 0 && hasValue) write = argv[++index];
        else if (std::strcmp(argv[index], "--section") == 0 && hasValue) section = argv[++index];
        else if (std::strcmp(argv[index], "--only") == 0 && hasValue) only = argv[++index];
        else if (std::strcmp(argv[index], "--params") == 0 && hasValue) {
            const std::string text = argv[++index];
            const auto equals = text.find('=');
            params[text.substr(0, equals)] = Json::parse(text.substr(equals + 1));
        } else if (std::strcmp(argv[index], "--no-optuna") == 0) peer = false;
        else if (std::strcmp(argv[index], "--keep") == 0) keep = true;
        else {
            std::fprintf(stderr, "usage: bench_strategies [--seeds N] [--first-seed S] [--budgets 100,300] [--only STRATEGY] [--params STRATEGY='{...}'] [--no-optuna]\n"
                                 "                        [--keep] [--write docs/benchmarks.md [--section strategies]]\n");
            return 2;
        }
    }
    const std::vector<int> budgets = parseList(budgetText);
    const auto started = std::chrono::steady_clock::now();
    // tmpfs when there is one: the store commits every candidate.
    const std::filesystem::path base = std::filesystem::exists("/dev/shm") ? std::filesystem::path("/dev/shm") : std::filesystem::temp_directory_path();
    const auto folder = base / ("edgesmith-bench-strategies-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);

    const Benchmark bench = generate();
    writeFiles(bench, folder);
    char header[400];
    std::snprintf(header, sizeof header,
                  "Table: %zu architectures, accuracy %.2f–%.2f %%; latency budget %.3f ms keeps %zu (%.0f %%); best feasible accuracy %.2f %%.\n\n",
                  bench.entries.size(), bench.accuracyLow, bench.accuracyHigh, bench.latencyBudget, bench.feasible,
                  100.0 * double(bench.feasible) / double(bench.entries.size()), bench.bestFeasibleAccuracy);
    std::printf("%s", header);
    std::fflush(stdout);

    std::optional<Peer> optuna;
    if (peer) optuna.emplace(folder, bench.latencyBudget, budgetText, firstSeed, seeds);
    // One estimator held for the whole benchmark keeps the parsed table in the
    // estimators' cache, so each run does not parse it again.
    const auto keepTable = makeTableEstimator({{"file", (folder / "table.json").string()}}, folder / "bench.edgesmith.json");

    Results results;
    for (const char* strategy : kStrategies) {
        if (!only.empty() && only != strategy) continue;
        const Json strategyParams = params.count(strategy) ? params.at(strategy) : Json::object();
        for (const int budget : budgets) {
            const std::string row = std::string("edgesmith:") + strategy;
            int short_ = 0, failed = 0;
            std::string example;
            for (int seed = firstSeed; seed < firstSeed + seeds; ++seed) {
                std::string stopped;
                const Outcome outcome = runEdgeSmith(bench, folder, strategy, strategyParams, budget, seed, false, stopped);
                results[row][budget].push_back(outcome);
                if (outcome.failed || static_cast<int>(outcome.feasible) < budget) {
                    (outcome.failed ? failed : short_) += 1;
                    if (example.empty()) example = "seed " + std::to_string(seed) + ": " + std::to_string(outcome.feasible) + " feasible of " +
                                                   std::to_string(outcome.proposals) + " proposed, run " + stopped;
                }
            }
            if (short_ || failed)
                problems.push_back(std::string(strategy) + " at budget " + std::to_string(budget) + ": " + std::to_string(short_ + failed) + " of " +
                                   std::to_string(seeds) + " runs ended before " + std::to_string(budget) + " feasible evaluations" +
                                   (failed ? " (" + std::to_string(failed) + " failed)" : "") + "; e.g. " + example);
            // A strategy that stops at `budget` proposals gets a second row run to the
            // budget; one that fails would fail again.
            if (short_ && !failed)
                for (int seed = firstSeed; seed < firstSeed + seeds; ++seed) {
                    std::string stopped;
                    results[row + "+"][budget].push_back(runEdgeSmith(bench, folder, strategy, strategyParams, budget, seed, true, stopped));
                }
        }
        std::printf("EdgeSmith %s: %.2f s per run at budget %d\n", strategy,
                    summarise(results[std::string("edgesmith:") + strategy][budgets.back()], &Outcome::best).seconds, budgets.back());
        std::fflush(stdout);
    }
    if (optuna) {
        for (const Json& line : optuna->finish()) {
            const std::vector<std::string> keys = line.at("keys").get<std::vector<std::string>>();
            Outcome outcome = figures(bench, keys);
            outcome.seconds = line.at("seconds").get<double>();
            outcome.proposals = line.at("distinct").get<std::size_t>();
            if (static_cast<int>(keys.size()) < line.at("budget").get<int>())
                problems.push_back("Optuna " + line.at("sampler").get<std::string>() + " seed " + std::to_string(line.at("seed").get<int>()) + ": " +
                                   std::to_string(keys.size()) + " feasible trials (trial cap reached)");
            results["optuna:" + line.at("sampler").get<std::string>()][line.at("budget").get<int>()].push_back(outcome);
        }
        if (optuna->status() != 0) std::fprintf(stderr, "Optuna peer failed (%d); see %s\n", optuna->status(), (folder / "peer.log").c_str());
    }

    std::string table = header + renderTable(results, budgets, seeds);
    char optimum[200];
    std::snprintf(optimum, sizeof optimum, "\nTable optimum: best feasible accuracy %.2f %%, HV 1.000 (the front of the %zu feasible architectures).\n\n",
                  bench.bestFeasibleAccuracy, bench.feasible);
    table += optimum;
    std::string changed;
    for (const auto& [strategy, values] : params) changed += (changed.empty() ? "" : ", ") + strategy + " " + values.dump();
    table += "EdgeSmith parameters: the catalog defaults" + (changed.empty() ? std::string() : " except " + changed) + ".\n\n";
    std::string verdicts, enforced;
    for (const int budget : budgets) {
        verdicts += verdict(results, budget, &Outcome::best, "best feasible accuracy", " %", 2, false);
        verdicts += verdict(results, budget, &Outcome::hypervolume, "hypervolume", "", 3, false);
        const bool any = std::any_of(results.begin(), results.end(), [&](const auto& entry) { return entry.first.find('+') != std::string::npos && entry.second.count(budget); });
        if (!any) continue;
        enforced += verdict(results, budget, &Outcome::best, "best feasible accuracy", " %", 2, true);
        enforced += verdict(results, budget, &Outcome::hypervolume, "hypervolume", "", 3, true);
    }
    if (verdicts.empty()) verdicts = "No verdict: the Optuna peer gave no results (is python3-optuna installed?).\n";
    table += (enforced.empty() ? "Verdicts:\n\n" : "Verdicts, EdgeSmith as it runs today:\n\n") + verdicts;
    if (!enforced.empty()) table += "\nCounting the rows whose budget the benchmark enforced:\n\n" + enforced;
    if (!problems.empty()) {
        table += "\nProblems seen:\n\n";
        for (const std::string& problem : problems) table += "- " + problem + "\n";
    }
    std::printf("\n%s", table.c_str());
    std::printf("total %.0f s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());

    if (!write.empty()) bench::replaceMarkdownSection(write, section, table);
    if (keep) {
        std::printf("kept %s\n", folder.c_str());
    } else {
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
    }
    return 0;
}
