#include "app/cli/command_line.h"

#include "core/common/paths.h"
#include "core/estimate/predictor.h"
#include "core/project/project.h"
#include "core/space/space.h"
#include "core/store/store.h"

#include <iomanip>
#include <limits>

namespace edgesmith::cli {
namespace {

int runPredict(const Arguments& arguments, Streams& streams) {
    if (arguments.positionals().size() != 1) throw UsageError("name one project file");
    const Project project = Project::load(arguments.positionals().front());
    const Json spaceDocument = project.spaceDocument();
    const SearchSpace space = SearchSpace::parse(spaceDocument, project.spaceLabel());
    const std::filesystem::path database = arguments.value("db") ? std::filesystem::path(*arguments.value("db")) : project.databasePath();
    const std::string source = arguments.value("source").value_or("training");
    if (source != "training" && source != "supernet") throw UsageError("--source is training or supernet, not \"" + source + "\"");
    const std::string metric = arguments.value("metric").value_or("accuracy");
    std::vector<std::string> kinds = AccuracyPredictor::kinds();
    if (const auto kind = arguments.value("kind")) {
        if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) throw UsageError("--kind is gp or mlp, not \"" + *kind + "\"");
        kinds = {*kind};
    }
    const double heldOut = arguments.number("held-out", 0.2, 0.01, 0.99);
    const auto seed = static_cast<std::uint64_t>(arguments.integer("seed", 0, 0, std::numeric_limits<long long>::max()));

    const Store store = Store::openReadOnly(database);
    const std::vector<std::string> estimators = sourceEstimators(source);
    const Observations observations = storedObservations(store, space, spaceDocument, metric, estimators, project.file());
    if (observations.values.size() < 4)
        throw UsageError(database.string() + " holds " + std::to_string(observations.values.size()) + " evaluated candidates of this space with \"" + metric +
                         "\" from " + source + " runs; a predictor needs at least 4");
    std::vector<PredictorReport> reports;
    for (const std::string& kind : kinds) {
        AccuracyPredictor predictor(space, kind, seed);
        reports.push_back(predictor.validate(observations.genotypes, observations.values, heldOut));
    }
    if (arguments.flag("json")) {
        Json output = {{"candidates", observations.values.size()}, {"runs", observations.runs}, {"metric", metric}, {"predictors", Json::array()}};
        for (const PredictorReport& report : reports) output["predictors"].push_back(report.toJson());
        streams.out << output.dump() << '\n';
        return kExitOk;
    }
    streams.out << "predicting " << metric << " from " << observations.values.size() << " evaluated candidates of " << database.string() << " (runs";
    for (std::int64_t run : observations.runs) streams.out << ' ' << run;
    streams.out << "), " << std::lround(heldOut * 100) << " % held out\n\n  " << std::left << std::setw(10) << "predictor" << std::right << std::setw(10)
                << "RMSE" << std::setw(14) << "mean's RMSE" << std::setw(13) << "Kendall tau" << std::setw(14) << "Spearman rho" << '\n';
    for (const PredictorReport& report : reports)
        streams.out << "  " << std::left << std::setw(10) << report.kind << std::right << std::fixed << std::setprecision(3) << std::setw(10) << report.rmse
                    << std::setw(14) << report.meanRmse << std::setw(13) << report.kendallTau << std::setw(14) << report.spearmanRho << '\n';
    return kExitOk;
}

} // namespace

Verb predictVerb() {
    return {"predict",
            "fit accuracy predictors (Gaussian process, MLP) on a database's evaluated candidates and report their held-out fit",
            "predict PROJECT [--db DB] [--source training|supernet] [--kind gp|mlp] [--metric M] [--held-out F] [--seed S] [--json]",
            "Reads the evaluated candidates of the runs in the project's database (or --db) that searched\n"
            "the same space with a training estimator (or, with --source supernet, a supernet), fits each\n"
            "predictor on a seeded random part and reports RMSE, the RMSE of predicting the mean, Kendall\n"
            "tau and Spearman rho on the held-out rest: how far the \"predictor\" estimator can be trusted.",
            {{"db", "DB", "the database to learn from; default the project's"},
             {"source", "S", "training (training and proxy-training runs, the default) or supernet"},
             {"kind", "K", "gp or mlp; default both"},
             {"metric", "M", "the metric to predict; default accuracy"},
             {"held-out", "F", "fraction held out; default 0.2"},
             {"seed", "S", "split and initialisation seed; default 0"},
             {"json", "", "one JSON object: the candidates used and each predictor's fit"}},
            runPredict};
}

} // namespace edgesmith::cli
