// The learned strategies (Bayesian optimisation, reinforcement learning) on a synthetic
// landscape whose optimum is known to be hard for uniform sampling: each must beat random
// search at equal budget on average over seeds, continue identically after
// state()/restore(), keep the cheap budgets and survive failed candidates.
#include "core/search/pareto.h"
#include "core/search/strategy.h"
#include "core/space/architecture.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <set>

using namespace edgesmith;

namespace {

// 27 decisions: depth, width and per-block kernel / expansion / SE over three stages.
const char* const kSpace = R"({
  "name": "learned-test", "backbone": "chain", "classes": 10,
  "input": {"channels": 1, "resolution": 28},
  "stem": [{"op": "conv", "out": 16, "kernel": 3, "stride": 1}],
  "stages": [
    {"depth": [1, 2, 3], "stride": 1, "out": [16, 24, 32],
     "block": {"op": "mbconv", "kernel": [3, 5, 7], "expansion": [1, 3, 6]}},
    {"depth": [1, 2, 3], "stride": 2, "out": [24, 32, 48],
     "block": {"op": "mbconv", "kernel": [3, 5, 7], "expansion": [3, 6], "se": [false, true]}},
    {"depth": [1, 2], "stride": 2, "out": [48, 64],
     "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [3, 6], "se": [false, true]}}
  ],
  "head": [{"op": "conv", "out": 64, "kernel": 1}, {"op": "global_avg_pool"}, {"op": "linear", "out": 10}]
})";

const SearchSpace& space() {
    static const SearchSpace parsed = SearchSpace::parse(Json::parse(kSpace), "learned-test.json");
    return parsed;
}

// A fixed "accuracy": a gain per option of every active decision plus interactions between
// pairs of decisions (so that no decision can be optimised alone), all drawn once.
class Landscape {
public:
    Landscape() {
        std::mt19937_64 random(20240611);
        std::normal_distribution<double> normal;
        const auto& decisions = space().decisions();
        for (const Decision& decision : decisions) {
            gains_.emplace_back();
            for (std::size_t option = 0; option < decision.options.size(); ++option) gains_.back().push_back(normal(random));
        }
        std::uniform_int_distribution<std::size_t> pick(0, decisions.size() - 1);
        while (pairs_.size() < decisions.size()) {
            Pair pair{pick(random), pick(random), {}};
            if (pair.first == pair.second) continue;
            for (std::size_t row = 0; row < decisions[pair.first].options.size(); ++row) {
                pair.table.emplace_back();
                for (std::size_t column = 0; column < decisions[pair.second].options.size(); ++column) pair.table.back().push_back(1.5 * normal(random));
            }
            pairs_.push_back(std::move(pair));
        }
    }

    double accuracy(const Genotype& genotype) const {
        double sum = 0;
        for (std::size_t decision = 0; decision < genotype.size(); ++decision)
            if (space().isActive(genotype, decision)) sum += gains_[decision][static_cast<std::size_t>(genotype[decision])];
        for (const Pair& pair : pairs_)
            if (space().isActive(genotype, pair.first) && space().isActive(genotype, pair.second))
                sum += pair.table[static_cast<std::size_t>(genotype[pair.first])][static_cast<std::size_t>(genotype[pair.second])];
        return 70.0 + sum;
    }

private:
    struct Pair {
        std::size_t first, second;
        std::vector<std::vector<double>> table;
    };
    std::vector<std::vector<double>> gains_;
    std::vector<Pair> pairs_;
};

const Landscape& landscape() {
    static const Landscape instance;
    return instance;
}

double macsOf(const Genotype& genotype) { return static_cast<double>(computeMetrics(space().derive(genotype, false)).macs); }

Candidate evaluate(const Genotype& genotype, std::int64_t number) {
    Candidate candidate;
    candidate.number = number;
    candidate.genotype = genotype;
    candidate.key = space().key(genotype);
    candidate.metrics = {{"accuracy", landscape().accuracy(genotype)}, {"macs", macsOf(genotype)}};
    return candidate;
}

