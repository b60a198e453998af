// Bring your own device (issue 13), the kit and the import: architectures chosen to cover
// the space, written as ONNX models that pass the ONNX checker, timed by the kit's own
// Node.js runner in real ONNX Runtime (npm onnxruntime-node) as the device here, and the
// results file checked line by line and kept, every import dated.
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/hw/device_kit.h"
#include "core/hw/device_measurements.h"
#include "core/hw/device_profile.h"
#include "core/space/architecture.h"
#include "core/space/space.h"
#include "tests/cluster/cluster_process.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <random>
#include <set>

using namespace edgesmith;

namespace {

const Json kSpace = Json::parse(R"({
  "name": "kit-test", "backbone": "chain", "classes": 10,
  "input": {"channels": 1, "resolution": 16},
  "stem": [{"op": "conv", "out": 8, "kernel": 3}],
  "stages": [
    {"depth": [1, 3], "stride": 1, "out": [8, 16], "block": {"op": ["mbconv", "dsconv"], "kernel": [3, 5], "expansion": [1, 3, 6]}},
    {"depth": [1, 2], "stride": 2, "out": [16, 32], "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [3, 6]}}
  ],
  "head": [{"op": "global_avg_pool"}, {"op": "linear", "out": 10}]
})");

using Process = testing::ProcessResult;

// Node finds onnxruntime-node where the bootstrap installed it.
Process run(const QString& program, const QStringList& arguments, const QString& folder = {}) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("NODE_PATH", EDGESMITH_NODE_MODULES);
    return testing::runProcess(program, arguments, folder.isEmpty() ? QDir::currentPath() : folder, 240000, environment);
}

std::pair<double, double> macsRange(const SearchSpace& space, const std::vector<Genotype>& genotypes) {
    double low = 1e300, high = 0;
    for (const Genotype& genotype : genotypes) {
        const double macs = double(computeMetrics(space.derive(genotype, false)).macs);
        low = std::min(low, macs), high = std::max(high, macs);
    }
    return {low, high};
}

void writeText(const QString& file, const std::string& text) { writeFileAtomically(file.toStdString(), text); }

} // namespace

