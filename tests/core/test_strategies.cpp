// Conformance suite: every registered strategy must pass it (STYLE.md item 4). Each runs
// against a synthetic landscape through a driver that behaves like the engine with
// three workers: asks for free slots, tells results out of order, answers repeats from a
// cache. Checked: seeded determinism, the evaluation budget, hard budgets when sampling
// constrained, state()/restore() mid-run, out-of-order tells, and a gain over random.
#include "core/search/objectives.h"
#include "core/search/strategy.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <set>

using namespace edgesmith;

namespace {

const char* const kSpace = R"({
  "name": "conformance", "backbone": "chain", "classes": 10,
  "input": {"channels": 1, "resolution": 16},
  "stem": [{"op": "conv", "out": 8, "kernel": 3}],
  "stages": [
    {"depth": [1, 2, 3], "stride": 1, "out": [8, 16, 24],
     "block": {"op": "mbconv", "kernel": [3, 5, 7], "expansion": [1, 3, 6]}},
    {"depth": [1, 2, 3], "stride": 2, "out": [16, 24, 32],
     "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [3, 6], "se": [false, true]}}
  ],
  "head": [{"op": "global_avg_pool"}, {"op": "linear", "out": 10}]
})";

const SearchSpace& space() {
    static const SearchSpace parsed = SearchSpace::parse(Json::parse(kSpace), "conformance.json");
    return parsed;
}

// Accuracy rises with the distance of each active decision from a hidden target, with
// one interaction (kernel 7 only pays with expansion 6), and MACs are real.
std::map<std::string, double> landscape(const Genotype& genotype) {
    const SearchSpace& searchSpace = space();
    double accuracy = 70;
    for (std::size_t decision = 0; decision < genotype.size(); ++decision) {
        if (!searchSpace.isActive(genotype, decision)) continue;
        const int options = static_cast<int>(searchSpace.decisions()[decision].options.size());
        const int target = static_cast<int>((decision * 7 + 3) % static_cast<std::size_t>(options));
        accuracy += genotype[decision] == target ? 2.0 : -0.5 * std::abs(genotype[decision] - target);
    }
    const Metrics metrics = computeMetrics(searchSpace.derive(genotype, false));
    return {{"accuracy", accuracy}, {"macs", double(metrics.macs)}, {"params", double(metrics.params)}};
}

const std::vector<std::string> kAll = {"grid", "random", "regularized-evolution", "nsga2", "bayesian", "reinforce", "greedy"};

struct Setup {
    Objectives objectives;
};

Setup setup(bool multiObjective, std::optional<double> macsBudget = std::nullopt) {
    std::vector<Objective> list = {{"accuracy", Goal::Maximize}};
    if (multiObjective) list.push_back({"macs", Goal::Minimize});
    std::vector<HardBudget> budgets;
    if (macsBudget) budgets.push_back({"macs", std::nullopt, *macsBudget});
    return {Objectives(list, budgets)};
}

Json paramsFor(const std::string& name, std::uint64_t seed) {
    Json params = {{"seed", seed}};
    if (name == "grid") params = {{"max_candidates", 1000000}};
    if (name == "regularized-evolution") params.update({{"population", 10}, {"tournament_size", 3}});
    if (name == "nsga2") params.update({{"population", 10}});
    if (name == "bayesian") params.update({{"initial_samples", 8}, {"pool_size", 200}});
    if (name == "reinforce") params.update({{"learning_rate", 0.1}});
    return params;
}

struct Trace {
    std::vector<std::string> asked;   // in ask order
    std::vector<Candidate> told;      // in tell order
    std::vector<Candidate> pending;   // asked, not yet told (the engine's "in flight")
    double best = -1e300;
    int evaluations = 0;
};

