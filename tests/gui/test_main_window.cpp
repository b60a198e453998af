#include "app/gui/main_window.h"
#include "app/gui/translations.h"
#include "core/common/atomic_file.h"
#include "core/common/paths.h"
#include "core/engine/compression_run.h"
#include "app/gui/search_bridge.h"
#include "core/space/space.h"
#include "core/store/store.h"
#include "widgets/candidate_table_model.h"
#include "widgets/architecture_weights_view.h"
#include "widgets/cluster_dialog.h"
#include "widgets/compare_view.h"
#include "widgets/compress_dialog.h"
#include "widgets/device_measure_dialog.h"
#include "widgets/device_profile_dialog.h"
#include "core/hw/device_latency_models.h"
#include "core/hw/device_kit.h"
#include "core/hw/device_measurements.h"
#include "core/hw/device_profile.h"
#include "core/hw/hardware_model.h"
#include "widgets/export_dialog.h"
#include "core/engine/export_job.h"
#include "widgets/convergence_view.h"
#include "widgets/layer_inspector.h"
#include "widgets/layer_table_model.h"
#include "widgets/log_view.h"
#include "widgets/run_table_model.h"
#include "widgets/schema_form.h"
#include "widgets/search_launcher.h"
#include "widgets/space_canvas.h"
#include "widgets/space_editor.h"
#include "core/project/catalog.h"
#include "core/project/project.h"
#include "widgets/json_tree_model.h"
#include "widgets/pareto_view.h"
#include "widgets/project_panel.h"
#include "widgets/settings_dialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QMessageBox>
#include <QStandardItemModel>
#include <QTreeWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QProgressBar>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

#include <qcustomplot.h>
#include <csignal>
#include <random>
#include <set>

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

// A project over a small inline MBConv space whose accuracy comes from a table (a
// tabular oracle): searches run in seconds and give the same numbers every time.
QString writeTableProject(const QTemporaryDir& folder) {
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
        // Larger is more accurate, with a fixed per-genotype wobble so that many are dominated.
        const std::string key = parsed.key(genotype);
        int wobble = 0;
        for (std::size_t index = 0; index < key.size(); ++index) wobble = (wobble + int(index + 1) * key[index]) % 97;
        table[key] = {{"accuracy", 80 + 3 * std::log10(double(metrics.macs)) + (wobble - 48) / 24.0}};
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
    return folder.path() + "/gui.edgesmith.json";
}

// The default project copied into `folder`, so that its devices folder is a scratch one.
QString copyDefaultProject(const QTemporaryDir& folder) {
    const QString file = folder.filePath("p.edgesmith.json");
    edgesmith::writeFileAtomically(file.toStdString(), edgesmith::readFile(defaultProject().toStdString()));
    return file;
}

// Column texts of a profile list row, by profile name.
QStringList profileRow(const QTreeWidget* list, const QString& name) {
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        const QTreeWidgetItem* item = list->topLevelItem(row);
        if (item->data(0, Qt::UserRole).toString() == name) return {item->text(0), item->text(1), item->text(2)};
    }
    return {};
}

// The error boxes a profile dialog opened (without blocking), closed after reading them.
QStringList takeErrorBoxes(QWidget& dialog) {
    QStringList texts;
    for (QMessageBox* box : dialog.findChildren<QMessageBox*>("deviceProfileError")) {
        texts << box->text();
        delete box;
    }
    return texts;
}

