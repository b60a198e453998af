// Accuracy predictors (issue 9): both regressors beat the training mean on held-out
// genotypes, the store's candidates feed them only from runs of the same space and of the
// requested estimators, and the predictor estimator explains what it needs when the store
// has too little.
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/estimate/estimator.h"
#include "core/estimate/predictor.h"
#include "core/project/project.h"
#include "core/space/space.h"
#include "core/store/store.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace edgesmith;

namespace {

SearchSpace mbconvSpace() { return SearchSpace::parse(loadSpaceTemplate("fmnist-mbconv"), "fmnist-mbconv"); }

// A stand-in for trained accuracy with the structure real accuracy has: larger networks
// score higher with diminishing returns, kernel and squeeze-excite choices add a little,
// and measurements are noisy.
double syntheticAccuracy(const SearchSpace& space, const Genotype& genotype, std::mt19937_64& random) {
    const double params = double(computeMetrics(space.derive(genotype, false)).params);
    double bonus = 0;
    for (std::size_t decision = 0; decision < genotype.size(); ++decision) {
        const std::string& path = space.decisions()[decision].path;
        if (space.isActive(genotype, decision) && path.ends_with("kernel")) bonus += 0.15 * genotype[decision];
    }
    return 80.0 + 2.0 * std::log(params / 1e4) + bonus + std::normal_distribution<double>(0, 0.1)(random);
}

Json projectWith(const std::string& estimator, const Json& params, const std::string& database) {
    return {{"format_version", 1},
            {"name", "predictor test"},
            {"dataset", {{"kind", "synthetic"}, {"classes", 4}, {"samples", 200}, {"validation_fraction", 0.25}}},
            {"space", {{"template", "fmnist-mbconv"}}},
            {"objectives", Json::array({{{"metric", "accuracy"}}, {{"metric", "macs"}}})},
            {"strategy", {{"name", "random"}}},
            {"estimator", {{"name", estimator}, {"params", params}}},
            {"database", database}};
}

Candidate evaluated(const SearchSpace& space, const Genotype& genotype, std::int64_t number, double accuracy) {
    Candidate candidate;
    candidate.number = number;
    candidate.genotype = space.canonical(genotype);
    candidate.key = space.key(candidate.genotype);
    candidate.metrics = {{"accuracy", accuracy}};
    return candidate;
}

} // namespace

class TestPredictor : public QObject {
    Q_OBJECT
private slots:
    void bothRegressorsBeatTheMeanOnHeldOutGenotypes_data() {
        QTest::addColumn<QString>("kind");
        for (const std::string& kind : AccuracyPredictor::kinds()) QTest::newRow(kind.c_str()) << QString::fromStdString(kind);
    }
    void bothRegressorsBeatTheMeanOnHeldOutGenotypes() {
        QFETCH(QString, kind);
        const SearchSpace space = mbconvSpace();
        std::mt19937_64 random(5);
        std::vector<Genotype> genotypes;
        std::vector<double> accuracy;
        for (int sample = 0; sample < 200; ++sample) {
            genotypes.push_back(space.sample(random));
            accuracy.push_back(syntheticAccuracy(space, genotypes.back(), random));
        }
        AccuracyPredictor predictor(space, kind.toStdString(), 1);
        const PredictorReport report = predictor.validate(genotypes, accuracy, 0.25);
        QCOMPARE(report.training, std::size_t(150));
        QCOMPARE(report.heldOut, std::size_t(50));
        const std::string text = report.toJson().dump();
        qInfo("%s", text.c_str());
        QVERIFY2(report.rmse < 0.6 * report.meanRmse, text.c_str());
        QVERIFY2(report.kendallTau > 0.5, text.c_str());
        // Fitted on the training part, it predicts unseen genotypes in the right range.
        const double prediction = predictor.predict(space.sample(random));
        QVERIFY(prediction > 60 && prediction < 100);
    }

    void unknownKindsAndTooFewPointsAreErrors() {
        const SearchSpace space = mbconvSpace();
        QVERIFY_THROWS_EXCEPTION(Error, AccuracyPredictor(space, "forest"));
        AccuracyPredictor predictor(space, "gp");
        std::mt19937_64 random(1);
        QVERIFY_THROWS_EXCEPTION(Error, predictor.fit({space.sample(random)}, {90.0}));
        QVERIFY_THROWS_EXCEPTION(Error, predictor.validate({}, {}));
    }

