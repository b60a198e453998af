#pragma once
// The architecture a verb works on: the project named by the one positional argument and
// the genotype given by --genotype, checked against the project's space.
#include "app/cli/arguments.h"
#include "core/export/model_file.h"
#include "core/project/project.h"
#include "core/space/space.h"
#include "core/train/trainer.h"

namespace edgesmith::cli {

struct ProjectCandidate {
    Project project;
    SearchSpace space;
    Genotype genotype;
    std::int64_t run = 0, candidate = 0; // with --from RUN:CANDIDATE
    // With --model MODEL.json: the imported network (weights, quantization) instead of a
    // genotype of the space; shared so the struct stays copyable.
    std::shared_ptr<ImportedModel> model;

    // The genotype key, or the imported model's key (with its "@policy").
    std::string key() const { return model ? model->info.genotype : space.key(genotype); }
};

// The genotype comes from --genotype G, or from --from RUN:CANDIDATE, a candidate of a run
// in the project's store; or the whole network from --model MODEL.json (an export or
// --save of EdgeSmith). Throws UsageError for a missing project or genotype, a key the
// space rejects or a malformed --from, and Error naming the store for a missing candidate.
ProjectCandidate loadProjectCandidate(const Arguments& arguments, bool modelAllowed = false);

// Throws UsageError naming `model` when the network does not take the project's inputs.
void requireProjectInput(const Network& network, const Splits& splits, const std::string& model);

// Writes the network as a model pair (weights at FILE, the model document beside it) for
// --save, with the normalisation of `splits` and the test accuracy.
void saveModel(const std::string& file, Network& network, const ProjectCandidate& candidate, const Splits& splits, const std::string& policy,
               double testTop1);

// The project's estimator training settings with its dataset augmentation.
TrainingOptions projectTrainingOptions(const Project& project);

} // namespace edgesmith::cli
