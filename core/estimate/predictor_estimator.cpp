// The accuracy predictor as an estimator: fitted once, when the run starts, on the
// candidates the project's database already holds (trained ones, or a supernet's), then
// asked for every candidate. A search with it is the surrogate-assisted search of OFA and
// FBNetV3: cheap predictions steer it, and its held-out fit is in every candidate's details.
#include "core/common/error.h"
#include "core/common/paths.h"
#include "core/estimate/estimator.h"
#include "core/estimate/predictor.h"
#include "core/project/project.h"
#include "core/space/space.h"
#include "core/store/store.h"

#include <sstream>

namespace edgesmith {
namespace {

std::string formatted(double value, int digits) {
    std::ostringstream text;
    text.precision(digits);
    text << std::fixed << value;
    return text.str();
}

class PredictorEstimator : public Estimator {
public:
    PredictorEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile)
        : metric_(params.value("metric", std::string("accuracy"))) {
        const Json spaceDocument = projectSpaceDocument(project, projectFile);
        const SearchSpace space = SearchSpace::parse(spaceDocument, projectFile.string());
        const std::string database = params.value("database", std::string());
        const std::filesystem::path file =
            database.empty() ? Project::fromDocument(project, projectFile).databasePath() : resolveBeside(projectFile, database);
        const std::string source = params.value("source", std::string("training"));
        const std::vector<std::string> estimators = sourceEstimators(source);
        Observations observations;
        if (std::filesystem::exists(file)) observations = storedObservations(Store::openReadOnly(file), space, spaceDocument, metric_, estimators, projectFile);
        const std::size_t minimum = params.value("min_candidates", 10);
        if (observations.values.size() < std::max<std::size_t>(minimum, 4))
            throw Error(projectFile.string(), "estimator.params",
                        "the predictor needs at least " + std::to_string(std::max<std::size_t>(minimum, 4)) + " evaluated candidates of this space with \"" +
                            metric_ + "\" from " + source + " runs in " + file.string() + "; it has " + std::to_string(observations.values.size()));
        predictor_ = std::make_unique<AccuracyPredictor>(space, params.value("kind", std::string("gp")), params.value("seed", 0ULL));
        report_ = predictor_->validate(observations.genotypes, observations.values, params.value("held_out", 0.2));
        // Validated on a held-out part, then fitted on every point for the predictions.
        predictor_->fit(observations.genotypes, observations.values);
        std::string runs;
        for (std::int64_t run : observations.runs) runs += (runs.empty() ? "" : ", ") + std::to_string(run);
        description_ = "predictor (" + report_.kind + ") fitted on " + std::to_string(observations.values.size()) + " candidates of run(s) " + runs +
                       "; held out: RMSE " + formatted(report_.rmse, 3) + " (mean " + formatted(report_.meanRmse, 3) + "), Kendall tau " +
                       formatted(report_.kendallTau, 3);
    }

    void estimate(Candidate& candidate, const Architecture&, const EvaluationControl&) const override {
        const double value = predictor_->predict(candidate.genotype);
        candidate.metrics[metric_] = value;
        if (metric_ == "accuracy") candidate.metrics["error"] = 100.0 - value;
        candidate.details["proxy"] = description_;
        candidate.details["predictor"] = report_.toJson();
    }

private:
    std::string metric_;
    std::unique_ptr<AccuracyPredictor> predictor_;
    PredictorReport report_;
    std::string description_;
};

} // namespace

std::unique_ptr<Estimator> makePredictorEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile) {
    return std::make_unique<PredictorEstimator>(params, project, projectFile);
}

} // namespace edgesmith
