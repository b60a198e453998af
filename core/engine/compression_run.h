#pragma once
// Compression recorded in the experiment store: a run whose candidates are compressed
// variants of one trained architecture — every policy a mixed-precision search scored,
// or the network a pruning or low-rank pass produced — so they appear in the same Pareto
// plot, candidate table and layer inspector as searched candidates, and are never lost.
// A candidate's key is the architecture's genotype key, '@' and the policy
// ("w8.6.3.8-a8.8.8.8", "prune-l1-50", "low-rank-evbmf"); its layer table carries
// weight_bits / activation_bits, pruning_rate or rank per layer. Its "accuracy" is
// validation top-1, like a searched candidate's.
#include "core/compress/low_rank.h"
#include "core/engine/compression_pipeline.h"
#include "core/export/model_file.h"
#include "core/compress/policy_search.h"
#include "core/compress/pruning.h"
#include "core/project/project.h"
#include "core/store/store.h"

#include <cstdint>
#include <string>

namespace edgesmith {

// Where the compressed architecture came from, stored with the run.
struct CompressionSource {
    std::string genotypeKey;
    std::int64_t run = 0, candidate = 0; // the search run and candidate; 0 when given directly
    std::string weights;                 // the weights file, or empty when trained for the compression
};

Candidate policyCandidate(const Architecture& architecture, const std::string& genotypeKey, const PolicyTrial& trial);
Candidate prunedCandidate(const std::string& genotypeKey, const PruningResult& pruned, ChannelImportance importance, double rate,
                          double accuracy);
// A scored per-layer pruning policy (before fine-tuning), its layer table built from the
// pruned architecture.
Candidate pruningPolicyCandidate(const Architecture& architecture, const std::string& genotypeKey, const PruningTrial& trial,
                                 ChannelImportance importance);
// A scored choice of ranks (before fine-tuning), its layer table that of the factorised
// architecture.
Candidate rankPolicyCandidate(const Architecture& architecture, const std::string& genotypeKey, const RankTrial& trial);
// The outcome of the project's pipeline on one architecture ("GENOTYPE@pipeline").
Candidate pipelineCandidate(const std::string& genotypeKey, const PipelineResult& result, double accuracy);
Candidate factorisedCandidate(const std::string& genotypeKey, const FactorisationResult& factorised, double accuracy);
// A model brought in by `import` (its layer table and metrics at its own bitwidths).
Candidate importedCandidate(const std::string& key, Network& network, double accuracy);

// One run of the store, created by the constructor (method "mixed-precision/evolution",
// "prune", "low-rank", ...). Each add() commits one candidate in its own transaction;
// finish() or fail() closes the run. A compression run is not resumable: resuming it
// throws an Error that says so.
class CompressionRun {
public:
    CompressionRun(Store& store, const Project& project, const std::string& method, const CompressionSource& source, const Json& settings,
                   std::uint64_t seed = 0);
    std::int64_t id() const { return run_; }
    // Commits the candidate; returns its number in the run.
    std::int64_t add(Candidate candidate);
    // Also keeps `network` as that candidate's model beside the store, so exports use
    // these exact weights (see core/engine/export_job.h).
    std::int64_t add(Candidate candidate, Network& network, ModelInfo info);
    void finish();
    void fail(const std::string& message);

private:
    Store& store_;
    std::int64_t run_ = 0;
    std::int64_t count_ = 0;
};

// Whether a run's settings mark it as a compression run.
bool isCompressionRun(const RunInfo& run);

} // namespace edgesmith
