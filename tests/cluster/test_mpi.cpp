// The MPI executor on real ranks: edgesmith-cli started by OpenMPI's mpirun (3 ranks on
// this machine: rank 0 searches, 2 evaluate), against the same searches run locally.
// Checked: the same candidates for the deterministic strategies, failures recorded while
// the search goes on, real training on Fashion-MNIST, a job killed mid-run continued from
// the store with nothing lost or repeated, and the slurm-script verb's script.
#include "core/common/atomic_file.h"
#include "core/common/json.h"
#include "core/engine/executor.h"
#include "core/store/store.h"
#include "tests/cluster/cluster_process.h"
#include "tests/cluster/table_project.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <csignal>
#include <map>
#include <set>
#include <unistd.h>

using namespace edgesmith;

namespace {

using Result = testing::ProcessResult;

QProcessEnvironment mpiEnvironment() {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // CI runs as root; OpenMPI refuses that unless told twice.
    environment.insert("OMPI_ALLOW_RUN_AS_ROOT", "1");
    environment.insert("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
    return environment;
}

Result run(const QString& program, const QStringList& arguments, const QString& folder, int timeoutMs = 240000) {
    return testing::runProcess(program, arguments, folder, timeoutMs, mpiEnvironment());
}

Result cli(const QStringList& arguments, const QString& folder) { return run(QStringLiteral(EDGESMITH_CLI), arguments, folder); }

QStringList mpirunArguments(int ranks, const QStringList& search) {
    return QStringList{"-np", QString::number(ranks), "--oversubscribe", "--bind-to", "none", QStringLiteral(EDGESMITH_CLI)} + search;
}

Result mpirun(int ranks, const QStringList& search, const QString& folder) { return run(QStringLiteral("mpirun"), mpirunArguments(ranks, search), folder); }

void writeTableProject(const QTemporaryDir& folder, const std::string& strategy, int leaveOutEvery = 0) {
    testing::writeTableProject(folder.path().toStdString(), strategy, leaveOutEvery);
}

// Each stored candidate's metrics by key: which candidates, and that each result came back
// to the candidate it belongs to.
std::map<std::string, std::map<std::string, double>> storedResults(const QString& database, std::int64_t run = 1) {
    std::map<std::string, std::map<std::string, double>> results;
    for (const Candidate& candidate : Store::openReadOnly(database.toStdString()).candidates(run)) results[candidate.key] = candidate.metrics;
    return results;
}

// A small real training search: an MBConv chain on 28×28 images, `dataset` as given.
Json trainingProject(const std::string& name, const Json& dataset, int classes, const Json& estimatorParams) {
    Json space = Json::parse(R"({"name": "tiny", "backbone": "chain",
        "input": {"channels": 1, "resolution": 28},
        "stem": [{"op": "conv", "out": 8, "stride": 2}],
        "stages": [{"depth": [1, 2], "stride": 2, "out": [8, 16], "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [1, 3]}}],
        "head": [{"op": "global_avg_pool"}, {"op": "linear", "out": 4}]})");
    space["classes"] = classes;
    space["head"][1]["out"] = classes;
    return {{"format_version", 1},
            {"name", name},
            {"dataset", dataset},
            {"space", {{"inline", space}}},
            {"objectives", {{{"metric", "accuracy"}}, {{"metric", "macs"}}}},
            {"strategy", {{"name", "random"}, {"params", {{"seed", 3}}}}},
            {"estimator", {{"name", "proxy-training"}, {"params", estimatorParams}}},
            {"database", "runs.db"}};
}

} // namespace

class TestMpi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        const Result version = run(QStringLiteral("mpirun"), {"--version"}, QDir::tempPath(), 30000);
        QVERIFY2(version.exitCode == 0, "mpirun is missing: scripts/bootstrap.sh installs openmpi-bin");
    }

    // Random and grid ask the same genotypes whatever order results come back in, so the
    // ranks must leave the store holding exactly the local run's candidates.
    void mpiRunStoresTheLocalRunsCandidates() {
        for (const std::string strategy : {"random", "grid"}) {
            QTemporaryDir folder;
            writeTableProject(folder, strategy);
            const Result local = cli({"search", "p.edgesmith.json", "--budget", "30", "--workers", "2", "--db", "local.db"}, folder.path());
            QVERIFY2(local.exitCode == 0, qPrintable(local.out + local.err));
            const Result ranks = mpirun(3, {"search", "p.edgesmith.json", "--budget", "30", "--executor", "mpi", "--db", "mpi.db"}, folder.path());
            QVERIFY2(ranks.exitCode == 0, qPrintable(ranks.out + ranks.err));
            QVERIFY2(ranks.out.contains("MPI: 2 evaluating ranks on 1 node"), qPrintable(ranks.out));
            QVERIFY2(ranks.out.contains("run 1 finished: budget of 30 evaluations reached"), qPrintable(ranks.out));
            const auto localResults = storedResults(folder.filePath("local.db")), ranked = storedResults(folder.filePath("mpi.db"));
            QCOMPARE(ranked.size(), std::size_t(30));
            QVERIFY2(ranked == localResults, strategy.c_str());
            const Store store = Store::openReadOnly(folder.filePath("mpi.db").toStdString());
            QCOMPARE(store.run(1).settings.value("executor", ""), std::string("mpi"));
            for (const Candidate& candidate : store.candidates(1)) QVERIFY(candidate.has("accuracy") && candidate.has("latency_ms"));
        }
    }