// The engine's loop in miniature: three workers, results told in an order that depends
// only on (order, evaluations so far), repeats answered from the cache. With
// `stopAfter` it returns right after that many tells with the strategy's state in
// `saved`, as the engine stores it; passing the returned trace back continues the run.
Trace drive(Strategy& strategy, const Objectives& objectives, int budget, std::uint64_t order, int stopAfter = 0, Json* saved = nullptr,
            Trace trace = {}) {
    std::map<std::string, Candidate> cache;
    for (const Candidate& candidate : trace.told) cache[candidate.key] = candidate;
    int idleRounds = 0;
    while (trace.evaluations < budget && idleRounds < 1000) {
        const int free = 3 - static_cast<int>(trace.pending.size());
        const auto asked = free > 0 ? strategy.ask(free) : std::vector<Genotype>{};
        for (const Genotype& raw : asked) {
            Candidate candidate;
            candidate.genotype = space().canonical(raw);
            candidate.key = space().key(candidate.genotype);
            trace.asked.push_back(candidate.key);
            if (cache.count(candidate.key)) {
                strategy.tell(cache[candidate.key]);
                continue;
            }
            candidate.metrics = landscape(candidate.genotype);
            if (objectives.violation(candidate.metrics)) candidate.status = CandidateStatus::Infeasible;
            trace.pending.push_back(candidate);
        }
        if (trace.pending.empty()) {
            if (strategy.finished()) break;
            ++idleRounds;
            continue;
        }
        idleRounds = 0;
        std::mt19937_64 shuffle(order * 1000003 + std::uint64_t(trace.evaluations));
        const std::size_t index = std::uniform_int_distribution<std::size_t>(0, trace.pending.size() - 1)(shuffle);
        Candidate done = trace.pending[index];
        trace.pending.erase(trace.pending.begin() + static_cast<long>(index));
        done.number = ++trace.evaluations;
        strategy.tell(done);
        cache[done.key] = done;
        trace.told.push_back(done);
        trace.best = std::max(trace.best, objectives.fitness(done));
        if (stopAfter > 0 && trace.evaluations == stopAfter) {
            *saved = strategy.state();
            return trace;
        }
    }
    return trace;
}

} // namespace

