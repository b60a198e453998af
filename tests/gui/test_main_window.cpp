#include "app/gui/main_window.h"
#include "app/gui/translations.h"
#include "core/common/atomic_file.h"
#include "core/common/paths.h"
#include "widgets/json_tree_model.h"
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
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
