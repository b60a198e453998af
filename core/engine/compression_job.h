#pragma once
// One compression of a searched candidate as the GUI starts it: train the architecture
// with the project's settings, search a policy (mixed precision, per-layer pruning rates
// or ranks) under a budget set as a share of the float network's cost, or run the
// project's pipeline, fine-tune the chosen result, and record everything as a run of the
// project's store. Long: call it off the GUI thread.
#include "core/common/json.h"
#include "core/project/project.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace edgesmith {

struct CompressionJob {
    std::string method = "mixed";   // mixed, prune, low-rank, pipeline
    std::string genotypeKey;        // the architecture (a compressed key's '@' part is ignored)
    std::int64_t sourceRun = 0, sourceCandidate = 0;
    std::string strategy = "evolution";
    int evaluations = 20;
    // The budget: mixed, the storage of uniform `bits`-bit weights; prune and low-rank,
    // this share of the float network's MACs.
    int bits = 4;
    double macsShare = 0.5;
    int trainingEpochs = 0;         // 0: the project's estimator settings
    int fineTuneEpochs = 1;         // of the chosen policy (QAT for mixed precision)
    int threads = 0;

    Json toJson() const;
    static CompressionJob fromJson(const Json& json); // throws Error naming the bad field
};

// Returns the id of the compression run it recorded. Throws Error for bad settings (before
// any training) and Cancelled when `cancel` is set; the run then ends failed, with every
// candidate committed so far.
std::int64_t runCompressionJob(const Project& project, const CompressionJob& job, const std::function<void(const std::string&)>& log = {},
                               const std::atomic<bool>* cancel = nullptr);

} // namespace edgesmith
