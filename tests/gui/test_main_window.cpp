#include "app/gui/main_window.h"
#include "app/gui/translations.h"
#include "core/common/atomic_file.h"
#include "core/common/paths.h"
#include "app/gui/search_bridge.h"
#include "core/space/space.h"
#include "core/store/store.h"
#include "widgets/candidate_table_model.h"
#include "widgets/json_tree_model.h"
#include "widgets/pareto_view.h"
#include "widgets/project_panel.h"
#include "widgets/settings_dialog.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

#include <qcustomplot.h>

using edgesmith::gui::MainWindow;

namespace {

QString defaultProject() { return QString::fromStdString(edgesmith::defaultProjectFile().string()); }

QStringList actionTexts(const QMenu* menu) {
    QStringList texts;
    for (const QAction* action : menu->actions())
        if (!action->isSeparator()) texts << action->text().remove('&');
    return texts;
}

QModelIndex valueIndex(MainWindow& window, const QString& path) {
    auto* model = window.projectPanel()->model();
    const QModelIndex key = model->indexForPath(path);
    return key.siblingAtColumn(1);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // never touch the user's own settings
        QCoreApplication::setOrganizationName("EdgeSmithTest");
        QCoreApplication::setApplicationName("EdgeSmithTest");
        QSettings().clear();
    }

