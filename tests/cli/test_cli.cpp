#include "core/common/atomic_file.h"
#include "core/common/json.h"
#include "core/store/store.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>
#include <set>
#include <thread>

namespace {

struct Result {
    int exitCode;
    QString out;
    QString err;
};

Result runCli(const QStringList& arguments, const QString& workingDirectory = QStringLiteral(EDGESMITH_TEST_DATA "/projects")) {
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(EDGESMITH_CLI), arguments);
    if (!process.waitForFinished(120000)) return {-1, {}, QStringLiteral("timed out")};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// A project searching a tiny MBConv chain on 240 synthetic images (4 classes), random
// strategy, accuracy against MACs, its store at runs.db; `estimator` as given.
edgesmith::Json tinyProject(const std::string& name, const edgesmith::Json& estimator) {
    return {{"format_version", 1},
            {"name", name},
            {"dataset", {{"kind", "synthetic"}, {"classes", 4}, {"samples", 240}, {"validation_fraction", 0.25}}},
            {"space", {{"inline", edgesmith::Json::parse(R"({"name": "tiny", "backbone": "chain", "classes": 4,
                "input": {"channels": 1, "resolution": 28},
                "stem": [{"op": "conv", "out": 8, "stride": 2}],
                "stages": [{"depth": [1, 2], "stride": 2, "out": [8, 16], "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [1, 3]}}],
                "head": [{"op": "global_avg_pool"}, {"op": "linear", "out": 4}]})")}}},
            {"objectives", {{{"metric", "accuracy"}}, {{"metric", "macs"}}}},
            {"strategy", {{"name", "random"}, {"params", {{"seed", 3}}}}},
            {"estimator", estimator},
            {"database", "runs.db"}};
}

// The minimal project copied into `folder` as p.edgesmith.json and searched once: run 1 of
// p.edgesmith.db, with evaluated candidates and no kept models.
Result searchedProject(const QTemporaryDir& folder) {
    if (!QFile::copy(QStringLiteral(EDGESMITH_TEST_DATA "/projects/good/minimal.edgesmith.json"), folder.filePath("p.edgesmith.json")))
        return {-1, {}, QStringLiteral("cannot copy the minimal project")};
    return runCli({"search", "p.edgesmith.json", "--budget", "1"}, folder.path());
}

// The ONNX checker's verdict and the model's summary (tests/export/check_onnx.py).
Result checkOnnx(const QString& file) {
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(EDGESMITH_SOURCE_TREE "/tests/export/check_onnx.py"), file});
    if (!process.waitForFinished(60000)) return {-1, {}, QStringLiteral("timed out")};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

int countNodes(const edgesmith::Json& summary, const std::string& op) {
    int count = 0;
    for (const auto& node : summary["nodes"]) count += node["op"].get<std::string>() == op;
    return count;
}

// Every file under `folder` (hidden ones and subfolders included), relative to it.
QStringList filesUnder(const QString& folder) {
    QStringList files;
    QDirIterator entries(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (entries.hasNext()) files << QDir(folder).relativeFilePath(entries.next());
    return files;
}

QString readText(const QString& file) { return QString::fromStdString(edgesmith::readFile(file.toStdString())); }

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A real search (training on a small synthetic dataset, measured latency) killed with
    // SIGKILL mid-run, then resumed: every committed candidate comes back, nothing is
    // evaluated twice, and the run ends with exactly its budget.
    void searchKilledMidRunResumes() {
        QTemporaryDir folder;
        const std::string dir = folder.path().toStdString();
        edgesmith::Json project = tinyProject("kill test", {{"name", "proxy-training"}, {"params", {{"epochs", 2}, {"batch_size", 16}, {"subset", 1.0}}}});
        project["objectives"] = {{{"metric", "accuracy"}}, {{"metric", "latency_ms"}}};
        project["hardware"] = {{"latency_runs", 5}};
        edgesmith::writeFileAtomically(dir + "/kill.edgesmith.json", project.dump(2));

        QProcess search;
        search.setWorkingDirectory(folder.path());
        search.start(QStringLiteral(EDGESMITH_CLI), {"search", "kill.edgesmith.json", "--budget", "8", "--workers", "2"});
        QString seen;
        while (!seen.contains("[3/8]") && search.waitForReadyRead(60000)) seen += QString::fromUtf8(search.readAllStandardOutput());
        QVERIFY2(seen.contains("[3/8]"), qPrintable(seen));
        search.kill(); // SIGKILL: no chance to tidy up
        search.waitForFinished();

        const Result stopped = runCli({"show", "1", "--db", "runs.db", "--json"}, folder.path());
        QCOMPARE(stopped.exitCode, 0);
        const auto before = edgesmith::Json::parse(stopped.out.toStdString());
        QCOMPARE(before["status"].get<std::string>(), std::string("running")); // killed, never marked
        const auto committed = before["candidates"].size();
        QVERIFY(committed >= 3 && committed < 8);

        const Result resumed = runCli({"search", "--resume", "1", "--db", "runs.db"}, folder.path());
        QCOMPARE(resumed.exitCode, 0);
        QVERIFY2(resumed.out.contains("run 1 finished: budget of 8 evaluations reached"), qPrintable(resumed.out));

        const auto after = edgesmith::Json::parse(runCli({"show", "1", "--db", "runs.db", "--json"}, folder.path()).out.toStdString());
        QCOMPARE(after["status"].get<std::string>(), std::string("finished"));
        QCOMPARE(after["candidates"].size(), std::size_t(8));
        std::set<std::string> keys;
        for (std::size_t index = 0; index < 8; ++index) {
            const auto& candidate = after["candidates"][index];
            QCOMPARE(candidate["number"].get<int>(), int(index + 1));
            keys.insert(candidate["genotype"].get<std::string>());
            if (index < committed) QCOMPARE(candidate, before["candidates"][index]); // committed ones untouched
            QVERIFY(candidate["metrics"].contains("accuracy") && candidate["metrics"].contains("latency_ms"));
        }
        QCOMPARE(keys.size(), std::size_t(8));

        const Result runs = runCli({"runs", "--db", "runs.db"}, folder.path());
        QCOMPARE(runs.exitCode, 0);
        QVERIFY(runs.out.contains("kill test"));
        QVERIFY(runs.out.contains("finished"));
        const Result front = runCli({"show", "1", "kill.edgesmith.json", "--pareto"}, folder.path());
        QCOMPARE(front.exitCode, 0);
        QVERIFY(front.out.contains("Pareto front ("));
        QVERIFY(front.out.contains("hypervolume"));
    }

    // Few-shot: one copy of the trained supernet per option of the split decision, each
    // candidate scored by its own option's copy; the copies are kept and reused like the
    // shared supernet, and a split that names no single decision is refused by name.
    void fewShotSupernetScoresEachCandidateWithItsOptionsCopy() {
        QTemporaryDir folder;
        const std::string dir = folder.path().toStdString();
        edgesmith::Json project = tinyProject("few-shot test", {{"name", "supernet"},
                                                                {"params", {{"epochs", 2}, {"batch_size", 16}, {"sampling", "fair"}, {"learning_rate", 0.01},
                                                                            {"split", "stages[0].out"}, {"split_epochs", 1}}}});
        edgesmith::writeFileAtomically(dir + "/f.edgesmith.json", project.dump(2));
        const Result first = runCli({"search", "f.edgesmith.json", "--budget", "6"}, folder.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        QVERIFY2(first.out.contains("supernet: training few-shot copy 1/2 (stages[0].out pinned to 8), 1 epoch"), qPrintable(first.out));
        QVERIFY2(first.out.contains("supernet: training few-shot copy 2/2 (stages[0].out pinned to 16)"), qPrintable(first.out));
        QCOMPARE(QDir(folder.path()).entryList({"f.edgesmith.supernet-*-split-*.pt"}).size(), 2);
        QCOMPARE(QDir(folder.path()).entryList({"f.edgesmith.supernet-*.pt"}).size(), 3);

        const auto run = edgesmith::Json::parse(runCli({"show", "1", "--db", "runs.db", "--json", "--details"}, folder.path()).out.toStdString());
        QCOMPARE(run["candidates"].size(), std::size_t(6));
        std::set<int> copies;
        for (const auto& candidate : run["candidates"]) {
            QCOMPARE(candidate["status"].get<std::string>(), std::string("evaluated"));
            const auto& split = candidate["details"]["supernet"]["split"];
            // The genotype's stage width (decision 1 of the tiny space) picks the copy.
            const std::string genotype = candidate["genotype"].get<std::string>();
            QCOMPARE(split["copy"].get<int>(), genotype.at(2) - '0');
            copies.insert(split["copy"].get<int>());
            QVERIFY(QString::fromStdString(split["file"].get<std::string>()).contains("-split-"));
            QVERIFY(QString::fromStdString(candidate["details"]["proxy"].get<std::string>()).contains("few-shot: a copy per option of stages[0].out"));
        }
        QCOMPARE(copies.size(), std::size_t(2));

        const Result second = runCli({"search", "f.edgesmith.json", "--budget", "2"}, folder.path());
        QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
        QCOMPARE(second.out.count("supernet: reusing"), 3);
        QVERIFY(!second.out.contains("supernet: training"));

        // The copies score, not the shared supernet: the same candidates scored one-shot by
        // the shared supernet (reused, the split left out of its key) get other validation
        // losses (the accuracies of this easy synthetic set saturate).
        project["estimator"]["params"].erase("split");
        edgesmith::writeFileAtomically(dir + "/f.edgesmith.json", project.dump(2));
        const Result shared = runCli({"search", "f.edgesmith.json", "--budget", "6"}, folder.path());
        QVERIFY2(shared.exitCode == 0 && shared.out.contains("supernet: reusing") && !shared.out.contains("supernet: training"),
                 qPrintable(shared.out + shared.err));
        const auto oneShot =
            edgesmith::Json::parse(runCli({"show", "3", "--db", "runs.db", "--json", "--details"}, folder.path()).out.toStdString());
        std::map<std::string, double> fewShotLoss;
        for (const auto& candidate : run["candidates"]) fewShotLoss[candidate["genotype"]] = candidate["details"]["evaluation"]["loss"].get<double>();
        int common = 0, differing = 0;
        for (const auto& candidate : oneShot["candidates"]) {
            const auto found = fewShotLoss.find(candidate["genotype"].get<std::string>());
            if (found == fewShotLoss.end()) continue;
            ++common;
            QVERIFY(!candidate["details"]["supernet"].contains("split"));
            differing += found->second != candidate["details"]["evaluation"]["loss"].get<double>();
        }
        QVERIFY(common >= 3);
        QVERIFY(differing >= 1);

        project["estimator"]["params"]["split"] = "stages[0].block.kernel";
        edgesmith::writeFileAtomically(dir + "/f.edgesmith.json", project.dump(2));
        const Result refused = runCli({"search", "f.edgesmith.json", "--budget", "1"}, folder.path());
        QCOMPARE(refused.exitCode, 2); // refused by the project check, before any training
        QVERIFY2(refused.err.contains("f.edgesmith.json") && refused.err.contains("estimator.params.split") && refused.err.contains("2 decisions"),
                 qPrintable(refused.err));
    }

    // The supernet estimator: trained once on the first candidate, every candidate then
    // scored with inherited weights; a second run of the same project reuses the kept
    // supernet instead of training it again, and a changed setting trains a new one.
    void supernetSearchTrainsOnceAndReuses() {
        QTemporaryDir folder;
        const std::string dir = folder.path().toStdString();
        edgesmith::Json project =
            tinyProject("supernet test", {{"name", "supernet"}, {"params", {{"epochs", 3}, {"batch_size", 16}, {"sampling", "sandwich"}, {"learning_rate", 0.01}}}});
        edgesmith::writeFileAtomically(dir + "/s.edgesmith.json", project.dump(2));
        const Result first = runCli({"search", "s.edgesmith.json", "--budget", "6", "--workers", "2"}, folder.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        QVERIFY2(first.out.contains("supernet: training"), qPrintable(first.out));
        QVERIFY(!first.out.contains("supernet: reusing"));
        // Both workers wait for the supernet, so it trains on both workers' threads.
        const int perWorker = std::max(1, int(std::thread::hardware_concurrency()) / 2);
        QVERIFY2(first.out.contains(QString(", on %1 threads").arg(2 * perWorker)), qPrintable(first.out));
        const QStringList kept = QDir(folder.path()).entryList({"s.edgesmith.supernet-*.pt"});
        QCOMPARE(kept.size(), 1);

        const auto run = edgesmith::Json::parse(runCli({"show", "1", "--db", "runs.db", "--json"}, folder.path()).out.toStdString());
        QCOMPARE(run["candidates"].size(), std::size_t(6));
        std::set<double> accuracies;
        for (const auto& candidate : run["candidates"]) {
            QCOMPARE(candidate["status"].get<std::string>(), std::string("evaluated"));
            const double accuracy = candidate["metrics"]["accuracy"].get<double>();
            QVERIFY(accuracy >= 0 && accuracy <= 100);
            accuracies.insert(accuracy);
        }
        QVERIFY(*accuracies.rbegin() > 25); // learnt something: 4 classes, chance is 25 %

        const Result second = runCli({"search", "s.edgesmith.json", "--budget", "2"}, folder.path());
        QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
        QVERIFY2(second.out.contains("supernet: reusing"), qPrintable(second.out));
        QVERIFY(!second.out.contains("supernet: training"));

        project["estimator"]["params"]["epochs"] = 2;
        project["estimator"]["params"]["finetune_epochs"] = 1; // not part of the kept supernet's settings
        edgesmith::writeFileAtomically(dir + "/s.edgesmith.json", project.dump(2));
        const Result changed = runCli({"search", "s.edgesmith.json", "--budget", "1"}, folder.path());
        QVERIFY2(changed.out.contains("supernet: training"), qPrintable(changed.out));
        const auto tuned = edgesmith::Json::parse(runCli({"show", "3", "--db", "runs.db", "--json"}, folder.path()).out.toStdString());
        QCOMPARE(tuned["candidates"].size(), std::size_t(1));
        QCOMPARE(tuned["candidates"][0]["status"].get<std::string>(), std::string("evaluated"));
        QCOMPARE(QDir(folder.path()).entryList({"s.edgesmith.supernet-*.pt"}).size(), 2);

        // Scored on the images the supernet never saw: the 60 validation images and the 90
        // of the 180 training images outside its half; the provenance says so.
        project["estimator"]["params"]["finetune_epochs"] = 0;
        project["estimator"]["params"]["subset"] = 0.5;
        project["estimator"]["params"]["score_on"] = "unseen";
        edgesmith::writeFileAtomically(dir + "/s.edgesmith.json", project.dump(2));
        const Result unseen = runCli({"search", "s.edgesmith.json", "--budget", "2"}, folder.path());
        QVERIFY2(unseen.exitCode == 0, qPrintable(unseen.out + unseen.err));
        const auto scored = edgesmith::Json::parse(runCli({"show", "4", "--db", "runs.db", "--json", "--details"}, folder.path()).out.toStdString());
        QCOMPARE(scored["candidates"].size(), std::size_t(2));
        for (const auto& candidate : scored["candidates"]) {
            QCOMPARE(candidate["status"].get<std::string>(), std::string("evaluated"));
            QCOMPARE(candidate["details"]["supernet"]["scoring_images"].get<int>(), 150);
            int counted = 0; // the confusion matrix counts every image scored
            for (const auto& row : candidate["details"]["evaluation"]["confusion"])
                for (const auto& cell : row) counted += cell.get<int>();
            QCOMPARE(counted, 150);
            const std::string proxy = candidate["details"]["proxy"].get<std::string>();
            QVERIFY2(proxy.find("scored on 150 images (60 validation, 90 unseen training)") != std::string::npos, proxy.c_str());
        }
        // Where subnets are scored is not part of the kept supernet: the same one serves.
        project["estimator"]["params"]["score_on"] = "validation";
        edgesmith::writeFileAtomically(dir + "/s.edgesmith.json", project.dump(2));
        const Result validated = runCli({"search", "s.edgesmith.json", "--budget", "1"}, folder.path());
        QVERIFY2(validated.out.contains("supernet: reusing"), qPrintable(validated.out));
        QCOMPARE(QDir(folder.path()).entryList({"s.edgesmith.supernet-*.pt"}).size(), 3);

        // Predictors learn from those runs: their held-out fit, then a search that asks one.
        const Result none = runCli({"predict", "s.edgesmith.json"}, folder.path());
        QCOMPARE(none.exitCode, 2); // no training runs in this database
        QVERIFY2(none.err.contains("runs.db") && none.err.contains("training runs"), qPrintable(none.err));
        const Result fit = runCli({"predict", "s.edgesmith.json", "--source", "supernet", "--json"}, folder.path());
        QVERIFY2(fit.exitCode == 0, qPrintable(fit.err));
        const auto report = edgesmith::Json::parse(fit.out.toStdString());
        QVERIFY(report["candidates"].get<int>() >= 6);
        QCOMPARE(report["predictors"].size(), std::size_t(2));
        for (const auto& predictor : report["predictors"]) QVERIFY(predictor["rmse"].get<double>() >= 0);

        project["estimator"] = {{"name", "predictor"}, {"params", {{"source", "supernet"}, {"min_candidates", 4}, {"kind", "mlp"}}}};
        edgesmith::writeFileAtomically(dir + "/s.edgesmith.json", project.dump(2));
        const Result predicted = runCli({"search", "s.edgesmith.json", "--budget", "3"}, folder.path());
        QVERIFY2(predicted.exitCode == 0, qPrintable(predicted.out + predicted.err));
        const QStringList lines = runCli({"runs", "--db", "runs.db", "--json"}, folder.path()).out.split('\n', Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        const int newest = edgesmith::Json::parse(lines.back().toStdString())["run"].get<int>();
        QCOMPARE(newest, 6);
        const auto predictedRun = edgesmith::Json::parse(runCli({"show", QString::number(newest), "--db", "runs.db", "--json"}, folder.path()).out.toStdString());
        QCOMPARE(predictedRun["candidates"].size(), std::size_t(3));
        for (const auto& candidate : predictedRun["candidates"]) QCOMPARE(candidate["status"].get<std::string>(), std::string("evaluated"));

        // Differentiable search on the same space: α history per epoch, the derived
        // architecture recorded as a candidate with it.
        const Result searched = runCli({"differentiable", "s.edgesmith.json", "--epochs", "2", "--record", "--json", "--threads", "2"}, folder.path());
        QVERIFY2(searched.exitCode == 0, qPrintable(searched.err));
        const auto result = edgesmith::Json::parse(searched.out.toStdString());
        QCOMPARE(result["run"].get<int>(), 7);
        QCOMPARE(result["expected_cost"].size(), std::size_t(2));
        QVERIFY(!result["decisions"].empty());
        for (const auto& decision : result["decisions"]) QCOMPARE(decision["probabilities"].size(), std::size_t(2));
        const auto recorded = edgesmith::Json::parse(runCli({"show", "7", "--db", "runs.db", "--json"}, folder.path()).out.toStdString());
        QCOMPARE(recorded["candidates"].size(), std::size_t(1));
        QCOMPARE(recorded["candidates"][0]["genotype"].get<std::string>(), result["derived"].get<std::string>());
        QVERIFY(recorded["candidates"][0]["metrics"].contains("accuracy"));
        const Result badCost = runCli({"differentiable", "s.edgesmith.json", "--cost", "joules"}, folder.path());
        QCOMPARE(badCost.exitCode, 2);
        QVERIFY(badCost.err.contains("joules"));
    }

    void badDatabasesAreClearErrors() {
        QTemporaryDir folder;
        edgesmith::writeFileAtomically(folder.path().toStdString() + "/notes.db", std::string("not a database\n"));
        const Result text = runCli({"runs", "--db", "notes.db"}, folder.path());
        QCOMPARE(text.exitCode, 2);
        QVERIFY2(text.err.startsWith("edgesmith-cli runs: ") && text.err.contains("notes.db"), qPrintable(text.err));
        QCOMPARE(QString::fromStdString(edgesmith::readFile(folder.path().toStdString() + "/notes.db")), QString("not a database\n"));
        const Result missing = runCli({"show", "1", "--db", "absent.db"}, folder.path());
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("absent.db"));
        QVERIFY(!QFile::exists(folder.path() + "/absent.db"));
        QCOMPARE(runCli({"search"}, folder.path()).exitCode, 2);
        QCOMPARE(runCli({"search", "--resume", "x", "--db", "notes.db"}, folder.path()).exitCode, 2);
    }

    void versionAndHelp() {
        const Result version = runCli({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("edgesmith-cli 0."));
        QVERIFY(version.out.contains("LibTorch"));

        const Result help = runCli({"--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("validate"));
        QVERIFY(help.out.contains("Exit codes: 0 ok, 1 failed, 2 bad input"));

        const Result verbHelp = runCli({"help", "validate"});
        QCOMPARE(verbHelp.exitCode, 0);
        QVERIFY(verbHelp.out.startsWith("Usage: edgesmith-cli validate PROJECT... [--json]"));
        QCOMPARE(runCli({"validate", "--help"}).out, verbHelp.out);
    }

    void noArgumentsIsBadInput() {
        const Result result = runCli({});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("Usage: edgesmith-cli VERB"));
    }

    void unknownVerbsAndOptionsAreBadInput() {
        const Result verb = runCli({"valdate", "x"});
        QCOMPARE(verb.exitCode, 2);
        QCOMPARE(verb.err.trimmed(), QStringLiteral("edgesmith-cli: unknown verb 'valdate' (did you mean 'validate'?); run 'edgesmith-cli --help' for the list"));
        QCOMPARE(runCli({"help", "nothing"}).exitCode, 2);
        const Result option = runCli({"validate", "--jsn", "good/minimal.edgesmith.json"});
        QCOMPARE(option.exitCode, 2);
        QVERIFY(option.err.startsWith("edgesmith-cli validate: unknown option --jsn (did you mean --json?)"));
        QCOMPARE(runCli({"validate"}).exitCode, 2);
    }

    void validateAcceptsShippedProjects() {
        const QString projects = QStringLiteral(EDGESMITH_SOURCE_TREE "/projects");
        const Result result = runCli({"validate", "default.edgesmith.json", "mcu-budget.edgesmith.json", "cost-evolution.edgesmith.json"}, projects);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.err.isEmpty());
        QCOMPARE(result.out.count("valid ("), 3);
    }

    void validateRejectsWithExactLines() {
        const Result result = runCli({"validate", "bad/out-of-range.edgesmith.json"});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        const QStringList lines = result.err.split('\n', Qt::SkipEmptyParts);
        QVERIFY(lines.contains("bad/out-of-range.edgesmith.json: strategy.params.population: must be ≥ 2, got 0"));
        QCOMPARE(lines.last(), QStringLiteral("bad/out-of-range.edgesmith.json: 9 problems; nothing was changed"));
    }

    void validateReportsMissingFiles() {
        const Result result = runCli({"validate", "good/minimal.edgesmith.json", "nowhere.edgesmith.json"});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.contains("good/minimal.edgesmith.json: valid"));
        QVERIFY(result.err.startsWith("nowhere.edgesmith.json: cannot open: No such file or directory"));
    }

    void validateJsonIsMachineReadable() {
        const Result result = runCli({"validate", "--json", "good/minimal.edgesmith.json", "bad/unknown-keys.edgesmith.json"});
        QCOMPARE(result.exitCode, 2);
        const QStringList lines = result.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        const auto good = edgesmith::Json::parse(lines[0].toStdString());
        const auto bad = edgesmith::Json::parse(lines[1].toStdString());
        QVERIFY(good["valid"].get<bool>());
        QVERIFY(!bad["valid"].get<bool>());
        QCOMPARE(bad["diagnostics"].size(), std::size_t(5));
        QCOMPARE(bad["diagnostics"][0]["path"].get<std::string>(), std::string("dataset.vaildation_fraction"));
    }

    void validateChangesNothing() {
        QTemporaryDir folder;
        const QString file = folder.filePath("p.edgesmith.json");
        const std::string text = edgesmith::readFile(EDGESMITH_TEST_DATA "/projects/bad/inconsistent.edgesmith.json");
        edgesmith::writeFileAtomically(file.toStdString(), text);
        QCOMPARE(runCli({"validate", file}).exitCode, 2);
        QCOMPARE(edgesmith::readFile(file.toStdString()), text);
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void metricsOfAFixedTemplateAreExact() {
        const Result result = runCli({"metrics", "good/mobilenetv2.edgesmith.json", "--json"});
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = result.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        const auto line = edgesmith::Json::parse(lines[0].toStdString());
        QCOMPARE(line["params"].get<long long>(), 3504872LL);
        QCOMPARE(line["macs"].get<long long>(), 300774272LL);
        QCOMPARE(line["flops"].get<long long>(), 601548544LL);
        for (const char* key : {"genotype", "peak_activation_bytes", "storage_bytes"}) QVERIFY(line.contains(key));
    }

    void metricsSampleIsSeededAndGenotypesRoundTrip() {
        const QString project = QStringLiteral(EDGESMITH_SOURCE_TREE "/projects/default.edgesmith.json");
        const Result first = runCli({"metrics", project, "--sample", "3", "--seed", "4", "--json"});
        const Result second = runCli({"metrics", project, "--sample", "3", "--seed", "4", "--json"});
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(first.out, second.out);
        const auto line = edgesmith::Json::parse(first.out.split('\n').first().toStdString());
        const QString genotype = QString::fromStdString(line["genotype"].get<std::string>());
        const Result one = runCli({"metrics", project, "--genotype", genotype, "--json", "--layers"});
        QCOMPARE(one.exitCode, 0);
        const auto again = edgesmith::Json::parse(one.out.toStdString());
        QCOMPARE(again["macs"], line["macs"]);
        QVERIFY(again["layers"].size() > 10);
    }

    void metricsRejectsBadRequests() {
        const QString project = QStringLiteral(EDGESMITH_SOURCE_TREE "/projects/default.edgesmith.json");
        const Result all = runCli({"metrics", project, "--all"});
        QCOMPARE(all.exitCode, 2);
        QVERIFY(all.err.contains("--all is limited to 100000 (use --sample N)"));
        const Result genotype = runCli({"metrics", project, "--genotype", "1-2-3"});
        QCOMPARE(genotype.exitCode, 2);
        QVERIFY(genotype.err.contains("genotype \"1-2-3\""));
        QCOMPARE(runCli({"metrics", project, "--sample", "0"}).exitCode, 2);
        QCOMPARE(runCli({"metrics", "bad/out-of-range.edgesmith.json"}).exitCode, 2);
    }

    void trainAndLatencyOfOneArchitecture() {
        const QString genotype = QString::fromStdString(edgesmith::Json::parse(
            runCli({"metrics", "good/minimal.edgesmith.json", "--sample", "1", "--json"}).out.toStdString())["genotype"].get<std::string>());
        const Result trained = runCli({"train", "good/minimal.edgesmith.json", "--genotype", genotype, "--epochs", "1", "--json"});
        QCOMPARE(trained.exitCode, 0);
        const auto result = edgesmith::Json::parse(trained.out.toStdString());
        QCOMPARE(result["history"].size(), std::size_t(1));
        QVERIFY(result["test"]["top1"].get<double>() >= 0.0);
        QCOMPARE(result["test"]["confusion"].size(), std::size_t(10));
        QVERIFY(result["proxy"].get<std::string>().find("1 epoch") == 0);

        const Result timed = runCli({"latency", "good/minimal.edgesmith.json", "--genotype", genotype, "--runs", "5", "--json"});
        QCOMPARE(timed.exitCode, 0);
        const auto latency = edgesmith::Json::parse(timed.out.toStdString());
        QVERIFY(latency["median_ms"].get<double>() > 0);
        QCOMPARE(latency["runs"].get<int>(), 5);

        QCOMPARE(runCli({"train", "good/minimal.edgesmith.json"}).exitCode, 2);
        QCOMPARE(runCli({"latency", "good/minimal.edgesmith.json", "--genotype", "9-9"}).exitCode, 2);
        QCOMPARE(runCli({"train", "good/minimal.edgesmith.json", "--genotype", genotype, "--subset", "2"}).exitCode, 2);
    }

    // train --save, then compress --weights: the quantized network is measured against the
    // same weights in float; bad requests are exit 2, unreadable weights name the file.
    void compressQuantizesSavedWeights() {
        QTemporaryDir folder;
        const QString genotype = QString::fromStdString(edgesmith::Json::parse(
            runCli({"metrics", "good/minimal.edgesmith.json", "--sample", "1", "--json"}).out.toStdString())["genotype"].get<std::string>());
        const QString weights = folder.filePath("trained.pt");
        QCOMPARE(runCli({"train", "good/minimal.edgesmith.json", "--genotype", genotype, "--epochs", "1", "--save", weights}).exitCode, 0);
        QVERIFY(QFileInfo(weights).size() > 0);
        const Result compressed = runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--weights", weights,
                                          "--bits", "8", "--calibration", "percentile", "--json"});
        QCOMPARE(compressed.exitCode, 0);
        const auto result = edgesmith::Json::parse(compressed.out.toStdString());
        QCOMPARE(result["weight_bits"].get<int>(), 8);
        QCOMPARE(result["calibration"].get<std::string>(), std::string("percentile"));
        QVERIFY(result["quantized"]["storage_bytes"].get<double>() < result["float"]["storage_bytes"].get<double>());
        QVERIFY(!result["layers"].empty());
        QVERIFY(std::abs(result["quantized"]["test"]["top1"].get<double>() - result["float"]["test"]["top1"].get<double>()) < 5.0);
        const Result text = runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--weights", weights, "--bits", "4/8"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("W4/A8") && text.out.contains("smaller"), qPrintable(text.out));

        const Result ranks = runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--weights", weights, "--method", "low-rank",
                                     "--finetune", "0", "--json"});
        QCOMPARE(ranks.exitCode, 0);
        const auto factorised = edgesmith::Json::parse(ranks.out.toStdString());
        QVERIFY(factorised["after"]["params"].get<double>() <= factorised["before"]["params"].get<double>());
        for (const auto& layer : factorised["layers"]) QVERIFY(layer["factorised_params"].get<double>() <= layer["params"].get<double>());
        // Ranks searched under 90 % of the MACs instead of EVBMF's.
        const double rankBudget = 0.9 * factorised["before"]["macs"].get<double>();
        const Result searchedRanks = runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--weights", weights, "--method", "low-rank",
                                             "--budget-macs", QString::number(static_cast<long long>(rankBudget)), "--evaluations", "3", "--finetune", "0", "--json"});
        QVERIFY2(searchedRanks.exitCode == 0, qPrintable(searchedRanks.err));
        QVERIFY(edgesmith::Json::parse(searchedRanks.out.toStdString())["after"]["macs"].get<double>() <= rankBudget);

        // Mixed precision under the storage of uniform 4-bit weights: the chosen policy keeps it.
        const Result mixed = runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--weights", weights, "--method", "mixed",
                                     "--strategy", "annealing", "--evaluations", "4", "--json"});
        QCOMPARE(mixed.exitCode, 0);
        const auto policy = edgesmith::Json::parse(mixed.out.toStdString());
        QCOMPARE(policy["policies_scored"].get<int>(), 4);
        QVERIFY(policy["quantized"]["storage_bytes"].get<double>() <= policy["budget"]["storage_bytes"].get<double>());
        QCOMPARE(runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--method", "mixed", "--strategy", "ddpg"}).exitCode, 2);
        QCOMPARE(runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--method", "mixed", "--weight-choices", "4,x"}).exitCode, 2);
        const Result pruned = runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--weights", weights, "--method", "prune",
                                      "--rate", "0.5", "--finetune", "0", "--json"});
        QCOMPARE(pruned.exitCode, 0);
        const auto smaller = edgesmith::Json::parse(pruned.out.toStdString());
        QVERIFY(smaller["after"]["params"].get<double>() < smaller["before"]["params"].get<double>());
        QVERIFY(smaller["after"]["latency_ms"].get<double>() > 0);
        const Result rounds = runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--weights", weights, "--method", "prune",
                                      "--importance", "taylor", "--steps", "2", "--finetune", "0", "--json"});
        QCOMPARE(rounds.exitCode, 0);
        const auto iterative = edgesmith::Json::parse(rounds.out.toStdString());
        QCOMPARE(iterative["steps"].get<int>(), 2);
        QCOMPARE(iterative["after"]["params"].get<double>(), smaller["after"]["params"].get<double>());
        const Result sparse = runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--weights", weights, "--method", "sparse",
                                      "--sparsity", "0.7", "--per-layer", "--finetune", "1", "--json"});
        QCOMPARE(sparse.exitCode, 0);
        const auto zeros = edgesmith::Json::parse(sparse.out.toStdString());
        QVERIFY(zeros["zeros"].get<double>() >= 0.69 * zeros["weights"].get<double>());
        QCOMPARE(runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--method", "sparse", "--sparsity", "1"}).exitCode, 2);
        QCOMPARE(runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--method", "prune", "--steps", "0"}).exitCode, 2);
        QCOMPARE(runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--method", "prune", "--rate", "1"}).exitCode, 2);
        QCOMPARE(runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--bits", "1"}).exitCode, 2);
        QCOMPARE(runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--calibration", "kl"}).exitCode, 2);
        QCOMPARE(runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--method", "distill"}).exitCode, 2);
        const Result missing = runCli({"compress", "good/minimal.edgesmith.json", "--genotype", genotype, "--weights", folder.filePath("absent.pt")});
        QCOMPARE(missing.exitCode, 2); // a missing input file is bad input
        QVERIFY2(missing.err.contains("absent.pt"), qPrintable(missing.err));
    }

    // A compression of a searched candidate is a run of the same store: every scored
    // policy committed as a candidate with its per-layer bitwidths, listed with the search
    // runs, and refused by --resume with a clear message.
    void compressionRunsJoinTheStore() {
        QTemporaryDir folder;
        QVERIFY(QFile::copy(QStringLiteral(EDGESMITH_TEST_DATA "/projects/good/minimal.edgesmith.json"), folder.filePath("p.edgesmith.json")));
        QCOMPARE(runCli({"search", "p.edgesmith.json", "--budget", "1"}, folder.path()).exitCode, 0);
        const Result mixed = runCli({"compress", "p.edgesmith.json", "--from", "1:1", "--epochs", "1", "--method", "mixed", "--strategy", "random",
                                     "--evaluations", "3", "--json"},
                                    folder.path());
        QVERIFY2(mixed.exitCode == 0, qPrintable(mixed.err));
        QCOMPARE(edgesmith::Json::parse(mixed.out.toStdString())["run"].get<int>(), 2);
        const edgesmith::Store store = edgesmith::Store::openReadOnly(folder.filePath("p.edgesmith.db").toStdString());
        QCOMPARE(store.run(2).strategy, std::string("mixed-precision/random"));
        const auto candidates = store.candidates(2);
        QCOMPARE(int(candidates.size()), 3);
        const std::string source = store.candidates(1).front().key;
        for (const auto& candidate : candidates) {
            QVERIFY2(candidate.key.rfind(source + "@w", 0) == 0, candidate.key.c_str());
            QCOMPARE(candidate.genotype, store.candidates(1).front().genotype);
            QVERIFY(candidate.has("accuracy") && candidate.has("storage_bytes"));
            const auto stored = store.candidate(2, candidate.number);
            int quantized = 0;
            for (const auto& layer : stored->details["layers"]) quantized += layer.contains("weight_bits");
            QVERIFY(quantized > 0);
        }
        const Result pruned = runCli({"compress", "p.edgesmith.json", "--from", "1:1", "--epochs", "1", "--method", "prune", "--finetune", "0", "--json"},
                                     folder.path());
        QVERIFY2(pruned.exitCode == 0, qPrintable(pruned.err));
        QCOMPARE(edgesmith::Json::parse(pruned.out.toStdString())["run"].get<int>(), 3);
        QVERIFY(edgesmith::Store::openReadOnly(folder.filePath("p.edgesmith.db").toStdString()).candidates(3).front().key.find("@prune-l1-50") !=
                std::string::npos);

        // Per-layer pruning rates searched under 60 % of the MACs: every scored policy keeps
        // the budget, and the chosen one is fine-tuned and measured.
        const double macs = store.candidates(1).front().metric("macs");
        const Result amc = runCli({"compress", "p.edgesmith.json", "--from", "1:1", "--epochs", "1", "--method", "prune", "--budget-macs",
                                   QString::number(static_cast<long long>(0.6 * macs)), "--evaluations", "3", "--finetune", "0", "--json"},
                                  folder.path());
        QVERIFY2(amc.exitCode == 0, qPrintable(amc.err));
        const auto searched = edgesmith::Json::parse(amc.out.toStdString());
        QCOMPARE(searched["policies_scored"].get<int>(), 3);
        QVERIFY(searched["after"]["macs"].get<double>() <= 0.6 * macs);
        for (const auto& candidate : edgesmith::Store::openReadOnly(folder.filePath("p.edgesmith.db").toStdString()).candidates(searched["run"].get<int>()))
            QVERIFY(candidate.metric("macs") <= 0.6 * macs);

        // The project's pipeline on the front of run 1: one candidate per front member.
        QCOMPARE(runCli({"compress", "p.edgesmith.json", "--front", "1", "--method", "pipeline"}, folder.path()).exitCode, 2); // empty pipeline
        edgesmith::Json document = edgesmith::Json::parse(edgesmith::readFile(folder.filePath("p.edgesmith.json").toStdString()));
        document["compression"] = {{"pipeline", edgesmith::Json::array({{{"method", "prune-channels"}, {"params", {{"ratio", 0.5}}}},
                                                                        {{"method", "quantize-ptq"}, {"params", {{"weight_bits", 8}, {"activation_bits", 8}}}}})}};
        edgesmith::writeFileAtomically(folder.filePath("p.edgesmith.json").toStdString(), document.dump(2));
        const Result pipeline = runCli({"compress", "p.edgesmith.json", "--front", "1", "--method", "pipeline", "--epochs", "1", "--json"}, folder.path());
        QVERIFY2(pipeline.exitCode == 0, qPrintable(pipeline.err));
        const auto piped = edgesmith::Json::parse(pipeline.out.toStdString());
        QVERIFY(!piped["results"].empty() && piped["results"].size() <= store.candidates(1).size());
        const auto& outcome = piped["results"][0];
        QCOMPARE(outcome["steps"].size(), std::size_t(2));
        QVERIFY(outcome["after"]["macs"].get<double>() < outcome["before"]["macs"].get<double>());
        QVERIFY(outcome["after"]["storage_bytes"].get<double>() < outcome["before"]["storage_bytes"].get<double>() / 4);
        const auto recorded = edgesmith::Store::openReadOnly(folder.filePath("p.edgesmith.db").toStdString()).candidates(piped["run"].get<int>());
        QCOMPARE(recorded.size(), piped["results"].size());
        for (const auto& candidate : recorded) QVERIFY2(candidate.key.ends_with("@pipeline"), candidate.key.c_str());

        const Result resumed = runCli({"search", "--resume", "2", "--db", "p.edgesmith.db"}, folder.path());
        QVERIFY(resumed.exitCode != 0);
        QVERIFY2(resumed.err.contains("compression run"), qPrintable(resumed.err));
        const Result missing = runCli({"compress", "p.edgesmith.json", "--from", "1:99"}, folder.path());
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("no candidate 99"), qPrintable(missing.err));
        QCOMPARE(runCli({"compress", "p.edgesmith.json", "--from", "one"}, folder.path()).exitCode, 2);
    }

    // The first export of a searched candidate trains it and keeps the model beside the
    // store; later exports reuse it (and leave it as it is). Both ONNX files pass the checker,
    // the int8 one as QDQ.
    void exportTrainsOnceThenReusesTheKeptModel() {
        QTemporaryDir folder;
        QCOMPARE(searchedProject(folder).exitCode, 0);
        const QString kept = folder.filePath("p.edgesmith-models/run1-candidate1.json");
        QVERIFY(!QFile::exists(kept)); // the store keeps metrics, not weights
        const Result first = runCli({"export", "p.edgesmith.json", "1", "1", "--format", "onnx", "--out", "m.onnx", "--json"}, folder.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const auto exported = edgesmith::Json::parse(first.out.toStdString());
        QCOMPARE(exported["format"].get<std::string>(), std::string("onnx"));
        QCOMPARE(exported["files"], edgesmith::Json::array({"m.onnx"}));
        QVERIFY(exported["trained"].get<bool>());
        QVERIFY(QFileInfo(folder.filePath("m.onnx")).size() > 0);
        QVERIFY(QFileInfo(kept).size() > 0);
        QVERIFY(QFileInfo(folder.filePath("p.edgesmith-models/run1-candidate1.pt")).size() > 0);
        const std::string keptDocument = edgesmith::readFile(kept.toStdString());
        const std::string key = edgesmith::Store::openReadOnly(folder.filePath("p.edgesmith.db").toStdString()).candidate(1, 1).value().key;
        QCOMPARE(edgesmith::Json::parse(keptDocument)["genotype"].get<std::string>(), key);

        const Result floatCheck = checkOnnx(folder.filePath("m.onnx"));
        QVERIFY2(floatCheck.exitCode == 0, qPrintable(floatCheck.err));
        const auto floatModel = edgesmith::Json::parse(floatCheck.out.toStdString());
        QCOMPARE(floatModel["opset"].get<int>(), 13);
        QVERIFY(countNodes(floatModel, "Conv") > 0);
        QCOMPARE(countNodes(floatModel, "QuantizeLinear"), 0);
        QCOMPARE(floatModel["inputs"][0][0], edgesmith::Json("batch")); // a dynamic batch unless --static-batch

        const Result second = runCli({"export", "p.edgesmith.json", "1:1", "--format", "onnx-int8", "--out", "q.onnx", "--json"}, folder.path());
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        const auto reused = edgesmith::Json::parse(second.out.toStdString());
        QVERIFY(!reused["trained"].get<bool>());
        QCOMPARE(reused["files"], edgesmith::Json::array({"q.onnx"}));
        QVERIFY(QFileInfo(folder.filePath("q.onnx")).size() > 0);
        QCOMPARE(edgesmith::readFile(kept.toStdString()), keptDocument); // quantized for the export only
        const Result int8Check = checkOnnx(folder.filePath("q.onnx"));
        QVERIFY2(int8Check.exitCode == 0, qPrintable(int8Check.err));
        const auto int8Model = edgesmith::Json::parse(int8Check.out.toStdString());
        QCOMPARE(int8Model["opset"].get<int>(), 13);
        QVERIFY(countNodes(int8Model, "QuantizeLinear") > 0);
        QVERIFY(countNodes(int8Model, "DequantizeLinear") > countNodes(int8Model, "QuantizeLinear")); // weights too
        int int8Initializers = 0;
        for (const auto& [name, type] : int8Model["initializers"].items()) int8Initializers += type.get<std::string>() == "INT8";
        QVERIFY(int8Initializers > 0);

        const Result text = runCli({"export", "p.edgesmith.json", "1", "1", "--format", "onnx", "--out", "s.onnx", "--static-batch"}, folder.path());
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains("using the model kept at") && text.out.contains("wrote s.onnx"), qPrintable(text.out));
        const Result staticCheck = checkOnnx(folder.filePath("s.onnx"));
        QCOMPARE(staticCheck.exitCode, 0);
        QCOMPARE(edgesmith::Json::parse(staticCheck.out.toStdString())["inputs"][0][0], edgesmith::Json(1));
    }

    // export --format torch writes the weights and the model JSON; import reads them back,
    // measures them and (--record) adds them to the store as a run of one candidate;
    // compress --model compresses them further.
    void exportedTorchModelsImportAndCompress() {
        QTemporaryDir folder;
        QCOMPARE(searchedProject(folder).exitCode, 0);
        const Result torch = runCli({"export", "p.edgesmith.json", "1", "1", "--format", "torch", "--out", "model.pt", "--json"}, folder.path());
        QVERIFY2(torch.exitCode == 0, qPrintable(torch.err));
        const auto exported = edgesmith::Json::parse(torch.out.toStdString());
        QCOMPARE(exported["files"], edgesmith::Json::array({"model.pt", "model.json"}));
        QVERIFY(exported["trained"].get<bool>());
        QVERIFY(QFileInfo(folder.filePath("model.pt")).size() > 0);
        const auto document = edgesmith::Json::parse(edgesmith::readFile(folder.filePath("model.json").toStdString()));
        QCOMPARE(document["format"].get<std::string>(), std::string("edgesmith-model"));
        QCOMPARE(document["weights"].get<std::string>(), std::string("model.pt"));
        const std::string key = edgesmith::Store::openReadOnly(folder.filePath("p.edgesmith.db").toStdString()).candidate(1, 1).value().key;

        const Result measured = runCli({"import", "p.edgesmith.json", "model.json", "--json"}, folder.path());
        QVERIFY2(measured.exitCode == 0, qPrintable(measured.err));
        const auto unrecorded = edgesmith::Json::parse(measured.out.toStdString());
        QVERIFY(!unrecorded.contains("run"));
        QCOMPARE(unrecorded["genotype"].get<std::string>(), key);
        QCOMPARE(edgesmith::Store::openReadOnly(folder.filePath("p.edgesmith.db").toStdString()).runs().size(), std::size_t(1));

        const Result imported = runCli({"import", "p.edgesmith.json", "model.json", "--record", "--json"}, folder.path());
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const auto result = edgesmith::Json::parse(imported.out.toStdString());
        QCOMPARE(result["run"].get<int>(), 2);
        QCOMPARE(result["candidate"].get<int>(), 1);
        QCOMPARE(result["genotype"].get<std::string>(), key);
        QVERIFY(!result["quantized"].get<bool>());
        QVERIFY(result["test_top1"].get<double>() >= 0 && result["test_top1"].get<double>() <= 100);
        QCOMPARE(result["test_top1"], result["exported_test_top1"]); // the same weights, the same test split
        QCOMPARE(result["metrics"]["params"], document["metrics"]["params"]);
        const edgesmith::Store store = edgesmith::Store::openReadOnly(folder.filePath("p.edgesmith.db").toStdString());
        const edgesmith::RunInfo run = store.run(2);
        QCOMPARE(run.strategy, std::string("import"));
        QCOMPARE(edgesmith::toString(run.status), std::string("finished"));
        const auto candidates = store.candidates(2);
        QCOMPARE(candidates.size(), std::size_t(1));
        QCOMPARE(candidates.front().key, key);
        QVERIFY(candidates.front().has("accuracy") && candidates.front().has("storage_bytes"));
        QVERIFY(QFileInfo(folder.filePath("p.edgesmith-models/run2-candidate1.pt")).size() > 0); // kept for Export

        const Result compressed = runCli({"compress", "p.edgesmith.json", "--model", "model.json", "--method", "ptq", "--json"}, folder.path());
        QVERIFY2(compressed.exitCode == 0, qPrintable(compressed.err));
        const auto ptq = edgesmith::Json::parse(compressed.out.toStdString());
        QCOMPARE(ptq["genotype"].get<std::string>(), key);
        QVERIFY(ptq["origin"].get<std::string>().find("model.json") != std::string::npos);
        QCOMPARE(ptq["weight_bits"].get<int>(), 8);
        QVERIFY(ptq["quantized"]["storage_bytes"].get<double>() < ptq["float"]["storage_bytes"].get<double>());
    }

    // The two-file and architecture formats, and the run report.
    void exportWritesCArraysModelJsonAndReports() {
        QTemporaryDir folder;
        QCOMPARE(searchedProject(folder).exitCode, 0);
        const edgesmith::Store store = edgesmith::Store::openReadOnly(folder.filePath("p.edgesmith.db").toStdString());
        const auto candidates = store.candidates(1);
        QVERIFY(!candidates.empty());
        const std::string key = store.candidate(1, 1).value().key;

        QVERIFY(QDir(folder.path()).mkdir("fw"));
        const Result c = runCli({"export", "p.edgesmith.json", "1", "1", "--format", "c", "--out", "fw/model", "--json"}, folder.path());
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
        QCOMPARE(edgesmith::Json::parse(c.out.toStdString())["files"], edgesmith::Json::array({"fw/model.h", "fw/model.c"}));
        const QString header = readText(folder.filePath("fw/model.h")), source = readText(folder.filePath("fw/model.c"));
        QVERIFY(header.contains("#ifndef MODEL_H") && header.contains(QString::fromStdString(key)));
        QVERIFY(source.contains("#include \"model.h\"") && source.contains("model_input_mean"));

        const Result json = runCli({"export", "p.edgesmith.json", "1", "1", "--format", "json", "--out", "a.json", "--json"}, folder.path());
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        QVERIFY(!edgesmith::Json::parse(json.out.toStdString())["trained"].get<bool>()); // the C export kept it
        const auto architecture = edgesmith::Json::parse(edgesmith::readFile(folder.filePath("a.json").toStdString()));
        QCOMPARE(architecture["format"].get<std::string>(), std::string("edgesmith-model"));
        QCOMPARE(architecture["genotype"].get<std::string>(), key);
        QVERIFY(!architecture["layer_table"].empty());
        QVERIFY(!architecture.contains("weights")); // the architecture alone
        QVERIFY(!QFile::exists(folder.filePath("a.pt")));

        const Result report = runCli({"export", "p.edgesmith.json", "1", "--format", "report", "--out", "r", "--json"}, folder.path());
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        QCOMPARE(edgesmith::Json::parse(report.out.toStdString())["files"], edgesmith::Json::array({"r.html", "r.csv"}));
        QVERIFY(readText(folder.filePath("r.html")).contains("<svg"));
        const QStringList rows = readText(folder.filePath("r.csv")).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), int(candidates.size()) + 1);
        QVERIFY2(rows.front().startsWith("number,key,"), qPrintable(rows.front()));
        for (const auto& candidate : candidates) QVERIFY(readText(folder.filePath("r.csv")).contains(QString::fromStdString(candidate.key)));
    }

    // Bad requests are exit 2 before anything is done; a missing candidate names the store;
    // an unwritable output fails (exit 1) leaving nothing behind; a foreign model file names
    // its file and field and records nothing.
    void exportAndImportRejectBadRequests() {
        QTemporaryDir folder;
        QCOMPARE(searchedProject(folder).exitCode, 0);
        const Result format = runCli({"export", "p.edgesmith.json", "1", "1", "--format", "onx", "--out", "m.onnx"}, folder.path());
        QCOMPARE(format.exitCode, 2);
        QVERIFY2(format.err.contains("\"onx\"") && format.err.contains("onnx, onnx-int8, torch, json, c, report"), qPrintable(format.err));
        const Result out = runCli({"export", "p.edgesmith.json", "1", "1", "--format", "onnx"}, folder.path());
        QCOMPARE(out.exitCode, 2);
        QVERIFY2(out.err.contains("--out PATH is required"), qPrintable(out.err));
        QCOMPARE(runCli({"export", "p.edgesmith.json", "1", "1", "--out", "m.onnx"}, folder.path()).exitCode, 2);          // no --format
        QCOMPARE(runCli({"export", "p.edgesmith.json", "1", "--format", "onnx", "--out", "m.onnx"}, folder.path()).exitCode, 2); // no candidate
        QCOMPARE(runCli({"export", "p.edgesmith.json", "one", "1", "--format", "onnx", "--out", "m.onnx"}, folder.path()).exitCode, 2);

        const Result missing = runCli({"export", "p.edgesmith.json", "1", "99", "--format", "onnx", "--out", "m.onnx"}, folder.path());
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(missing.err.contains("p.edgesmith.db") && missing.err.contains("no candidate 99"), qPrintable(missing.err));
        QVERIFY(!QFile::exists(folder.filePath("m.onnx")));
        QVERIFY(!QFile::exists(folder.filePath("p.edgesmith-models/run1-candidate99.json")));

        QVERIFY(QFile(folder.filePath("not-a-folder")).open(QIODevice::WriteOnly));
        const Result unwritable = runCli({"export", "p.edgesmith.json", "1", "1", "--format", "onnx", "--out", "not-a-folder/m.onnx"}, folder.path());
        QCOMPARE(unwritable.exitCode, 1);
        QVERIFY2(unwritable.err.contains("not-a-folder/m.onnx"), qPrintable(unwritable.err));
        const Result pair = runCli({"export", "p.edgesmith.json", "1", "1", "--format", "torch", "--out", "not-a-folder/m.pt"}, folder.path());
        QCOMPARE(pair.exitCode, 1);
        QVERIFY2(pair.err.contains("not-a-folder/m.pt"), qPrintable(pair.err));
        const QStringList files = filesUnder(folder.path());
        for (const QString& file : files) {
            const QString name = QFileInfo(file).fileName();
            QVERIFY2(!name.startsWith("m.") && !name.contains(".tmp-"), qPrintable(file));
        }
        QVERIFY2(files.contains("p.edgesmith-models/run1-candidate1.json"), qPrintable(files.join(' '))); // the training was kept

        edgesmith::writeFileAtomically(folder.filePath("notes.json").toStdString(), std::string(R"({"format": "something-else", "layers": []})"));
        const Result foreign = runCli({"import", "p.edgesmith.json", "notes.json", "--record"}, folder.path());
        QVERIFY(foreign.exitCode != 0);
        QVERIFY2(foreign.err.contains("notes.json") && foreign.err.contains("format"), qPrintable(foreign.err));
        QCOMPARE(edgesmith::Store::openReadOnly(folder.filePath("p.edgesmith.db").toStdString()).runs().size(), std::size_t(1)); // nothing recorded
        const Result absent = runCli({"import", "p.edgesmith.json", "absent.json"}, folder.path());
        QCOMPARE(absent.exitCode, 2);
        QVERIFY2(absent.err.contains("absent.json"), qPrintable(absent.err));
        QCOMPARE(runCli({"import", "p.edgesmith.json"}, folder.path()).exitCode, 2);
    }

    // Zero-cost proxies of sampled genotypes, and of a run's candidates ranked against their
    // trained accuracy; conflicting or empty sources are bad input.
    void proxiesScoreAndRankArchitectures() {
        QTemporaryDir folder;
        QVERIFY(QFile::copy(QStringLiteral(EDGESMITH_TEST_DATA "/projects/good/minimal.edgesmith.json"), folder.filePath("p.edgesmith.json")));
        const Result sampled = runCli({"proxies", "p.edgesmith.json", "--sample", "2", "--batch", "8", "--json"}, folder.path());
        QVERIFY2(sampled.exitCode == 0, qPrintable(sampled.err));
        const auto scores = edgesmith::Json::parse(sampled.out.toStdString());
        QCOMPARE(scores["architectures"].size(), std::size_t(2));
        for (const char* proxy : {"synflow", "snip", "grasp", "grad_norm", "jacob_cov", "params", "macs"})
            QVERIFY2(scores["architectures"][0]["scores"][proxy].is_number(), proxy);
        QVERIFY(!scores.contains("correlation"));
        QCOMPARE(runCli({"proxies", "p.edgesmith.json", "--run", "1"}, folder.path()).exitCode, 2); // no store yet
        QCOMPARE(runCli({"search", "p.edgesmith.json", "--budget", "3"}, folder.path()).exitCode, 0);
        const Result ranked = runCli({"proxies", "p.edgesmith.json", "--run", "1", "--batch", "8", "--json"}, folder.path());
        QVERIFY2(ranked.exitCode == 0, qPrintable(ranked.err));
        const auto correlation = edgesmith::Json::parse(ranked.out.toStdString())["correlation"];
        QCOMPARE(correlation.size(), std::size_t(7));
        for (const auto& [proxy, values] : correlation.items()) {
            const edgesmith::Json tau = values["kendall_tau"];
            QVERIFY2(tau.is_null() || (tau.get<double>() >= -1 && tau.get<double>() <= 1), proxy.c_str());
        }
        QCOMPARE(runCli({"proxies", "p.edgesmith.json", "--run", "1", "--sample", "2"}, folder.path()).exitCode, 2);
        QCOMPARE(runCli({"proxies", "p.edgesmith.json", "--run", "9"}, folder.path()).exitCode, 2);
    }

    void simulateGivesVerdictsAndTheLayersThatBreakThem() {
        const Result mcu = runCli({"simulate", "--template", "mobilenetv2", "--profile", "cortex-m7", "--json", "--layers"});
        QCOMPARE(mcu.exitCode, 1); // does not fit: the verdict is the exit code
        const auto report = edgesmith::Json::parse(mcu.out.toStdString());
        QCOMPARE(report["fits_ram"].get<bool>(), false);
        QCOMPARE(report["fits_flash"].get<bool>(), false);
        QCOMPARE(report["ram_breaking_layers"][0].get<std::string>(), std::string("stem[0].conv"));
        QVERIFY(report["energy_mj"].get<double>() > 0);
        QVERIFY(report["layers"].size() > 50);
        // An MCU computes so slowly that every layer waits on arithmetic; a GPU with the
        // same network waits on memory for its depthwise and element-wise layers.
        for (const auto& layer : report["layers"]) QCOMPARE(layer["bound"].get<std::string>(), std::string("compute"));
        const Result gpu = runCli({"simulate", "--template", "mobilenetv2", "--profile", "jetson-nano", "--json", "--layers"});
        QCOMPARE(gpu.exitCode, 0);
        int memoryBound = 0;
        const auto gpuReport = edgesmith::Json::parse(gpu.out.toStdString());
        for (const auto& layer : gpuReport["layers"]) memoryBound += layer["bound"].get<std::string>() == "memory";
        QVERIFY(memoryBound >= 5);
        const Result text = runCli({"simulate", "--template", "resnet18", "--profile", "cortex-m7"});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains("does not fit") && text.out.contains("RAM broken by"), qPrintable(text.out));
        const Result host = runCli({"simulate", "--template", "fmnist-mbconv", "--profile", "host"});
        QCOMPARE(host.exitCode, 0);
        const Result unknown = runCli({"simulate", "--template", "fmnist-mbconv", "--profile", "toaster"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("toaster") && unknown.err.contains("cortex-m7"), qPrintable(unknown.err));
    }

    void deviceProfilesListShowAndMeasure() {
        const Result list = runCli({"device-profile"});
        QCOMPARE(list.exitCode, 0);
        for (const char* name : {"host", "cortex-m7", "raspberry-pi-4", "jetson-nano", "phone-cpu"}) QVERIFY2(list.out.contains(name), name);
        QTemporaryDir folder;
        QFile bad(folder.filePath("bad.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(R"({"format_version": 1, "name": "bad", "kind": "mcu", "peak_macs_per_second": {"int8": 0}, "memory_bandwidth_bytes_per_second": 1e9})");
        bad.close();
        const Result shown = runCli({"device-profile", folder.filePath("bad.json")});
        QCOMPARE(shown.exitCode, 2);
        QVERIFY2(shown.err.contains("bad.json") && shown.err.contains("peak_macs_per_second.int8"), qPrintable(shown.err));
        const Result measured = runCli({"device-profile", "--measure-host", "--out", folder.filePath("mine.json")});
        QCOMPARE(measured.exitCode, 0);
        const Result mine = runCli({"device-profile", folder.filePath("mine.json")});
        QCOMPARE(mine.exitCode, 0);
        const auto profile = edgesmith::Json::parse(mine.out.toStdString());
        QVERIFY(profile["peak_macs_per_second"]["fp32"].get<double>() > 1e8);
        QVERIFY(profile["efficiency"]["depthwise_conv"].get<double>() > 0);
    }

    void latencyModelsAreScoredAgainstMeasurement() {
        QTemporaryDir folder;
        edgesmith::Json project = tinyProject("latency models", {{"name", "analytic"}});
        project["objectives"] = edgesmith::Json::array({{{"metric", "latency_ms"}}, {{"metric", "macs"}}});
        edgesmith::writeFileAtomically(folder.filePath("l.edgesmith.json").toStdString(), project.dump());
        const Result result = runCli({"latency-models", "l.edgesmith.json", "--sample", "16", "--runs", "8", "--json"}, folder.path());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const auto study = edgesmith::Json::parse(result.out.toStdString());
        QCOMPARE(study["train"].get<int>() + study["test"].get<int>(), 16);
        std::set<std::string> models;
        for (const auto& model : study["models"]) {
            models.insert(model["model"].get<std::string>());
            QCOMPARE(model["count"].get<int>(), study["test"].get<int>());
            QVERIFY(model["rmse_ms"].get<double>() >= 0);
        }
        QCOMPARE(models, (std::set<std::string>{"macs", "linear", "boosted", "lut", "lut-uncorrected", "simulator", "re-measurement"}));
    }

    void searchWithALookupTableKeepsIt() {
        QTemporaryDir folder;
        edgesmith::Json project = tinyProject("lut search", {{"name", "analytic"}});
        project["objectives"] = edgesmith::Json::array({{{"metric", "latency_ms"}}, {{"metric", "macs"}}});
        project["hardware"] = {{"latency_model", "lut"}, {"latency_runs", 5}, {"calibration_networks", 3}};
        edgesmith::writeFileAtomically(folder.filePath("t.edgesmith.json").toStdString(), project.dump());
        const Result search = runCli({"search", "t.edgesmith.json", "--budget", "4"}, folder.path());
        QVERIFY2(search.exitCode == 0, qPrintable(search.err));
        const QStringList tables = QDir(folder.path()).entryList({"t.edgesmith.latency-lut-*.json"});
        QCOMPARE(tables.size(), 1);
        const auto run = edgesmith::Json::parse(runCli({"show", "1", "--db", "runs.db", "--json"}, folder.path()).out.toStdString());
        int timed = 0;
        for (const auto& candidate : run["candidates"]) timed += candidate["metrics"].contains("latency_ms");
        QCOMPARE(timed, 4);
    }

    void infoDescribesTheRuntime() {
        const Result result = runCli({"info", "--json"});
        QCOMPARE(result.exitCode, 0);
        const auto info = edgesmith::Json::parse(result.out.toStdString());
        QVERIFY(info["threads"].get<int>() >= 1);
        QVERIFY(!info["templates"].empty());
        QVERIFY(info["strategies"].size() >= 5);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