    void storeFeedsOnlyMatchingRunsAndEstimators() {
        const QTemporaryDir folder;
        const std::filesystem::path project = folder.filePath("p.edgesmith.json").toStdString();
        const SearchSpace space = mbconvSpace();
        const Json spaceDocument = loadSpaceTemplate("fmnist-mbconv");
        Store store = Store::open(folder.filePath("runs.db").toStdString());
        std::mt19937_64 random(3);
        const auto trained = store.createRun(projectWith("proxy-training", Json::object(), "runs.db"), "random", "proxy-training", 0, Json::object());
        const auto predicted = store.createRun(projectWith("predictor", Json::object(), "runs.db"), "random", "predictor", 0, Json::object());
        Json otherProject = projectWith("training", Json::object(), "runs.db");
        otherProject["space"] = {{"template", "fmnist-shufflenet"}};
        const auto otherSpace = store.createRun(otherProject, "random", "training", 0, Json::object());
        const Genotype repeated = space.sample(random);
        for (std::int64_t number = 1; number <= 12; ++number) {
            const Genotype genotype = number == 12 ? repeated : (number == 1 ? repeated : space.sample(random));
            store.addCandidate(trained, evaluated(space, genotype, number, 85.0 + double(number)), Json::object());
            store.addCandidate(predicted, evaluated(space, space.sample(random), number, 50.0), Json::object());
        }
        Candidate failed = evaluated(space, space.sample(random), 13, 0);
        failed.status = CandidateStatus::Failed;
        failed.metrics.clear();
        store.addCandidate(trained, failed, Json::object());
        store.addCandidate(otherSpace, evaluated(space, space.sample(random), 1, 70.0), Json::object());

        const Observations observations = storedObservations(store, space, spaceDocument, "accuracy", {"training", "proxy-training"}, project);
        // 12 evaluated, one of them a repeat of the first: 11, none from the predictor's
        // own run (its numbers are predictions) or the other space's run.
        QCOMPARE(observations.values.size(), std::size_t(11));
        QCOMPARE(observations.runs, std::vector<std::int64_t>{trained});
        QCOMPARE(observations.values.front(), 86.0);
        for (double value : observations.values) QVERIFY(value > 80);
    }

    void predictorEstimatorFitsFromTheProjectDatabase() {
        const QTemporaryDir folder;
        const std::filesystem::path file = folder.filePath("p.edgesmith.json").toStdString();
        const SearchSpace space = mbconvSpace();
        const Json params = {{"kind", "gp"}, {"min_candidates", 20}};
        const Json project = projectWith("predictor", params, "runs.db");
        writeFileAtomically(file, project.dump(2));
        {
            Store store = Store::open(folder.filePath("runs.db").toStdString());
            const auto run = store.createRun(projectWith("training", Json::object(), "runs.db"), "random", "training", 0, Json::object());
            std::mt19937_64 random(9);
            for (std::int64_t number = 1; number <= 10; ++number) {
                const Genotype genotype = space.sample(random);
                store.addCandidate(run, evaluated(space, genotype, number, syntheticAccuracy(space, genotype, random)), Json::object());
            }
        }
        try {
            makeEstimator(project, file);
            QFAIL("a predictor fitted on 10 candidates when it asks for 20");
        } catch (const Error& error) {
            QCOMPARE(QString::fromStdString(error.file()), QString::fromStdString(file.string()));
            QVERIFY2(QString::fromStdString(error.message()).contains("at least 20") && QString::fromStdString(error.message()).contains("it has 10"),
                     error.what());
        }
        {
            Store store = Store::open(folder.filePath("runs.db").toStdString());
            const auto run = store.createRun(projectWith("training", Json::object(), "runs.db"), "random", "training", 0, Json::object());
            std::mt19937_64 random(10);
            for (std::int64_t number = 1; number <= 40; ++number) {
                const Genotype genotype = space.sample(random);
                store.addCandidate(run, evaluated(space, genotype, number, syntheticAccuracy(space, genotype, random)), Json::object());
            }
        }
        const auto estimator = makeEstimator(project, file);
        std::mt19937_64 random(11);
        Candidate candidate;
        candidate.genotype = space.sample(random);
        candidate.key = space.key(candidate.genotype);
        estimator->estimate(candidate, space.derive(candidate.genotype), {});
        QVERIFY(candidate.has("accuracy") && candidate.has("error"));
        QVERIFY(std::abs(candidate.metric("accuracy") + candidate.metric("error") - 100.0) < 1e-9);
        QCOMPARE(candidate.details["predictor"]["kind"].get<std::string>(), std::string("gp"));
        QCOMPARE(candidate.details["predictor"]["training"].get<std::size_t>() + candidate.details["predictor"]["held_out"].get<std::size_t>(),
                 std::size_t(50));
        QVERIFY(candidate.details["proxy"].get<std::string>().starts_with("predictor (gp) fitted on 50 candidates"));
    }
};

QTEST_GUILESS_MAIN(TestPredictor)
#include "test_predictor.moc"
