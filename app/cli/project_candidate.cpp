#include "app/cli/project_candidate.h"

#include "app/cli/command_line.h"

namespace edgesmith::cli {

ProjectCandidate loadProjectCandidate(const Arguments& arguments) {
    if (arguments.positionals().size() != 1) throw UsageError("name one project file");
    const auto key = arguments.value("genotype");
    if (!key) throw UsageError("--genotype G is required (see 'edgesmith-cli metrics PROJECT' for keys)");
    Project project = Project::load(arguments.positionals().front());
    SearchSpace space = SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
    Genotype genotype;
    try {
        genotype = space.canonical(space.parseKey(*key));
    } catch (const Error& error) {
        throw UsageError(error.message());
    }
    return {std::move(project), std::move(space), std::move(genotype)};
}

TrainingOptions projectTrainingOptions(const Project& project) {
    const Json& document = project.document();
    TrainingOptions options = TrainingOptions::fromJson(document["estimator"].value("params", Json::object()));
    options.applyAugmentation(document["dataset"].value("augment", Json::object()));
    return options;
}

} // namespace edgesmith::cli
