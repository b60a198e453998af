#include "app/cli/command_line.h"

#include "core/estimate/zero_cost.h"
#include "core/project/project.h"
#include "core/search/rank_correlation.h"
#include "core/space/space.h"
#include "core/store/store.h"

#include <chrono>
#include <cmath>
#include <iomanip>
#include <limits>
#include <random>

namespace edgesmith::cli {
namespace {

struct Scored {
    std::string key;
    double accuracy = std::numeric_limits<double>::quiet_NaN();
    std::map<std::string, double> scores;
};

int runProxies(const Arguments& arguments, Streams& streams) {
    if (arguments.positionals().size() != 1) throw UsageError("name one project file");
    const Project project = Project::load(arguments.positionals().front());
    const SearchSpace space = SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
    ZeroCostOptions options;
    options.batch = static_cast<int>(arguments.integer("batch", 64, 1, 4096));
    options.seed = static_cast<std::uint64_t>(arguments.integer("seed", 0, 0, std::numeric_limits<long long>::max()));
    options.threads = static_cast<int>(arguments.integer("threads", 0, 0, 1024));
    const bool json = arguments.flag("json");

    // The architectures: a run's evaluated candidates (with their trained accuracy), or a sample.
    std::vector<Scored> items;
    if (arguments.value("run")) {
        if (arguments.value("sample")) throw UsageError("give either --run or --sample");
        const long long run = arguments.integer("run", 0, 1, std::numeric_limits<long long>::max());
        const Store store = Store::openReadOnly(project.databasePath());
        for (const Candidate& candidate : store.candidates(run))
            if (candidate.status == CandidateStatus::Evaluated && candidate.has("accuracy") && candidate.key.find('@') == std::string::npos)
                items.push_back({candidate.key, candidate.metric("accuracy"), {}});
        if (items.size() < 2)
            throw UsageError("run " + std::to_string(run) + " of " + project.databasePath().string() +
                             " has fewer than two evaluated candidates with an accuracy to rank against");
    } else {
        std::mt19937_64 random(options.seed);
        const long long count = arguments.integer("sample", 10, 1, 100000);
        for (long long index = 0; index < count; ++index) items.push_back({space.key(space.sample(random)), std::numeric_limits<double>::quiet_NaN(), {}});
    }
    const Splits splits = loadProjectData(project.document()["dataset"], project.file());
    const auto start = std::chrono::steady_clock::now();
    for (Scored& item : items) item.scores = zeroCostScores(space.derive(space.canonical(space.parseKey(item.key))), splits.train, splits, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const bool ranked = arguments.value("run").has_value();
    Json correlations = Json::object();
    if (ranked) {
        std::vector<double> accuracy;
        for (const Scored& item : items) accuracy.push_back(item.accuracy);
        for (const std::string& proxy : zeroCostProxies()) {
            std::vector<double> values;
            for (const Scored& item : items) values.push_back(item.scores.at(proxy));
            correlations[proxy] = {{"kendall_tau", kendallTau(values, accuracy)}, {"spearman_rho", spearmanRho(values, accuracy)}};
        }
    }
    if (json) {
        Json architectures = Json::array();
        for (const Scored& item : items) {
            Json entry = {{"genotype", item.key}, {"scores", item.scores}};
            if (ranked) entry["accuracy"] = item.accuracy;
            architectures.push_back(std::move(entry));
        }
        Json output = {{"architectures", architectures}, {"seconds", seconds}, {"batch", options.batch}, {"seed", options.seed}};
        if (ranked) output["correlation"] = correlations;
        streams.out << output.dump() << '\n';
        return kExitOk;
    }
    streams.out << "zero-cost proxies of " << items.size() << " architectures at initialisation (seed " << options.seed << ", one batch of " << options.batch
                << " training images): " << std::fixed << std::setprecision(2) << seconds / double(items.size()) << " s each\n";
    if (ranked) {
        streams.out << "\n  " << std::left << std::setw(12) << "proxy" << std::right << std::setw(13) << "Kendall tau" << std::setw(14) << "Spearman rho"
                    << "   (against the run's trained accuracy)\n";
        for (const std::string& proxy : zeroCostProxies())
            streams.out << "  " << std::left << std::setw(12) << proxy << std::right << std::setprecision(3) << std::setw(13)
                        << correlations[proxy]["kendall_tau"].get<double>() << std::setw(14) << correlations[proxy]["spearman_rho"].get<double>() << '\n';
        return kExitOk;
    }
    streams.out << '\n' << std::left << std::setw(40) << "genotype";
    for (const std::string& proxy : zeroCostProxies()) streams.out << std::right << std::setw(12) << proxy;
    streams.out << '\n';
    for (const Scored& item : items) {
        streams.out << std::left << std::setw(40) << item.key.substr(0, 39);
        for (const std::string& proxy : zeroCostProxies()) streams.out << std::right << std::setw(12) << std::setprecision(4) << std::scientific << item.scores.at(proxy);
        streams.out << std::fixed << '\n';
    }
    return kExitOk;
}

} // namespace

Verb proxiesVerb() {
    return {"proxies",
            "score architectures with zero-cost proxies at initialisation and rank them against trained accuracy",
            "proxies PROJECT [--run RUN | --sample N] [--batch B] [--seed S] [--threads T] [--json]",
            "Computes synflow, snip, grasp, grad_norm, jacob_cov (NASWOT), params and MACs for each\n"
            "architecture at initialisation on one batch of the project's training images. With --run,\n"
            "for the run's evaluated candidates, and prints each proxy's Kendall tau and Spearman rho\n"
            "against their trained accuracy; with --sample N (default 10), for sampled genotypes.",
            {{"run", "RUN", "the run whose evaluated candidates are scored and ranked against their accuracy"},
             {"sample", "N", "score N sampled genotypes instead"},
             {"batch", "B", "training images in the batch; default 64"},
             {"seed", "S", "initialisation (and sampling) seed; default 0"},
             {"threads", "T", "compute threads; default 0 (every core)"},
             {"json", "", "one JSON object: scores per architecture, correlations"}},
            runProxies};
}

} // namespace edgesmith::cli
