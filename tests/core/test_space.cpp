#include "core/common/atomic_file.h"
#include "core/nn/network.h"
#include "core/project/project.h"
#include "core/space/space.h"

#include <QtTest>

#include <cmath>
#include <set>

using namespace edgesmith;

namespace {

SearchSpace templateSpace(const std::string& name) { return SearchSpace::parse(loadSpaceTemplate(name), name + ".json"); }

std::vector<std::string> problems(const Json& document) {
    std::vector<std::string> lines;
    for (const auto& diagnostic : SearchSpace::check(document, "s.json")) lines.push_back(diagnostic.text());
    return lines;
}

} // namespace

class TestSpace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The torchvision definitions, counted as DESIGN.md defines MACs (conv + linear).
    void referenceCounts_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("params");
        QTest::addColumn<qint64>("macs");
        QTest::newRow("mobilenetv2") << "mobilenetv2" << qint64(3504872) << qint64(300774272);
        QTest::newRow("resnet18") << "resnet18" << qint64(11689512) << qint64(1814073344);
    }
    void referenceCounts() {
        QFETCH(QString, name);
        QFETCH(qint64, params);
        QFETCH(qint64, macs);
        const SearchSpace space = templateSpace(name.toStdString());
        QCOMPARE(space.size(), 1.0);
        const Architecture architecture = space.derive({});
        const Metrics metrics = computeMetrics(architecture);
        QCOMPARE(qint64(metrics.params), params);
        QCOMPARE(qint64(metrics.macs), macs);
        QCOMPARE(qint64(metrics.flops), 2 * macs);
        const Network network(architecture);
        QCOMPARE(qint64(network.parameterCount()), params);
        QCOMPARE(network.outputShape(1), (std::vector<std::int64_t>{1, 1000}));
    }

    // The module built from any derived architecture has exactly the analytic parameter
    // count and the derived output shape.
    void modulesMatchAnalyticCounts_data() {
        QTest::addColumn<QString>("name");
        const auto names = spaceTemplateNames();
        QVERIFY(names.size() >= 8);
        for (const auto& name : names) QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
    void modulesMatchAnalyticCounts() {
        QFETCH(QString, name);
        std::mt19937_64 random(7);
        const SearchSpace space = templateSpace(name.toStdString());
        QVERIFY(space.check(space.document(), "t.json").empty());
        // Every sample builds the module and compares parameters; full-size (224×224)
        // templates run a forward pass on every 25th only, to keep the suite quick.
        const bool fullSize = space.inputShape(Genotype(space.decisions().size(), 0)).height > 64;
        const int samples = space.size() < 200 ? 1 : 200;
        for (int sample = 0; sample < samples; ++sample) {
            const Genotype genotype = space.sample(random);
            const Architecture architecture = space.derive(genotype);
            const Network network(architecture, static_cast<std::uint64_t>(sample));
            QCOMPARE(network.parameterCount(), computeMetrics(architecture).params);
            if (fullSize && sample % 25 != 0) continue;
            const auto shape = network.outputShape(2);
            QCOMPARE(shape, (std::vector<std::int64_t>{2, architecture.output().channels}));
        }
    }

    void skipIsNeverTheFirstBlock() {
        const SearchSpace space = templateSpace("fbnet");
        for (const auto& decision : space.decisions()) {
            if (decision.path.find("block.op") == std::string::npos) continue;
            const bool hasSkip = std::find(decision.options.begin(), decision.options.end(), Json("skip")) != decision.options.end();
            QCOMPARE(hasSkip, decision.block > 0);
        }
        // Every block skipped but the first: one mbconv per stage.
        Genotype genotype(space.decisions().size(), 0);
        for (std::size_t index = 0; index < genotype.size(); ++index)
            if (space.decisions()[index].options.back() == Json("skip")) genotype[index] = int(space.decisions()[index].options.size()) - 1;
        const Architecture skipped = space.derive(genotype), full = space.derive(Genotype(genotype.size(), 0));
        QVERIFY(computeMetrics(skipped).macs < computeMetrics(full).macs);
        QCOMPARE(skipped.output(), full.output());
    }

    void shuffleUnitsKeepShapes() {
        const SearchSpace space = templateSpace("fmnist-shufflenet");
        const Architecture architecture = space.derive(Genotype(space.decisions().size(), 0));
        int shuffles = 0, concats = 0;
        for (const Layer& layer : architecture.layers) {
            shuffles += layer.kind == LayerKind::ChannelShuffle;
            concats += layer.kind == LayerKind::Concat;
        }
        QCOMPARE(shuffles, 3);
        QCOMPARE(concats, 3);
        Json odd = loadSpaceTemplate("fmnist-shufflenet");
        odd["stages"][0]["out"] = 33;
        const auto problems = SearchSpace::check(odd, "odd.json");
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY(problems[0].message.find("even width") != std::string::npos);
    }

    void cellSpacesHaveTheDartsStructure() {
        const SearchSpace space = templateSpace("darts");
        QCOMPARE(space.decisions().size(), std::size_t(2 * 4 * 2 * 2)); // types × nodes × edges × (input, operation)
        // Per cell type: node i's two edges choose among i + 2 inputs and 7 operations each.
        const double perType = std::pow(2.0 * 3 * 4 * 5, 2) * std::pow(7.0, 8);
        QCOMPARE(space.size(), perType * perType);
        std::mt19937_64 random(5);
        const Architecture architecture = space.derive(space.sample(random));
        int concats = 0;
        for (const Layer& layer : architecture.layers) concats += layer.kind == LayerKind::Concat;
        QCOMPARE(concats, 8);
        // Channels double at each of the two reductions: the last cell joins 4 nodes of 64.
        const Layer& pool = architecture.layers[architecture.layers.size() - 2];
        QCOMPARE(pool.input, (Shape{256, 8, 8}));
        QCOMPARE(architecture.output(), (Shape{10, 1, 1}));

        Json bad = loadSpaceTemplate("darts");
        bad["cells"]["reductions"] = Json::array({2, 9});
        QCOMPARE(problems(bad), std::vector<std::string>{"s.json: cells.reductions[1]: 9 is not a cell: there are 8 (0-based)"});
        bad = loadSpaceTemplate("darts");
        bad["cells"]["operations"] = Json::array({"sep_conv_3x3", "none"});
        QCOMPARE(problems(bad).size(), std::size_t(1));
        QVERIFY(problems(bad)[0].rfind("s.json: cells.operations[1]: must be one of", 0) == 0);
        bad = loadSpaceTemplate("fmnist-mbconv");
        bad["cells"] = loadSpaceTemplate("darts")["cells"];
        QCOMPARE(problems(bad), std::vector<std::string>{"s.json: cells: only a cells backbone takes \"cells\"; set \"backbone\": \"cells\""});
    }

    void genotypeKeysRoundTrip() {
        std::mt19937_64 random(1);
        const SearchSpace space = templateSpace("fmnist-mbconv");
        QVERIFY(space.decisions().size() > 10);
        for (int sample = 0; sample < 100; ++sample) {
            const Genotype genotype = space.sample(random);
            QCOMPARE(space.parseKey(space.key(genotype)), genotype);
            QCOMPARE(space.canonical(genotype), genotype);
        }
        QVERIFY_THROWS_EXCEPTION(Error, space.parseKey("1-2"));
        QVERIFY_THROWS_EXCEPTION(Error, space.parseKey(std::string(space.decisions().size() * 2 - 1, '9')));
    }

    void gridEnumeratesEveryArchitectureOnce() {
        Json document = loadSpaceTemplate("fmnist-mbconv");
        document["stages"] = Json::array({document["stages"][0], document["stages"][1]});
        const SearchSpace space = SearchSpace::parse(document, "small.json");
        const auto all = space.enumerate(1000000);
        QCOMPARE(double(all.size()), space.size());
        std::set<std::string> keys;
        for (const auto& genotype : all) keys.insert(space.key(genotype));
        QCOMPARE(keys.size(), all.size());
        QCOMPARE(all.front(), Genotype(space.decisions().size(), 0));
        QVERIFY(all[0] < all[1]); // last decision varies fastest: lexicographic order
        QVERIFY_THROWS_EXCEPTION(Error, templateSpace("fmnist-mbconv").enumerate(1000));
    }

    void mutationChangesExactlyTheRequestedDecisions() {
        std::mt19937_64 random(3);
        const SearchSpace space = templateSpace("fmnist-mbconv");
        for (int count = 1; count <= 3; ++count) {
            for (int trial = 0; trial < 50; ++trial) {
                const Genotype parent = space.sample(random);
                const Genotype child = space.mutate(parent, count, random);
                int changed = 0;
                for (std::size_t index = 0; index < child.size(); ++index)
                    if (space.isActive(child, index) && child[index] != parent[index]) ++changed;
                QCOMPARE(changed, count);
            }
        }
    }

    void samplingIsSeeded() {
        const SearchSpace space = templateSpace("fmnist-mbconv");
        std::mt19937_64 first(11), second(11);
        for (int sample = 0; sample < 20; ++sample) QCOMPARE(space.sample(first), space.sample(second));
    }

    void metricsFollowTheConventions() {
        const SearchSpace space = templateSpace("resnet18");
        const Architecture architecture = space.derive({});
        // Peak activation: at the max pool, its input (64×112×112) and output (64×56×56) are
        // live; the network input is already dead. fp32.
        QCOMPARE(peakActivationBytes(architecture), qint64((64 * 112 * 112 + 64 * 56 * 56) * 4));
        Bitwidths int8;
        int8.weights.assign(architecture.layers.size(), 8);
        int8.activations.assign(architecture.layers.size(), 8);
        const Metrics full = computeMetrics(architecture), quantized = computeMetrics(architecture, int8);
        QCOMPARE(full.storageBytes, full.params * 4);
        QVERIFY(quantized.storageBytes < full.storageBytes / 3);
        QCOMPARE(quantized.bitops, double(full.macs) * 64);
    }

    void badSpacesAreRejectedWithPaths() {
        Json document = loadSpaceTemplate("fmnist-mbconv");
        Json bad = document;
        bad["stages"][2]["block"]["kernel"] = Json::array({3, 4});
        QCOMPARE(problems(bad), std::vector<std::string>{"s.json: stages[2].block.kernel[1]: 4 is not an odd kernel size (1, 3, 5, 7, 9 or 11)"});
        bad = document;
        bad["stages"][0]["block"]["op"] = "mbcnv";
        QCOMPARE(problems(bad), std::vector<std::string>{"s.json: stages[0].block.op: unknown operator \"mbcnv\" (did you mean \"mbconv\"?)"});
        bad = document;
        bad["stages"][1]["out"] = Json::array();
        QCOMPARE(problems(bad), std::vector<std::string>{"s.json: stages[1].out: the list of choices is empty"});
        bad = document;
        bad["input"]["resolution"] = 4;
        bad["head"].insert(bad["head"].begin(), Json{{"op", "maxpool"}, {"kernel", 5}, {"stride", 2}});
        const auto shrink = problems(bad);
        QCOMPARE(shrink.size(), std::size_t(1));
        QVERIFY2(shrink[0].find("too small") != std::string::npos, shrink[0].c_str());
        bad = document;
        bad["stem"][0]["groups"] = 3;
        QCOMPARE(problems(bad).size(), std::size_t(1));
        QVERIFY(problems(bad)[0].find("groups do not divide") != std::string::npos);
        bad = document;
        bad["head"][0]["out"] = Json::array({64, 128});
        QCOMPARE(problems(bad), std::vector<std::string>{"s.json: head[0].out: stem and head layers are fixed: give one value, not a list of choices"});
    }
};

QTEST_GUILESS_MAIN(TestSpace)
#include "test_space.moc"
