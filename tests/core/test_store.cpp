#include "core/common/atomic_file.h"
#include "core/store/store.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <limits>
#include <thread>

using namespace edgesmith;

namespace {

// Pinned on purpose: the application id is part of the file format, so changing it in
// store.cpp must break this test.
constexpr std::int64_t kEdgeSmithApplicationId = 0x45646753;

QString q(const std::string& text) { return QString::fromStdString(text); }

// A second connection that bypasses the Store: it checks what the Store wrote and builds
// the files the Store must refuse.
class RawDatabase {
public:
    explicit RawDatabase(const std::filesystem::path& file) {
        if (sqlite3_open_v2(file.c_str(), &handle_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
            qWarning("cannot open %s: %s", file.c_str(), sqlite3_errmsg(handle_));
        sqlite3_busy_timeout(handle_, 5000);
    }
    ~RawDatabase() { sqlite3_close(handle_); }
    RawDatabase(const RawDatabase&) = delete;
    RawDatabase& operator=(const RawDatabase&) = delete;

    bool execute(const std::string& sql) {
        char* message = nullptr;
        const int code = sqlite3_exec(handle_, sql.c_str(), nullptr, nullptr, &message);
        if (message) qWarning("%s: %s", sql.c_str(), message);
        sqlite3_free(message);
        return code == SQLITE_OK;
    }

    // Every row, each value as SQLite prints it and NULL as "NULL".
    std::vector<QStringList> rows(const std::string& sql) {
        std::vector<QStringList> result;
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(handle_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            qWarning("%s: %s", sql.c_str(), sqlite3_errmsg(handle_));
            return result;
        }
        while (sqlite3_step(statement) == SQLITE_ROW) {
            QStringList row;
            for (int column = 0; column < sqlite3_column_count(statement); ++column) {
                const auto* text = sqlite3_column_text(statement, column);
                row << (text ? QString::fromUtf8(reinterpret_cast<const char*>(text)) : QStringLiteral("NULL"));
            }
            result.push_back(row);
        }
        sqlite3_finalize(statement);
        return result;
    }

    QString scalar(const std::string& sql) {
        const auto result = rows(sql);
        return result.empty() || result.front().isEmpty() ? QString() : result.front().front();
    }

private:
    sqlite3* handle_ = nullptr;
};

Json projectDocument() {
    return Json{{"name", "demo"}, {"version", 1}, {"space", {{"template", "mobilenet-v2"}}}, {"budget", 300}};
}

Json settingsDocument(int workers) { return Json{{"budget", 300}, {"workers", workers}, {"time_limit_s", 3600}}; }

Json stateAfter(std::int64_t number) {
    return Json{{"strategy", "random"}, {"told", number}, {"rng", "state-" + std::to_string(number)}};
}

Json fullEpoch() {
    return Json{{"epoch", 1}, {"train_loss", 2.5}, {"train_accuracy", 0.25}, {"validation_accuracy", 0.125},
                {"learning_rate", 0.5}, {"seconds", 1.5}};
}

// The second epoch lacks train_accuracy, learning_rate and seconds: they must be NULL.
Json partialEpoch() { return Json{{"epoch", 2}, {"train_loss", 1.25}, {"validation_accuracy", 0.375}}; }

Candidate makeCandidate(std::int64_t number, std::size_t layers = 1) {
    Candidate candidate;
    candidate.number = number;
    candidate.genotype = {static_cast<int>(number % 3), static_cast<int>(number % 5), 1};
    candidate.key = std::to_string(number % 3) + "-" + std::to_string(number % 5) + "-1";
    candidate.status = number % 7 == 0 ? CandidateStatus::Infeasible : CandidateStatus::Evaluated;
    candidate.message = candidate.status == CandidateStatus::Infeasible ? "latency_ms 12.5 > 10" : "";
    candidate.metrics = {{"accuracy", 0.5 + static_cast<double>(number) / 1024.0},
                         {"macs", 1000.0 * static_cast<double>(number)},
                         {"latency_ms", 1.5 + static_cast<double>(number)}};
    candidate.generation = static_cast<int>(number / 10);
    candidate.seconds = 0.25;
    Json table = Json::array();
    for (std::size_t layer = 0; layer < layers; ++layer)
        table.push_back({{"name", "conv" + std::to_string(layer)}, {"op", "conv"}, {"macs", 100 * number}});
    candidate.details = {{"layers", table}, {"history", Json::array({fullEpoch(), partialEpoch()})}};
    return candidate;
}

void compareCandidates(const Candidate& stored, const Candidate& expected) {
    QCOMPARE(q(stored.toJson().dump()), q(expected.toJson().dump()));
    QVERIFY(stored.genotype == expected.genotype);
}

bool isTimestamp(const std::string& text) {
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    return pattern.match(q(text)).hasMatch();
}

struct Failure {
    QString type;
    QString message;
    QString file;
};

// What `action` threw: the error class as a word, its message and the file it names.
template <typename Action>
Failure failureOf(Action&& action) {
    try {
        action();
    } catch (const StoreError& error) {
        return {"StoreError", error.what(), q(error.file())};
    } catch (const IoError& error) {
        return {"IoError", error.what(), q(error.file())};
    } catch (const Error& error) {
        return {"Error", error.what(), q(error.file())};
    } catch (const std::exception& error) {
        return {"std::exception", error.what(), {}};
    }
    return {"nothing", {}, {}};
}

// `pattern` is the exact text, except that one "…" stands for any detail SQLite words itself.
bool matches(const QString& text, const QString& pattern) {
    const auto marker = pattern.indexOf(QChar(0x2026));
    if (marker < 0) return text == pattern;
    return text.startsWith(pattern.left(marker)) && text.endsWith(pattern.mid(marker + 1));
}

void readEverything(const Store& store) {
    for (const auto& run : store.runs()) {
        (void)store.candidates(run.id);
        (void)store.events(run.id);
        (void)store.runState(run.id);
    }
}

bool writeVersion0(const std::filesystem::path& file, const std::string& extra = "") {
    RawDatabase raw(file);
    return raw.execute("PRAGMA application_id = " + std::to_string(kEdgeSmithApplicationId) +
                       "; CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);"
                       " INSERT INTO meta VALUES ('application', 'EdgeSmith'), ('schema_version', '0');" +
                       extra);
}

std::int64_t fillStore(const std::filesystem::path& file, std::int64_t candidates, std::size_t layers = 1) {
    auto store = Store::open(file);
    const auto run = store.createRun(projectDocument(), "random", "proxy", 7, settingsDocument(1));
    for (std::int64_t number = 1; number <= candidates; ++number)
        store.addCandidate(run, makeCandidate(number, layers), stateAfter(number));
    return run;
}

bool makeBadFile(const QString& kind, const std::filesystem::path& file) {
    if (kind == "text") {
        std::ofstream(file) << "name: demo\nthis is a project note, not a database\n";
        return true;
    }
    if (kind == "foreign tables")
        return RawDatabase(file).execute("CREATE TABLE people(name TEXT); INSERT INTO people VALUES ('ada');");
    if (kind == "foreign application id")
        return RawDatabase(file).execute("PRAGMA application_id = 305419896; CREATE TABLE meta(key TEXT, value TEXT);"
                                         " INSERT INTO meta VALUES ('schema_version', '1');");
    if (kind == "no meta table")
        return RawDatabase(file).execute("PRAGMA application_id = " + std::to_string(kEdgeSmithApplicationId) +
                                         "; CREATE TABLE runs(id INTEGER);");
    if (kind == "newer version") {
        fillStore(file, 2);
        return RawDatabase(file).execute("UPDATE meta SET value = '7' WHERE key = 'schema_version';"
                                         " PRAGMA journal_mode = DELETE;");
    }
    if (kind == "truncated") {
        fillStore(file, 200, 20);
        std::filesystem::resize_file(file, std::filesystem::file_size(file) / 2);
        return true;
    }
    if (kind == "scrambled page") {
        fillStore(file, 200, 20);
        constexpr std::size_t kPage = 4096;
        std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
        stream.seekp(static_cast<std::streamoff>(std::filesystem::file_size(file) / kPage / 2 * kPage));
        stream << std::string(kPage, 'Z');
        return stream.good();
    }
    return false;
}

std::int64_t committedCount(const std::filesystem::path& file, std::int64_t run) {
    try {
        return Store::openReadOnly(file).run(run).candidates;
    } catch (const std::exception&) {
        return -1;
    }
}

// Kills and reaps the child however the test leaves, so no writer outlives it.
struct ChildProcess {
    pid_t pid = -1;
    ~ChildProcess() {
        if (pid <= 0) return;
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
};

[[noreturn]] void writeUntilKilled(const std::filesystem::path& file, std::int64_t run) {
    try {
        auto store = Store::open(file);
        for (std::int64_t number = 1;; ++number) store.addCandidate(run, makeCandidate(number, 8), stateAfter(number));
    } catch (...) {
        _exit(3);
    }
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir directory_;
    int files_ = 0;

    std::filesystem::path freshFile() {
        return std::filesystem::path(directory_.path().toStdString()) /
               ("store" + std::to_string(++files_) + ".edgesmith.db");
    }

    void checkDemoContents(const Store& store, std::int64_t run) {
        const auto runs = store.runs();
        QCOMPARE(runs.size(), std::size_t(1));
        const RunInfo info = store.run(run);
        QCOMPARE(runs.front().id, run);
        QCOMPARE(q(info.projectName), QStringLiteral("demo"));
        QCOMPARE(q(info.strategy), QStringLiteral("random"));
        QCOMPARE(q(info.estimator), QStringLiteral("proxy"));
        QCOMPARE(info.seed, std::uint64_t(0xFFFF'FFFF'FFFF'FFF0ull));
        QCOMPARE(q(toString(info.status)), QStringLiteral("failed"));
        QCOMPARE(q(info.message), QStringLiteral("out of memory"));
        QCOMPARE(info.seconds, 1.25);
        QCOMPARE(info.candidates, std::int64_t(5));
        QCOMPARE(q(info.project.dump()), q(projectDocument().dump()));
        QCOMPARE(q(info.settings.dump()), q(settingsDocument(4).dump()));
        QVERIFY2(isTimestamp(info.startedAt), info.startedAt.c_str());
        QVERIFY2(isTimestamp(info.updatedAt), info.updatedAt.c_str());
        QVERIFY(info.updatedAt >= info.startedAt);

        const auto candidates = store.candidates(run);
        QCOMPARE(candidates.size(), std::size_t(5));
        for (std::size_t index = 0; index < candidates.size(); ++index) {
            compareCandidates(candidates[index], makeCandidate(static_cast<std::int64_t>(index) + 1));
            if (QTest::currentTestFailed()) return;
        }
        QCOMPARE(q(store.runState(run).dump()), q(stateAfter(5).dump()));

        const auto events = store.events(run);
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events[0].run, run);
        QCOMPARE(q(events[0].level), QStringLiteral("info"));
        QCOMPARE(q(events[0].text), QStringLiteral("started"));
        QCOMPARE(q(events[1].level), QStringLiteral("warning"));
        QCOMPARE(q(events[1].text), QStringLiteral("candidate 3 took 40 s"));
        QVERIFY(events[1].id > events[0].id);
        QVERIFY2(isTimestamp(events[0].at), events[0].at.c_str());
    }

    std::int64_t writeDemo(Store& store) {
        const auto run = store.createRun(projectDocument(), "random", "proxy", 0xFFFF'FFFF'FFFF'FFF0ull,
                                         settingsDocument(2));
        for (std::int64_t number = 1; number <= 5; ++number)
            store.addCandidate(run, makeCandidate(number), stateAfter(number));
        store.addEvent(run, "info", "started");
        store.addEvent(run, "warning", "candidate 3 took 40 s");
        store.setSettings(run, settingsDocument(4));
        store.setStatus(run, RunStatus::Failed, "out of memory");
        return run;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(directory_.isValid()); }

    void runStatusNamesRoundTrip() {
        for (auto status : {RunStatus::Running, RunStatus::Paused, RunStatus::Finished, RunStatus::Cancelled,
                            RunStatus::Failed})
            QVERIFY(runStatusFromString(toString(status)) == status);
        const auto failure = failureOf([] { runStatusFromString("stopped"); });
        QCOMPARE(failure.type, QStringLiteral("Error"));
        QCOMPARE(failure.message, QStringLiteral("status: unknown run status \"stopped\"; expected running, paused, "
                                                 "finished, cancelled or failed"));
    }

    void newStoreHasTheVersion1Layout() {
        const auto file = freshFile();
        {
            const auto store = Store::open(file);
            QCOMPARE(store.schemaVersion(), kStoreSchemaVersion);
            QCOMPARE(q(store.file().string()), q(file.string()));
            QVERIFY(store.runs().empty());
        }
        RawDatabase raw(file);
        QCOMPARE(raw.scalar("PRAGMA application_id"), QString::number(kEdgeSmithApplicationId));
        QCOMPARE(raw.scalar("PRAGMA journal_mode"), QStringLiteral("wal"));
        QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'"), QStringLiteral("1"));
        QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'application'"), QStringLiteral("EdgeSmith"));
        QCOMPARE(raw.scalar("SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = "
                            "'table' ORDER BY name)"),
                 QStringLiteral("candidates,curves,events,meta,runs"));
        QCOMPARE(raw.scalar("SELECT group_concat(name, ',') FROM pragma_index_info('candidates_by_genotype')"),
                 QStringLiteral("run,genotype"));
    }

    void roundTripThroughTheFile() {
        const auto file = freshFile();
        std::int64_t run = 0;
        {
            auto store = Store::open(file);
            run = store.createRun(projectDocument(), "random", "proxy", 0xFFFF'FFFF'FFFF'FFF0ull, settingsDocument(2));
            QVERIFY(store.runState(run).is_null());
            QCOMPARE(q(toString(store.run(run).status)), QStringLiteral("running"));
            QCOMPARE(store.run(run).candidates, std::int64_t(0));
        }
        {
            auto store = Store::open(file);
            QCOMPARE(store.runs().size(), std::size_t(1));
            for (std::int64_t number = 1; number <= 5; ++number)
                store.addCandidate(run, makeCandidate(number), stateAfter(number));
            store.addEvent(run, "info", "started");
            store.addEvent(run, "warning", "candidate 3 took 40 s");
            store.setSettings(run, settingsDocument(4));
            store.setStatus(run, RunStatus::Failed, "out of memory");
            checkDemoContents(store, run);
            if (QTest::currentTestFailed()) return;
        }
        checkDemoContents(Store::open(file), run);
        if (QTest::currentTestFailed()) return;
        checkDemoContents(Store::openReadOnly(file), run);
        // One candidate by number, details included; none past the end.
        const auto reader = Store::openReadOnly(file);
        const auto third = reader.candidate(run, 3);
        QVERIFY(third.has_value());
        QCOMPARE(third->toJson(), reader.candidates(run)[2].toJson());
        QVERIFY(!reader.candidate(run, 6).has_value());
        QVERIFY(!reader.candidate(run + 1, 1).has_value());
    }

    void movedStoreKeepsWorking() {
        const auto file = freshFile();
        auto first = Store::open(file);
        Store second = std::move(first);
        const auto run = writeDemo(second);
        Store third = Store::open(freshFile());
        third = std::move(second);
        checkDemoContents(third, run);
    }

    void nonFiniteMetricsSurvive() {
        const auto file = freshFile();
        auto store = Store::open(file);
        const auto run = store.createRun(projectDocument(), "random", "proxy", 1, settingsDocument(1));
        Candidate candidate = makeCandidate(1);
        candidate.status = CandidateStatus::Failed;
        candidate.message = "estimator threw: CUDA out of memory";
        candidate.metrics = {{"accuracy", std::numeric_limits<double>::quiet_NaN()},
                             {"latency_ms", std::numeric_limits<double>::infinity()},
                             {"margin", -std::numeric_limits<double>::infinity()},
                             {"params", 1234.0}};
        candidate.details = Json::object();
        store.addCandidate(run, candidate, Json::object());
        const auto stored = Store::openReadOnly(file).candidates(run);
        QCOMPARE(stored.size(), std::size_t(1));
        QVERIFY(std::isnan(stored[0].metric("accuracy", 0)));
        QCOMPARE(stored[0].metric("latency_ms"), std::numeric_limits<double>::infinity());
        QCOMPARE(stored[0].metric("margin"), -std::numeric_limits<double>::infinity());
        QCOMPARE(stored[0].metric("params"), 1234.0);
        QCOMPARE(q(toString(stored[0].status)), QStringLiteral("failed"));
        QCOMPARE(q(stored[0].message), q(candidate.message));
    }

    void candidatesAndEventsAreIncremental() {
        const auto file = freshFile();
        auto store = Store::open(file);
        const auto first = store.createRun(projectDocument(), "random", "proxy", 1, settingsDocument(1));
        const auto second = store.createRun(projectDocument(), "nsga2", "proxy", 2, settingsDocument(1));
        // Interleaved as two engines would write them.
        for (std::int64_t number = 1; number <= 6; ++number) {
            store.addCandidate(first, makeCandidate(number), stateAfter(number));
            if (number <= 2) store.addCandidate(second, makeCandidate(number), stateAfter(number));
        }
        QCOMPARE(store.candidates(first).size(), std::size_t(6));
        QCOMPARE(store.candidates(second).size(), std::size_t(2));
        const auto newer = store.candidates(first, 4);
        QCOMPARE(newer.size(), std::size_t(2));
        QCOMPARE(newer[0].number, std::int64_t(5));
        QCOMPARE(newer[1].number, std::int64_t(6));
        QVERIFY(store.candidates(first, 6).empty());
        store.addCandidate(first, makeCandidate(7), stateAfter(7));
        const auto latest = store.candidates(first, 6);
        QCOMPARE(latest.size(), std::size_t(1));
        compareCandidates(latest[0], makeCandidate(7));
        QCOMPARE(store.run(first).candidates, std::int64_t(7));
        QCOMPARE(store.run(second).candidates, std::int64_t(2));
        QCOMPARE(q(store.runState(second).dump()), q(stateAfter(2).dump()));

        store.addEvent(first, "info", "one");
        store.addEvent(second, "error", "other run");
        store.addEvent(first, "info", "two");
        const auto events = store.events(first);
        QCOMPARE(events.size(), std::size_t(2));
        const auto after = store.events(first, events[0].id);
        QCOMPARE(after.size(), std::size_t(1));
        QCOMPARE(q(after[0].text), QStringLiteral("two"));
        QCOMPARE(store.events(second).size(), std::size_t(1));
    }

    void curveRowsComeFromTheHistory() {
        const auto file = freshFile();
        std::int64_t run = 0;
        std::int64_t firstId = 0;
        {
            auto store = Store::open(file);
            run = store.createRun(projectDocument(), "random", "proxy", 1, settingsDocument(1));
            firstId = store.addCandidate(run, makeCandidate(1), stateAfter(1));
            Candidate withoutHistory = makeCandidate(2);
            withoutHistory.details.erase("history");
            store.addCandidate(run, withoutHistory, stateAfter(2));
            store.addCandidate(run, makeCandidate(3), stateAfter(3));
        }
        RawDatabase raw(file);
        QCOMPARE(raw.scalar("SELECT id FROM candidates WHERE number = 1"), QString::number(firstId));
        const auto rows = raw.rows("SELECT c.number, v.position, v.epoch, v.train_loss, v.train_accuracy, "
                                   "v.validation_accuracy, v.learning_rate, v.seconds FROM curves v JOIN "
                                   "candidates c ON c.id = v.candidate WHERE c.run = " + std::to_string(run) +
                                   " ORDER BY c.number, v.position");
        const std::vector<QStringList> expected = {
            {"1", "0", "1", "2.5", "0.25", "0.125", "0.5", "1.5"},
            {"1", "1", "2", "1.25", "NULL", "0.375", "NULL", "NULL"},
            {"3", "0", "1", "2.5", "0.25", "0.125", "0.5", "1.5"},
            {"3", "1", "2", "1.25", "NULL", "0.375", "NULL", "NULL"},
        };
        QCOMPARE(rows.size(), expected.size());
        for (std::size_t index = 0; index < rows.size(); ++index) QCOMPARE(rows[index], expected[index]);
        QCOMPARE(raw.scalar("SELECT typeof(epoch) FROM curves LIMIT 1"), QStringLiteral("integer"));
    }

    void failedAddLeavesNothingBehind() {
        const auto file = freshFile();
        auto store = Store::open(file);
        const auto run = store.createRun(projectDocument(), "random", "proxy", 1, settingsDocument(1));
        store.addCandidate(run, makeCandidate(1), stateAfter(1));

        Candidate duplicate = makeCandidate(1);
        duplicate.details["history"].push_back(fullEpoch());
        const auto failure = failureOf([&] { store.addCandidate(run, duplicate, stateAfter(99)); });
        QCOMPARE(failure.type, QStringLiteral("StoreError"));
        QCOMPARE(failure.file, q(file.string()));
        QCOMPARE(failure.message, q(file.string()) + ": cannot store candidate 1 of run " + QString::number(run) +
                                      ": UNIQUE constraint failed: candidates.run, candidates.number");
        QCOMPARE(store.run(run).candidates, std::int64_t(1));
        QCOMPARE(store.run(run).seconds, 0.25);
        QCOMPARE(q(store.runState(run).dump()), q(stateAfter(1).dump()));
        QCOMPARE(store.candidates(run).size(), std::size_t(1));
        QCOMPARE(RawDatabase(file).scalar("SELECT count(*) FROM curves"), QStringLiteral("2"));

        const auto missing = failureOf([&] { store.addCandidate(999, makeCandidate(2), stateAfter(2)); });
        QCOMPARE(missing.type, QStringLiteral("StoreError"));
        QCOMPARE(missing.message, q(file.string()) + ": cannot store candidate 2 of run 999: has no run 999");
        const auto unnumbered = failureOf([&] { store.addCandidate(run, makeCandidate(0), stateAfter(0)); });
        QCOMPARE(unnumbered.type, QStringLiteral("StoreError"));
        QCOMPARE(unnumbered.message,
                 q(file.string()) + ": cannot store candidate 0 of run " + QString::number(run) +
                     ": candidate numbers start at 1");
        QCOMPARE(RawDatabase(file).scalar("SELECT count(*) FROM candidates"), QStringLiteral("1"));

        // The store stays usable after a failed transaction.
        store.addCandidate(run, makeCandidate(2), stateAfter(2));
        QCOMPARE(store.run(run).candidates, std::int64_t(2));
    }

    void misuseIsReported() {
        const auto file = freshFile();
        std::int64_t run = 0;
        {
            auto store = Store::open(file);
            run = store.createRun(projectDocument(), "random", "proxy", 1, settingsDocument(1));
            const auto level = failureOf([&] { store.addEvent(run, "debug", "x"); });
            QCOMPARE(level.type, QStringLiteral("Error"));
            QCOMPARE(level.message, q(file.string()) + ": level: unknown event level \"debug\"; expected info, "
                                                       "warning or error");
            QCOMPARE(failureOf([&] { store.addEvent(run + 1, "info", "x"); }).message,
                     q(file.string()) + ": has no run " + QString::number(run + 1));
            QCOMPARE(failureOf([&] { store.setStatus(run + 1, RunStatus::Paused); }).type, QStringLiteral("Error"));
            QCOMPARE(failureOf([&] { store.setSettings(run + 1, Json::object()); }).type, QStringLiteral("Error"));
            QCOMPARE(failureOf([&] { (void)store.run(run + 1); }).message,
                     q(file.string()) + ": has no run " + QString::number(run + 1));
            QCOMPARE(failureOf([&] { (void)store.runState(run + 1); }).type, QStringLiteral("Error"));
        }
        auto reader = Store::openReadOnly(file);
        const auto write = failureOf([&] { reader.createRun(projectDocument(), "random", "proxy", 1, Json()); });
        QCOMPARE(write.type, QStringLiteral("Error"));
        QCOMPARE(write.message,
                 q(file.string()) + ": was opened read-only; open it with Store::open to change it");
        QCOMPARE(failureOf([&] { reader.addCandidate(run, makeCandidate(1), Json()); }).type,
                 QStringLiteral("StoreError"));
        QCOMPARE(reader.runs().size(), std::size_t(1));
        QCOMPARE(reader.run(run).candidates, std::int64_t(0));
    }

    void badFilesAreRefusedUntouched_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        // A damaged page is found by open()'s integrity check; a reader meets it only when a
        // query reaches that page, and then it must fail with the same StoreError.
        QTest::addColumn<bool>("readerMustFail");
        const QString damaged = "is damaged (%1); restore it from a backup, or choose a new file for the store";
        QTest::newRow("text") << "text"
                              << "is not an EdgeSmith store (not an SQLite database); choose a store written by "
                                 "EdgeSmith, or a new file name" << true;
        QTest::newRow("foreign tables")
            << "foreign tables"
            << "is an SQLite database of another application (no application id, tables: people); EdgeSmith leaves "
               "it untouched: choose another file for the store" << true;
        QTest::newRow("foreign application id")
            << "foreign application id"
            << "is an SQLite database of another application (application id 0x12345678, tables: meta); EdgeSmith "
               "leaves it untouched: choose another file for the store" << true;
        QTest::newRow("no meta table") << "no meta table"
                                       << damaged.arg("EdgeSmith's application id but no meta table") << true;
        QTest::newRow("newer version") << "newer version"
                                       << "was written by a newer EdgeSmith (store schema version 7; this build "
                                          "reads versions up to 1); open it with that EdgeSmith version or a newer "
                                          "one" << true;
        QTest::newRow("truncated") << "truncated" << damaged.arg(QChar(0x2026)) << true;
        QTest::newRow("scrambled page") << "scrambled page" << damaged.arg(QChar(0x2026)) << false;
    }
    void badFilesAreRefusedUntouched() {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QFETCH(bool, readerMustFail);
        const auto file = freshFile();
        QVERIFY(makeBadFile(kind, file));
        const std::string before = readFile(file);
        QVERIFY(!before.empty());
        const QString pattern = q(file.string()) + ": " + expected;

        const auto writer = failureOf([&] { (void)Store::open(file); });
        QCOMPARE(writer.type, QStringLiteral("StoreError"));
        QVERIFY2(matches(writer.message, pattern), qPrintable(writer.message));
        QCOMPARE(writer.file, q(file.string()));

        const auto reader = failureOf([&] { readEverything(Store::openReadOnly(file)); });
        if (readerMustFail || reader.type != "nothing") {
            QCOMPARE(reader.type, QStringLiteral("StoreError"));
            QVERIFY2(matches(reader.message, pattern), qPrintable(reader.message));
            QCOMPARE(reader.file, q(file.string()));
        }

        QVERIFY(readFile(file) == before);
    }

    void missingFilesAreNamedAndNotCreated() {
        const auto file = freshFile();
        const auto reader = failureOf([&] { (void)Store::openReadOnly(file); });
        QCOMPARE(reader.type, QStringLiteral("IoError"));
        QCOMPARE(reader.message,
                 q(file.string()) + ": does not exist; check the path, or start a run to create the store");
        QVERIFY(!std::filesystem::exists(file));

        const auto folder = file.parent_path() / "not-yet";
        const auto nested = folder / "runs.edgesmith.db";
        const auto writer = failureOf([&] { (void)Store::open(nested); });
        QCOMPARE(writer.type, QStringLiteral("IoError"));
        QCOMPARE(writer.file, q(nested.string()));
        QCOMPARE(writer.message, q(nested.string()) + ": folder " + q(folder.string()) +
                                     " does not exist; create it, or choose another location for the store");
        QVERIFY(!std::filesystem::exists(folder));
    }

    void emptyFileBecomesAStoreButIsNotReadAsOne() {
        const auto file = freshFile();
        std::ofstream{file};
        const auto reader = failureOf([&] { (void)Store::openReadOnly(file); });
        QCOMPARE(reader.type, QStringLiteral("StoreError"));
        QCOMPARE(reader.message,
                 q(file.string()) + ": holds no EdgeSmith store yet; start a run to create one there");
        QCOMPARE(std::filesystem::file_size(file), std::uintmax_t(0));
        QCOMPARE(Store::open(file).schemaVersion(), kStoreSchemaVersion);
        QCOMPARE(Store::openReadOnly(file).schemaVersion(), kStoreSchemaVersion);
    }

    void version0IsUpgradedInPlace() {
        const auto file = freshFile();
        QVERIFY(writeVersion0(file));
        {
            auto store = Store::open(file);
            QCOMPARE(store.schemaVersion(), 1);
            const auto run = store.createRun(projectDocument(), "random", "proxy", 3, settingsDocument(1));
            store.addCandidate(run, makeCandidate(1), stateAfter(1));
        }
        {
            RawDatabase raw(file);
            QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'"), QStringLiteral("1"));
            QCOMPARE(raw.scalar("PRAGMA application_id"), QString::number(kEdgeSmithApplicationId));
            QCOMPARE(raw.scalar("SELECT count(*) FROM curves"), QStringLiteral("2"));
        }
        const auto reader = Store::openReadOnly(file);
        QCOMPARE(reader.schemaVersion(), 1);
        QCOMPARE(reader.candidates(reader.runs().front().id).size(), std::size_t(1));
    }

    void version0IsNotReadWithoutUpgrade() {
        const auto file = freshFile();
        QVERIFY(writeVersion0(file));
        const std::string before = readFile(file);
        const auto reader = failureOf([&] { (void)Store::openReadOnly(file); });
        QCOMPARE(reader.type, QStringLiteral("StoreError"));
        QCOMPARE(reader.message, q(file.string()) + ": has store schema version 0, older than this EdgeSmith's 1; "
                                                    "open it once for writing (start or resume a run) to upgrade it "
                                                    "in place");
        QVERIFY(readFile(file) == before);
    }

    // The upgrade is one transaction: when a step fails, the file keeps its old version.
    void failedUpgradeLeavesTheFileAsItWas() {
        const auto file = freshFile();
        QVERIFY(writeVersion0(file, " CREATE TABLE events(note TEXT);"));
        const std::string before = readFile(file);
        const auto writer = failureOf([&] { (void)Store::open(file); });
        QCOMPARE(writer.type, QStringLiteral("StoreError"));
        QCOMPARE(writer.message,
                 q(file.string()) + ": cannot upgrade the store from schema version 0 to 1: table events already "
                                    "exists");
        QVERIFY(readFile(file) == before);
        RawDatabase raw(file);
        QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'"), QStringLiteral("0"));
        QCOMPARE(raw.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'runs'"), QStringLiteral("0"));
    }

    void readersSeeAGrowingPrefixWhileAWriterWrites() {
        const auto file = freshFile();
        const auto run = fillStore(file, 0);
        constexpr std::int64_t kCandidates = 300;
        std::atomic<bool> done{false};
        std::string writerProblem;
        std::thread writer([&] {
            try {
                auto store = Store::open(file);
                for (std::int64_t number = 1; number <= kCandidates; ++number)
                    store.addCandidate(run, makeCandidate(number), stateAfter(number));
            } catch (const std::exception& error) {
                writerProblem = error.what();
            }
            done = true;
        });

        std::string readerProblem;
        std::size_t previous = 0;
        int reads = 0;
        while (!done && readerProblem.empty()) {
            try {
                const auto reader = Store::openReadOnly(file);
                const auto candidates = reader.candidates(run);
                const auto counted = reader.run(run).candidates;
                if (candidates.size() < previous) readerProblem = "candidate count went down";
                for (std::size_t index = 0; index < candidates.size(); ++index)
                    if (candidates[index].number != static_cast<std::int64_t>(index) + 1)
                        readerProblem = "candidate numbers are not contiguous";
                if (counted < static_cast<std::int64_t>(candidates.size())) readerProblem = "run count lags";
                previous = candidates.size();
                ++reads;
            } catch (const std::exception& error) {
                readerProblem = error.what();
            }
        }
        writer.join();
        QVERIFY2(writerProblem.empty(), writerProblem.c_str());
        QVERIFY2(readerProblem.empty(), readerProblem.c_str());
        QVERIFY(reads > 1);
        const auto finalCandidates = Store::openReadOnly(file).candidates(run);
        QCOMPARE(finalCandidates.size(), std::size_t(kCandidates));
        compareCandidates(finalCandidates.back(), makeCandidate(kCandidates));
    }

    void twoWritersShareOneFile() {
        const auto file = freshFile();
        fillStore(file, 0);
        constexpr std::int64_t kCandidates = 100;
        std::string problems[2];
        std::int64_t runs[2] = {0, 0};
        auto write = [&](int which) {
            try {
                auto store = Store::open(file);
                runs[which] = store.createRun(projectDocument(), "random", "proxy", 1, settingsDocument(which));
                for (std::int64_t number = 1; number <= kCandidates; ++number) {
                    store.addCandidate(runs[which], makeCandidate(number), stateAfter(number));
                    store.addEvent(runs[which], "info", "told " + std::to_string(number));
                }
            } catch (const std::exception& error) {
                problems[which] = error.what();
            }
        };
        std::thread first(write, 0);
        std::thread second(write, 1);
        first.join();
        second.join();
        QVERIFY2(problems[0].empty(), problems[0].c_str());
        QVERIFY2(problems[1].empty(), problems[1].c_str());
        const auto store = Store::openReadOnly(file);
        QCOMPARE(store.runs().size(), std::size_t(3));
        for (auto run : runs) {
            QCOMPARE(store.candidates(run).size(), std::size_t(kCandidates));
            QCOMPARE(store.events(run).size(), std::size_t(kCandidates));
            QCOMPARE(store.run(run).candidates, kCandidates);
        }
    }

    void killedWriterLosesNothingCommitted() {
        const auto file = freshFile();
        const auto run = fillStore(file, 0);
        constexpr std::int64_t kAtLeast = 40;
        ChildProcess child;
        child.pid = fork();
        if (child.pid == 0) writeUntilKilled(file, run);
        QVERIFY(child.pid > 0);
        QTRY_VERIFY_WITH_TIMEOUT(committedCount(file, run) >= kAtLeast, 60000);
        QCOMPARE(kill(child.pid, SIGKILL), 0);
        int status = 0;
        QCOMPARE(waitpid(child.pid, &status, 0), child.pid);
        child.pid = -1;
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the writer stopped before it was killed");

        auto store = Store::open(file);
        const auto candidates = store.candidates(run);
        const auto count = static_cast<std::int64_t>(candidates.size());
        QVERIFY(count >= kAtLeast);
        for (std::int64_t number = 1; number <= count; ++number) {
            compareCandidates(candidates[static_cast<std::size_t>(number - 1)], makeCandidate(number, 8));
            if (QTest::currentTestFailed()) return;
        }
        const RunInfo info = store.run(run);
        QCOMPARE(info.candidates, count);
        QCOMPARE(info.seconds, 0.25 * static_cast<double>(count));
        QCOMPARE(q(store.runState(run).dump()), q(stateAfter(count).dump()));
        QCOMPARE(RawDatabase(file).scalar("SELECT count(*) FROM curves"), QString::number(2 * count));

        // A resumed run carries on from the next number.
        store.addCandidate(run, makeCandidate(count + 1), stateAfter(count + 1));
        QCOMPARE(store.candidates(run, count).size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
