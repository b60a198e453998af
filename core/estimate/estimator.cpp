#include "core/estimate/estimator.h"

#include "core/common/error.h"
#include "core/project/catalog.h"
#include "core/project/project.h"

namespace edgesmith {
namespace {

// Analytic metrics are added to every candidate by the evaluator; this estimator adds
// nothing, for searches over costs alone.
class AnalyticEstimator : public Estimator {
public:
    void estimate(Candidate&, const Architecture&, const EvaluationControl&) const override {}
};

Json completedParams(const std::string& name, const Json& params) {
    const MethodInfo* method = findMethod(estimatorCatalog(), name);
    if (!method) throw Error("", "estimator.name", "unknown estimator \"" + name + "\"");
    return schema::withDefaults(params.is_object() ? params : Json::object(), method->parameters);
}

} // namespace

Json projectSpaceDocument(const Json& project, const std::filesystem::path& projectFile) {
    const Json& section = project.at("space");
    if (section.contains("inline")) return section.at("inline");
    if (section.contains("template")) return loadSpaceTemplate(section.at("template").get<std::string>());
    throw Error(projectFile.string(), "space", "needs a template or an inline space");
}

std::unique_ptr<Estimator> makeEstimator(const Json& project, const std::filesystem::path& projectFile) {
    const Json& section = project.at("estimator");
    const std::string name = section.at("name").get<std::string>();
    const Json params = completedParams(name, section.value("params", Json::object()));
    if (name == "analytic") return std::make_unique<AnalyticEstimator>();
    if (name == "training" || name == "proxy-training") return makeTrainingEstimator(params, project, projectFile);
    if (name == "table") return makeTableEstimator(params, projectFile);
    if (name == "supernet") return makeSupernetEstimator(params, project, projectFile);
    if (name == "predictor") return makePredictorEstimator(params, project, projectFile);
    throw Error(projectFile.string(), "estimator.name", "no implementation is registered for estimator \"" + name + "\"");
}

} // namespace edgesmith