// A project whose candidates cost no training (analytic MACs and params): a CLI search of
// it commits a few hundred candidates a second.
QString writeAnalyticProject(const QTemporaryDir& folder) {
    const edgesmith::Json project = edgesmith::Json::parse(R"({"format_version": 1, "name": "follow",
        "dataset": {"kind": "synthetic", "classes": 10, "samples": 100},
        "space": {"inline": {"name": "follow", "backbone": "chain", "classes": 10, "input": {"channels": 1, "resolution": 16},
            "stem": [{"op": "conv", "out": 8, "kernel": 3}],
            "stages": [{"depth": [1, 2], "stride": 1, "out": [8, 16], "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [1, 3, 6]}},
                       {"depth": [1, 2], "stride": 2, "out": [16, 32], "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [3, 6]}}],
            "head": [{"op": "global_avg_pool"}, {"op": "linear", "out": 10}]}},
        "objectives": [{"metric": "macs"}, {"metric": "params"}],
        "strategy": {"name": "random", "params": {"seed": 5}},
        "estimator": {"name": "analytic"},
        "database": "runs.db"})");
    const QString file = folder.filePath("follow.edgesmith.json");
    edgesmith::writeFileAtomically(file.toStdString(), project.dump(2));
    return file;
}

// An `sbatch` in `folder` that prints `output` (on stderr when it fails with `exitCode`) and
// keeps its arguments in sbatch.args beside it: a Slurm submission without a cluster.
void writeFakeSbatch(const QString& folder, const QString& output, int exitCode = 0) {
    const QString file = folder + "/sbatch";
    const QString script = QStringLiteral("#!/bin/sh\nprintf '%s\\n' \"$@\" > \"${0%/*}/sbatch.args\"\necho '%1'%2\nexit %3\n")
                               .arg(output, exitCode == 0 ? QString() : QStringLiteral(" >&2"))
                               .arg(exitCode);
    edgesmith::writeFileAtomically(file.toStdString(), script.toStdString());
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// A network's time on a pretend device: a fixed cost, one per MAC and one per layer (which
// MACs alone do not explain), and a little noise.
double pretendMs(double macs, std::size_t layers, std::mt19937& random) {
    std::normal_distribution<double> noise(1.0, 0.02);
    return (0.3 + macs * 8e-8 + 0.04 * double(layers)) * noise(random);
}

struct ResultRow {
    std::string kind, key;
    double ms;
};

// results.csv as the kit's runners write it (every field quoted: layer keys hold commas).
void writeResults(const QString& file, const std::vector<ResultRow>& rows) {
    const auto quoted = [](std::string text) {
        std::string out = "\"";
        for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + "\"";
    };
    std::string csv = "kind,genotype,median_ms,p10_ms,p90_ms,runs,threads,device,stable\n";
    for (const ResultRow& row : rows)
        csv += quoted(row.kind) + "," + quoted(row.key) + "," + std::to_string(row.ms) + "," + std::to_string(row.ms * 0.97) + "," +
               std::to_string(row.ms * 1.04) + ",60,1,\"test device\",yes\n";
    edgesmith::writeFileAtomically(file.toStdString(), csv);
}

// The measurements of every network and layer configuration of the kit in `folder`.
std::vector<ResultRow> kitResults(const QString& folder, std::uint32_t seed) {
    const edgesmith::Json manifest = edgesmith::readKitManifest(folder.toStdString());
    std::mt19937 random(seed);
    std::vector<ResultRow> rows;
    for (const auto& model : manifest["models"])
        rows.push_back({"model", model["genotype"].get<std::string>(), pretendMs(model["macs"].get<double>(), model["layers"].size(), random)});
    for (const auto& layer : manifest["layers"]) rows.push_back({"layer", layer["configuration"].get<std::string>(), 0.05});
    return rows;
}

// Data points of a plot's scatter graphs (those drawn without lines).
int scatterPoints(QCustomPlot* plot) {
    int points = 0;
    for (int index = 0; index < plot->graphCount(); ++index)
        if (plot->graph(index)->lineStyle() == QCPGraph::lsNone) points += plot->graph(index)->dataCount();
    return points;
}

// PATH as given until the end of the scope: what the dialog finds sbatch on.
class ScopedPath {
public:
    explicit ScopedPath(const QString& path) : saved_(qgetenv("PATH")) { qputenv("PATH", path.toLocal8Bit()); }
    ~ScopedPath() { qputenv("PATH", saved_); }
    ScopedPath(const ScopedPath&) = delete;
    ScopedPath& operator=(const ScopedPath&) = delete;

private:
    QByteArray saved_;
};

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
        QCOMPARE(actionTexts(run), QStringList({"Start Search", "Start Search With…", "Pause", "Cancel Search", "Resume Run", "Compress Selected Candidate…", "Export Selected Candidate…", "Export Run Report…", "Run on Cluster…"}));
        for (const char* text : {"New Project", "Open…", "Open Recent", "Save", "Save As…", "Quit"})
            QVERIFY2(actionTexts(file).contains(text), text);
        QVERIFY(actionTexts(edit).contains("Undo"));
        QVERIFY(actionTexts(edit).contains("Redo"));
        QVERIFY(actionTexts(edit).contains("Settings…"));
        QVERIFY(actionTexts(view).contains("Project panel"));
        QVERIFY(actionTexts(help).contains("About EdgeSmith"));
        const auto* hardware = window.findChild<QMenu*>("hardwareMenu");
        QVERIFY(hardware);
        QCOMPARE(actionTexts(hardware), QStringList({"Device profiles…", "Measure on a Device…"}));
        QStringList tabs;
        for (int index = 0; index < window.tabs()->count(); ++index) tabs << window.tabs()->tabText(index);
        QCOMPARE(tabs, QStringList({"Search space", "Pareto", "Candidates", "Layers", "Compare", "Architecture weights", "Runs", "Log"}));
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

    // Removes its translators at the end, so later tests (and their screenshots) read English.
    void germanAndChineseTranslationsLoad() {
        QCOMPARE(edgesmith::gui::installTranslations(*QCoreApplication::instance(), "zh_CN"), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("edgesmith::gui::MainWindow", "&File"), QStringLiteral("文件(&F)"));
        QCOMPARE(edgesmith::gui::installTranslations(*QCoreApplication::instance(), "de"), QStringLiteral("de_DE"));
        MainWindow window;
        QStringList tabs;
        for (int index = 0; index < window.tabs()->count(); ++index) tabs << window.tabs()->tabText(index);
        QCOMPARE(tabs, QStringList({"Suchraum", "Pareto", "Kandidaten", "Schichten", "Vergleich", "Architekturgewichte", "Läufe", "Protokoll"}));
        QCOMPARE(window.findChild<QMenu*>("fileMenu")->title(), QStringLiteral("&Datei"));
        QCOMPARE(window.findChild<QAction*>("deviceProfilesAction")->text(), QStringLiteral("&Geräteprofile…"));
        QCOMPARE(window.findChild<QAction*>("deviceMeasureAction")->text(), QStringLiteral("&Auf einem Gerät messen…"));
        for (QTranslator* translator : QCoreApplication::instance()->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QCOMPARE(QCoreApplication::translate("edgesmith::gui::MainWindow", "&File"), QStringLiteral("&File"));
    }

    // A live search from the window: candidates arrive in the table and the Pareto plot
    // while the GUI thread stays free, the run actions follow the run, and the store has
    // every candidate the table shows.
    void searchRunsLiveWithoutBlocking() {
        QTemporaryDir folder;
        const std::string dir = folder.path().toStdString();
        const QString projectFile = writeTableProject(folder);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(projectFile));
        QVERIFY(window.diagnostics().empty());
        QSignalSpy finished(&window, &MainWindow::searchFinished);
        // The longest gap between ticks of a 5 ms timer while the run goes on: how long the
        // GUI thread was busy at a stretch.
        QElapsedTimer clock;
        qint64 lastTick = 0, longestGap = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, &ticker, [&] {
            longestGap = std::max(longestGap, clock.elapsed() - lastTick);
            lastTick = clock.elapsed();
        });
        auto* start = window.findChild<QAction*>("startSearchAction");
        auto* cancel = window.findChild<QAction*>("cancelSearchAction");
        QVERIFY(start && cancel && start->isEnabled() && !cancel->isEnabled());
        clock.start();
        ticker.start();
        QVERIFY(window.startSearch(60));
        QVERIFY(!start->isEnabled() && cancel->isEnabled());
        QVERIFY(!window.startSearch(60)); // one run at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        ticker.stop();
        QVERIFY2(longestGap < 100, qPrintable(QStringLiteral("GUI thread blocked for %1 ms").arg(longestGap)));
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
        // The convergence plot: one hypervolume per candidate, never decreasing; with the two
        // objectives on the axes its front is the plot's front, and the table marks it.
        window.convergenceView()->refresh();
        const auto& volumes = window.convergenceView()->hypervolumes();
        QCOMPARE(volumes.size(), std::size_t(60));
        for (std::size_t index = 1; index < volumes.size(); ++index) QVERIFY(volumes[index] >= volumes[index - 1]);
        QVERIFY(volumes.back() > 0);
        QStringList convergenceFront = window.convergenceView()->frontKeys(), plotFront = front;
        convergenceFront.sort();
        plotFront.sort();
        QCOMPARE(convergenceFront, plotFront);
        int marked = 0;
        for (int row = 0; row < window.candidateModel()->rowCount(); ++row) marked += window.candidateModel()->onFront(row) ? 1 : 0;
        QCOMPARE(marked, front.size());
        QCOMPARE(window.runModel()->rowCount(), 1);
        QCOMPARE(window.runModel()->run(0).candidates, qint64(60));
        if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR")) { // for looking at it, not asserting
            window.resize(1280, 800); // the smallest size the layout is made for
            window.paretoView()->refresh();
            window.paretoView()->plot()->replot();
            window.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/pareto.png");
        }
    }

    // A supernet search spends its first candidate training the supernet: the status bar
    // shows that training's progress, which only the log showed before.
    void supernetTrainingShowsItsProgress() {
        QTemporaryDir folder;
        const std::string dir = folder.path().toStdString();
        writeTableProject(folder);
        edgesmith::Json project = edgesmith::Json::parse(edgesmith::readFile(dir + "/gui.edgesmith.json"));
        project["estimator"] = {{"name", "supernet"}, {"params", {{"epochs", 2}, {"batch_size", 16}, {"recalibration_batches", 2}, {"reuse", false}}}};
        project["dataset"] = {{"kind", "synthetic"}, {"classes", 10}, {"samples", 160}, {"validation_fraction", 0.25}};
        edgesmith::writeFileAtomically(dir + "/supernet.edgesmith.json", project.dump(2));
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(QString::fromStdString(dir + "/supernet.edgesmith.json")));
        QVERIFY2(window.diagnostics().empty(), window.diagnostics().empty() ? "" : window.diagnostics().front().text().c_str());
        QSignalSpy progress(window.searchBridge(), &edgesmith::gui::SearchBridge::taskProgress);
        QSignalSpy finished(&window, &MainWindow::searchFinished);
        QVERIFY(window.startSearch(2));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QCOMPARE(finished.first().at(0).toString(), QStringLiteral("finished"));
        QVERIFY(progress.count() >= 1);
        double previous = 0;
        for (const auto& arguments : progress) {
            QCOMPARE(arguments.at(0).toString(), QStringLiteral("Training the supernet"));
            const double fraction = arguments.at(1).toDouble();
            QVERIFY(fraction >= previous && fraction <= 1.0);
            previous = fraction;
        }
        QCOMPARE(previous, 1.0);
        auto* bar = window.findChild<QProgressBar*>("taskProgress");
        QVERIFY(bar && !bar->isVisible()); // gone once the run ends
        // Part-way, the bar says what runs, how far it is and how long is left.
        window.show();
        Q_EMIT window.searchBridge()->taskProgress(QStringLiteral("Training the supernet"), 0.4, 150);
        QTRY_VERIFY(bar->isVisible());
        QCOMPARE(bar->value(), 400);
        QVERIFY2(bar->text().contains("40") && bar->text().contains("3 min"), qPrintable(bar->text()));
    }

    // Clicking a point selects the candidate in the table and the layer inspector; several
    // rows go to the Compare tab; the plot exports; reopening the project shows the run.
    void selectionReachesEveryView() {
        QTemporaryDir folder;
        const QString projectFile = writeTableProject(folder);
        QStringList front;
        {
            MainWindow window;
            window.setInteractive(false);
            window.resize(1400, 860);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openProject(projectFile));
            QSignalSpy finished(&window, &MainWindow::searchFinished);
            QVERIFY(window.startSearch(40));
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
            auto* pareto = window.paretoView();
            pareto->refresh();
            auto* plot = pareto->plot();
            plot->replot();
            front = pareto->frontKeys();
            QVERIFY(front.size() >= 2);

            // A click on a front point.
            const QString key = front.front();
            const int row = window.candidateModel()->rowOf(key);
            const auto metrics = window.candidateModel()->record(row)["metrics"];
            const QPoint pixel(qRound(plot->xAxis->coordToPixel(metrics[pareto->xMetric().toStdString()].get<double>())),
                               qRound(plot->yAxis->coordToPixel(metrics[pareto->yMetric().toStdString()].get<double>())));
            QCOMPARE(pareto->keyAt(pixel), key);
            QVERIFY(pareto->toolTipFor(key).contains(key));
            QSignalSpy clicked(pareto, &edgesmith::widgets::ParetoView::candidateClicked);
            QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, pixel);
            QCOMPARE(clicked.count(), 1);
            QCOMPARE(pareto->selectedKeys(), QStringList{key});
            QCOMPARE(plot->graph(3)->dataCount(), 1); // the selection ring
            const QModelIndexList selected = window.candidateTable()->selectionModel()->selectedRows();
            QCOMPARE(selected.size(), 1);
            QCOMPARE(selected.front().data().toString(), key);
            const edgesmith::Json layers = window.layersOf(key);
            QVERIFY(layers.size() >= 4);
            QCOMPARE(window.layerInspector()->model()->rowCount(), int(layers.size()));
            QCOMPARE(window.layerInspector()->highlightedLayers().size(), 3);
            // The largest MACs layer is among the highlighted ones.
            std::string largest;
            double most = -1;
            for (const auto& layer : layers)
                if (layer["macs"].get<double>() > most) most = layer["macs"].get<double>(), largest = layer["name"].get<std::string>();
            QVERIFY(window.layerInspector()->highlightedLayers().contains(QString::fromStdString(largest)));

            // Two rows of the table: the Compare tab shows both, the plot rings both.
            auto* table = window.candidateTable();
            table->selectionModel()->clearSelection();
            table->selectionModel()->select(table->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
            table->selectionModel()->select(table->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
            QCOMPARE(window.compareView()->entryCount(), 2);
            QCOMPARE(pareto->selectedKeys().size(), 2);
            QVERIFY(window.compareView()->table()->rowCount() >= 3); // genotype + the metrics

            // Shift+drag over the whole plot selects every plotted candidate.
            QSignalSpy rubberBand(pareto, &edgesmith::widgets::ParetoView::candidatesSelected);
            const QRect area = plot->axisRect()->rect();
            QCOMPARE(pareto->keysIn(area).size(), pareto->candidateCount());
            QTest::mousePress(plot, Qt::LeftButton, Qt::ShiftModifier, area.topLeft() + QPoint(1, 1));
            QMouseEvent move(QEvent::MouseMove, QPointF(area.bottomRight() - QPoint(1, 1)), plot->mapToGlobal(QPointF(area.bottomRight())),
                             Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
            QCoreApplication::sendEvent(plot, &move);
            QTest::mouseRelease(plot, Qt::LeftButton, Qt::ShiftModifier, area.bottomRight() - QPoint(1, 1));
            QCOMPARE(rubberBand.count(), 1);
            QCOMPARE(rubberBand.first().at(0).toStringList().size(), pareto->candidateCount());

            // Export in the three formats.
            for (const QString& name : {QStringLiteral("plot.png"), QStringLiteral("plot.svg"), QStringLiteral("plot.pdf")}) {
                QString error;
                QVERIFY2(pareto->exportTo(folder.filePath(name), &error), qPrintable(error));
                QVERIFY(QFileInfo(folder.filePath(name)).size() > 1000);
            }
            QCOMPARE(QImage(folder.filePath("plot.png")).width(), 1200);
            QFile svg(folder.filePath("plot.svg"));
            QVERIFY(svg.open(QIODevice::ReadOnly) && svg.readAll().contains("<svg"));
            QString error;
            QVERIFY(!pareto->exportTo(folder.filePath("plot.bmpx"), &error));
            QVERIFY(error.contains("plot.bmpx"));
            if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR")) {
                window.tabs()->setCurrentWidget(window.layerInspector());
                window.layerInspector()->chart()->replot();
                window.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/layers.png");
                window.tabs()->setCurrentWidget(window.compareView());
                window.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/compare.png");
            }
        }
        // Reopened, the project shows its latest run from the store.
        MainWindow reopened;
        reopened.setInteractive(false);
        QVERIFY(reopened.openProject(projectFile));
        QCOMPARE(reopened.shownRun(), qint64(1));
        QCOMPARE(reopened.candidateModel()->rowCount(), 40);
        reopened.paretoView()->refresh();
        QCOMPARE(reopened.paretoView()->frontKeys(), front);
        QCOMPARE(reopened.runModel()->rowCount(), 1);
        QVERIFY(!reopened.loadRun(7)); // no such run: reported, nothing lost
        QCOMPARE(reopened.candidateModel()->rowCount(), 40);
    }

    // A compression run in the store shows in the same views as a search run: its
    // candidates in the table and plot, each one's bitwidths in the layer inspector.
    void compressionRunsShowTheirPolicies() {
        QTemporaryDir folder;
        const QString projectFile = writeTableProject(folder);
        const edgesmith::Project project = edgesmith::Project::load(projectFile.toStdString());
        const auto space = edgesmith::SearchSpace::parse(project.spaceDocument(), "space");
        const edgesmith::Genotype genotype = space.canonical(edgesmith::Genotype(space.decisions().size(), 1));
        const edgesmith::Architecture architecture = space.derive(genotype);
        {
            edgesmith::Store store = edgesmith::Store::open(project.databasePath());
            edgesmith::CompressionRun run(store, project, "mixed-precision/evolution", {space.key(genotype), 0, 0, ""}, edgesmith::Json::object());
            for (int bits : {2, 4, 8}) {
                // The view is under test here, not the search: policies with made-up scores.
                edgesmith::PolicyTrial trial;
                trial.number = bits;
                trial.policy = edgesmith::QuantizationPolicy::uniform(architecture, bits, 8);
                trial.policy.weightBits.front() = 8;
                trial.metrics = edgesmith::computeMetrics(architecture, trial.policy.bitwidths());
                trial.accuracy = 70 + bits;
                run.add(edgesmith::policyCandidate(architecture, space.key(genotype), trial));
            }
            run.finish();
        }
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(projectFile));
        QVERIFY(window.loadRun(1));
        QCOMPARE(window.candidateModel()->rowCount(), 3);
        const QString key = QString::fromStdString(window.candidateModel()->record(0)["genotype"].get<std::string>());
        QVERIFY2(key.contains(QStringLiteral("@w8.2.2")), qPrintable(key));
        window.paretoView()->refresh();
        QCOMPARE(window.paretoView()->candidateCount(), 3);
        window.selectCandidate(key);
        auto* layers = window.layerInspector()->model();
        QCOMPARE(layers->rowCount(), int(architecture.layers.size()));
        QSet<int> bits;
        for (int row = 0; row < layers->rowCount(); ++row) {
            const QVariant value = layers->index(row, edgesmith::widgets::LayerTableModel::WeightBits).data(Qt::UserRole);
            if (value.toDouble() > 0) bits.insert(value.toInt());
        }
        QCOMPARE(bits, (QSet<int>{8, 2}));
        QCOMPARE(window.layersOf(key).size(), architecture.layers.size()); // the architecture part of the key still derives
        if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR")) {
            window.resize(1400, 860);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.tabs()->setCurrentWidget(window.layerInspector());
            window.layerInspector()->chart()->replot();
            window.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/compression-layers.png");
        }
    }

    // Run → Compress Selected Candidate…: the dialog's choices become a job, the job runs
    // off the GUI thread (real training and policy search on the project's data), and its
    // run is shown when it ends, each policy with its bitwidths.
    void compressesASelectedCandidate() {
        QTemporaryDir folder;
        const QString projectFile = writeTableProject(folder);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(projectFile));
        QSignalSpy finished(&window, &MainWindow::searchFinished);
        QVERIFY(window.startSearch(6));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const QString key = QString::fromStdString(window.candidateModel()->record(0)["genotype"].get<std::string>());
        window.selectCandidate(key);
        QCOMPARE(window.selectedKey(), key);

        edgesmith::widgets::CompressDialog dialog(key, 0);
        dialog.methodChoice()->setCurrentIndex(dialog.methodChoice()->findData("pipeline"));
        QVERIFY(!dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled()); // the project has no pipeline
        dialog.methodChoice()->setCurrentIndex(dialog.methodChoice()->findData("mixed"));
        dialog.strategyChoice()->setCurrentText("annealing");
        dialog.evaluationsBox()->setValue(3);
        if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR")) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/compress-dialog.png");
            dialog.hide();
        }
        edgesmith::Json job = dialog.job();
        QCOMPARE(job["method"].get<std::string>(), std::string("mixed"));
        QCOMPARE(job["evaluations"].get<int>(), 3);
        job["training_epochs"] = 1;

        QSignalSpy recorded(window.findChild<edgesmith::gui::SearchBridge*>(), &edgesmith::gui::SearchBridge::compressionRecorded);
        QVERIFY(window.compressCandidate(key, job));
        QVERIFY(!window.findChild<QAction*>("compressAction")->isEnabled()); // one job at a time
        QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 1, 120000);
        const qint64 run = recorded.first().at(0).toLongLong();
        QCOMPARE(window.shownRun(), run);
        QCOMPARE(window.candidateModel()->rowCount(), 4); // three policies and the fine-tuned best
        const edgesmith::RunInfo info = edgesmith::Store::openReadOnly(folder.filePath("gui.db").toStdString()).run(run);
        QCOMPARE(info.strategy, std::string("mixed-search/annealing"));
        QCOMPARE(info.settings["compression"]["source_run"].get<qint64>(), qint64(1));
        const QString compressed = QString::fromStdString(window.candidateModel()->record(3)["genotype"].get<std::string>());
        QVERIFY2(compressed.endsWith("-finetuned"), qPrintable(compressed));
        window.selectCandidate(compressed);
        int quantized = 0;
        auto* layers = window.layerInspector()->model();
        for (int row = 0; row < layers->rowCount(); ++row)
            quantized += layers->index(row, edgesmith::widgets::LayerTableModel::WeightBits).data(Qt::UserRole).toDouble() > 0;
        QVERIFY(quantized > 0);
        QVERIFY(window.findChild<QAction*>("compressAction")->isEnabled());
    }

    // Right-click on a candidate offers Export…; the dialog says what will happen (a first
    // export trains; a later one reuses the kept model), and the export runs on the worker
    // thread and writes an int8 ONNX model and a run report.
    void exportsACandidateFromItsMenu() {
        QTemporaryDir folder;
        const QString projectFile = writeTableProject(folder);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(projectFile));
        QSignalSpy finished(&window, &MainWindow::searchFinished);
        QVERIFY(window.startSearch(4));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const edgesmith::Json record = window.candidateModel()->record(0);
        const QString key = QString::fromStdString(record["genotype"].get<std::string>());
        const qint64 number = record["number"].get<qint64>();

        // The table's context menu holds the export action (closed as soon as it shows).
        auto* table = window.findChild<QTableView*>("candidateTable");
        QStringList offered;
        QTimer::singleShot(200, [&offered] {
            if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
                for (QAction* action : menu->actions()) offered << action->objectName();
                menu->close();
            }
        });
        Q_EMIT table->customContextMenuRequested(table->visualRect(table->model()->index(0, 0)).center());
        QVERIFY2(offered.contains("exportAction"), qPrintable(offered.join(',')));
        QCOMPARE(window.selectedKey(), key);

        const edgesmith::Json document = window.document();
        const auto plan = [&](const edgesmith::Json& job) {
            return QString::fromStdString(edgesmith::exportPlan(edgesmith::Project::fromDocument(document, projectFile.toStdString()),
                                                                edgesmith::ExportJob::fromJson(job)));
        };
        edgesmith::widgets::ExportDialog dialog(key, window.shownRun(), number, folder.path(), plan);
        dialog.formatChoice()->setCurrentIndex(dialog.formatChoice()->findData("onnx-int8"));
        QVERIFY(dialog.outputEdit()->text().endsWith("-int8.onnx"));
        QVERIFY2(dialog.summaryLabel()->text().contains("trained first"), qPrintable(dialog.summaryLabel()->text()));
        if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR")) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/export-dialog.png");
            dialog.hide();
        }
        dialog.outputEdit()->clear();
        QVERIFY(!dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
        dialog.outputEdit()->setText(folder.filePath("model-int8.onnx"));
        edgesmith::Json job = dialog.job();
        QCOMPARE(job["format"].get<std::string>(), std::string("onnx-int8"));
        job["training_epochs"] = 1;
        QVERIFY(window.exportCandidate(job));
        QVERIFY(!window.findChild<QAction*>("exportAction")->isEnabled()); // one job at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
        QCOMPARE(finished.last().at(0).toString(), QString("finished"));
        QVERIFY(QFileInfo(folder.filePath("model-int8.onnx")).size() > 0);
        dialog.outputEdit()->setText(folder.filePath("again-int8.onnx")); // the summary is asked again
        QVERIFY2(dialog.summaryLabel()->text().contains("kept"), qPrintable(dialog.summaryLabel()->text()));

        edgesmith::Json report = job;
        report["format"] = "report";
        report["out"] = folder.filePath("report.html").toStdString();
        QVERIFY(window.exportCandidate(report));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 60000);
        QVERIFY(edgesmith::readFile(folder.filePath("report.html").toStdString()).find("<svg") != std::string::npos);
        QVERIFY(QFileInfo::exists(folder.filePath("report.csv")));

        // An export that cannot be written fails with the file named, and nothing is left.
        edgesmith::Json bad = job;
        bad["out"] = folder.filePath("gui.edgesmith.json/m.onnx").toStdString();
        QVERIFY(window.exportCandidate(bad));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 60000);
        QCOMPARE(finished.last().at(0).toString(), QString("failed"));
        QVERIFY2(finished.last().at(1).toString().contains("m.onnx"), qPrintable(finished.last().at(1).toString()));
    }

    // The launcher's forms come from the catalog's schemas; its choices land in the
    // project as one undoable edit.
    void launcherBuildsFormsFromSchemas() {
        const edgesmith::Json original = edgesmith::Json::parse(edgesmith::readFile(defaultProject().toStdString()));
        edgesmith::widgets::SearchLauncher launcher(original);
        QCOMPARE(launcher.strategyChoice()->count(), int(edgesmith::strategyCatalog().size()));
        QCOMPARE(launcher.estimatorChoice()->count(), int(edgesmith::estimatorCatalog().size()));
        for (int index = 0; index < launcher.strategyChoice()->count(); ++index) {
            launcher.strategyChoice()->setCurrentIndex(index);
            const auto* method = edgesmith::findMethod(edgesmith::strategyCatalog(), launcher.strategyChoice()->currentData().toString().toStdString());
            QVERIFY(method);
            QCOMPARE(launcher.strategyForm()->fieldCount(), int(method->parameters.fields().size()));
            // Every value the form produces passes the strategy's own schema.
            std::vector<edgesmith::Diagnostic> problems;
            edgesmith::schema::validate(launcher.strategyForm()->values(), method->parameters, "form", "strategy.params", problems);
            QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().text().c_str());
        }
        launcher.strategyChoice()->setCurrentIndex(launcher.strategyChoice()->findData(QStringLiteral("random")));
        const auto* random = edgesmith::findMethod(edgesmith::strategyCatalog(), "random");
        const std::string numeric = [&] {
            for (const auto& field : random->parameters.fields())
                if (field.node.kind() == edgesmith::schema::Kind::Integer) return field.name;
            return std::string();
        }();
        QVERIFY(!numeric.empty());
        auto* box = qobject_cast<QSpinBox*>(launcher.strategyForm()->editor(numeric));
        QVERIFY(box);
        box->setValue(box->value() + 3);
        launcher.objectiveList()->item(1)->setCheckState(Qt::Unchecked);
        const edgesmith::Json chosen = launcher.document();
        QCOMPARE(chosen["strategy"]["name"].get<std::string>(), std::string("random"));
        QCOMPARE(chosen["strategy"]["params"][numeric].get<int>(), box->value());
        QCOMPARE(chosen["objectives"].size(), original["objectives"].size() - 1);
        QVERIFY(edgesmith::Project::check(chosen, defaultProject().toStdString()).empty());
        if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR"))
            launcher.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/launcher.png");

        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(defaultProject()));
        window.applyDocument(chosen, "launcher");
        QCOMPARE(window.document(), chosen);
        QVERIFY(window.diagnostics().empty());
        window.undoStack()->undo();
        QCOMPARE(window.document(), original);
        window.undoStack()->redo();
        QCOMPARE(window.document()["strategy"]["name"].get<std::string>(), std::string("random"));
    }

    // The supernet's few-shot fields reach the launcher through the estimator's schema like
    // any other: a split typed there lands in the project, and one that names a block
    // decision (a path repeated in every block) is reported at its field before anything trains.
    void launcherSetsTheSupernetsFewShotSplit() {
        const edgesmith::Json original = edgesmith::Json::parse(edgesmith::readFile(defaultProject().toStdString()));
        edgesmith::widgets::SearchLauncher launcher(original);
        launcher.resize(1080, 640);
        launcher.estimatorChoice()->setCurrentIndex(launcher.estimatorChoice()->findData(QStringLiteral("supernet")));
        auto* split = qobject_cast<QLineEdit*>(launcher.estimatorForm()->editor("split"));
        auto* epochs = qobject_cast<QSpinBox*>(launcher.estimatorForm()->editor("split_epochs"));
        QVERIFY(split && epochs);
        QVERIFY(split->text().isEmpty()); // one-shot unless asked
        QCOMPARE(epochs->value(), 2);
        split->setText(QStringLiteral("stages[1].out"));
        epochs->setValue(3);
        const edgesmith::Json chosen = launcher.document();
        QCOMPARE(chosen["estimator"]["name"].get<std::string>(), std::string("supernet"));
        QCOMPARE(chosen["estimator"]["params"]["split"].get<std::string>(), std::string("stages[1].out"));
        QCOMPARE(chosen["estimator"]["params"]["split_epochs"].get<int>(), 3);
        const auto accepted = edgesmith::Project::check(chosen, defaultProject().toStdString());
        QVERIFY2(accepted.empty(), accepted.empty() ? "" : accepted.front().text().c_str());
        if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR")) {
            launcher.show();
            for (QWidget* parent = split->parentWidget(); parent; parent = parent->parentWidget())
                if (auto* area = qobject_cast<QScrollArea*>(parent)) area->ensureWidgetVisible(split);
            launcher.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/launcher-supernet.png");
        }

        split->setText(QStringLiteral("stages[1].block.kernel"));
        const auto refused = edgesmith::Project::check(launcher.document(), defaultProject().toStdString());
        QCOMPARE(refused.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(refused.front().path), QString("estimator.params.split"));
    }

    // Progressive shrinking's phase shares are plain number fields of the estimator's form:
    // set there they land in the project, and under progressive sampling shares that leave
    // no steps for the last phase are reported at depth_share before anything trains.
    void launcherSetsTheProgressiveShares() {
        const edgesmith::Json original = edgesmith::Json::parse(edgesmith::readFile(defaultProject().toStdString()));
        edgesmith::widgets::SearchLauncher launcher(original);
        launcher.estimatorChoice()->setCurrentIndex(launcher.estimatorChoice()->findData(QStringLiteral("supernet")));
        auto* largest = qobject_cast<QDoubleSpinBox*>(launcher.estimatorForm()->editor("largest_share"));
        auto* depth = qobject_cast<QDoubleSpinBox*>(launcher.estimatorForm()->editor("depth_share"));
        QVERIFY(largest && depth);
        QCOMPARE(largest->value(), 0.25);
        largest->setValue(0.1);
        edgesmith::Json chosen = launcher.document();
        QCOMPARE(chosen["estimator"]["params"]["largest_share"].get<double>(), 0.1);
        QVERIFY(edgesmith::Project::check(chosen, defaultProject().toStdString()).empty());
        depth->setValue(0.9);
        // The shares mean something only to progressive shrinking.
        QVERIFY(edgesmith::Project::check(launcher.document(), defaultProject().toStdString()).empty());
        auto* sampling = qobject_cast<QComboBox*>(launcher.estimatorForm()->editor("sampling"));
        QVERIFY(sampling);
        sampling->setCurrentText(QStringLiteral("progressive"));
        const auto refused = edgesmith::Project::check(launcher.document(), defaultProject().toStdString());
        QCOMPARE(refused.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(refused.front().path), QString("estimator.params.depth_share"));
    }

    // The space editor edits the project through its API: size and metric ranges follow,
    // problems outline the node, undo and redo restore.
    void spaceEditorEditsTheProject() {
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(defaultProject()));
        auto* editor = window.spaceEditor();
        const edgesmith::Json original = window.document();
        const auto templateSpace = edgesmith::SearchSpace::parse(edgesmith::loadSpaceTemplate("fmnist-mbconv"), "t");
        QVERIFY(editor->statistics().valid);
        QCOMPARE(editor->statistics().size, templateSpace.size());
        const auto& nodes = editor->canvas()->nodes();
        QCOMPARE(int(nodes.size()), 1 + 1 + 3 + 3 + 1); // input, stem, stages, head, output
        int firstStage = -1;
        for (int index = 0; index < int(nodes.size()); ++index)
            if (nodes[std::size_t(index)].section == "stages" && firstStage < 0) firstStage = index;
        QVERIFY(editor->fieldsOf(firstStage).contains("kernel"));
        QCOMPARE(editor->fieldText(firstStage, "kernel"), QStringLiteral("3, 5"));

        QVERIFY(editor->setField(firstStage, "kernel", "3, 5, 7"));
        QCOMPARE(window.document()["space"]["inline"]["stages"][0]["block"]["kernel"], edgesmith::Json::parse("[3, 5, 7]"));
        QVERIFY(window.diagnostics().empty());
        QVERIFY(editor->statistics().size > templateSpace.size());
        // The ranges are those of the core's own metrics over the same fixed sample.
        const auto edited = edgesmith::SearchSpace::parse(window.document()["space"]["inline"], "e");
        std::mt19937_64 random(0);
        std::vector<double> macs;
        for (int draw = 0; draw < edgesmith::widgets::SpaceEditor::kSample; ++draw)
            macs.push_back(double(edgesmith::computeMetrics(edited.derive(edited.sample(random), false)).macs));
        std::sort(macs.begin(), macs.end());
        QCOMPARE(editor->statistics().macs.minimum, macs.front());
        QCOMPARE(editor->statistics().macs.maximum, macs.back());
        QCOMPARE(editor->statistics().size, edited.size());

        // A bad value: the problem names the field and the stage is outlined.
        QVERIFY(editor->setField(firstStage, "kernel", "3, big"));
        QVERIFY(!editor->problems().isEmpty());
        QVERIFY(editor->canvas()->invalidNodes().contains(firstStage));
        QVERIFY(!window.diagnostics().empty());
        window.undoStack()->undo();
        QVERIFY(editor->problems().isEmpty());
        QVERIFY(window.diagnostics().empty());

        // Stages come and go; undo walks back to the template.
        editor->addStage("mbconv", 3);
        QCOMPARE(window.document()["space"]["inline"]["stages"].size(), std::size_t(4));
        QCOMPARE(int(editor->canvas()->nodes().size()), 10);
        QVERIFY(editor->statistics().valid);
        QVERIFY(editor->removeNode(firstStage));
        QCOMPARE(window.document()["space"]["inline"]["stages"].size(), std::size_t(3));
        while (window.undoStack()->canUndo()) window.undoStack()->undo();
        QCOMPARE(window.document(), original);
        QCOMPARE(editor->statistics().size, templateSpace.size());
        window.undoStack()->redo();
        QCOMPARE(window.document()["space"]["inline"]["stages"][0]["block"]["kernel"].size(), std::size_t(3));
        // Start over: an empty chain is a valid space of its own; a template goes back by name.
        const edgesmith::Json empty = edgesmith::widgets::SpaceEditor::startingPoint("empty");
        QVERIFY(edgesmith::SearchSpace::check(empty["inline"], "empty").empty());
        QCOMPARE(edgesmith::widgets::SpaceEditor::startingPoint("fmnist-darts"), edgesmith::Json({{"template", "fmnist-darts"}}));
        QSignalSpy restart(editor, &edgesmith::widgets::SpaceEditor::restartRequested);
        auto* start = editor->findChild<QComboBox*>("spaceStart");
        QVERIFY(start && start->count() == int(edgesmith::spaceTemplateNames().size()) + 2);
        start->setCurrentIndex(start->findData(QStringLiteral("fmnist-darts")));
        Q_EMIT start->activated(start->currentIndex());
        QCOMPARE(restart.count(), 1);
        QCOMPARE(window.document()["space"], edgesmith::Json({{"template", "fmnist-darts"}}));
        QCOMPARE(editor->canvas()->nodes()[2].section, QStringLiteral("cells"));
        window.undoStack()->undo();
        QCOMPARE(window.document()["space"]["inline"]["stages"][0]["block"]["kernel"].size(), std::size_t(3));
        if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR")) {
            window.resize(1400, 860);
            editor->canvas()->selectNode(firstStage);
            window.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/space.png");
        }
    }

    // A differentiable search's candidate shows its α history as a heat map, one row per
    // option of every decision and one column per epoch; other candidates show the hint.
    void architectureWeightsShowForDifferentiableCandidates() {
        QTemporaryDir folder;
        const QString projectFile = writeTableProject(folder);
        const edgesmith::Project project = edgesmith::Project::load(projectFile.toStdString());
        const auto space = edgesmith::SearchSpace::parse(project.spaceDocument(), "space");
        const edgesmith::Genotype genotype = space.canonical(edgesmith::Genotype(space.decisions().size(), 1));
        // The view is under test here, not the search: probabilities that sharpen on the
        // genotype's options over three epochs.
        edgesmith::Json decisions = edgesmith::Json::array();
        int options = 0;
        for (std::size_t decision = 0; decision < space.decisions().size(); ++decision) {
            const auto& info = space.decisions()[decision];
            if (info.options.size() < 2) continue;
            edgesmith::Json history = edgesmith::Json::array();
            for (int epoch = 0; epoch < 3; ++epoch) {
                edgesmith::Json row = edgesmith::Json::array();
                const double peak = 1.0 / double(info.options.size()) + 0.25 * epoch * (1.0 - 1.0 / double(info.options.size()));
                for (std::size_t option = 0; option < info.options.size(); ++option)
                    row.push_back(int(option) == genotype[decision] ? peak : (1.0 - peak) / double(info.options.size() - 1));
                history.push_back(row);
            }
            options += int(info.options.size());
            decisions.push_back({{"path", info.path}, {"label", info.label}, {"options", info.options}, {"probabilities", history}});
        }
        {
            edgesmith::Store store = edgesmith::Store::open(project.databasePath());
            edgesmith::CompressionRun run(store, project, "differentiable", {space.key(genotype), 0, 0, ""}, edgesmith::Json::object());
            edgesmith::Candidate derived;
            derived.genotype = genotype;
            derived.key = space.key(genotype);
            derived.metrics = {{"accuracy", 81.5}, {"macs", double(edgesmith::computeMetrics(space.derive(genotype)).macs)}};
            derived.details["architecture_weights"] = {{"decisions", decisions}, {"derived", derived.key}, {"cost", "macs"}};
            run.add(derived);
            run.finish();
        }
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(projectFile));
        QVERIFY(window.loadRun(1));
        auto* weights = window.architectureWeightsView();
        QCOMPARE(weights->rowCount(), 0);
        window.selectCandidate(QString::fromStdString(space.key(genotype)));
        QCOMPARE(weights->rowCount(), options);
        QCOMPARE(weights->epochCount(), 3);
        QVERIFY(!weights->findChild<QLabel*>("architectureWeightsHint")->isVisibleTo(weights));
        if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR")) {
            window.resize(1400, 860);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.tabs()->setCurrentWidget(weights);
            weights->plot()->replot();
            window.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/architecture-weights.png");
        }
        weights->showWeights("x", edgesmith::Json::object()); // nothing to show: the hint again
        QCOMPARE(weights->rowCount(), 0);
        QVERIFY(weights->findChild<QLabel*>("architectureWeightsHint")->isVisibleTo(weights));
    }

    void compareShowsCurvesAndConfusions() {
        edgesmith::widgets::CompareView compare;
        const auto entry = [](const char* key, double accuracy) {
            edgesmith::widgets::CompareView::Entry made;
            made.key = key;
            made.metrics = {{"accuracy", accuracy}, {"macs", 1000 * accuracy}};
            made.layers = edgesmith::Json::array({{{"name", "stem[0].conv"}, {"macs", 100}}, {{"name", "head[0].linear"}, {"macs", 10}}});
            made.details = {{"history", edgesmith::Json::array({{{"epoch", 1}, {"validation_accuracy", accuracy - 5}},
                                                               {{"epoch", 2}, {"validation_accuracy", accuracy}}})},
                            {"evaluation", {{"confusion", edgesmith::Json::array({edgesmith::Json::array({8, 2}), edgesmith::Json::array({1, 9})})}}}};
            return made;
        };
        compare.setEntries({entry("a", 90), entry("b", 85), entry("c", 80), entry("d", 70), entry("e", 60)});
        QCOMPARE(compare.entryCount(), 4); // at most four
        QCOMPARE(compare.curves()->graphCount(), 4);
        QCOMPARE(compare.curves()->graph(0)->dataCount(), 2);
        QCOMPARE(compare.confusionCount(), 4);
        // The best accuracy of the row is bold.
        int accuracyRow = -1;
        for (int row = 0; row < compare.table()->rowCount(); ++row)
            if (compare.table()->verticalHeaderItem(row)->text().startsWith("Top-1 accuracy")) accuracyRow = row;
        QVERIFY(accuracyRow > 0);
        QVERIFY(compare.table()->item(accuracyRow, 0)->font().bold());
        QVERIFY(!compare.table()->item(accuracyRow, 1)->font().bold());
        // Provenance: which estimator produced each accuracy.
        auto trained = entry("t", 88), shared = entry("s", 87);
        trained.details["proxy"] = "2 epochs, 20 % of the training split";
        shared.details["proxy"] = "supernet, inherited weights (sandwich sampling, 6 epochs)";
        compare.setEntries({trained, shared});
        QCOMPARE(compare.table()->verticalHeaderItem(1)->text(), QString("Accuracy from"));
        QCOMPARE(compare.table()->item(1, 1)->text(), QString("supernet, inherited weights (sandwich sampling, 6 epochs)"));
        QVERIFY(compare.table()->item(1, 0)->text().startsWith("2 epochs"));
        compare.setEntries({entry("a", 90)});
        QCOMPARE(compare.entryCount(), 1); // one alone is not a comparison: the hint shows
    }

    // The profile editor lists host, the shipped profiles and the project's own; an edit
    // saved lands in the project's devices folder as a valid profile that overrides the
    // shipped one; an invalid one is reported with every problem and writes nothing.
    void deviceProfilesAreEditedIntoTheProject() {
        QTemporaryDir folder;
        const QString projectFile = copyDefaultProject(folder);
        const std::filesystem::path devices = edgesmith::projectDeviceDirectory(projectFile.toStdString());
        edgesmith::widgets::DeviceProfileDialog dialog(projectFile, "host");
        QSignalSpy saved(&dialog, &edgesmith::widgets::DeviceProfileDialog::profileSaved);
        QSignalSpy errors(&dialog, &edgesmith::widgets::DeviceProfileDialog::errorReported);
        auto* list = dialog.profileList();
        QCOMPARE(list->topLevelItemCount(), int(edgesmith::deviceProfileNames(projectFile.toStdString()).size()));
        QCOMPARE(profileRow(list, "host"), QStringList({"host", "cpu", "shipped"}));
        QCOMPARE(profileRow(list, "cortex-m7"), QStringList({"cortex-m7", "mcu", "shipped"}));
        QCOMPARE(dialog.currentProfile(), QStringLiteral("host")); // the project's
        QVERIFY(list->currentItem()->font(0).bold());

        // Byte counts beyond an int (the host's RAM) come back exactly.
        const edgesmith::Json host = edgesmith::Json::parse(edgesmith::readFile(edgesmith::deviceProfileFile("host")));
        auto* ram = qobject_cast<QDoubleSpinBox*>(dialog.form()->editor("ram_bytes"));
        QVERIFY(ram);
        QCOMPARE(dialog.profileDocument()["ram_bytes"].get<std::int64_t>(), host["ram_bytes"].get<std::int64_t>());
        QVERIFY(!dialog.form()->editor("sources")->isVisibleTo(dialog.form())); // shown as text instead

        QVERIFY(dialog.selectProfile("cortex-m7"));
        QCOMPARE(qobject_cast<QLineEdit*>(dialog.form()->editor("name"))->text(), QStringLiteral("cortex-m7"));
        QVERIFY(!(dialog.sourcesView()->textInteractionFlags() & Qt::TextEditable));
        QVERIFY(dialog.sourcesView()->text().contains("STM32F767ZI"));
        auto* overhead = qobject_cast<QDoubleSpinBox*>(dialog.form()->editor("layer_overhead_ms"));
        QVERIFY(overhead);
        overhead->setValue(0.025);
        QVERIFY(dialog.hasUnsavedEdits());
        QVERIFY(dialog.selectProfile("host")); // a draft survives switching profiles
        QVERIFY(dialog.selectProfile("cortex-m7"));
        QCOMPARE(qobject_cast<QDoubleSpinBox*>(dialog.form()->editor("layer_overhead_ms"))->value(), 0.025);

        QVERIFY(dialog.saveToProject());
        QCOMPARE(saved.count(), 1);
        QCOMPARE(errors.count(), 0);
        QVERIFY(!dialog.hasUnsavedEdits());
        const std::filesystem::path written = devices / "cortex-m7.json";
        QCOMPARE(saved.first().at(0).toString(), QString::fromStdString(written.string()));
        const edgesmith::DeviceProfile own = edgesmith::loadDeviceProfile("cortex-m7", projectFile.toStdString());
        QCOMPARE(own.layerOverheadMs, 0.025);
        QCOMPARE(own.ramBytes, std::int64_t(524288));
        QCOMPARE(own.sources.size(), std::size_t(5));
        QCOMPARE(edgesmith::deviceProfileFile("cortex-m7", projectFile.toStdString()), written);
        QCOMPARE(profileRow(list, "cortex-m7").value(2), QStringLiteral("project, overrides shipped"));
        QCOMPARE(edgesmith::loadDeviceProfile("cortex-m7").layerOverheadMs, 0.01); // the shipped one is untouched
        const std::string before = edgesmith::readFile(written);

        // Through the form: a peak that is not positive.
        // Per-data-type figures are a box each, an empty one leaving its key out.
        auto* peak = dialog.form()->findChild<QLineEdit*>("param_peak_macs_per_second_fp32");
        QVERIFY(peak);
        QCOMPARE(peak->text(), QStringLiteral("216000000"));
        auto* half = dialog.form()->findChild<QLineEdit*>("param_peak_macs_per_second_fp16");
        QVERIFY(half && half->text().isEmpty());
        QVERIFY(!dialog.form()->values()["peak_macs_per_second"].contains("fp16"));
        peak->setText("-5");
        Q_EMIT peak->textEdited(peak->text());
        QVERIFY(!dialog.saveToProject());
        QCOMPARE(errors.count(), 1);
        QVERIFY2(errors.last().at(1).toString().contains("peak_macs_per_second.fp32"), qPrintable(errors.last().at(1).toString()));
        QStringList boxes = takeErrorBoxes(dialog);
        QCOMPARE(boxes.size(), 1);
        QVERIFY(boxes.front().contains("nothing was written"));
        QCOMPARE(edgesmith::readFile(written), before);
        // Through the form: no bandwidth (the spin box of a whole number of bytes a second
        // reaches 0).
        peak->setText("216000000");
        Q_EMIT peak->textEdited(peak->text());
        auto* bandwidth = qobject_cast<QDoubleSpinBox*>(dialog.form()->editor("memory_bandwidth_bytes_per_second"));
        QVERIFY(bandwidth);
        bandwidth->setValue(0);
        QVERIFY(!dialog.saveToProject());
        QVERIFY2(errors.last().at(1).toString().contains("memory_bandwidth_bytes_per_second"), qPrintable(errors.last().at(1).toString()));
        QCOMPARE(takeErrorBoxes(dialog).size(), 1);
        QCOMPARE(edgesmith::readFile(written), before);

        // Through the JSON: no bandwidth under a new name, and an empty name; each problem is
        // listed and no file appears.
        edgesmith::Json broken = edgesmith::Json::parse(before);
        broken["name"] = "m7-broken";
        broken["memory_bandwidth_bytes_per_second"] = 0;
        broken["efficiency"]["conv"] = 1.5;
        dialog.setProfileDocument(broken);
        QVERIFY(!dialog.saveToProject());
        QCOMPARE(errors.count(), 3);
        const QString text = errors.last().at(1).toString();
        QVERIFY2(text.contains("memory_bandwidth_bytes_per_second") && text.contains("efficiency.conv"), qPrintable(text));
        QVERIFY(!std::filesystem::exists(devices / "m7-broken.json"));
        QCOMPARE(takeErrorBoxes(dialog).size(), 1);
        broken = edgesmith::Json::parse(before);
        broken["name"] = "";
        dialog.setProfileDocument(broken);
        QVERIFY(!dialog.saveToProject());
        QVERIFY(errors.last().at(1).toString().contains("name"));
        takeErrorBoxes(dialog);
        broken["name"] = "../escape";
        dialog.setProfileDocument(broken);
        QVERIFY(!dialog.saveToProject());
        QVERIFY(errors.last().at(1).toString().contains("file name"));
        takeErrorBoxes(dialog);
        broken["name"] = "jetson-nano"; // renamed onto a shipped profile
        dialog.setProfileDocument(broken);
        QVERIFY(!dialog.saveToProject());
        QVERIFY(errors.last().at(1).toString().contains("exists already"));
        takeErrorBoxes(dialog);
        QVERIFY(!std::filesystem::exists(devices / "jetson-nano.json"));
        QCOMPARE(edgesmith::readFile(written), before);
        QCOMPARE(saved.count(), 1);

        // Duplicate: a copy under a new name, never over an existing profile.
        dialog.setProfileDocument(edgesmith::Json::parse(before));
        QVERIFY(dialog.duplicateAs("m7-fast"));
        QCOMPARE(dialog.currentProfile(), QStringLiteral("m7-fast"));
        QCOMPARE(edgesmith::loadDeviceProfile("m7-fast", projectFile.toStdString()).name, std::string("m7-fast"));
        QCOMPARE(profileRow(list, "m7-fast"), QStringList({"m7-fast", "mcu", "project"}));
        QVERIFY(!dialog.duplicateAs("host"));
        takeErrorBoxes(dialog);
        QVERIFY(!dialog.hasUnsavedEdits());

        if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR")) {
            edgesmith::widgets::DeviceProfileDialog shown(projectFile, "cortex-m7");
            shown.show();
            QVERIFY(QTest::qWaitForWindowExposed(&shown));
            shown.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/device-profiles.png");
        }
    }

    // An unsaved project has no devices folder: the editor shows profiles but writes none.
    void deviceProfilesNeedASavedProject() {
        edgesmith::widgets::DeviceProfileDialog dialog(QString(), "host");
        QVERIFY(profileRow(dialog.profileList(), "cortex-m7").size() == 3);
        QVERIFY(!dialog.findChild<QPushButton*>("deviceProfileSave")->isEnabled());
        QVERIFY(!dialog.findChild<QPushButton*>("deviceProfileDuplicate")->isEnabled());
        QVERIFY(dialog.findChild<QPushButton*>("deviceProfileUse")->isEnabled());
        QSignalSpy errors(&dialog, &edgesmith::widgets::DeviceProfileDialog::errorReported);
        QVERIFY(!dialog.saveToProject());
        QCOMPARE(errors.count(), 1);
        takeErrorBoxes(dialog);
    }

    // Hardware → Device profiles…: "Use for this project" sets hardware.profile (and the
    // simulator, the one model of another device) as one undoable edit.
    void deviceProfileIsChosenForTheProject() {
        QTemporaryDir folder;
        const QString projectFile = copyDefaultProject(folder);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(projectFile));
        const edgesmith::Json original = window.document();
        auto* dialog = window.showDeviceProfiles();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->currentProfile(), QStringLiteral("host"));
        QVERIFY(dialog->selectProfile("cortex-m7"));
        dialog->findChild<QPushButton*>("deviceProfileUse")->click();
        QCOMPARE(window.document()["hardware"]["profile"].get<std::string>(), std::string("cortex-m7"));
        QCOMPARE(window.document()["hardware"]["latency_model"].get<std::string>(), std::string("simulator"));
        QVERIFY(window.diagnostics().empty());
        QVERIFY(window.isWindowModified());
        QVERIFY(profileRow(dialog->profileList(), "cortex-m7").size() == 3);
        QVERIFY(dialog->profileList()->currentItem()->font(0).bold());
        dialog->close();
        QVERIFY(window.saveProject());
        QCOMPARE(edgesmith::Project::load(projectFile.toStdString()).document()["hardware"]["profile"].get<std::string>(), std::string("cortex-m7"));
        window.undoStack()->undo();
        QCOMPARE(window.document(), original);
    }

    // The launcher chooses the latency model and the device profile next to the estimator;
    // a profile other than host leaves the simulator as the only model.
    void launcherChoosesTheLatencyModel() {
        const edgesmith::Json original = edgesmith::Json::parse(edgesmith::readFile(defaultProject().toStdString()));
        edgesmith::widgets::SearchLauncher launcher(original, defaultProject());
        auto* model = launcher.latencyModelChoice();
        auto* profile = launcher.deviceProfileChoice();
        QCOMPARE(model->count(), 5);
        QCOMPARE(model->currentData().toString(), QStringLiteral("measured"));
        QCOMPARE(profile->currentData().toString(), QStringLiteral("host"));
        QVERIFY(profile->findData("cortex-m7") >= 0);
        QVERIFY(model->itemData(model->findData("simulator"), Qt::ToolTipRole).toString().contains("oofline model of the device profile"));
        QVERIFY(model->itemData(model->findData("measured"), Qt::ToolTipRole).toString().contains("every candidate on this host"));
        QCOMPARE(launcher.document()["hardware"], original["hardware"]); // untouched choices, untouched section

        model->setCurrentIndex(model->findData("lut"));
        QCOMPARE(launcher.document()["hardware"]["latency_model"].get<std::string>(), std::string("lut"));
        QCOMPARE(launcher.document()["hardware"]["latency_runs"], original["hardware"]["latency_runs"]);

        profile->setCurrentIndex(profile->findData("cortex-m7"));
        QCOMPARE(model->currentData().toString(), QStringLiteral("simulator"));
        const auto* items = qobject_cast<QStandardItemModel*>(model->model());
        QVERIFY(!items->item(model->findData("lut"))->isEnabled());
        QVERIFY(!items->item(model->findData("device"))->isEnabled()); // nothing fitted to cortex-m7
        QVERIFY(items->item(model->findData("simulator"))->isEnabled());
        const edgesmith::Json chosen = launcher.document();
        QCOMPARE(chosen["hardware"]["profile"].get<std::string>(), std::string("cortex-m7"));
        QCOMPARE(chosen["hardware"]["latency_model"].get<std::string>(), std::string("simulator"));
        QVERIFY(edgesmith::Project::check(chosen, defaultProject().toStdString()).empty());
        profile->setCurrentIndex(profile->findData("host"));
        QVERIFY(items->item(model->findData("lut"))->isEnabled());

        // A profile with a model fitted to its measurements (device-fit) offers it, first.
        QTemporaryDir folder;
        const QString copy = folder.filePath("p.edgesmith.json");
        QVERIFY(QFile::copy(defaultProject(), copy));
        const auto fit = edgesmith::deviceLatencyModelFile(copy.toStdString(), "phone-cpu");
        std::filesystem::create_directories(fit.parent_path());
        edgesmith::writeFileAtomically(fit, "{}");
        edgesmith::widgets::SearchLauncher fittedLauncher(original, copy);
        auto* fittedModel = fittedLauncher.latencyModelChoice();
        fittedLauncher.deviceProfileChoice()->setCurrentIndex(fittedLauncher.deviceProfileChoice()->findData("phone-cpu"));
        QCOMPARE(fittedModel->currentData().toString(), QStringLiteral("device"));
        QVERIFY(qobject_cast<QStandardItemModel*>(fittedModel->model())->item(fittedModel->findData("device"))->isEnabled());
        QCOMPARE(fittedLauncher.document()["hardware"]["latency_model"].get<std::string>(), std::string("device"));

        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(defaultProject()));
        window.applyDocument(chosen, "launcher");
        QCOMPARE(window.document()["hardware"]["profile"].get<std::string>(), std::string("cortex-m7"));
        QVERIFY(window.isWindowModified());
        window.undoStack()->undo();
        QCOMPARE(window.document()["hardware"], original["hardware"]);
    }

    // A simulated run's candidates carry per-layer times and bounds: the layer table shows
    // them (also when the run is shown again from the store) and hides the columns for a
    // table without them.
    void layerTableShowsSimulatedTimes() {
        QTemporaryDir folder;
        const QString projectFile = writeTableProject(folder);
        edgesmith::Json project = edgesmith::Json::parse(edgesmith::readFile(projectFile.toStdString()));
        project["objectives"] = edgesmith::Json::array({{{"metric", "accuracy"}}, {{"metric", "latency_ms"}}});
        project["hardware"] = {{"profile", "cortex-m7"}, {"latency_model", "simulator"}};
        edgesmith::writeFileAtomically(projectFile.toStdString(), project.dump(2));
        QString key;
        {
            MainWindow window;
            window.setInteractive(false);
            QVERIFY(window.openProject(projectFile));
            QVERIFY(window.diagnostics().empty());
            QSignalSpy finished(&window, &MainWindow::searchFinished);
            QVERIFY(window.startSearch(6));
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
            QCOMPARE(finished.first().at(0).toString(), QStringLiteral("finished"));
            const edgesmith::Json record = window.candidateModel()->record(0);
            QVERIFY(record["metrics"].contains("energy_mj"));
            key = QString::fromStdString(record["genotype"].get<std::string>());
            window.selectCandidate(key);
            auto* inspector = window.layerInspector();
            auto* layers = inspector->model();
            QVERIFY(!inspector->table()->isColumnHidden(edgesmith::widgets::LayerTableModel::Time));
            QVERIFY(!inspector->table()->isColumnHidden(edgesmith::widgets::LayerTableModel::Bound));
            QCOMPARE(layers->headerData(edgesmith::widgets::LayerTableModel::Time, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Time (ms)"));
            QCOMPARE(layers->headerData(edgesmith::widgets::LayerTableModel::Time, Qt::Horizontal, Qt::ToolTipRole).toString(),
                     QStringLiteral("Predicted time of this layer by the project's latency model"));
            QCOMPARE(layers->headerData(edgesmith::widgets::LayerTableModel::Bound, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Bound"));
            double total = 0;
            for (int row = 0; row < layers->rowCount(); ++row) {
                total += layers->index(row, edgesmith::widgets::LayerTableModel::Time).data(Qt::UserRole).toDouble();
                const QString bound = layers->index(row, edgesmith::widgets::LayerTableModel::Bound).data(Qt::UserRole).toString();
                QVERIFY2(bound == "compute" || bound == "memory", qPrintable(bound));
            }
            QVERIFY(total > 0);
            QVERIFY(total <= record["metrics"]["latency_ms"].get<double>() * 1.0001);

            // The derived table has neither column.
            inspector->showLayers("plain", window.layersOf(key));
            QVERIFY(inspector->table()->isColumnHidden(edgesmith::widgets::LayerTableModel::Time));
            QVERIFY(inspector->table()->isColumnHidden(edgesmith::widgets::LayerTableModel::Bound));
            // A lookup table gives times without bounds.
            edgesmith::Json timed = window.layersOf(key);
            for (auto& row : timed) row["latency_ms"] = 0.5;
            inspector->showLayers("lut", timed);
            QVERIFY(!inspector->table()->isColumnHidden(edgesmith::widgets::LayerTableModel::Time));
            QVERIFY(inspector->table()->isColumnHidden(edgesmith::widgets::LayerTableModel::Bound));
            inspector->setQuantity(edgesmith::widgets::LayerTableModel::Time);
            QCOMPARE(inspector->highlightedLayers().size(), 3);
        }
        MainWindow reopened;
        reopened.setInteractive(false);
        QVERIFY(reopened.openProject(projectFile));
        QCOMPARE(reopened.shownRun(), qint64(1));
        reopened.selectCandidate(key);
        QVERIFY(!reopened.layerInspector()->table()->isColumnHidden(edgesmith::widgets::LayerTableModel::Time));
        QVERIFY(!reopened.layerInspector()->table()->isColumnHidden(edgesmith::widgets::LayerTableModel::Bound));
    }

    // Measured latency and energy are axes like any metric; predicted against measured
    // latency gets the y = x line.
    void paretoDrawsTheLatencyDiagonal() {
        edgesmith::widgets::ParetoView view;
        for (const char* metric : {"measured_latency_ms", "energy_mj"}) {
            QVERIFY(view.findChild<QComboBox*>("paretoXAxis")->findData(metric) >= 0);
            QVERIFY(view.findChild<QComboBox*>("paretoYAxis")->findData(metric) >= 0);
        }
        view.addCandidate("a", {{"latency_ms", 1.0}, {"measured_latency_ms", 1.2}, {"energy_mj", 0.3}});
        view.addCandidate("b", {{"latency_ms", 2.0}, {"measured_latency_ms", 1.9}, {"energy_mj", 0.5}});
        view.setAxes("latency_ms", "measured_latency_ms");
        QVERIFY(view.diagonalShown());
        view.setAxes("measured_latency_ms", "latency_ms");
        QVERIFY(view.diagonalShown());
        view.setLogScale(true, true);
        QVERIFY(view.diagonalShown());
        view.setLogScale(true, false); // y = x is no straight line on mixed scales
        QVERIFY(!view.diagonalShown());
        view.setLogScale(false, false);
        view.setAxes("latency_ms", "energy_mj");
        QVERIFY(!view.diagonalShown());
        QCOMPARE(view.candidateCount(), 2);
    }

    void logFiltersByLevelAndText() {
        edgesmith::widgets::LogView log;
        log.append(edgesmith::widgets::LogView::Level::Info, "run 1 started");
        log.append(edgesmith::widgets::LogView::Level::Warning, "candidate 3 took 40 s");
        log.append(edgesmith::widgets::LogView::Level::Error, "run 1 failed: out of memory");
        QCOMPARE(log.shownLines().size(), 3);
        log.setMinimumLevel(edgesmith::widgets::LogView::Level::Warning);
        QCOMPARE(log.shownLines().size(), 2);
        log.setTextFilter("memory");
        QCOMPARE(log.shownLines().size(), 1);
        QVERIFY(log.shownLines().front().contains("out of memory"));
        log.append(edgesmith::widgets::LogView::Level::Info, "memory is fine"); // below the level
        QCOMPARE(log.shownLines().size(), 1);
        log.setMinimumLevel(edgesmith::widgets::LogView::Level::Info);
        QCOMPARE(log.shownLines().size(), 2);
    }

    // Run → Run on cluster…: the sbatch script of the fields, rebuilt as each changes; a bad
    // field named and nothing saved or submitted; the saved script executable.
    void clusterDialogWritesTheScript() {
        QTemporaryDir folder;
        const QString projectFile = writeAnalyticProject(folder);
        edgesmith::widgets::ClusterDialog dialog(projectFile, QStringLiteral(EDGESMITH_CLI));
        QSignalSpy changed(&dialog, &edgesmith::widgets::ClusterDialog::scriptChanged);
        dialog.nodesBox()->setValue(2);
        QCOMPARE(changed.count(), 1);
        const QString script = dialog.preview()->toPlainText();
        QCOMPARE(script, dialog.script());
        QVERIFY(script.contains("#SBATCH --nodes=2\n"));
        QVERIFY(script.contains("#SBATCH --ntasks=5\n")); // 2 evaluating ranks per node without GPUs, and rank 0
        QVERIFY(script.contains(QStringLiteral("'%1' search '%2' --executor mpi --continue").arg(EDGESMITH_CLI, projectFile)));
        QVERIFY2(dialog.ranksLabel()->text().startsWith("5 ranks on 2 nodes: rank 0 runs the search strategy"), qPrintable(dialog.ranksLabel()->text()));
        dialog.gpusPerNodeBox()->setValue(4);
        QVERIFY(dialog.preview()->toPlainText().contains("#SBATCH --ntasks=9\n")); // one evaluating rank per GPU
        QVERIFY(dialog.preview()->toPlainText().contains("#SBATCH --gpus-per-node=4\n"));
        dialog.ranksPerNodeBox()->setValue(3);
        QCOMPARE(changed.count(), 3);
        QVERIFY(dialog.preview()->toPlainText().contains("#SBATCH --ntasks=7\n"));
        QVERIFY(dialog.ranksLabel()->text().startsWith("7 ranks on 2 nodes:"));
        dialog.launcherChoice()->setCurrentIndex(dialog.launcherChoice()->findData("mpirun"));
        QVERIFY(dialog.preview()->toPlainText().contains("mpirun -np 7 "));
        dialog.budgetBox()->setValue(500);
        dialog.partitionEdit()->setText("gpu");
        QVERIFY(dialog.preview()->toPlainText().contains("--executor mpi --continue --budget 500 &\n"));
        QVERIFY(dialog.preview()->toPlainText().contains("#SBATCH --partition=gpu\n"));
        QVERIFY(!dialog.preview()->toPlainText().contains("--overcommit"));
        dialog.overcommitBox()->setChecked(true);
        QVERIFY(dialog.preview()->toPlainText().contains("#SBATCH --overcommit\n"));
        dialog.overcommitBox()->setChecked(false);

        dialog.timeEdit()->setText("two hours");
        QVERIFY(dialog.script().isEmpty());
        QVERIFY(dialog.problemLabel()->isVisibleTo(&dialog));
        QVERIFY2(dialog.problemLabel()->text().startsWith("Time limit: \"two hours\" is not a Slurm time limit"), qPrintable(dialog.problemLabel()->text()));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(!dialog.submitButton()->isEnabled());
        QVERIFY(!dialog.saveScript(folder.filePath("bad.sbatch")));
        QVERIFY(!QFile::exists(folder.filePath("bad.sbatch")));
        QVERIFY(!dialog.submit());
        dialog.timeEdit()->setText("1-00:00:00");
        QVERIFY(!dialog.problemLabel()->isVisibleTo(&dialog));
        QVERIFY(dialog.saveButton()->isEnabled());
        QVERIFY(dialog.preview()->toPlainText().contains("#SBATCH --time=1-00:00:00\n"));

        QCOMPARE(dialog.scriptFile(), folder.filePath("follow.sbatch")); // <project stem>.sbatch beside the project
        QVERIFY(dialog.saveScript(dialog.scriptFile()));
        QCOMPARE(QString::fromStdString(edgesmith::readFile(dialog.scriptFile().toStdString())), dialog.script());
        QVERIFY(QFileInfo(dialog.scriptFile()).isExecutable());
        QVERIFY(QFile::permissions(dialog.scriptFile()).testFlag(QFile::ExeOther));
        if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR")) {
            dialog.budgetBox()->setValue(0);
            dialog.launcherChoice()->setCurrentIndex(0);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/cluster.png");
        }
    }

    // Hardware → Measure on a Device…: a kit written on a worker thread, a bad results.csv
    // listed line by line with nothing kept, good ones imported (the second from a next
    // round), the four models fitted, the best kept and chosen for the project (undoable).
    void deviceIsMeasuredFittedAndUsed() {
        QTemporaryDir folder;
        const QString projectFile = copyDefaultProject(folder);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(projectFile));
        QVERIFY(window.findChild<QAction*>("deviceMeasureAction")->isEnabled());
        const edgesmith::Json original = window.document();
        auto* dialog = window.showDeviceMeasure();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->currentProfile(), QStringLiteral("host")); // the project's
        QVERIFY(dialog->selectProfile("phone-cpu"));
        QSignalSpy written(dialog, &edgesmith::widgets::DeviceMeasureDialog::kitWritten);
        QSignalSpy errors(dialog, &edgesmith::widgets::DeviceMeasureDialog::errorReported);
        const QString kit = folder.filePath("phone-cpu-kit");
        QCOMPARE(QDir::fromNativeSeparators(dialog->kitFolderEdit()->text()), kit);
        QVERIFY(!dialog->nextRoundBox()->isEnabled()); // nothing measured yet
        QVERIFY(dialog->nextRoundBox()->toolTip().contains("at least 5"));
        QVERIFY(!dialog->fitButton()->isEnabled());
        QVERIFY(!dialog->useButton()->isEnabled());

        dialog->networksBox()->setValue(5);
        dialog->writeKitButton()->click();
        QVERIFY(dialog->busy()); // on the worker: the buttons wait for it
        QVERIFY(!dialog->writeKitButton()->isEnabled() && !dialog->importButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 120000);
        QVERIFY(!dialog->busy() && dialog->writeKitButton()->isEnabled());
        QCOMPARE(errors.count(), 0);
        QCOMPARE(written.first().at(1).toInt(), 5);
        QVERIFY(QFile::exists(kit + "/manifest.json") && QFile::exists(kit + "/run_onnxruntime.py"));
        for (int model = 1; model <= 5; ++model) QVERIFY(QFile::exists(kit + QStringLiteral("/models/%1.onnx").arg(model)));
        QVERIFY(QFile::exists(kit + "/layers/1.onnx"));
        QVERIFY2(dialog->kitResultLabel()->text().contains("Wrote 5 networks and"), qPrintable(dialog->kitResultLabel()->text()));
        QVERIFY(dialog->deviceCommand()->isVisibleTo(dialog));
        QCOMPARE(dialog->deviceCommand()->text(), QStringLiteral("python3 run_onnxruntime.py --threads 1"));

        // A negative time on line 2 and an unknown genotype on line 4: both listed, nothing kept.
        const std::filesystem::path measurements = edgesmith::deviceMeasurementDirectory(projectFile.toStdString(), "phone-cpu");
        std::vector<ResultRow> rows = kitResults(kit, 1);
        std::vector<ResultRow> bad = rows;
        bad[0].ms = -3;
        bad[2].key = "99-99";
        writeResults(kit + "/results.csv", bad);
        dialog->steps()->setCurrentIndex(1);
        QVERIFY(!dialog->importResults(kit + "/results.csv"));
        QVERIFY(dialog->problemsView()->isVisibleTo(dialog));
        const QString problems = dialog->problemsView()->toPlainText();
        QVERIFY2(problems.contains("line 2: median_ms") && problems.contains("not a positive time") && problems.contains("\n  line 4: genotype \"99-99\""),
                 qPrintable(problems));
        QVERIFY(dialog->importResultLabel()->text().contains("Nothing imported"));
        QCOMPARE(errors.count(), 1);
        QVERIFY(!std::filesystem::exists(measurements));

        writeResults(kit + "/results.csv", rows);
        QVERIFY(dialog->importResults(kit + "/results.csv"));
        QVERIFY(!dialog->problemsView()->isVisibleTo(dialog));
        const QString imported = dialog->importResultLabel()->text();
        QVERIFY2(imported.contains(QStringLiteral("Imported %1 measurements (5 networks, %2 layers); 0 unstable; 1 imports of phone-cpu kept.")
                                       .arg(rows.size())
                                       .arg(rows.size() - 5)) &&
                     imported.contains("Checked against the kit in"),
                 qPrintable(imported));
        QCOMPARE(edgesmith::loadDeviceMeasurements(projectFile.toStdString(), "phone-cpu").size(), std::size_t(1));

        // Five networks allow a next round, written beside the first kit.
        QVERIFY(dialog->nextRoundBox()->isEnabled() && dialog->fitButton()->isEnabled());
        dialog->nextRoundBox()->setChecked(true);
        QVERIFY(!dialog->strategyChoice()->isEnabled());
        const QString round = folder.filePath("phone-cpu-kit-round-2");
        QCOMPARE(QDir::fromNativeSeparators(dialog->kitFolderEdit()->text()), round);
        dialog->networksBox()->setValue(4);
        QVERIFY(dialog->writeKit());
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 2, 120000);
        std::set<std::string> first;
        for (const ResultRow& row : rows) first.insert(row.key);
        const edgesmith::Json next = edgesmith::readKitManifest(round.toStdString());
        QCOMPARE(next["models"].size(), std::size_t(4));
        for (const auto& model : next["models"]) QVERIFY(!first.count(model["genotype"].get<std::string>())); // only unmeasured ones
        writeResults(round + "/results.csv", kitResults(round, 2));
        QVERIFY(dialog->importResults(round + "/results.csv"));

        QSignalSpy fitted(dialog, &edgesmith::widgets::DeviceMeasureDialog::modelsFitted);
        dialog->steps()->setCurrentIndex(2);
        dialog->fitButton()->click();
        QVERIFY(dialog->busy());
        QTRY_COMPARE_WITH_TIMEOUT(fitted.count(), 1, 120000);
        QCOMPARE(errors.count(), 1);
        QTableWidget* table = dialog->modelTable();
        QCOMPARE(table->rowCount(), 4);
        QStringList chosen;
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 0)->data(Qt::UserRole).toBool()) chosen << table->item(row, 0)->text();
        QCOMPARE(chosen.size(), 1);
        QVERIFY(chosen.front().startsWith(fitted.first().at(0).toString() + " ") && chosen.front().contains("chosen"));
        QVERIFY(table->item(0, 1)->text().toDouble() > 0);
        QVERIFY(dialog->fitSummaryLabel()->text().contains("Cross-validated on 9 networks (5 folds)"));
        QCOMPARE(dialog->curvePlot()->graphCount(), 4);
        QCOMPARE(scatterPoints(dialog->residualPlot()), 9);

        QSignalSpy kept(dialog, &edgesmith::widgets::DeviceMeasureDialog::modelKept);
        dialog->keepButton()->click();
        QCOMPARE(kept.count(), 1);
        const std::filesystem::path modelFile = edgesmith::deviceLatencyModelFile(projectFile.toStdString(), "phone-cpu");
        QCOMPARE(kept.first().at(0).toString(), QString::fromStdString(modelFile.string()));
        const edgesmith::Json document = edgesmith::Json::parse(edgesmith::readFile(modelFile));
        QCOMPARE(document["format"].get<std::string>(), std::string("edgesmith-device-latency-fit"));
        QCOMPARE(document["profile"].get<std::string>(), std::string("phone-cpu"));
        QCOMPARE(document["networks"].get<int>(), 9);
        QCOMPARE(document["report"]["scores"].size(), std::size_t(4));
        QCOMPARE(QString::fromStdString(document["model"]["kind"].get<std::string>()), fitted.first().at(0).toString());
        edgesmith::DeviceLatencyModel::fromJson(document["model"], modelFile.string()); // what a search reads

        QVERIFY(dialog->useButton()->isEnabled());
        dialog->useButton()->click();
        QCOMPARE(window.document()["hardware"]["profile"].get<std::string>(), std::string("phone-cpu"));
        QCOMPARE(window.document()["hardware"]["latency_model"].get<std::string>(), std::string("device"));
        QVERIFY(window.diagnostics().empty());
        // What a search does with it: the kept model is found and is of this space.
        const edgesmith::Project project = edgesmith::Project::load(projectFile.toStdString());
        QCOMPARE(QString::fromStdString(document["space_fingerprint"].get<std::string>()),
                 QString::fromStdString(edgesmith::spaceFingerprintOf(project.spaceDocument())));
        const auto space = edgesmith::SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
        QCOMPARE(edgesmith::HardwareModel(window.document(), projectFile.toStdString(), space).model(), std::string("device"));
        window.undoStack()->undo();
        QCOMPARE(window.document(), original);

        // A model fitted to another space is refused by the search: offered for refitting only.
        edgesmith::Json otherSpace = document;
        otherSpace["space_fingerprint"] = "another";
        edgesmith::writeFileAtomically(modelFile, otherSpace.dump());
        {
            edgesmith::widgets::DeviceMeasureDialog refused(project, "phone-cpu");
            QVERIFY(!refused.useButton()->isEnabled());
            QVERIFY(refused.findChild<QLabel*>("deviceMeasureState")->text().contains("fitted to another search space"));
        }
        edgesmith::writeFileAtomically(modelFile, document.dump());

        if (qEnvironmentVariableIsSet("EDGESMITH_SCREENSHOT_DIR")) {
            // A fuller picture: forty more networks, as a kit of them would have brought back.
            std::mt19937 random(3);
            std::vector<ResultRow> more;
            for (const auto& genotype : edgesmith::chooseKitArchitectures(space, 40, "diverse", 7)) {
                const auto architecture = space.derive(genotype, false);
                more.push_back({"model", space.key(genotype), pretendMs(double(edgesmith::computeMetrics(architecture).macs), architecture.layers.size(), random)});
            }
            writeResults(folder.filePath("more.csv"), more);
            dialog->checkKitBox()->setChecked(false);
            QVERIFY(dialog->importResults(folder.filePath("more.csv")));
            QVERIFY(dialog->fitModels());
            QTRY_COMPARE_WITH_TIMEOUT(fitted.count(), 2, 120000);
            dialog->steps()->setCurrentIndex(2);
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            dialog->grab().save(qEnvironmentVariable("EDGESMITH_SCREENSHOT_DIR") + "/device-measure.png");
        }
        dialog->close();
    }

    // Without sbatch on PATH, Submit is off and says why; sbatch's refusal is shown as it said it.
    void clusterSubmitNeedsSbatch() {
        QTemporaryDir folder, emptyBin, bin;
        const QString projectFile = writeAnalyticProject(folder);
        {
            const ScopedPath path(emptyBin.path());
            edgesmith::widgets::ClusterDialog dialog(projectFile, QStringLiteral(EDGESMITH_CLI));
            QVERIFY(!dialog.submitButton()->isEnabled());
            QVERIFY2(dialog.submitButton()->toolTip().startsWith("sbatch is not on PATH"), qPrintable(dialog.submitButton()->toolTip()));
            QVERIFY(dialog.saveButton()->isEnabled());
            QVERIFY(!dialog.submit());
        }
        writeFakeSbatch(bin.path(), "sbatch: error: invalid partition specified: nope", 1);
        const ScopedPath path(bin.path() + ':' + qEnvironmentVariable("PATH"));
        edgesmith::widgets::ClusterDialog dialog(projectFile, QStringLiteral(EDGESMITH_CLI));
        QVERIFY(dialog.submitButton()->isEnabled());
        QSignalSpy errors(&dialog, &edgesmith::widgets::ClusterDialog::errorReported);
        QSignalSpy submitted(&dialog, &edgesmith::widgets::ClusterDialog::submitted);
        QVERIFY(dialog.submit());
        QVERIFY(!dialog.submitButton()->isEnabled()); // one submission at a time
        QTRY_COMPARE(errors.count(), 1);
        QCOMPARE(submitted.count(), 0);
        QCOMPARE(errors.first().at(1).toString(), QStringLiteral("sbatch: error: invalid partition specified: nope"));
        QVERIFY(dialog.resultLabel()->text().contains("invalid partition specified"));
        QVERIFY(dialog.submitButton()->isEnabled());
        QVERIFY(dialog.jobId().isEmpty());
    }

    // A submitted job is followed: a real edgesmith-cli search of the project, started after
    // the submission as the job's would be, shows up in the Runs and Candidates views by
    // itself, both midway (the CLI stopped there) and when it has finished.
    void clusterJobIsFollowed() {
        QTemporaryDir folder, bin;
        const QString projectFile = writeAnalyticProject(folder);
        writeFakeSbatch(bin.path(), "4242;testcluster");
        const ScopedPath path(bin.path() + ':' + qEnvironmentVariable("PATH"));
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(!window.findChild<QAction*>("clusterAction")->isEnabled()); // a new project has no file yet
        QVERIFY(window.openProject(projectFile));
        QVERIFY(window.findChild<QAction*>("clusterAction")->isEnabled());
        QCOMPARE(window.runModel()->rowCount(), 0);
        auto* dialog = window.showClusterDialog();
        QVERIFY(dialog);
        dialog->nodesBox()->setValue(2);
        QVERIFY(dialog->submit());
        QTRY_COMPARE(window.followedClusterJob(), QStringLiteral("4242"));
        QCOMPARE(dialog->jobId(), QStringLiteral("4242"));
        QCOMPARE(QString::fromStdString(edgesmith::readFile(bin.filePath("sbatch.args").toStdString())), "--parsable\n" + folder.filePath("follow.sbatch") + "\n");
        auto* status = window.findChild<QLabel*>("statusMessage");
        QVERIFY2(status->text().contains("waiting for its run"), qPrintable(status->text()));

        QProcess search;
        search.setWorkingDirectory(folder.path());
        search.start(QStringLiteral(EDGESMITH_CLI), {"search", projectFile, "--continue", "--budget", "3000", "--workers", "1"});
        const auto stopSearch = qScopeGuard([&search] {
            if (search.state() == QProcess::NotRunning) return;
            ::kill(static_cast<pid_t>(search.processId()), SIGCONT);
            search.kill();
            search.waitForFinished();
        });
        QString seen;
        while (!seen.contains("[10/3000]") && search.waitForReadyRead(30000)) seen += QString::fromUtf8(search.readAllStandardOutput());
        QVERIFY2(seen.contains("[10/3000]"), qPrintable(seen));
        ::kill(static_cast<pid_t>(search.processId()), SIGSTOP); // midway, holding still while the window looks
        const auto stored = [&folder] { return int(edgesmith::Store::openReadOnly(folder.filePath("runs.db").toStdString()).candidates(1).size()); };
        const int midway = stored();
        QVERIFY(midway >= 10 && midway < 3000);
        QTRY_COMPARE_WITH_TIMEOUT(window.candidateModel()->rowCount(), midway, 15000);
        QCOMPARE(window.shownRun(), qint64(1));
        QCOMPARE(window.runModel()->rowCount(), 1);
        QCOMPARE(edgesmith::toString(window.runModel()->run(0).status), std::string("running"));
        QCOMPARE(window.paretoView()->candidateCount(), midway);
        QTRY_VERIFY2(status->text().startsWith(QStringLiteral("Following cluster job 4242: %1 candidate").arg(midway)), qPrintable(status->text()));

        ::kill(static_cast<pid_t>(search.processId()), SIGCONT);
        QVERIFY(search.waitForFinished(60000));
        QCOMPARE(search.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(window.followedClusterJob().isEmpty(), 15000); // the run finished: following stops
        QCOMPARE(window.candidateModel()->rowCount(), 3000);
        QCOMPARE(window.paretoView()->candidateCount(), 3000);
        QCOMPARE(edgesmith::toString(window.runModel()->run(0).status), std::string("finished"));
        QVERIFY2(status->text().startsWith("Cluster job 4242: run 1 finished"), qPrintable(status->text()));
    }

    // A finished run resumed with a larger budget continues where it stopped.
    void resumesAStoredRun() {
        QTemporaryDir folder;
        const QString projectFile = writeTableProject(folder);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(projectFile));
        QSignalSpy finished(&window, &MainWindow::searchFinished);
        QVERIFY(window.startSearch(20));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(window.resumeRun(1, 35));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(finished.last().at(0).toString(), QStringLiteral("finished"));
        QCOMPARE(window.candidateModel()->rowCount(), 35);
        QCOMPARE(edgesmith::Store::openReadOnly(folder.filePath("gui.db").toStdString()).candidates(1).size(), std::size_t(35));
        QCOMPARE(window.runModel()->rowCount(), 1);
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