class TestStrategies : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registryMatchesCatalog() {
        const auto registered = registeredStrategies();
        for (const auto& name : kAll) QVERIFY2(std::count(registered.begin(), registered.end(), name), name.c_str());
        QCOMPARE(registered.size(), kAll.size());
        const Setup fixture = setup(false);
        StrategyContext context{&space(), &fixture.objectives, nullptr, 0};
        try {
            makeStrategy("simulated-annealing", context, Json::object());
            QFAIL("an unknown strategy was accepted");
        } catch (const Error& error) {
            QCOMPARE(QString::fromStdString(error.path()), QString("strategy.name"));
            QVERIFY(std::string(error.message()).find("nsga2") != std::string::npos);
        }
    }

    void conformance_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("multiObjective");
        for (const auto& name : kAll) {
            QTest::newRow((name + " single").c_str()) << QString::fromStdString(name) << false;
            QTest::newRow((name + " pareto").c_str()) << QString::fromStdString(name) << true;
        }
    }

    void conformance() {
        QFETCH(QString, name);
        QFETCH(bool, multiObjective);
        const std::string strategyName = name.toStdString();
        const Setup fixture = setup(multiObjective);
        StrategyContext context{&space(), &fixture.objectives, nullptr, 60};
        const auto fresh = [&](std::uint64_t seed) { return makeStrategy(strategyName, context, paramsFor(strategyName, seed)); };

        // Seeded determinism, with results told out of order.
        auto first = fresh(3);
        auto second = fresh(3);
        const Trace a = drive(*first, fixture.objectives, 60, 11);
        const Trace b = drive(*second, fixture.objectives, 60, 11);
        QCOMPARE(a.asked, b.asked);
        QVERIFY2(a.evaluations == 60, "the strategy stopped before the engine's budget");

        // state()/restore() mid-run (work in flight, as after a kill) continues exactly
        // as the uninterrupted run, whatever seed the new object was made with.
        auto interrupted = fresh(3);
        Json saved;
        const Trace head = drive(*interrupted, fixture.objectives, 60, 11, 30, &saved);
        QCOMPARE(head.evaluations, 30);
        auto restored = fresh(99);
        restored->restore(Json::parse(saved.dump()));
        const Trace whole = drive(*restored, fixture.objectives, 60, 11, 0, nullptr, head);
        QCOMPARE(whole.asked, a.asked);
    }

    void keepsHardBudgets_data() {
        QTest::addColumn<QString>("name");
        for (const auto& name : kAll)
            if (name != "grid") QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    // Strategies sample through withinBudgets, so (almost) nothing they propose is
    // discarded; grid walks everything by definition and is exempt.
    void keepsHardBudgets() {
        QFETCH(QString, name);
        const std::string strategyName = name.toStdString();
        // Median MACs of the space: about half of it breaks the budget.
        std::mt19937_64 random(1);
        std::vector<double> macs;
        for (int draw = 0; draw < 400; ++draw) macs.push_back(landscape(space().sample(random))["macs"]);
        std::nth_element(macs.begin(), macs.begin() + 200, macs.end());
        const Setup fixture = setup(false, macs[200]);
        StrategyContext context{&space(), &fixture.objectives, [&](const Genotype& genotype) {
                                    return !fixture.objectives.violation(landscape(genotype));
                                }, 50};
        auto strategy = makeStrategy(strategyName, context, paramsFor(strategyName, 4));
        const Trace trace = drive(*strategy, fixture.objectives, 50, 2);
        int infeasible = 0;
        for (const Candidate& candidate : trace.told) infeasible += candidate.status == CandidateStatus::Infeasible;
        QVERIFY2(infeasible <= 2, (std::to_string(infeasible) + " of 50 candidates broke the budget").c_str());
    }

    void survivesInfeasibleResults_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("multiObjective");
        for (const auto& name : kAll) {
            QTest::newRow((name + " single").c_str()) << QString::fromStdString(name) << false;
            QTest::newRow((name + " pareto").c_str()) << QString::fromStdString(name) << true;
        }
    }

    // Budgets the strategy cannot check in advance (a table's latency, a measured one):
    // half the results come back infeasible, and the strategy must carry on to the budget.
    void survivesInfeasibleResults() {
        QFETCH(QString, name);
        QFETCH(bool, multiObjective);
        const std::string strategyName = name.toStdString();
        std::mt19937_64 random(2);
        std::vector<double> macs;
        for (int draw = 0; draw < 400; ++draw) macs.push_back(landscape(space().sample(random))["macs"]);
        std::nth_element(macs.begin(), macs.begin() + 200, macs.end());
        std::vector<Objective> list = {{"accuracy", Goal::Maximize}};
        if (multiObjective) list.push_back({"macs", Goal::Minimize});
        const Objectives objectives(list, {{"macs", std::nullopt, macs[200]}});
        StrategyContext context{&space(), &objectives, nullptr, 80};
        auto strategy = makeStrategy(strategyName, context, paramsFor(strategyName, 6));
        const Trace trace = drive(*strategy, objectives, 80, 3);
        QCOMPARE(trace.evaluations, 80);
        int infeasible = 0;
        for (const Candidate& candidate : trace.told) infeasible += candidate.status == CandidateStatus::Infeasible;
        // Grid and greedy start from the cheapest architectures, so they may never cross it.
        if (strategyName != "grid" && strategyName != "greedy") QVERIFY(infeasible > 0);
    }

    void beatsRandom_data() {
        QTest::addColumn<QString>("name");
        for (const auto& name : kAll)
            if (name != "random" && name != "grid") QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    // Mean best fitness over seeds at equal budget: the guided strategies must do better
    // than uniform sampling on a landscape with a single hidden optimum.
    void beatsRandom() {
        QFETCH(QString, name);
        const std::string strategyName = name.toStdString();
        const Setup fixture = setup(false);
        const int budget = 80, seeds = 6;
        const auto meanBest = [&](const std::string& which) {
            double sum = 0;
            for (int seed = 0; seed < seeds; ++seed) {
                StrategyContext context{&space(), &fixture.objectives, nullptr, budget};
                auto strategy = makeStrategy(which, context, paramsFor(which, std::uint64_t(seed)));
                sum += drive(*strategy, fixture.objectives, budget, std::uint64_t(seed)).best;
            }
            return sum / seeds;
        };
        const double guided = meanBest(strategyName), uniform = meanBest("random");
        qInfo("%s: mean best %.2f vs random %.2f", strategyName.c_str(), guided, uniform);
        QVERIFY2(guided > uniform, (strategyName + " did not beat random search").c_str());
    }

    // On a small space (depth decisions drop blocks, so raw counters repeat
    // architectures), grid proposes each distinct architecture exactly once.
    void gridWalksEveryArchitectureOnce() {
        const SearchSpace small = SearchSpace::parse(Json::parse(R"({
          "name": "small", "backbone": "chain", "classes": 10, "input": {"channels": 1, "resolution": 8},
          "stem": [{"op": "conv", "out": 4}],
          "stages": [{"depth": [1, 2, 3], "stride": 1, "out": [4, 8],
                      "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [1, 3]}}],
          "head": [{"op": "global_avg_pool"}, {"op": "linear", "out": 10}]})"), "small.json");
        const Objectives objectives({{"params", Goal::Minimize}});
        StrategyContext context{&small, &objectives, nullptr, 0};
        auto grid = makeStrategy("grid", context, {{"max_candidates", 100000}});
        std::vector<std::string> asked;
        for (auto batch = grid->ask(7); !batch.empty(); batch = grid->ask(7))
            for (const Genotype& genotype : batch) {
                QCOMPARE(small.canonical(genotype), genotype);
                asked.push_back(small.key(genotype));
                Candidate candidate;
                candidate.genotype = genotype;
                candidate.key = asked.back();
                grid->tell(candidate);
            }
        const std::set<std::string> distinct(asked.begin(), asked.end());
        QCOMPARE(double(distinct.size()), small.size());
        QCOMPARE(asked.size(), distinct.size());
        QVERIFY(grid->finished());
        QCOMPARE(grid->plannedEvaluations(), std::int64_t(small.size()));
    }

    void softRules() {
        const std::map<std::string, double> within = {{"accuracy", 90.0}, {"latency_ms", 5.0}};
        const std::map<std::string, double> over = {{"accuracy", 90.0}, {"latency_ms", 20.0}};
        const auto rule = [](Json soft) { return Objectives({{"accuracy", Goal::Maximize}}, {}, std::move(soft)); };
        // MnasNet eq. 12: accuracy alone within the target, scaled by (C/C0)^β beyond.
        const Objectives mnasnet = rule({{"kind", "mnasnet"}, {"metric", "latency_ms"}, {"target", 10.0}, {"beta", -0.07}});
        QCOMPARE(mnasnet.fitness(within), 90.0);
        QVERIFY(std::abs(mnasnet.fitness(over) - 90.0 * std::pow(2.0, -0.07)) < 1e-9);
        // Eq. 15 scales on both sides.
        const Objectives soft = rule({{"kind", "mnasnet-soft"}, {"metric", "latency_ms"}, {"target", 10.0}, {"beta", -0.07}});
        QVERIFY(std::abs(soft.fitness(within) - 90.0 * std::pow(0.5, -0.07)) < 1e-9);
        // ChamNet eq. 13: a step penalty [α H(C − C0)]^β.
        const Objectives chamnet = rule({{"kind", "chamnet"}, {"metric", "latency_ms"}, {"target", 10.0}, {"alpha", 3.0}, {"beta", 2.0}});
        QCOMPARE(chamnet.fitness(within), 90.0);
        QCOMPARE(chamnet.fitness(over), 81.0);
        // Eq. 17: ACC + β|C/C0 − 1|.
        const Objectives linear = rule({{"kind", "linear"}, {"metric", "latency_ms"}, {"target", 10.0}, {"beta", -4.0}});
        QCOMPARE(linear.fitness(within), 88.0);
        QCOMPARE(linear.fitness(over), 86.0);
        // Pareto: the first objective; failed candidates rank last.
        const Objectives pareto({{"error", Goal::Minimize}, {"macs", Goal::Minimize}});
        QCOMPARE(pareto.fitness(within), -10.0);
        QCOMPARE(pareto.minimised(over), (std::vector<double>{10.0, std::numeric_limits<double>::infinity()}));
    }

    void hardBudgetViolations() {
        const Objectives objectives({{"accuracy", Goal::Maximize}}, {{"params", std::nullopt, 1000.0}, {"latency_ms", 1.0, std::nullopt}});
        QVERIFY(!objectives.violation({{"params", 1000.0}}));
        QCOMPARE(*objectives.violation({{"params", 1001.0}}), std::string("params = 1001 breaks the budget params ≤ 1000"));
        QCOMPARE(*objectives.violation({{"latency_ms", 0.5}}), std::string("latency_ms = 0.5 breaks the budget 1 ≤ latency_ms"));
        QVERIFY(!objectives.violation({{"macs", 1e12}})); // metrics without a budget never break one
    }
};

QTEST_GUILESS_MAIN(TestStrategies)
#include "test_strategies.moc"