const Objectives& accuracyOnly() {
    static const Objectives objectives({{"accuracy", Goal::Maximize}});
    return objectives;
}

const Objectives& accuracyAndMacs() {
    static const Objectives objectives({{"accuracy", Goal::Maximize}, {"macs", Goal::Minimize}});
    return objectives;
}

StrategyContext contextFor(const Objectives& objectives) {
    StrategyContext context;
    context.space = &space();
    context.objectives = &objectives;
    context.withinBudgets = [](const Genotype&) { return true; };
    return context;
}

// Runs a strategy to its end with `workers` parallel slots, telling each batch in reverse
// (completion order need not be ask order). Returns the candidates in telling order.
std::vector<Candidate> runToEnd(Strategy& strategy, int workers, std::int64_t limit = 100000) {
    std::vector<Candidate> told;
    while (!strategy.finished() && static_cast<std::int64_t>(told.size()) < limit) {
        std::vector<Genotype> batch = strategy.ask(workers);
        if (batch.empty()) break;
        for (auto genotype = batch.rbegin(); genotype != batch.rend(); ++genotype) {
            told.push_back(evaluate(*genotype, static_cast<std::int64_t>(told.size()) + 1));
            strategy.tell(told.back());
        }
    }
    return told;
}

double bestAccuracy(const std::vector<Candidate>& candidates) {
    double best = -1e9;
    for (const Candidate& candidate : candidates) best = std::max(best, candidate.metric("accuracy"));
    return best;
}

// A reference point worse than every architecture of the space on both objectives.
const Point& hypervolumeReference() {
    static const Point reference = [] {
        std::mt19937_64 random(5);
        Point worst{-1e9, 0};
        for (int sample = 0; sample < 3000; ++sample) {
            const Genotype genotype = space().sample(random);
            worst[0] = std::max(worst[0], -landscape().accuracy(genotype));
            worst[1] = std::max(worst[1], macsOf(genotype));
        }
        return Point{worst[0] + 5.0, worst[1] * 1.5};
    }();
    return reference;
}

double frontHypervolume(const std::vector<Candidate>& candidates) {
    std::vector<Point> points;
    for (const Candidate& candidate : candidates) points.push_back(accuracyAndMacs().minimised(candidate));
    return hypervolume(points, hypervolumeReference());
}

// The quality of a run: best accuracy for one objective, hypervolume for two.
double quality(const std::vector<Candidate>& candidates, bool twoObjectives) {
    return twoObjectives ? frontHypervolume(candidates) : bestAccuracy(candidates);
}

Json parameters(const QString& strategy, const QString& variant, std::uint64_t seed, int evaluations) {
    if (strategy == "bayesian") {
        const QStringList parts = variant.split('/');
        return {{"initial_samples", 10}, {"iterations", evaluations - 10}, {"acquisition", parts[0].toStdString()},
                {"kernel", parts[1].toStdString()}, {"pool_size", 300}, {"seed", seed}};
    }
    if (strategy == "reinforce") {
        const QStringList parts = variant.split('/');
        return {{"controller", parts[0].toStdString()}, {"algorithm", parts[1].toStdString()}, {"episodes", evaluations},
                {"learning_rate", 0.05}, {"seed", seed}};
    }
    return {{"samples", evaluations}, {"seed", seed}};
}

struct Configuration {
    const char* name;
    const char* strategy;
    const char* variant;
    bool twoObjectives;
    int evaluations;
};

const std::vector<Configuration>& configurations() {
    static const std::vector<Configuration> all = {
        {"bayesian ei matern52", "bayesian", "ei/matern52", false, 50},
        {"bayesian ei rbf", "bayesian", "ei/rbf", false, 50},
        {"bayesian parego", "bayesian", "parego/matern52", true, 50},
        {"bayesian ehvi", "bayesian", "ehvi/matern52", true, 50},
        {"reinforce categorical", "reinforce", "categorical/reinforce", false, 150},
        {"reinforce categorical ppo", "reinforce", "categorical/ppo", false, 150},
        {"reinforce lstm", "reinforce", "lstm/reinforce", false, 150},
        {"reinforce lstm ppo", "reinforce", "lstm/ppo", false, 150},
    };
    return all;
}

