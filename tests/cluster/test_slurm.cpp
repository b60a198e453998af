// A real one-node Slurm cluster (Debian's slurmctld, slurmd and munge), started by this
// test in a temporary folder with its own slurm.conf and munge socket
// (tests/cluster/slurm_cluster.sh), and stopped by pid at the end. The script that
// `edgesmith-cli slurm-script` writes is submitted with sbatch: its search runs on srun's
// MPI ranks. Then a job is cancelled with scancel mid-run and submitted again: the run
// completes with no candidate lost or repeated.
#include "core/common/atomic_file.h"
#include "core/common/json.h"
#include "core/store/store.h"
#include "tests/cluster/cluster_process.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <set>
#include <unistd.h>

using namespace edgesmith;

namespace {

using Result = testing::ProcessResult;

const QString kClusterScript = QStringLiteral(EDGESMITH_SOURCE_TREE "/tests/cluster/slurm_cluster.sh");

Result run(const QString& program, const QStringList& arguments, const QString& folder, int timeoutMs = 120000) {
    return testing::runProcess(program, arguments, folder, timeoutMs);
}

// A small training search (synthetic images, an MBConv chain): each candidate takes about
// a second, so that a job can be cancelled while it runs.
void writeProject(const QTemporaryDir& folder) {
    const Json space = Json::parse(R"({"name": "tiny", "backbone": "chain", "classes": 4,
        "input": {"channels": 1, "resolution": 28},
        "stem": [{"op": "conv", "out": 8, "stride": 2}],
        "stages": [{"depth": [1, 2], "stride": 2, "out": [8, 16], "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [1, 3]}}],
        "head": [{"op": "global_avg_pool"}, {"op": "linear", "out": 4}]})");
    const Json project = {{"format_version", 1},
                          {"name", "slurm test"},
                          {"dataset", {{"kind", "synthetic"}, {"classes", 4}, {"samples", 600}, {"validation_fraction", 0.25}}},
                          {"space", {{"inline", space}}},
                          {"objectives", {{{"metric", "accuracy"}}, {{"metric", "macs"}}}},
                          {"strategy", {{"name", "random"}, {"params", {{"seed", 5}}}}},
                          {"estimator", {{"name", "proxy-training"}, {"params", {{"epochs", 3}, {"batch_size", 16}, {"subset", 1.0}}}}},
                          {"database", "runs.db"}};
    writeFileAtomically(folder.filePath("s.edgesmith.json").toStdString(), project.dump(2));
}

std::size_t committed(const QString& database);

// Until the running job has committed `count` candidates (at most 3 minutes).
void waitForCommitted(const QString& database, std::size_t count) {
    QElapsedTimer clock;
    clock.start();
    while (committed(database) < count && clock.elapsed() < 180000) QTest::qWait(200);
}

std::size_t committed(const QString& database) {
    if (!QFile::exists(database)) return 0;
    try {
        const Store store = Store::openReadOnly(database.toStdString());
        return store.runs().empty() ? 0 : store.candidates(1).size();
    } catch (const std::exception&) {
        return 0; // not created yet
    }
}

} // namespace

class TestSlurm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(geteuid() == 0, "the one-node cluster runs slurmd as root: run this test as root (CI does)");
        // Unix sockets inside the folder limit its path length, hence a short name.
        QVERIFY(cluster_.isValid());
        const Result started = run(QStringLiteral("bash"), {kClusterScript, "start", cluster_.path()}, QDir::tempPath());
        QVERIFY2(started.exitCode == 0, qPrintable(started.out + started.err));
        qputenv("SLURM_CONF", (cluster_.path() + "/slurm.conf").toUtf8());
        up_ = true;
    }

    void cleanupTestCase() {
        if (!up_) return;
        const Result stopped = run(QStringLiteral("bash"), {kClusterScript, "stop", cluster_.path()}, QDir::tempPath());
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.out + stopped.err));
    }

    // Submitted, run by srun on 3 MPI ranks, finished: the store holds the whole budget.
    void generatedScriptRunsTheSearch() {
        QTemporaryDir folder;
        writeProject(folder);
        const QString job = submit(folder, 6);
        QVERIFY(!job.isEmpty());
        QVERIFY(waitUntilGone(job, 180000));
        const Store store = Store::openReadOnly(folder.filePath("runs.db").toStdString());
        QCOMPARE(store.runs().size(), std::size_t(1));
        QCOMPARE(toString(store.run(1).status), std::string("finished"));
        QCOMPARE(store.candidates(1).size(), std::size_t(6));
        const QString log = QString::fromStdString(readFile(folder.filePath("edgesmith-s-" + job + ".log").toStdString()));
        QVERIFY2(log.contains("MPI: 2 evaluating ranks on 1 node"), qPrintable(log));
        QVERIFY2(log.contains("run 1 finished: budget of 6 evaluations reached"), qPrintable(log));
    }

    // scancel mid-run, then the same script submitted again: the second job continues the
    // first one's run, and the run ends with its budget, every committed candidate as it
    // was, none evaluated twice.
    void cancelledJobResubmittedCompletesTheRun() {
        QTemporaryDir folder;
        writeProject(folder);
        const QString database = folder.filePath("runs.db");
        const QString first = submit(folder, 12);
        QVERIFY(!first.isEmpty());
        waitForCommitted(database, 3);
        QVERIFY2(committed(database) >= 3, "the first job committed no candidates");
        QCOMPARE(run(QStringLiteral("scancel"), {first}, folder.path()).exitCode, 0);
        QVERIFY(waitUntilGone(first, 60000));

        std::vector<Candidate> before = Store::openReadOnly(database.toStdString()).candidates(1);
        QVERIFY2(before.size() >= 3 && before.size() < 12, qPrintable(QString::number(before.size())));
        // scancel's SIGTERM stopped the search cleanly, within Slurm's KillWait.
        QCOMPARE(toString(Store::openReadOnly(database.toStdString()).run(1).status), std::string("cancelled"));

        const QString second = submit(folder, 12, false);
        QVERIFY(!second.isEmpty());
        QVERIFY(waitUntilGone(second, 180000));
        const QString log = QString::fromStdString(readFile(folder.filePath("edgesmith-s-" + second + ".log").toStdString()));
        QVERIFY2(log.contains("continuing run 1"), qPrintable(log));

        const Store store = Store::openReadOnly(database.toStdString());
        QCOMPARE(store.runs().size(), std::size_t(1));
        QCOMPARE(toString(store.run(1).status), std::string("finished"));
        const auto after = store.candidates(1);
        QCOMPARE(after.size(), std::size_t(12));
        std::set<std::string> keys;
        for (std::size_t index = 0; index < after.size(); ++index) {
            keys.insert(after[index].key);
            if (index < before.size()) QCOMPARE(after[index].toJson(), before[index].toJson());
        }
        QCOMPARE(keys.size(), std::size_t(12));
    }

    // scontrol requeue mid-run (what Slurm does after a node failure, and what the script
    // does itself before its time limit): the same job starts again and carries on the same
    // run by itself, with nothing lost or repeated.
    void requeuedJobContinuesTheRunByItself() {
        QTemporaryDir folder;
        writeProject(folder);
        const QString database = folder.filePath("runs.db");
        const QString job = submit(folder, 12);
        QVERIFY(!job.isEmpty());
        waitForCommitted(database, 3);
        QVERIFY2(committed(database) >= 3, "the job committed no candidates");
        const Result requeue = run(QStringLiteral("scontrol"), {"requeue", job}, folder.path());
        QVERIFY2(requeue.exitCode == 0, qPrintable(requeue.err));
        QVERIFY(waitUntilGone(job, 240000));

        const QString log = QString::fromStdString(readFile(folder.filePath("edgesmith-s-" + job + ".log").toStdString()));
        QVERIFY2(log.contains("(restart 1)") && log.contains("continuing run 1"), qPrintable(log));
        const Store store = Store::openReadOnly(database.toStdString());
        QCOMPARE(store.runs().size(), std::size_t(1));
        QCOMPARE(toString(store.run(1).status), std::string("finished"));
        std::set<std::string> keys;
        for (const Candidate& candidate : store.candidates(1)) keys.insert(candidate.key);
        QCOMPARE(store.candidates(1).size(), std::size_t(12));
        QCOMPARE(keys.size(), std::size_t(12));
    }