    void opensTheDefaultProject() {
        MainWindow window;
        window.setInteractive(false);
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        QVERIFY(window.openProject(defaultProject()));
        QCOMPARE(loaded.count(), 1);
        QVERIFY(window.diagnostics().empty());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains("Fashion-MNIST MBConv"));
        QVERIFY(window.projectPanel()->model()->rowCount() >= 10);
        const QImage image = window.grab().toImage();
        QVERIFY(image.width() >= 800 && image.height() >= 500);
    }

    void menusAndTabsExist() {
        MainWindow window;
        const auto* file = window.findChild<QMenu*>("fileMenu");
        const auto* edit = window.findChild<QMenu*>("editMenu");
        const auto* view = window.findChild<QMenu*>("viewMenu");
        const auto* help = window.findChild<QMenu*>("helpMenu");
        QVERIFY(file && edit && view && help);
        const auto* run = window.findChild<QMenu*>("runMenu");
        QVERIFY(run);
        QCOMPARE(actionTexts(run), QStringList({"Start Search", "Pause", "Cancel Search"}));
        for (const char* text : {"New Project", "Open…", "Open Recent", "Save", "Save As…", "Quit"})
            QVERIFY2(actionTexts(file).contains(text), text);
        QVERIFY(actionTexts(edit).contains("Undo"));
        QVERIFY(actionTexts(edit).contains("Redo"));
        QVERIFY(actionTexts(edit).contains("Settings…"));
        QVERIFY(actionTexts(view).contains("Project panel"));
        QVERIFY(actionTexts(help).contains("About EdgeSmith"));
        QStringList tabs;
        for (int index = 0; index < window.tabs()->count(); ++index) tabs << window.tabs()->tabText(index);
        QCOMPARE(tabs, QStringList({"Search space", "Pareto", "Candidates", "Layers", "Compare", "Log"}));
    }

    void saveAndOpenRoundTripUnchanged() {
        QTemporaryDir folder;
        const std::string original = edgesmith::readFile(defaultProject().toStdString());
        const QString first = folder.filePath("default.edgesmith.json");
        edgesmith::writeFileAtomically(first.toStdString(), original);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(first));
        const QString second = folder.filePath("copy.edgesmith.json");
        QVERIFY(window.saveProjectAs(second));
        QCOMPARE(edgesmith::readFile(second.toStdString()), original);
        QVERIFY(window.openProject(second));
        QVERIFY(window.document() == edgesmith::Json::parse(original));
        QCOMPARE(QSettings().value("recentProjects").toStringList().value(0), QFileInfo(second).absoluteFilePath());
    }

    void editsAreValidatedAndUndoable() {
        QTemporaryDir folder;
        const QString file = folder.filePath("p.edgesmith.json");
        edgesmith::writeFileAtomically(file.toStdString(), edgesmith::readFile(defaultProject().toStdString()));
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(file));
        const std::string before = edgesmith::readFile(file.toStdString());

        const QModelIndex population = valueIndex(window, "strategy.params.population");
        QVERIFY(population.isValid());
        QCOMPARE(population.data(Qt::EditRole).toInt(), 16);
        QVERIFY(window.projectPanel()->model()->setData(population, 1, Qt::EditRole));
        QCOMPARE(window.diagnostics().size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(window.diagnostics()[0].path), QStringLiteral("strategy.params.population"));
        QVERIFY(window.isWindowModified());

        QSignalSpy errors(&window, &MainWindow::errorReported);
        QVERIFY(!window.saveProject());
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors[0][1].toString().contains("strategy.params.population: must be ≥ 2, got 1"));
        QCOMPARE(edgesmith::readFile(file.toStdString()), before);

        window.undoStack()->undo();
        QVERIFY(window.diagnostics().empty());
        QCOMPARE(valueIndex(window, "strategy.params.population").data(Qt::EditRole).toInt(), 16);
        QVERIFY(!window.isWindowModified());
        window.undoStack()->redo();
        QCOMPARE(window.diagnostics().size(), std::size_t(1));

        // The schema offers the allowed values for choices.
        const QStringList choices = valueIndex(window, "strategy.name").data(edgesmith::widgets::JsonTreeModel::ChoicesRole).toStringList();
        QVERIFY(choices.contains("nsga2") && choices.contains("random"));
    }

    void badFilesAreReportedNotOpened() {
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(defaultProject()));
        QSignalSpy errors(&window, &MainWindow::errorReported);
        QVERIFY(!window.openProject(EDGESMITH_TEST_DATA "/projects/bad/not-json.edgesmith.json"));
        QVERIFY(!window.openProject(EDGESMITH_TEST_DATA "/projects/bad/absent.edgesmith.json"));
        QCOMPARE(errors.count(), 2);
        QVERIFY(errors[0][1].toString().contains("not valid JSON at line 4, column 1"));
        QCOMPARE(window.projectFile(), defaultProject()); // the open project is kept

        // A readable but invalid project opens, with its problems listed for fixing.
        QVERIFY(window.openProject(EDGESMITH_TEST_DATA "/projects/bad/out-of-range.edgesmith.json"));
        QCOMPARE(window.projectPanel()->diagnosticCount(), 9);
    }

    void settingsDialogRoundTrips() {
        edgesmith::widgets::AppSettings current;
        current.threads = 2;
        current.language = "de";
        edgesmith::widgets::SettingsDialog dialog(current);
        QCOMPARE(dialog.findChild<QSpinBox*>("threads")->value(), 2);
        QCOMPARE(dialog.findChild<QComboBox*>("language")->currentData().toString(), QStringLiteral("de"));
        QVERIFY(dialog.findChild<QComboBox*>("device")->count() >= 1);
        dialog.findChild<QSpinBox*>("threads")->setValue(1);
        QCOMPARE(dialog.settings().threads, 1);
        QCOMPARE(dialog.settings().language, QStringLiteral("de"));
    }

    // Last: installs translators for the rest of the process.
    void germanAndChineseTranslationsLoad() {
        QCOMPARE(edgesmith::gui::installTranslations(*QCoreApplication::instance(), "zh_CN"), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("edgesmith::gui::MainWindow", "&File"), QStringLiteral("文件(&F)"));
        QCOMPARE(edgesmith::gui::installTranslations(*QCoreApplication::instance(), "de"), QStringLiteral("de_DE"));
        MainWindow window;
        QStringList tabs;
        for (int index = 0; index < window.tabs()->count(); ++index) tabs << window.tabs()->tabText(index);
        QCOMPARE(tabs, QStringList({"Suchraum", "Pareto", "Kandidaten", "Schichten", "Vergleich", "Protokoll"}));
        QCOMPARE(window.findChild<QMenu*>("fileMenu")->title(), QStringLiteral("&Datei"));
    }

    // A live search from the window: candidates arrive in the table and the Pareto plot
    // while the GUI thread stays free, the run actions follow the run, and the store has
    // every candidate the table shows.
    void searchRunsLiveWithoutBlocking() {
        QTemporaryDir folder;
        const std::string dir = folder.path().toStdString();
        const edgesmith::Json space = edgesmith::Json::parse(R"({"name": "gui", "backbone": "chain", "classes": 10,
            "input": {"channels": 1, "resolution": 28},
            "stem": [{"op": "conv", "out": 8, "stride": 2}],
            "stages": [{"depth": [1, 2, 3], "stride": 2, "out": [8, 16, 24],
                        "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [1, 3, 6]}}],
            "head": [{"op": "global_avg_pool"}, {"op": "linear", "out": 10}]})");
        const auto parsed = edgesmith::SearchSpace::parse(space, "gui.json");
        edgesmith::Json table = edgesmith::Json::object();
        for (const auto& genotype : parsed.enumerate(100000)) {
            const auto metrics = edgesmith::computeMetrics(parsed.derive(genotype, false));
            table[parsed.key(genotype)] = {{"accuracy", 80 + 3 * std::log10(double(metrics.macs))}};
        }
        edgesmith::writeFileAtomically(dir + "/table.json", table.dump());
        edgesmith::Json project = edgesmith::Json::parse(edgesmith::readFile(defaultProject().toStdString()));
        project["space"] = {{"inline", space}};
        project["objectives"] = edgesmith::Json::array({{{"metric", "accuracy"}}, {{"metric", "macs"}}});
        project["constraints"] = edgesmith::Json::object();
        project["estimator"] = {{"name", "table"}, {"params", {{"file", "table.json"}}}};
        project["database"] = "gui.db";
        project["dataset"] = {{"kind", "synthetic"}, {"classes", 10}, {"samples", 100}};
        edgesmith::writeFileAtomically(dir + "/gui.edgesmith.json", project.dump(2));

        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(folder.path() + "/gui.edgesmith.json"));
        QVERIFY(window.diagnostics().empty());
        QSignalSpy finished(&window, &MainWindow::searchFinished);
        auto* start = window.findChild<QAction*>("startSearchAction");
        auto* cancel = window.findChild<QAction*>("cancelSearchAction");
        QVERIFY(start && cancel && start->isEnabled() && !cancel->isEnabled());
        QVERIFY(window.startSearch(60));
        QVERIFY(!start->isEnabled() && cancel->isEnabled());
        QVERIFY(!window.startSearch(60)); // one run at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().at(0).toString(), QStringLiteral("finished"));
        QVERIFY(start->isEnabled() && !cancel->isEnabled());
        QCOMPARE(window.candidateModel()->rowCount(), 60);
        window.paretoView()->refresh();
        QCOMPARE(window.paretoView()->candidateCount(), 60);
        const QStringList front = window.paretoView()->frontKeys();
        QVERIFY(!front.isEmpty() && front.size() < 60);
        auto* plot = window.paretoView()->plot();
        QCOMPARE(plot->graph(0)->dataCount() + plot->graph(1)->dataCount(), 60);
        QCOMPARE(plot->graph(1)->dataCount(), front.size());
        const auto stored = edgesmith::Store::openReadOnly(dir + "/gui.db").candidates(1);
        QCOMPARE(stored.size(), std::size_t(60));
        QCOMPARE(window.candidateModel()->record(59)["genotype"].get<std::string>(), stored.back().key);
        if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR")) { // for looking at it, not asserting
            window.resize(1400, 860);
            window.paretoView()->refresh();
            window.paretoView()->plot()->replot();
            window.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/search.png");
        }
    }

    void searchNeedsAValidProject() {
        MainWindow window;
        window.setInteractive(false);
        QSignalSpy errors(&window, &MainWindow::errorReported);
        QVERIFY(!window.startSearch()); // a new, unsaved project
        QCOMPARE(errors.count(), 1);
        // Compared through the translator: an earlier test may have switched the language.
        QCOMPARE(errors.first().at(1).toString(),
                 QCoreApplication::translate("edgesmith::gui::MainWindow",
                                             "Save the project first: its experiment database and relative paths live beside the file."));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