void addConfigurationRows() {
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<bool>("twoObjectives");
    QTest::addColumn<int>("evaluations");
    for (const Configuration& configuration : configurations())
        QTest::newRow(configuration.name) << configuration.strategy << configuration.variant << configuration.twoObjectives << configuration.evaluations;
}

std::unique_ptr<Strategy> build(const QString& strategy, const QString& variant, bool twoObjectives, std::uint64_t seed, int evaluations,
                                StrategyContext context = {}) {
    if (!context.space) context = contextFor(twoObjectives ? accuracyAndMacs() : accuracyOnly());
    return makeStrategy(strategy.toStdString(), context, parameters(strategy, variant, seed, evaluations));
}

} // namespace

class TestStrategiesLearned : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void beatsRandomSearch_data() { addConfigurationRows(); }
    void beatsRandomSearch() {
        QFETCH(QString, strategy);
        QFETCH(QString, variant);
        QFETCH(bool, twoObjectives);
        QFETCH(int, evaluations);
        constexpr int kSeeds = 5;
        double learned = 0, random = 0;
        for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
            auto searcher = build(strategy, variant, twoObjectives, seed, evaluations);
            const std::vector<Candidate> found = runToEnd(*searcher, 1);
            QCOMPARE(static_cast<int>(found.size()), evaluations);
            learned += quality(found, twoObjectives) / kSeeds;
            auto baseline = build("random", "", twoObjectives, seed, evaluations);
            random += quality(runToEnd(*baseline, 1), twoObjectives) / kSeeds;
        }
        qInfo("%s %s: mean %s %.4g, random search %.4g (%d evaluations, %d seeds)", qPrintable(strategy), qPrintable(variant),
              twoObjectives ? "hypervolume" : "best accuracy", learned, random, evaluations, kSeeds);
        QVERIFY2(learned > random, qPrintable(QString("learned %1 vs random %2").arg(learned).arg(random)));
    }

    // Restored from its JSON text after some tells, with a batch still in flight, the
    // strategy proposes exactly what the uninterrupted one does.
    void restoreContinuesIdentically_data() { addConfigurationRows(); }
    void restoreContinuesIdentically() {
        QFETCH(QString, strategy);
        QFETCH(QString, variant);
        QFETCH(bool, twoObjectives);
        constexpr int kEvaluations = 40;
        auto original = build(strategy, variant, twoObjectives, 11, kEvaluations);
        runToEnd(*original, 3, 15);
        const std::vector<Genotype> inFlight = original->ask(3);
        QCOMPARE(static_cast<int>(inFlight.size()), 3);
        original->tell(evaluate(inFlight[1], 100));
        auto resumed = build(strategy, variant, twoObjectives, 999, kEvaluations);
        resumed->restore(Json::parse(original->state().dump()));
        QCOMPARE(resumed->state().dump(), original->state().dump());
        for (Strategy* copy : {original.get(), resumed.get()}) {
            copy->tell(evaluate(inFlight[2], 101));
            copy->tell(evaluate(inFlight[0], 102));
        }
        for (int round = 0; round < 4; ++round) {
            const std::vector<Genotype> expected = original->ask(2);
            const std::vector<Genotype> actual = resumed->ask(2);
            QCOMPARE(actual, expected);
            for (const Genotype& genotype : expected) {
                original->tell(evaluate(genotype, 200 + round));
                resumed->tell(evaluate(genotype, 200 + round));
            }
        }
        QCOMPARE(resumed->state().dump(), original->state().dump());
    }

    void sameSeedSameRun_data() { addConfigurationRows(); }
    void sameSeedSameRun() {
        QFETCH(QString, strategy);
        QFETCH(QString, variant);
        QFETCH(bool, twoObjectives);
        auto first = build(strategy, variant, twoObjectives, 3, 25);
        auto second = build(strategy, variant, twoObjectives, 3, 25);
        std::vector<std::string> firstKeys, secondKeys;
        for (const Candidate& candidate : runToEnd(*first, 2)) firstKeys.push_back(candidate.key);
        for (const Candidate& candidate : runToEnd(*second, 2)) secondKeys.push_back(candidate.key);
        QCOMPARE(firstKeys, secondKeys);
        QCOMPARE(std::set<std::string>(firstKeys.begin(), firstKeys.end()).size(), firstKeys.size()); // no repeats
        QVERIFY(first->finished());
        QCOMPARE(first->plannedEvaluations(), std::int64_t(25));
    }

    // Every asked genotype keeps a MACs budget that a third of the space breaks, and
    // failed or infeasible candidates (every fifth) do not derail the model.
    void respectsBudgetsAndSurvivesFailures_data() { addConfigurationRows(); }
    void respectsBudgetsAndSurvivesFailures() {
        QFETCH(QString, strategy);
        QFETCH(QString, variant);
        QFETCH(bool, twoObjectives);
        std::mt19937_64 random(9);
        std::vector<double> macs;
        for (int sample = 0; sample < 300; ++sample) macs.push_back(macsOf(space().sample(random)));
        std::sort(macs.begin(), macs.end());
        const double limit = macs[macs.size() * 2 / 3];
        StrategyContext context = contextFor(twoObjectives ? accuracyAndMacs() : accuracyOnly());
        context.withinBudgets = [limit](const Genotype& genotype) { return macsOf(genotype) <= limit; };
        auto searcher = build(strategy, variant, twoObjectives, 4, 30, context);
        int told = 0;
        while (!searcher->finished()) {
            const std::vector<Genotype> batch = searcher->ask(2);
            QVERIFY(!batch.empty());
            for (const Genotype& genotype : batch) {
                QVERIFY2(macsOf(genotype) <= limit, space().key(genotype).c_str());
                Candidate candidate = evaluate(genotype, ++told);
                if (told % 5 == 0) {
                    candidate.status = told % 10 == 0 ? CandidateStatus::Failed : CandidateStatus::Infeasible;
                    candidate.metrics.erase("accuracy");
                }
                searcher->tell(candidate);
            }
        }
        QCOMPARE(told, 30);
    }

    // With one objective there is no front to trade along: ParEGO and EHVI are plain EI.
    void singleObjectiveAcquisitionsAreExpectedImprovement() {
        std::vector<std::vector<std::string>> runs;
        for (const char* variant : {"ei/matern52", "parego/matern52", "ehvi/matern52"}) {
            auto searcher = build("bayesian", variant, false, 8, 20);
            runs.emplace_back();
            for (const Candidate& candidate : runToEnd(*searcher, 1)) runs.back().push_back(candidate.key);
        }
        QCOMPARE(runs[1], runs[0]);
        QCOMPARE(runs[2], runs[0]);
    }

    // With an engine budget the strategy keeps proposing past its own plan.
    void engineBudgetKeepsItGoing_data() { addConfigurationRows(); }
    void engineBudgetKeepsItGoing() {
        QFETCH(QString, strategy);
        QFETCH(QString, variant);
        QFETCH(bool, twoObjectives);
        StrategyContext context = contextFor(twoObjectives ? accuracyAndMacs() : accuracyOnly());
        context.budget = 40;
        auto searcher = build(strategy, variant, twoObjectives, 6, 15, context);
        QCOMPARE(static_cast<int>(runToEnd(*searcher, 1, 30).size()), 30);
        QVERIFY(!searcher->finished());
    }
};

QTEST_GUILESS_MAIN(TestStrategiesLearned)
#include "test_strategies_learned.moc"