private:
    // Writes the job script with edgesmith-cli slurm-script and submits it with sbatch.
    QString submit(const QTemporaryDir& folder, int budget, bool write = true) {
        if (write) {
            const Result script = run(QStringLiteral(EDGESMITH_CLI), {"slurm-script", "s.edgesmith.json", "--ranks-per-node", "2", "--overcommit", "--time",
                                                                      "10:00", "--budget", QString::number(budget), "--out", "job.sbatch"},
                                      folder.path());
            if (script.exitCode != 0) {
                qWarning() << script.out << script.err;
                return {};
            }
        }
        const Result submitted = run(QStringLiteral("sbatch"), {"--parsable", "job.sbatch"}, folder.path());
        if (submitted.exitCode != 0) qWarning() << submitted.err;
        return submitted.exitCode == 0 ? submitted.out.trimmed().section(';', 0, 0) : QString();
    }

    bool waitUntilGone(const QString& job, int timeoutMs) {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            // A job that left the queue is unknown to squeue (exit 1 "Invalid job id") or
            // printed without state; a controller that does not answer is not "gone".
            const Result queue = run(QStringLiteral("squeue"), {"-h", "-j", job, "-o", "%T"}, QDir::tempPath(), 30000);
            if ((queue.exitCode == 0 && queue.out.trimmed().isEmpty()) || queue.err.contains("Invalid job id")) return true;
            QTest::qWait(500);
        }
        qWarning() << "job" << job << "still queued";
        return false;
    }

    QTemporaryDir cluster_{QDir::tempPath() + "/es-slurm-XXXXXX"};
    bool up_ = false;
};

QTEST_GUILESS_MAIN(TestSlurm)
#include "test_slurm.moc"
