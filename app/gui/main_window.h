#pragma once
#include "core/common/error.h"
#include "core/common/json.h"
#include "widgets/app_settings.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>
#include <vector>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTimer;
class QUndoStack;

namespace edgesmith {
class SearchSpace;
struct Candidate;
struct RunInfo;
}

namespace edgesmith::widgets {
class CandidateFilterModel;
class CandidateTableModel;
class ArchitectureWeightsView;
class ClusterDialog;
class CompareView;
class ConvergenceView;
class DeviceMeasureDialog;
class DeviceProfileDialog;
class LayerInspector;
class RunTableModel;
class SpaceEditor;
class JsonTreeModel;
class LogView;
class ParetoView;
class ProjectPanel;
} // namespace edgesmith::widgets

namespace edgesmith::gui {

class ClusterFollow;
class SearchBridge;

// The workbench window: the project dock on the left, the tabs (Search space, Pareto,
// Candidates, Layers, Compare, Log) in the centre, run progress in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a project file; problems are listed in the project dock. Returns false (and
    // reports why) when the file cannot be read or is not JSON.
    bool openProject(const QString& file);
    // Validates and writes atomically; returns false (and reports why) when invalid.
    bool saveProjectAs(const QString& file);
    bool saveProject();
    void newProject();

    QString projectFile() const { return file_; }
    const Json& document() const;
    std::vector<Diagnostic> diagnostics() const { return diagnostics_; }
    QUndoStack* undoStack() const { return undoStack_; }
    widgets::ProjectPanel* projectPanel() const { return projectPanel_; }
    QTabWidget* tabs() const { return tabs_; }

    // Runs the project's search on a worker thread (the project must be valid and saved,
    // since its database and relative paths live beside the file). `budget` 0 keeps the
    // strategy's own length. False, with the reason reported, when it cannot start.
    bool startSearch(qint64 budget = 0, int workers = 0, double timeLimitSeconds = 0);
    // Opens the launcher (strategy, estimator, objectives, budgets); on Start applies its
    // choices as one undoable edit and starts the run.
    void launchSearch();
    // Compresses the architecture of candidate `key` of the shown run on a worker thread as
    // `job` says (CompressionJob::toJson() without the source); the compression run it
    // records is shown when it ends. False, with the reason reported, when it cannot start.
    bool compressCandidate(const QString& key, const Json& job);
    // Exports candidate `job.candidate` of `job.run` (ExportJob::toJson()) on the worker
    // thread; false when the project is not saved or a job runs.
    bool exportCandidate(const Json& job);
    // "Run → Compress Selected Candidate…": the dialog, then compressCandidate().
    void compressSelected();
    void exportSelected();
    void exportReport();
    // Right-click on a candidate (Pareto point or table row).
    void showCandidateMenu(const QString& key, const QPoint& globalPosition);
    // The candidate selected in the table or the plot; empty when none or several.
    QString selectedKey() const;
    // "Hardware → Device profiles…": opens the profile editor (window-modal, not blocking);
    // its "Use for this project" sets hardware.profile as one undoable edit.
    widgets::DeviceProfileDialog* showDeviceProfiles();
    // "Hardware → Measure on a Device…": kit, import and fit for a device profile
    // (window-modal, not blocking); its "Use for this project" sets hardware.profile and
    // latency_model "device" as one undoable edit. Null, with the reason reported, when
    // the project has no file or is not valid.
    widgets::DeviceMeasureDialog* showDeviceMeasure();
    // "Run → Run on cluster…": the sbatch dialog for the project as saved (window-modal,
    // not blocking); a job it submits is followed. Null, with the reason reported, when the
    // project has no file or its file is not a valid project.
    widgets::ClusterDialog* showClusterDialog();
    // Follows the run Slurm job `jobId` writes into the project's database: every 2 s the
    // run list, and that run's new candidates added to the views as a stored run shows them,
    // until the run ends or another project is opened.
    void followClusterJob(const QString& jobId);
    QString followedClusterJob() const;
    // Replaces the project document as one undoable step named `text`.
    void applyDocument(const Json& document, const QString& text);
    // Continues a stopped run of the project's database, shown from its stored candidates
    // on; `budget` 0 keeps the run's own.
    bool resumeRun(qint64 run, qint64 budget = 0);
    SearchBridge* searchBridge() const { return bridge_; }
    widgets::ParetoView* paretoView() const { return paretoView_; }
    widgets::CandidateTableModel* candidateModel() const { return candidateModel_; }
    widgets::ConvergenceView* convergenceView() const { return convergenceView_; }
    widgets::LayerInspector* layerInspector() const { return layerInspector_; }
    widgets::CompareView* compareView() const { return compareView_; }
    widgets::ArchitectureWeightsView* architectureWeightsView() const { return weightsView_; }
    widgets::SpaceEditor* spaceEditor() const { return spaceEditor_; }
    widgets::RunTableModel* runModel() const { return runModel_; }
    QTableView* candidateTable() const { return candidateTable_; }

