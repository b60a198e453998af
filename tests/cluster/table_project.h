#pragma once
// A tabular-oracle project for the executor tests and benchmark: a small MBConv chain
// space whose every architecture has an accuracy and a latency in table.json (made up from
// its MACs and choices), so that evaluating a candidate costs a lookup and the executor's
// own cost shows.
#include "core/common/atomic_file.h"
#include "core/common/json.h"
#include "core/space/architecture.h"
#include "core/space/space.h"

#include <cmath>
#include <filesystem>
#include <string>

namespace edgesmith::testing {

inline const Json& tableSpace() {
    static const Json space = Json::parse(R"({
      "name": "table-test", "backbone": "chain", "classes": 10,
      "input": {"channels": 1, "resolution": 16},
      "stem": [{"op": "conv", "out": 8, "kernel": 3}],
      "stages": [
        {"depth": [1, 2], "stride": 1, "out": [8, 16], "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [1, 3, 6]}},
        {"depth": [1, 2], "stride": 2, "out": [16, 32], "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [3, 6]}}
      ],
      "head": [{"op": "global_avg_pool"}, {"op": "linear", "out": 10}]
    })");
    return space;
}

// Writes FOLDER/table.json and FOLDER/p.edgesmith.json (database runs.db) searching with
// `strategy` (random: seed 11; grid: the whole space); every `leaveOutEvery`-th table
// entry is left out so that its lookups fail. Returns the number of architectures.
inline std::size_t writeTableProject(const std::filesystem::path& folder, const std::string& strategy, int leaveOutEvery = 0) {
    const SearchSpace space = SearchSpace::parse(tableSpace(), "table-test.json");
    Json table = Json::object();
    int index = 0;
    std::size_t architectures = 0;
    for (const Genotype& genotype : space.enumerate(100000)) {
        ++architectures;
        if (leaveOutEvery > 0 && ++index % leaveOutEvery == 0) continue;
        const Metrics metrics = computeMetrics(space.derive(genotype, false));
        double accuracy = 80 + 2.0 * std::log10(double(metrics.macs));
        for (std::size_t decision = 0; decision < genotype.size(); ++decision) accuracy += 0.3 * double(genotype[decision] * int(decision % 3));
        table[space.key(genotype)] = {{"acc", accuracy}, {"lat", double(metrics.macs) / 1e6}};
    }
    writeFileAtomically(folder / "table.json", table.dump());
    const Json params = strategy == "grid" ? Json{{"max_candidates", 100000}} : Json{{"seed", 11}};
    const Json project = {{"format_version", 1},
                          {"name", "table " + strategy},
                          {"dataset", {{"kind", "synthetic"}, {"classes", 10}, {"samples", 100}}},
                          {"space", {{"inline", tableSpace()}}},
                          {"objectives", {{{"metric", "accuracy"}}, {{"metric", "latency_ms"}}}},
                          {"strategy", {{"name", strategy}, {"params", params}}},
                          {"estimator", {{"name", "table"}, {"params", {{"file", "table.json"}, {"metrics", {{"accuracy", "acc"}, {"latency_ms", "lat"}}}}}}},
                          {"database", "runs.db"}};
    writeFileAtomically(folder / "p.edgesmith.json", project.dump(2));
    return architectures;
}

} // namespace edgesmith::testing
