#pragma once
// The architecture a verb works on: the project named by the one positional argument and
// the genotype given by --genotype, checked against the project's space.
#include "app/cli/arguments.h"
#include "core/project/project.h"
#include "core/space/space.h"
#include "core/train/trainer.h"

namespace edgesmith::cli {

struct ProjectCandidate {
    Project project;
    SearchSpace space;
    Genotype genotype;
    std::int64_t run = 0, candidate = 0; // with --from RUN:CANDIDATE
};

// The genotype comes from --genotype G, or from --from RUN:CANDIDATE, a candidate of a run
// in the project's store. Throws UsageError for a missing project or genotype, a key the
// space rejects or a malformed --from, and Error naming the store for a missing candidate.
ProjectCandidate loadProjectCandidate(const Arguments& arguments);

// The project's estimator training settings with its dataset augmentation.
TrainingOptions projectTrainingOptions(const Project& project);

} // namespace edgesmith::cli