    // One candidate everywhere: highlighted in the plot, selected in the table, its layers
    // in the inspector. Unknown keys are ignored.
    void selectCandidate(const QString& key);
    // Two to four candidates side by side in the Compare tab (more are cut to four).
    void compareCandidates(const QStringList& keys);
    // The per-layer table of a genotype of the project's space (empty when it is not one).
    Json layersOf(const QString& key) const;
    // The layer table stored with a compressed candidate of the shown run; empty otherwise.
    // The stored candidate's details ({} when the store has none for it).
    Json storedDetails(const Json& record) const;

    // Lists the runs of the project's database (none when it has no database yet).
    void refreshRuns();
    // Shows a stored run in every view exactly as it was recorded. False (reported) when
    // the database or run cannot be read.
    bool loadRun(qint64 run);
    qint64 shownRun() const { return shownRun_; }

    // Errors go to a dialog when interactive (the default) and always to the Log tab;
    // tests turn dialogs off and watch errorReported.
    void setInteractive(bool interactive) { interactive_ = interactive; }

Q_SIGNALS:
    void errorReported(const QString& title, const QString& text);
    void projectLoaded(const QString& file);
    void searchFinished(const QString& status, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDock();
    void createTabs();
    void createStatusBar();
    void restoreWindowState();
    void loadDocument(const Json& document, const QString& file);
    void revalidate();
    void refreshViews();
    void refreshSpaceView();
    void updateTitle();
    void updateRecentMenu();
    void rememberRecent(const QString& file);
    void reportError(const QString& title, const QString& text);
    bool confirmDiscard();
    void chooseAndOpen();
    bool chooseAndSaveAs();
    void editSettings();
    void showAbout();
    void connectBridge();
    void updateRunActions();
    void receiveCandidate(const QByteArray& record);
    void addRecord(const Json& record);
    void clearResults();
    void addStored(const std::vector<Candidate>& candidates);
    std::vector<RunInfo> storedRuns();
    void followTick();
    void showFollowedCandidates(const RunInfo& run);
    void stopFollowing(const QString& message);
    bool confirmSavedForCluster();
    void applyBudgets();
    void tableSelectionChanged();
    QString databaseFile() const;

    QString file_;
    std::vector<Diagnostic> diagnostics_;
    QStringList shownMetrics_; // objectives the Pareto axes and candidate columns were built for
    bool interactive_ = true;
    widgets::AppSettings settings_;

    QUndoStack* undoStack_;
    widgets::ProjectPanel* projectPanel_ = nullptr;
    QDockWidget* projectDock_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    widgets::SpaceEditor* spaceEditor_ = nullptr;
    widgets::ParetoView* paretoView_ = nullptr;
    widgets::CandidateTableModel* candidateModel_ = nullptr;
    widgets::CandidateFilterModel* candidateProxy_ = nullptr;
    QTableView* candidateTable_ = nullptr;
    widgets::ConvergenceView* convergenceView_ = nullptr;
    widgets::LayerInspector* layerInspector_ = nullptr;
    widgets::CompareView* compareView_ = nullptr;
    widgets::ArchitectureWeightsView* weightsView_ = nullptr;
    widgets::RunTableModel* runModel_ = nullptr;
    QTableView* runTable_ = nullptr;
    std::shared_ptr<const SearchSpace> space_; // of the current document, for layer tables
    qint64 shownRun_ = 0;
    std::string shownRunStrategy_; // "differentiable" runs keep α histories in their details
    bool shownRunLayerTimes_ = false; // its latency model stored per-layer times in the details
    bool selecting_ = false; // guards selection echoes between the views
    widgets::LogView* logView_ = nullptr;
    QLabel* statusMessage_ = nullptr;
    QLabel* candidateCount_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QProgressBar* taskProgress_ = nullptr; // long work inside an evaluation (supernet training)
    QMenu* recentMenu_ = nullptr;

    QAction* newAction_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* saveAction_ = nullptr;
    QAction* saveAsAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
    QAction* settingsAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* runAction_ = nullptr;
    QAction* launchAction_ = nullptr;
    QAction* resumeAction_ = nullptr;
    QAction* pauseAction_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QAction* compressAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QAction* reportAction_ = nullptr;
    QAction* deviceProfilesAction_ = nullptr;
    QAction* clusterAction_ = nullptr;
    QAction* deviceMeasureAction_ = nullptr;
    std::unique_ptr<ClusterFollow> follow_; // the submitted cluster job being followed; null: none
    QTimer* followTimer_ = nullptr;
    QString activity_;        // what the bridge runs: "Search", "Compression", "Export"
    SearchBridge* bridge_ = nullptr;
    qint64 evaluated_ = 0;
};

} // namespace edgesmith::gui
