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
};

// Throws UsageError for a missing project or genotype, or a key the space rejects.
ProjectCandidate loadProjectCandidate(const Arguments& arguments);

// The project's estimator training settings with its dataset augmentation.
TrainingOptions projectTrainingOptions(const Project& project);

} // namespace edgesmith::cli