class TestDeviceKit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The diverse choice reaches the ends of the space that a random sample of the same
    // size misses: the smallest and largest networks, both block operators.
    void diverseChoiceCoversTheSpace() {
        const SearchSpace space = SearchSpace::parse(kSpace, "kit-test.json");
        const auto diverse = chooseKitArchitectures(space, 12, "diverse", 1);
        QCOMPARE(diverse.size(), std::size_t(12));
        std::set<std::string> keys;
        for (const Genotype& genotype : diverse) keys.insert(space.key(genotype));
        QCOMPARE(keys.size(), std::size_t(12));
        const auto [lowest, highest] = macsRange(space, chooseKitArchitectures(space, 3000, "random", 99)); // nearly the whole range
        const auto [low, high] = macsRange(space, diverse);
        double randomSpan = 0; // the mean span of random samples of the same size
        for (std::uint64_t seed = 0; seed < 10; ++seed) {
            const auto [randomLow, randomHigh] = macsRange(space, chooseKitArchitectures(space, 12, "random", seed));
            randomSpan += (std::log(randomHigh) - std::log(randomLow)) / 10;
        }
        const double span = std::log(high) - std::log(low), fullSpan = std::log(highest) - std::log(lowest);
        QVERIFY2(span > randomSpan, qPrintable(QString("diverse %1, random %2").arg(span).arg(randomSpan)));
        QVERIFY2(span > 0.8 * fullSpan, qPrintable(QString("diverse %1 of %2").arg(span).arg(fullSpan)));
        std::set<std::string> operators;
        for (const Genotype& genotype : diverse)
            for (const Layer& layer : space.derive(genotype, false).layers) operators.insert(std::string(layer.op));
        QVERIFY(operators.count("mbconv") && operators.count("dsconv"));
        // Earlier kits are left out of the next one.
        const auto next = chooseKitArchitectures(space, 5, "diverse", 2, diverse);
        for (const Genotype& genotype : next) QVERIFY(!keys.count(space.key(genotype)));
        QVERIFY_THROWS_EXCEPTION(Error, chooseKitArchitectures(space, 3, "clever", 1));
    }

    // The kit end to end on this machine as the device: written, checked by the ONNX
    // checker, timed by its own Node.js runner, imported, kept.
    void kitRunsHereAndImports() {
        QTemporaryDir folder;
        const SearchSpace space = SearchSpace::parse(kSpace, "kit-test.json");
        const auto genotypes = chooseKitArchitectures(space, 4, "diverse", 3);
        const QString kit = folder.filePath("kit");
        const DeviceKitSummary summary = writeDeviceKit(space, kSpace, genotypes, kit.toStdString());
        QCOMPARE(summary.models, 4);
        const Json manifest = readKitManifest(kit.toStdString());
        std::set<std::string> configurations;
        for (const Json& model : manifest["models"])
            for (const Json& configuration : model["layers"]) configurations.insert(configuration.get<std::string>());
        QCOMPARE(std::size_t(summary.layerConfigurations), configurations.size()); // one file per distinct configuration
        for (const char* file : {"models/1.onnx", "layers/1.onnx", "run_onnxruntime.py", "run_onnxruntime.js", "run_perf_test.sh", "README.txt"})
            QVERIFY2(QFile::exists(kit + "/" + file), file);
        for (const QString& file : {kit + "/models/4.onnx", kit + "/layers/" + QString::number(summary.layerConfigurations) + ".onnx"}) {
            const Process checked = run("/usr/bin/python3", {QStringLiteral(EDGESMITH_SOURCE_TREE "/tests/export/check_onnx.py"), file});
            QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
        }
        const Process syntax = run("/usr/bin/python3", {"-m", "py_compile", kit + "/run_onnxruntime.py"});
        QVERIFY2(syntax.exitCode == 0, qPrintable(syntax.err));
        QCOMPARE(run("sh", {"-n", kit + "/run_perf_test.sh"}).exitCode, 0);

        const Process timed = run("node", {kit + "/run_onnxruntime.js", "--runs", "9", "--warmup", "2", "--layers", "--device", "test host, \"quoted\""});
        QVERIFY2(timed.exitCode == 0, qPrintable(timed.err));
        const auto rows = readDeviceResults((kit + "/results.csv").toStdString(), space, &manifest);
        QCOMPARE(rows.size(), std::size_t(4 + summary.layerConfigurations));
        for (const DeviceMeasurement& row : rows) {
            QVERIFY(row.medianMs > 0 && row.p10Ms <= row.medianMs && row.medianMs <= row.p90Ms);
            QCOMPARE(row.runs, 9);
            QCOMPARE(row.threads, 1);
            QVERIFY2(row.device.find("test host, \"quoted\" | onnxruntime-node") == 0, row.device.c_str()); // quoted CSV field read back whole
        }
        QCOMPARE(rows.front().key, space.key(genotypes.front()));

        const std::filesystem::path project = folder.filePath("p.edgesmith.json").toStdString();
        std::vector<DeviceMeasurement> again = rows;
        again.front().medianMs *= 2; // measured again, slower
        const auto first = storeDeviceMeasurements(project, "phone-cpu", rows, "results.csv", "space-a");
        const auto second = storeDeviceMeasurements(project, "phone-cpu", again, "again.csv", "space-a"); // within the same millisecond, most likely
        storeDeviceMeasurements(project, "phone-cpu", rows, "other.csv", "space-b");
        QVERIFY(first != second);
        const auto imports = loadDeviceMeasurements(project, "phone-cpu");
        QCOMPARE(imports.size(), std::size_t(3)); // every import kept, in the order they came
        QCOMPARE(imports[0].source, std::string("results.csv"));
        QCOMPARE(imports[1].source, std::string("again.csv"));
        const LatestMeasurements latest = latestMeasurements(imports, "space-a");
        QCOMPARE(latest.networks.at(rows.front().key).medianMs, again.front().medianMs); // the later measurement counts
        QCOMPARE(latest.otherSpaces, 1);
        QCOMPARE(latest.networks.size() + latest.layers.size(), rows.size());
        // The fitted model lives with the measurements, never where profiles are listed.
        QVERIFY(deviceLatencyModelFile(project, "phone-cpu").parent_path() == deviceMeasurementDirectory(project, "phone-cpu"));
        for (const std::string& name : deviceProfileNames(project)) QVERIFY2(name.find("phone-cpu.") == std::string::npos, name.c_str());
        QCOMPARE(imports[0].rows.size(), rows.size());
        QCOMPARE(imports[0].rows[0].medianMs, rows[0].medianMs);
        QVERIFY(loadDeviceMeasurements(project, "raspberry-pi-4").empty());
    }

    // A bad results file is refused with every problem and its line; nothing is kept.
    void badResultsAreNamedByLine() {
        QTemporaryDir folder;
        const SearchSpace space = SearchSpace::parse(kSpace, "kit-test.json");
        std::mt19937_64 random(5);
        const std::string good = space.key(space.canonical(space.sample(random)));
        const QString csv = folder.filePath("results.csv");
        writeText(csv, "genotype,median_ms,p10_ms,p90_ms\n" + good + ",1.5,1.4,1.7\n9-9-9,1.0,0.9,1.1\n" + good + ",2,1,3\n");
        try {
            readDeviceResults(csv.toStdString(), space);
            QFAIL("accepted a bad file");
        } catch (const Error& error) {
            QCOMPARE(error.file(), csv.toStdString());
            const std::string message = error.message();
            QVERIFY2(message.find("line 3: genotype \"9-9-9\" is not of this space") != std::string::npos, message.c_str());
            QVERIFY2(message.find("line 4: model " + good + " appears twice") != std::string::npos, message.c_str());
            QVERIFY2(message.find("nothing imported") != std::string::npos, message.c_str());
        }
        writeText(csv, "genotype,median_ms\n" + good + ",-3\n");
        QVERIFY_THROWS_EXCEPTION(Error, readDeviceResults(csv.toStdString(), space));
        // Windows line ends, a byte-order mark and a trailing blank line are fine.
        writeText(csv, "\xef\xbb\xbfgenotype,median_ms,runs\r\n" + good + ",1.5,60\r\n\r\n");
        QCOMPARE(readDeviceResults(csv.toStdString(), space).size(), std::size_t(1));
        writeText(csv, "genotype,median_ms,runs\n" + good + ",1.5,6x\n");
        QVERIFY_THROWS_EXCEPTION(Error, readDeviceResults(csv.toStdString(), space));
        writeText(csv, "genotype,median_ms,p10_ms,p90_ms\n" + good + ",fast,1,2\n");
        try {
            readDeviceResults(csv.toStdString(), space);
            QFAIL("accepted a time that is not a number");
        } catch (const Error& error) {
            QVERIFY2(error.message().find("line 2: median_ms \"fast\" is not a number") != std::string::npos, error.message().c_str());
        }
        writeText(csv, "genotype,median_ms\n" + good + ",7200000\n");
        try {
            readDeviceResults(csv.toStdString(), space);
            QFAIL("accepted two hours");
        } catch (const Error& error) {
            QVERIFY2(error.message().find("over an hour") != std::string::npos, error.message().c_str());
        }
        writeText(csv, "genotype,latency\n" + good + ",1\n");
        try {
            readDeviceResults(csv.toStdString(), space);
            QFAIL("accepted a file without median_ms");
        } catch (const Error& error) {
            QCOMPARE(error.path(), std::string("line 1"));
            QVERIFY2(error.message().find("no median_ms column") != std::string::npos, error.message().c_str());
        }
        // Not in the kit it claims to come from.
        const Json manifest = {{"format", "edgesmith-device-kit"}, {"models", Json::array({{{"genotype", "0-0-0"}}})}};
        writeText(csv, "genotype,median_ms\n" + good + ",1\n");
        try {
            readDeviceResults(csv.toStdString(), space, &manifest);
            QFAIL("accepted a genotype that is not in the kit");
        } catch (const Error& error) {
            QVERIFY2(error.message().find("is not in the kit") != std::string::npos, error.message().c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestDeviceKit)
#include "test_device_kit.moc"
