#include "core/common/atomic_file.h"
#include "core/common/paths.h"
#include "core/project/catalog.h"
#include "core/project/project.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace edgesmith;

namespace {

QString dataDirectory() { return QStringLiteral(EDGESMITH_TEST_DATA "/projects"); }

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> result;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);)
        if (!line.empty()) result.push_back(line);
    return result;
}

std::vector<std::string> diagnosticLines(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> result;
    for (const auto& diagnostic : diagnostics) result.push_back(diagnostic.text());
    return result;
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

} // namespace

class TestProject : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(QDir::setCurrent(dataDirectory())); }

    void shippedProjectsAreValid_data() {
        QTest::addColumn<QString>("file");
        const QDir shipped(QString::fromStdString(projectsDirectory().string()));
        const auto files = shipped.entryList({"*.edgesmith.json"}, QDir::Files);
        QVERIFY(files.size() >= 3);
        for (const auto& file : files) QTest::newRow(qPrintable(file)) << shipped.filePath(file);
        for (const auto& file : QDir("good").entryList({"*.edgesmith.json"}, QDir::Files))
            QTest::newRow(qPrintable("good/" + file)) << "good/" + file;
    }
    void shippedProjectsAreValid() {
        QFETCH(QString, file);
        const auto diagnostics = Project::checkText(readFile(file.toStdString()), file.toStdString());
        for (const auto& diagnostic : diagnostics) qWarning("%s", diagnostic.text().c_str());
        QVERIFY(diagnostics.empty());
        QCOMPARE(QString::fromStdString(Project::load(file.toStdString()).file().string()), file);
    }

    // Each bad file is paired with the exact lines users must see (tests pin the text).
    void badProjectsReportEveryProblem_data() {
        QTest::addColumn<QString>("file");
        const auto files = QDir("bad").entryList({"*.edgesmith.json"}, QDir::Files);
        QVERIFY(files.size() >= 10);
        for (const auto& file : files) QTest::newRow(qPrintable(file)) << "bad/" + file;
    }
    void badProjectsReportEveryProblem() {
        QFETCH(QString, file);
        const std::string path = file.toStdString();
        std::string expectedFile = path.substr(0, path.size() - std::string(".edgesmith.json").size()) + ".expected";
        const std::string expected = replaceAll(readFile(expectedFile), "{resources}", resourceDirectory().string());
        const std::vector<std::string> want = lines(expected);
        const auto got = diagnosticLines(Project::checkText(readFile(path), path));
        if (got != want) {
            for (const auto& line : got) qWarning("got:  %s", line.c_str());
            for (const auto& line : want) qWarning("want: %s", line.c_str());
        }
        QVERIFY(!got.empty());
        QVERIFY(got == want);
        // Loading throws the same problems.
        try {
            Project::load(path);
            QFAIL("load accepted an invalid project");
        } catch (const ValidationError& error) {
            QCOMPARE(diagnosticLines(error.diagnostics()), want);
        }
    }

    void missingFileNamesTheFile() {
        try {
            Project::load("bad/absent.edgesmith.json");
            QFAIL("load accepted a missing file");
        } catch (const IoError& error) {
            QCOMPARE(QString::fromStdString(error.file()), QStringLiteral("bad/absent.edgesmith.json"));
            QVERIFY(QString::fromStdString(error.what()).contains("No such file"));
        }
        try {
            Project::load("bad");
            QFAIL("load accepted a folder");
        } catch (const IoError& error) {
            QVERIFY(QString::fromStdString(error.message()).contains("folder"));
        }
    }

    void saveRoundTripsUnchanged() {
        const auto source = projectsDirectory() / "default.edgesmith.json";
        const std::string original = readFile(source);
        QTemporaryDir folder;
        const std::string copy = folder.filePath("default.edgesmith.json").toStdString();
        writeFileAtomically(copy, original);
        Project project = Project::load(copy);
        QCOMPARE(project.serialize(), original);
        project.save();
        QCOMPARE(readFile(copy), original);
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temporary left behind
    }

    void saveAsElsewhereKeepsDataAndRunsReachable() {
        QTemporaryDir folder;
        QVERIFY(QDir(folder.path()).mkpath("a/data/idx"));
        QVERIFY(QDir(folder.path()).mkpath("b/deeper"));
        for (const char* name : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"})
            writeFileAtomically(folder.filePath(QStringLiteral("a/data/idx/") + name).toStdString(), "");
        Json document = Json::parse(readFile("good/minimal.edgesmith.json"));
        document["dataset"] = {{"kind", "idx"}, {"path", "data/idx"}};
        document["database"] = "runs.db";
        Project project = Project::fromDocument(document, folder.filePath("a/p.edgesmith.json").toStdString());
        const auto database = project.databasePath();
        const auto dataset = project.datasetPath();
        project.saveAs(folder.filePath("b/deeper/p.edgesmith.json").toStdString());
        QCOMPARE(project.document()["dataset"]["path"].get<std::string>(), std::string("../../a/data/idx"));
        QCOMPARE(std::filesystem::weakly_canonical(project.databasePath()), std::filesystem::weakly_canonical(database));
        QCOMPARE(std::filesystem::weakly_canonical(project.datasetPath()), std::filesystem::weakly_canonical(dataset));
        QVERIFY(Project::load(folder.filePath("b/deeper/p.edgesmith.json").toStdString()).document() == project.document());
    }

    void invalidDocumentIsNeverWritten() {
        QTemporaryDir folder;
        const std::string file = folder.filePath("p.edgesmith.json").toStdString();
        const std::string before = readFile("good/minimal.edgesmith.json");
        writeFileAtomically(file, before);
        Project project = Project::load(file);
        Json broken = project.document();
        broken["strategy"]["params"]["samples"] = 0;
        QVERIFY_THROWS_EXCEPTION(ValidationError, Project::fromDocument(broken, file));
        // saveAs into a folder that does not exist fails with an IoError and leaves the original alone.
        QVERIFY_THROWS_EXCEPTION(Error, project.saveAs(folder.filePath("missing/p.edgesmith.json").toStdString()));
        QCOMPARE(readFile(file), before);
    }

    void databaseDefaultsBesideTheProject() {
        Project project = Project::load("good/minimal.edgesmith.json");
        QCOMPARE(QString::fromStdString(project.databasePath().string()), QStringLiteral("good/minimal.edgesmith.db"));
        QCOMPARE(QString::fromStdString(Project::load("good/relative-paths.edgesmith.json").databasePath().string()),
                 QStringLiteral("good/runs/minimal.db"));
    }

    void starterDocumentIsValid() {
        const auto diagnostics = Project::check(Project::starterDocument("New"), "new.edgesmith.json");
        for (const auto& diagnostic : diagnostics) qWarning("%s", diagnostic.text().c_str());
        QVERIFY(diagnostics.empty());
    }

    // The bad file tests/data/projects/bad/unseen-scoring holds the refusal; a subset
    // below 1 leaves unseen images, so the same estimator is accepted.
    void unseenScoringNeedsASupernetSubset() {
        Json document = Json::parse(readFile("bad/unseen-scoring.edgesmith.json"));
        document["estimator"]["params"]["subset"] = 0.5;
        const auto diagnostics = Project::check(document, "unseen.edgesmith.json");
        for (const auto& diagnostic : diagnostics) qWarning("%s", diagnostic.text().c_str());
        QVERIFY(diagnostics.empty());
        document["estimator"]["params"]["subset"] = 1.0;
        QCOMPARE(Project::check(document, "unseen.edgesmith.json").size(), std::size_t(1));
        document["estimator"]["params"]["score_on"] = "validation";
        QVERIFY(Project::check(document, "unseen.edgesmith.json").empty());
    }

    // A few-shot split names one decision of the project's own space, checked before any
    // training: a stage's width passes, a path no decision has and a block decision (one
    // per block) are refused by name.
    void fewShotSplitNamesOneDecisionOfTheSpace() {
        Json document = Json::parse(readFile(projectsDirectory() / "default.edgesmith.json"));
        document["estimator"] = {{"name", "supernet"}, {"params", {{"split", "stages[1].out"}}}};
        const auto diagnostics = Project::check(document, "split.edgesmith.json");
        for (const auto& diagnostic : diagnostics) qWarning("%s", diagnostic.text().c_str());
        QVERIFY(diagnostics.empty());
        for (const char* split : {"stages[9].out", "stages[1].block.kernel"}) {
            document["estimator"]["params"]["split"] = split;
            const auto refused = Project::check(document, "split.edgesmith.json");
            QCOMPARE(refused.size(), std::size_t(1));
            QCOMPARE(QString::fromStdString(refused.front().path), QString("estimator.params.split"));
            QVERIFY2(QString::fromStdString(refused.front().text()).contains(split), refused.front().text().c_str());
        }
    }

    // Progressive shrinking's phase shares must leave steps for its last phase, the one
    // that opens the widths; each share alone passes the schema, so the sum is checked.
    void progressiveSharesLeaveStepsForTheLastPhase() {
        Json document = Json::parse(readFile(projectsDirectory() / "default.edgesmith.json"));
        document["estimator"] = {{"name", "supernet"}, {"params", {{"sampling", "progressive"}, {"largest_share", 0.1}, {"kernel_share", 0.1}}}};
        const auto diagnostics = Project::check(document, "shares.edgesmith.json");
        for (const auto& diagnostic : diagnostics) qWarning("%s", diagnostic.text().c_str());
        QVERIFY(diagnostics.empty());
        document["estimator"]["params"]["depth_share"] = 0.8;
        const auto refused = Project::check(document, "shares.edgesmith.json");
        QCOMPARE(refused.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(refused.front().path), QString("estimator.params.depth_share"));
        QVERIFY2(QString::fromStdString(refused.front().text()).contains("got 1"), refused.front().text().c_str());
        // Another sampling rule reads no shares, so none of them is refused there.
        document["estimator"]["params"]["sampling"] = "fair";
        QVERIFY(Project::check(document, "shares.edgesmith.json").empty());
        document["estimator"]["params"]["sampling"] = "progressive";
        document["estimator"]["params"]["depth_share"] = -0.1;
        const auto negative = Project::check(document, "shares.edgesmith.json");
        QCOMPARE(negative.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(negative.front().path), QString("estimator.params.depth_share"));
    }

    void schemaAtFollowsTheChosenMethod() {
        const Json document = Json::parse(readFile(projectsDirectory() / "default.edgesmith.json"));
        const auto population = Project::schemaAt(document, {"strategy", "params", "population"});
        QVERIFY(population);
        QCOMPARE(int(population->kind()), int(schema::Kind::Integer));
        QCOMPARE(population->minimum().value(), 2.0);
        const auto optimizer = Project::schemaAt(document, {"estimator", "params", "optimizer"});
        QVERIFY(optimizer && optimizer->kind() == schema::Kind::Choice);
        const auto metric = Project::schemaAt(document, {"objectives", "1", "metric"});
        QVERIFY(metric && metric->kind() == schema::Kind::Choice);
        QVERIFY(!Project::schemaAt(document, {"strategy", "params", "no_such_parameter"}));
    }

    void spaceTemplateResolves() {
        const Project project = Project::load((projectsDirectory() / "default.edgesmith.json").string());
        QCOMPARE(project.spaceLabel(), std::string("fmnist-mbconv"));
        QCOMPARE(project.spaceDocument()["name"].get<std::string>(), std::string("fmnist-mbconv"));
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "test_project.moc"
