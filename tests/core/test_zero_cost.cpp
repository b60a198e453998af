// Zero-cost proxies and rank correlation (issue 9, first part): the proxies are finite,
// reproducible, data-free where they should be, and move the way their papers say.
#include "core/data/dataset.h"
#include "core/estimate/zero_cost.h"
#include "core/search/rank_correlation.h"
#include "core/space/space.h"

#include <QtTest>

#include <cmath>

using namespace edgesmith;

namespace {

Architecture convNet(int width, int depth) {
    Json stages = Json::array();
    for (int index = 0; index < depth; ++index)
        stages.push_back({{"depth", 1}, {"stride", index == 0 ? 2 : 1}, {"out", width}, {"block", {{"op", "conv"}, {"activation", "relu"}}}});
    const Json space = {{"name", "probe"},
                        {"input", {{"channels", 1}, {"resolution", 28}}},
                        {"stem", Json::array({{{"op", "conv"}, {"out", width}, {"stride", 2}, {"activation", "relu"}}})},
                        {"stages", stages},
                        {"head", Json::array({{{"op", "global_avg_pool"}}, {{"op", "linear"}, {"out", 10}}})}};
    return SearchSpace::parse(space, "probe.json").derive({});
}

Splits syntheticSplits() { return makeSplits(makeSyntheticDataset(10, 200, 1, 28, 1), makeSyntheticDataset(10, 50, 1, 28, 2), 0.2, 1.0, 3); }

} // namespace

class TestZeroCost : public QObject {
    Q_OBJECT
private slots:
    void rankCorrelationsOnKnownOrders() {
        QCOMPARE(kendallTau({1, 2, 3, 4}, {10, 20, 30, 40}), 1.0);
        QCOMPARE(kendallTau({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0);
        // One discordant pair of three: (2 − 1) / 3.
        QVERIFY(std::abs(kendallTau({1, 2, 3}, {1, 3, 2}) - 1.0 / 3.0) < 1e-12);
        // Monotone but not linear: rank correlation is perfect.
        QVERIFY(std::abs(spearmanRho({1, 2, 3, 4, 5}, {1, 8, 27, 64, 125}) - 1.0) < 1e-12);
        // Ties share their average rank: ranks (1.5, 1.5, 3) against (1, 2, 3).
        QVERIFY(std::abs(spearmanRho({5, 5, 9}, {1, 2, 3}) - 0.8660254037844386) < 1e-12);
        QVERIFY(std::isnan(kendallTau({1, 1, 1}, {1, 2, 3})));
        QVERIFY(std::isnan(spearmanRho({1}, {1})));
    }

    void proxiesAreFiniteAndReproducible() {
        const Splits splits = syntheticSplits();
        ZeroCostOptions options;
        options.batch = 16;
        const Architecture architecture = convNet(8, 2);
        const auto scores = zeroCostScores(architecture, splits.train, splits, options);
        for (const std::string& proxy : zeroCostProxies()) {
            QVERIFY2(scores.count(proxy), proxy.c_str());
            QVERIFY2(std::isfinite(scores.at(proxy)), proxy.c_str());
        }
        QVERIFY(scores.at("snip") > 0);
        QVERIFY(scores.at("grad_norm") > 0);
        QVERIFY(scores.at("synflow") > 0);
        QCOMPARE(scores.at("params"), double(computeMetrics(architecture).params));
        QCOMPARE(scores.at("macs"), double(computeMetrics(architecture).macs));
        QCOMPARE(zeroCostScores(architecture, splits.train, splits, options), scores); // same seed, same batch
        options.seed = 1;
        QVERIFY(zeroCostScores(architecture, splits.train, splits, options).at("snip") != scores.at("snip"));
    }

    // synflow needs no data (the same on other images) and grows with width and depth, as
    // the paths it counts do; the data-dependent proxies change with the batch.
    void synflowIsDataFreeAndCountsPaths() {
        const Splits splits = syntheticSplits();
        const Splits other = makeSplits(makeSyntheticDataset(10, 200, 1, 28, 7), makeSyntheticDataset(10, 50, 1, 28, 8), 0.2, 1.0, 9);
        ZeroCostOptions options;
        options.batch = 16;
        const auto narrow = zeroCostScores(convNet(8, 2), splits.train, splits, options);
        const auto elsewhere = zeroCostScores(convNet(8, 2), other.train, other, options);
        QCOMPARE(elsewhere.at("synflow"), narrow.at("synflow"));
        QVERIFY(elsewhere.at("snip") != narrow.at("snip"));
        const auto wide = zeroCostScores(convNet(16, 2), splits.train, splits, options);
        const auto deep = zeroCostScores(convNet(8, 4), splits.train, splits, options);
        QVERIFY(wide.at("synflow") > narrow.at("synflow"));
        QVERIFY(deep.at("synflow") > narrow.at("synflow"));
    }
};

QTEST_GUILESS_MAIN(TestZeroCost)
#include "test_zero_cost.moc"