    // A rank whose evaluation fails sends the failure back; the run records it and goes on.
    void failedEvaluationsAreRecordedAndTheSearchGoesOn() {
        QTemporaryDir folder;
        writeTableProject(folder, "grid", 4);
        const Result ranks = mpirun(3, {"search", "p.edgesmith.json", "--budget", "24", "--executor", "mpi"}, folder.path());
        QVERIFY2(ranks.exitCode == 0, qPrintable(ranks.out + ranks.err));
        const auto candidates = Store::openReadOnly(folder.filePath("runs.db").toStdString()).candidates(1);
        QCOMPARE(candidates.size(), std::size_t(24));
        int failed = 0;
        for (const Candidate& candidate : candidates)
            if (candidate.status == CandidateStatus::Failed) {
                ++failed;
                QVERIFY2(!candidate.message.empty(), candidate.key.c_str());
            }
        QVERIFY2(failed >= 4 && failed <= 8, qPrintable(QString::number(failed))); // one entry in four is missing
    }

    // Real training on Fashion-MNIST on two evaluating ranks, one thread each on 2 cores.
    void ranksTrainOnFashionMnist() {
        QTemporaryDir folder;
        const Json dataset = {{"kind", "fashion-mnist"}, {"path", "/usr/share/datasets/fashion-mnist"}, {"subset", 0.05}, {"validation_fraction", 0.2}};
        writeFileAtomically(folder.filePath("f.edgesmith.json").toStdString(),
                            trainingProject("fashion on ranks", dataset, 10, {{"epochs", 2}, {"batch_size", 32}, {"subset", 1.0}}).dump(2));
        const Result ranks = mpirun(3, {"search", "f.edgesmith.json", "--budget", "4", "--executor", "mpi"}, folder.path());
        QVERIFY2(ranks.exitCode == 0, qPrintable(ranks.out + ranks.err));
        QVERIFY2(ranks.out.contains("evaluating ranks on 1 node"), qPrintable(ranks.out));
        const auto candidates = Store::openReadOnly(folder.filePath("runs.db").toStdString()).candidates(1);
        QCOMPARE(candidates.size(), std::size_t(4));
        for (const Candidate& candidate : candidates) {
            QCOMPARE(toString(candidate.status), std::string("evaluated"));
            QVERIFY2(candidate.metric("accuracy") > 20, qPrintable(QString::number(candidate.metric("accuracy")))); // chance is 10 %
            QVERIFY(candidate.details.contains("history")); // the training curve travelled back with the record
        }
    }

    // mpirun and its ranks killed together with SIGKILL mid-run (what a dead node does to
    // an MPI job); `--continue` under a new mpirun finishes the same run: every committed
    // candidate kept as it was, none evaluated twice, exactly the budget in the end.
    void killedJobContinuesWithNothingLostOrRepeated() {
        QTemporaryDir folder;
        const Json dataset = {{"kind", "synthetic"}, {"classes", 4}, {"samples", 240}, {"validation_fraction", 0.25}};
        writeFileAtomically(folder.filePath("k.edgesmith.json").toStdString(),
                            trainingProject("killed on ranks", dataset, 4, {{"epochs", 3}, {"batch_size", 16}, {"subset", 1.0}}).dump(2));
        QProcess job;
        job.setWorkingDirectory(folder.path());
        job.setProcessEnvironment(mpiEnvironment());
        job.start(QStringLiteral("mpirun"), mpirunArguments(3, {"search", "k.edgesmith.json", "--budget", "8", "--executor", "mpi", "--continue"}));
        QString seen;
        while (!seen.contains("[3/8]") && job.waitForReadyRead(120000)) seen += QString::fromUtf8(job.readAllStandardOutput());
        QVERIFY2(seen.contains("[3/8]"), qPrintable(seen));
        testing::killWithChildren(job.processId());
        job.waitForFinished();

        const auto before = Store::openReadOnly(folder.filePath("runs.db").toStdString()).candidates(1);
        QVERIFY(before.size() >= 3 && before.size() < 8);
        const Result continued = mpirun(3, {"search", "k.edgesmith.json", "--budget", "8", "--executor", "mpi", "--continue"}, folder.path());
        QVERIFY2(continued.exitCode == 0, qPrintable(continued.out + continued.err));
        QVERIFY2(continued.out.contains("continuing run 1"), qPrintable(continued.out));
        QVERIFY2(continued.out.contains("run 1 finished: budget of 8 evaluations reached"), qPrintable(continued.out));

        const Store store = Store::openReadOnly(folder.filePath("runs.db").toStdString());
        QCOMPARE(store.runs().size(), std::size_t(1));
        const auto after = store.candidates(1);
        QCOMPARE(after.size(), std::size_t(8));
        std::set<std::string> keys;
        for (std::size_t index = 0; index < after.size(); ++index) {
            keys.insert(after[index].key);
            QCOMPARE(after[index].number, std::int64_t(index + 1));
            if (index < before.size()) QCOMPARE(after[index].toJson(), before[index].toJson());
        }
        QCOMPARE(keys.size(), std::size_t(8));

        // The run is finished: the next --continue starts a new one.
        const Result again = mpirun(3, {"search", "k.edgesmith.json", "--budget", "2", "--executor", "mpi", "--continue"}, folder.path());
        QVERIFY2(again.exitCode == 0 && again.out.contains("run 2 in"), qPrintable(again.out + again.err));
    }

