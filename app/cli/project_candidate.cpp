#include "app/cli/project_candidate.h"

#include "app/cli/command_line.h"
#include "core/engine/export_job.h"
#include "core/store/store.h"

#include <tuple>

namespace edgesmith::cli {

namespace {

// "3:17" → run 3, candidate 17.
std::pair<std::int64_t, std::int64_t> parseSource(const std::string& text) {
    const auto colon = text.find(':');
    try {
        std::size_t used = 0, usedCandidate = 0;
        if (colon == std::string::npos) throw std::invalid_argument(text);
        const long long run = std::stoll(text.substr(0, colon), &used);
        const long long candidate = std::stoll(text.substr(colon + 1), &usedCandidate);
        if (used != colon || usedCandidate != text.size() - colon - 1 || run < 1 || candidate < 1) throw std::invalid_argument(text);
        return {run, candidate};
    } catch (const std::exception&) {
        throw UsageError("--from must be RUN:CANDIDATE, e.g. 3:17 (see 'edgesmith-cli runs PROJECT'); got '" + text + "'");
    }
}

} // namespace

ProjectCandidate loadProjectCandidate(const Arguments& arguments, bool modelAllowed) {
    if (arguments.positionals().size() != 1) throw UsageError("name one project file");
    const auto key = arguments.value("genotype");
    const auto from = arguments.value("from");
    if (const auto model = arguments.value("model"); model && modelAllowed) {
        if (key || from) throw UsageError("give one of --genotype, --from and --model");
        Project project = Project::load(arguments.positionals().front());
        SearchSpace space = SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
        auto imported = std::make_shared<ImportedModel>(importModel(*model));
        return {std::move(project), std::move(space), Genotype{}, 0, 0, std::move(imported)};
    }
    if (!key && !from) throw UsageError("--genotype G or --from RUN:CANDIDATE is required (see 'edgesmith-cli metrics PROJECT' for keys)");
    if (key && from) throw UsageError("give either --genotype or --from, not both");
    Project project = Project::load(arguments.positionals().front());
    SearchSpace space = SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
    std::int64_t run = 0, number = 0;
    std::string text = key.value_or("");
    if (from) {
        std::tie(run, number) = parseSource(*from);
        const Store store = Store::openReadOnly(project.databasePath());
        const auto candidate = store.candidate(run, number);
        if (!candidate)
            throw UsageError("--from " + *from + ": run " + std::to_string(run) + " of " + project.databasePath().string() + " has no candidate " +
                             std::to_string(number));
        text = candidate->key.substr(0, candidate->key.find('@'));
    }
    Genotype genotype;
    try {
        genotype = space.canonical(space.parseKey(text));
    } catch (const Error& error) {
        throw UsageError(error.message());
    }
    return {std::move(project), std::move(space), std::move(genotype), run, number, nullptr};
}

TrainingOptions projectTrainingOptions(const Project& project) {
    const Json& document = project.document();
    TrainingOptions options = TrainingOptions::fromJson(document["estimator"].value("params", Json::object()));
    options.applyAugmentation(document["dataset"].value("augment", Json::object()));
    return options;
}

void requireProjectInput(const Network& network, const Splits& splits, const std::string& model) {
    const Shape& input = network.architecture().input;
    if (input.channels != splits.train.channels() || input.height != splits.train.height() || input.width != splits.train.width())
        throw UsageError(model + ": the model takes " + input.text() + " inputs; the project's data is " + std::to_string(splits.train.channels()) + "×" +
                         std::to_string(splits.train.height()) + "×" + std::to_string(splits.train.width()));
}

void saveModel(const std::string& file, Network& network, const ProjectCandidate& candidate, const Splits& splits, const std::string& policy,
               double testTop1) {
    ModelInfo info = projectModelInfo(candidate.project, splits, testTop1);
    // A model compressed again chains its policies: G@prune-l1-50+ptq.
    const std::string key = candidate.key();
    info.genotype = policy.empty() ? key : key + (key.find('@') == std::string::npos ? "@" : "+") + policy;
    info.name = std::filesystem::path(file).stem().string();
    if (candidate.run > 0) info.source.update(Json{{"run", candidate.run}, {"candidate", candidate.candidate}});
    writeTorchArchive(network, info, file);
}

} // namespace edgesmith::cli