    // A supernet is what every rank would otherwise train for itself, at once and on shared
    // cores: rank 0 trains it once before the ranks start, and each rank loads the kept file.
    void rankZeroTrainsTheSupernetOnce() {
        QTemporaryDir folder;
        const Json dataset = {{"kind", "synthetic"}, {"classes", 4}, {"samples", 240}, {"validation_fraction", 0.25}};
        Json project = trainingProject("supernet on ranks", dataset, 4, {});
        project["estimator"] = {{"name", "supernet"}, {"params", {{"epochs", 2}, {"batch_size", 16}, {"sampling", "sandwich"}, {"learning_rate", 0.01}}}};
        writeFileAtomically(folder.filePath("s.edgesmith.json").toStdString(), project.dump(2));
        const Result ranks = mpirun(3, {"search", "s.edgesmith.json", "--budget", "6", "--executor", "mpi"}, folder.path());
        QVERIFY2(ranks.exitCode == 0, qPrintable(ranks.out + ranks.err));
        QCOMPARE(ranks.out.count("supernet: training"), 1);
        QVERIFY2(!ranks.out.contains(QRegularExpression("rank \\d+: supernet: training")), qPrintable(ranks.out));
        QCOMPARE(ranks.out.count(QRegularExpression("rank \\d+: supernet: reusing")), 2); // each evaluating rank loaded it
        QCOMPARE(Store::openReadOnly(folder.filePath("runs.db").toStdString()).candidates(1).size(), std::size_t(6));
    }

    // Metrics that JSON numbers cannot carry (a failed estimate's NaN, an infinite cost)
    // survive the trip through the message text between ranks.
    void nonFiniteMetricsSurviveTheMessage() {
        Candidate candidate;
        candidate.key = "1-0-2";
        candidate.metrics = {{"accuracy", std::nan("")}, {"latency_ms", HUGE_VAL}, {"energy_mj", -HUGE_VAL}, {"macs", 1234}};
        const Candidate back = candidateFromMessage(Json::parse(candidateMessage(candidate).dump()));
        QVERIFY(std::isnan(back.metric("accuracy")));
        QVERIFY(std::isinf(back.metric("latency_ms")) && back.metric("latency_ms") > 0);
        QVERIFY(std::isinf(back.metric("energy_mj")) && back.metric("energy_mj") < 0);
        QCOMPARE(back.metric("macs"), 1234.0);
        QCOMPARE(back.key, candidate.key);
        Json bad = candidateMessage(candidate);
        bad["metrics"]["macs"] = "many";
        QVERIFY_THROWS_EXCEPTION(Error, candidateFromMessage(bad));
    }

    // Started by mpirun without the MPI executor, each rank would run its own search on the
    // same database: refused.
    void ranksWithoutTheMpiExecutorAreRefused() {
        QTemporaryDir folder;
        writeTableProject(folder, "random");
        const Result ranks = mpirun(2, {"search", "p.edgesmith.json", "--budget", "3"}, folder.path());
        QVERIFY(ranks.exitCode != 0);
        QVERIFY2(ranks.err.contains("add --executor mpi"), qPrintable(ranks.err));
        QVERIFY(!QFile::exists(folder.filePath("runs.db")));
    }

    void mpiWithoutRanksIsRefusedClearly() {
        QTemporaryDir folder;
        writeTableProject(folder, "random");
        const Result alone = cli({"search", "p.edgesmith.json", "--budget", "3", "--executor", "mpi"}, folder.path());
        QCOMPARE(alone.exitCode, 2);
        QVERIFY2(alone.err.contains("at least 2 ranks") && alone.err.contains("mpirun -np 3"), qPrintable(alone.err));
        const Result unknown = cli({"search", "p.edgesmith.json", "--executor", "cloud"}, folder.path());
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("--executor takes local or mpi"), qPrintable(unknown.err));
        QVERIFY(!QFile::exists(folder.filePath("runs.db"))); // nothing was started
    }

    // The project file may choose the executor; the command line overrides it.
    void projectFileChoosesTheExecutor() {
        QTemporaryDir folder;
        writeTableProject(folder, "random");
        Json project = Json::parse(readFile(folder.filePath("p.edgesmith.json").toStdString()));
        project["execution"] = {{"executor", "mpi"}};
        writeFileAtomically(folder.filePath("p.edgesmith.json").toStdString(), project.dump(2));
        const Result ranks = mpirun(3, {"search", "p.edgesmith.json", "--budget", "5"}, folder.path());
        QVERIFY2(ranks.exitCode == 0 && ranks.out.contains("MPI: 2 evaluating ranks"), qPrintable(ranks.out + ranks.err));
        const Result local = cli({"search", "p.edgesmith.json", "--budget", "5", "--executor", "local"}, folder.path());
        QVERIFY2(local.exitCode == 0 && local.out.contains("worker"), qPrintable(local.out + local.err));
        project["execution"] = {{"executor", "ranks"}};
        writeFileAtomically(folder.filePath("p.edgesmith.json").toStdString(), project.dump(2));
        const Result bad = cli({"validate", "p.edgesmith.json"}, folder.path());
        QVERIFY(bad.exitCode != 0);
        QVERIFY2((bad.out + bad.err).contains("execution.executor"), qPrintable(bad.out + bad.err));
    }

    void slurmScriptIsReadyToSubmit() {
        QTemporaryDir folder;
        writeTableProject(folder, "random");
        const Result written = cli({"slurm-script", "p.edgesmith.json", "--nodes", "2", "--gpus-per-node", "4", "--time", "1-02:00:00", "--partition",
                                    "gpu", "--budget", "500", "--out", "job.sbatch"},
                                   folder.path());
        QVERIFY2(written.exitCode == 0, qPrintable(written.out + written.err));
        QVERIFY2(written.out.contains("9 ranks on 2 nodes"), qPrintable(written.out));
        const QString script = QString::fromStdString(readFile(folder.filePath("job.sbatch").toStdString()));
        for (const char* line : {"#SBATCH --nodes=2", "#SBATCH --ntasks=9", "#SBATCH --gpus-per-node=4", "#SBATCH --time=1-02:00:00",
                                 "#SBATCH --partition=gpu", "#SBATCH --requeue", "#SBATCH --signal=B:USR1@120", "srun --kill-on-bad-exit=1 --mpi=pmix --ntasks=9",
                                 "--executor mpi --continue", "--budget 500", "trap requeue USR1"})
            QVERIFY2(script.contains(QLatin1String(line)), line);
        QVERIFY(script.contains(folder.filePath("p.edgesmith.json")));
        QVERIFY(QFileInfo(folder.filePath("job.sbatch")).isExecutable());
        const Result syntax = run(QStringLiteral("bash"), {"-n", "job.sbatch"}, folder.path(), 30000);
        QVERIFY2(syntax.exitCode == 0, qPrintable(syntax.err));

        const Result badTime = cli({"slurm-script", "p.edgesmith.json", "--time", "two hours"}, folder.path());
        QCOMPARE(badTime.exitCode, 2);
        QVERIFY2(badTime.err.contains("--time") && badTime.err.contains("two hours"), qPrintable(badTime.err));
        // A 2-minute limit would have the job requeue itself at once with the 120 s warning.
        const Result tooShort = cli({"slurm-script", "p.edgesmith.json", "--time", "2"}, folder.path());
        QCOMPARE(tooShort.exitCode, 2);
        QVERIFY2(tooShort.err.contains("--requeue-warning") && tooShort.err.contains("120 s"), qPrintable(tooShort.err));
        QCOMPARE(cli({"slurm-script", "p.edgesmith.json", "--time", "2", "--requeue-warning", "30"}, folder.path()).exitCode, 0);
        const Result badLauncher = cli({"slurm-script", "p.edgesmith.json", "--launcher", "qsub"}, folder.path());
        QCOMPARE(badLauncher.exitCode, 2);
        QVERIFY2(badLauncher.err.contains("--launcher"), qPrintable(badLauncher.err));
    }
};

QTEST_GUILESS_MAIN(TestMpi)
#include "test_mpi.moc"
