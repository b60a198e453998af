#include "app/gui/main_window.h"

#include "app/gui/cluster_follow.h"
#include "app/gui/search_bridge.h"

#include "core/common/atomic_file.h"
#include "core/common/paths.h"
#include "core/common/version.h"
#include "core/engine/export_job.h"
#include "core/engine/runtime.h"
#include "core/estimate/estimator.h"
#include "core/project/catalog.h"
#include "core/project/project.h"
#include "core/space/space.h"
#include "core/store/store.h"
#include "widgets/candidate_table_model.h"
#include "widgets/cluster_dialog.h"
#include "widgets/architecture_weights_view.h"
#include "widgets/compare_view.h"
#include "widgets/compress_dialog.h"
#include "widgets/device_measure_dialog.h"
#include "widgets/device_profile_dialog.h"
#include "widgets/export_dialog.h"
#include "widgets/convergence_view.h"
#include "widgets/layer_inspector.h"
#include "widgets/json_tree_model.h"
#include "widgets/log_view.h"
#include "widgets/pareto_view.h"
#include "widgets/project_panel.h"
#include "widgets/document_command.h"
#include "widgets/run_table_model.h"
#include "widgets/search_launcher.h"
#include "widgets/space_editor.h"
#include "widgets/settings_dialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <optional>

namespace edgesmith::gui {
namespace {

constexpr int kMaximumRecent = 8;
constexpr int kFollowIntervalMs = 2000; // how often a followed cluster run is read back
const char* kProjectFilter = QT_TRANSLATE_NOOP("edgesmith::gui::MainWindow", "EdgeSmith projects (*.edgesmith.json);;JSON files (*.json);;All files (*)");

QString diagnosticLines(const std::vector<Diagnostic>& diagnostics) {
    QStringList lines;
    for (const auto& diagnostic : diagnostics) lines << QString::fromStdString(diagnostic.text());
    return lines.join('\n');
}

QStringList objectiveMetrics(const Json& document) {
    QStringList metrics;
    if (document.contains("objectives") && document["objectives"].is_array())
        for (const auto& objective : document["objectives"])
            if (objective.is_object() && objective.contains("metric") && objective["metric"].is_string())
                metrics << QString::fromStdString(objective["metric"].get<std::string>());
    return metrics;
}

// Whether the project's latency model splits a network's time by layer (the simulator and
// the lookup table do; a measurement or a predictor times the whole network).
bool timesLayers(const Json& project) {
    if (!project.is_object() || !project.contains("hardware") || !project["hardware"].is_object()) return false;
    const Json& model = project["hardware"].value("latency_model", Json("measured"));
    return model == "simulator" || model == "lut";
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), undoStack_(new QUndoStack(this)) {
    setObjectName("mainWindow");
    QSettings settings;
    settings_ = widgets::AppSettings::load(settings);
    createActions();
    createDock();
    createTabs();
    createMenus();
    createStatusBar();
    connect(undoStack_, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(projectPanel_, &widgets::ProjectPanel::documentEdited, this, [this] {
        revalidate();
        refreshViews();
    });
    restoreWindowState();
    newProject();
}

MainWindow::~MainWindow() = default; // the bridge (a child) cancels and joins a running search

const Json& MainWindow::document() const { return projectPanel_->document(); }

void MainWindow::createActions() {
    newAction_ = new QAction(QIcon::fromTheme("document-new", style()->standardIcon(QStyle::SP_FileIcon)), tr("&New Project"), this);
    newAction_->setShortcut(QKeySequence::New);
    newAction_->setToolTip(tr("Start a project from the Fashion-MNIST MBConv template"));
    connect(newAction_, &QAction::triggered, this, [this] {
        if (confirmDiscard()) newProject();
    });
    openAction_ = new QAction(QIcon::fromTheme("document-open", style()->standardIcon(QStyle::SP_DialogOpenButton)), tr("&Open…"), this);
    openAction_->setShortcut(QKeySequence::Open);
    connect(openAction_, &QAction::triggered, this, &MainWindow::chooseAndOpen);
    saveAction_ = new QAction(QIcon::fromTheme("document-save", style()->standardIcon(QStyle::SP_DialogSaveButton)), tr("&Save"), this);
    saveAction_->setShortcut(QKeySequence::Save);
    connect(saveAction_, &QAction::triggered, this, &MainWindow::saveProject);
    saveAsAction_ = new QAction(tr("Save &As…"), this);
    saveAsAction_->setShortcut(QKeySequence::SaveAs);
    connect(saveAsAction_, &QAction::triggered, this, &MainWindow::chooseAndSaveAs);
    quitAction_ = new QAction(tr("&Quit"), this);
    quitAction_->setShortcut(QKeySequence::Quit);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    // Plain actions rather than the stack's own: those put the command text into the
    // label, which widens the toolbar with every edit. The text goes to the tooltip.
    undoAction_ = new QAction(QIcon::fromTheme("edit-undo", style()->standardIcon(QStyle::SP_ArrowBack)), tr("&Undo"), this);
    undoAction_->setShortcut(QKeySequence::Undo);
    connect(undoAction_, &QAction::triggered, undoStack_, &QUndoStack::undo);
    redoAction_ = new QAction(QIcon::fromTheme("edit-redo", style()->standardIcon(QStyle::SP_ArrowForward)), tr("&Redo"), this);
    redoAction_->setShortcut(QKeySequence::Redo);
    connect(redoAction_, &QAction::triggered, undoStack_, &QUndoStack::redo);
    const auto followStack = [this] {
        undoAction_->setEnabled(undoStack_->canUndo());
        redoAction_->setEnabled(undoStack_->canRedo());
        undoAction_->setToolTip(undoStack_->canUndo() ? tr("Undo %1").arg(undoStack_->undoText()) : tr("Nothing to undo"));
        redoAction_->setToolTip(undoStack_->canRedo() ? tr("Redo %1").arg(undoStack_->redoText()) : tr("Nothing to redo"));
    };
    connect(undoStack_, &QUndoStack::indexChanged, this, followStack);
    connect(undoStack_, &QUndoStack::cleanChanged, this, followStack);
    connect(undoStack_, &QUndoStack::canUndoChanged, this, followStack);
    connect(undoStack_, &QUndoStack::canRedoChanged, this, followStack);
    followStack();
    settingsAction_ = new QAction(tr("&Settings…"), this);
    settingsAction_->setShortcut(QKeySequence::Preferences);
    connect(settingsAction_, &QAction::triggered, this, &MainWindow::editSettings);
    aboutAction_ = new QAction(tr("&About EdgeSmith"), this);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);

    runAction_ = new QAction(QIcon::fromTheme("media-playback-start", style()->standardIcon(QStyle::SP_MediaPlay)), tr("&Start Search"), this);
    runAction_->setObjectName("startSearchAction");
    runAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    runAction_->setToolTip(tr("Run the project's strategy; candidates appear in the Pareto and Candidates tabs as they are evaluated"));
    connect(runAction_, &QAction::triggered, this, [this] { startSearch(); });
    launchAction_ = new QAction(tr("Start Search &With…"), this);
    launchAction_->setObjectName("launchSearchAction");
    launchAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    launchAction_->setToolTip(tr("Choose the strategy, estimator, objectives and budget, then start"));
    connect(launchAction_, &QAction::triggered, this, &MainWindow::launchSearch);
    resumeAction_ = new QAction(tr("Res&ume Run"), this);
    resumeAction_->setObjectName("resumeRunAction");
    resumeAction_->setToolTip(tr("Continue the run selected in the Runs tab from its last committed candidate"));
    connect(resumeAction_, &QAction::triggered, this, [this] {
        const QModelIndexList rows = runTable_->selectionModel()->selectedRows();
        if (!rows.isEmpty()) resumeRun(runModel_->run(rows.front().row()).id);
        else if (runModel_->rowCount() > 0) resumeRun(runModel_->run(0).id);
    });
    compressAction_ = new QAction(tr("&Compress Selected Candidate…"), this);
    compressAction_->setObjectName("compressAction");
    compressAction_->setToolTip(tr("Search a mixed-precision, pruning or low-rank policy for the selected candidate, or run the project's pipeline"));
    connect(compressAction_, &QAction::triggered, this, &MainWindow::compressSelected);
    exportAction_ = new QAction(tr("&Export Selected Candidate…"), this);
    exportAction_->setObjectName("exportAction");
    exportAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction_->setToolTip(tr("Write the selected candidate as ONNX (float or int8), a LibTorch archive, JSON or C arrays"));
    connect(exportAction_, &QAction::triggered, this, &MainWindow::exportSelected);
    reportAction_ = new QAction(tr("Export Run &Report…"), this);
    reportAction_->setObjectName("reportAction");
    reportAction_->setToolTip(tr("Write an HTML page (Pareto plot, front, layers, curves) and a CSV of the shown run"));
    connect(reportAction_, &QAction::triggered, this, &MainWindow::exportReport);
    pauseAction_ = new QAction(QIcon::fromTheme("media-playback-pause", style()->standardIcon(QStyle::SP_MediaPause)), tr("&Pause"), this);
    pauseAction_->setObjectName("pauseSearchAction");
    pauseAction_->setCheckable(true);
    connect(pauseAction_, &QAction::toggled, this, [this](bool paused) {
        if (paused) bridge_->pause();
        else bridge_->resume();
        statusMessage_->setText(paused ? tr("Paused: evaluations in progress finish, no new ones start") : tr("Searching…"));
    });
    cancelAction_ = new QAction(QIcon::fromTheme("media-playback-stop", style()->standardIcon(QStyle::SP_MediaStop)), tr("&Cancel Search"), this);
    cancelAction_->setObjectName("cancelSearchAction");
    connect(cancelAction_, &QAction::triggered, this, [this] { bridge_->cancel(); });
    deviceProfilesAction_ = new QAction(tr("&Device profiles…"), this);
    deviceProfilesAction_->setObjectName("deviceProfilesAction");
    deviceProfilesAction_->setToolTip(tr("Look at, edit and choose the device profiles the project's latency and memory are modelled for"));
    connect(deviceProfilesAction_, &QAction::triggered, this, &MainWindow::showDeviceProfiles);
    deviceMeasureAction_ = new QAction(tr("&Measure on a Device…"), this);
    deviceMeasureAction_->setObjectName("deviceMeasureAction");
    deviceMeasureAction_->setToolTip(tr("Write a kit of networks to time on your device, import its results, and fit a latency model to them"));
    connect(deviceMeasureAction_, &QAction::triggered, this, &MainWindow::showDeviceMeasure);
    clusterAction_ = new QAction(tr("Run on C&luster…"), this);
    clusterAction_->setObjectName("clusterAction");
    clusterAction_->setToolTip(tr("Write the sbatch script that runs the saved project's search on Slurm nodes with MPI, submit it, and follow its run"));
    connect(clusterAction_, &QAction::triggered, this, &MainWindow::showClusterDialog);
    followTimer_ = new QTimer(this);
    followTimer_->setInterval(kFollowIntervalMs);
    connect(followTimer_, &QTimer::timeout, this, &MainWindow::followTick);
    bridge_ = new SearchBridge(this);
    connectBridge();
    updateRunActions();
}

void MainWindow::connectBridge() {
    connect(bridge_, &SearchBridge::started, this, [this](qint64 run) {
        shownRun_ = run;
        shownRunStrategy_.clear(); // a live search, never a differentiable one
        shownRunLayerTimes_ = timesLayers(document());
        logView_->append(widgets::LogView::Level::Info, tr("Run %1 started").arg(run));
        refreshRuns();
    });
    connect(bridge_, &SearchBridge::candidateEvaluated, this, &MainWindow::receiveCandidate);
    connect(bridge_, &SearchBridge::progress, this, [this](qint64 evaluated, qint64 planned, double eta) {
        progress_->show();
        progress_->setMaximum(static_cast<int>(planned)); // 0: unknown length, a busy bar
        progress_->setValue(static_cast<int>(std::min(evaluated, planned > 0 ? planned : evaluated)));
        const QString remaining = eta < 0 ? tr("estimating…") : eta < 90 ? tr("%1 s left").arg(qRound(eta)) : tr("%1 min left").arg(qRound(eta / 60));
        if (!pauseAction_->isChecked()) statusMessage_->setText(tr("Searching: %n evaluated, %1", nullptr, static_cast<int>(evaluated)).arg(remaining));
    });
    connect(bridge_, &SearchBridge::logLine, this, [this](const QString& text) { logView_->append(widgets::LogView::Level::Info, text); });
    connect(bridge_, &SearchBridge::taskProgress, this, [this](const QString& task, double fraction, double eta) {
        // The first candidate of a supernet search waits for the whole training: without
        // this bar the window would show nothing moving for minutes.
        const QString remaining = eta < 0 ? QString() : eta < 90 ? tr(", %1 s left").arg(qRound(eta)) : tr(", %1 min left").arg(qRound(eta / 60));
        taskProgress_->setValue(qRound(fraction * 1000));
        const QString name = task == QLatin1String("Training the supernet") ? tr("Training the supernet") : task;
        taskProgress_->setFormat(tr("%1: %2 % done%3").arg(name).arg(qRound(fraction * 100)).arg(remaining));
        taskProgress_->setToolTip(taskProgress_->format());
        taskProgress_->setVisible(fraction < 1.0);
    });
    connect(bridge_, &SearchBridge::finished, this, [this](const QString& status, const QString& message) {
        paretoView_->refresh();
        progress_->hide();
        taskProgress_->hide();
        const QString activity = activity_.isEmpty() ? tr("Search") : activity_;
        statusMessage_->setText(tr("%1 %2: %3").arg(activity, status, message));
        logView_->append(status == "failed" ? widgets::LogView::Level::Error : widgets::LogView::Level::Info, tr("%1 %2: %3").arg(activity, status, message));
        convergenceView_->refresh();
        if (status == "failed") reportError(tr("%1 failed").arg(activity), message);
        activity_.clear();
        updateRunActions();
        refreshRuns();
        Q_EMIT searchFinished(status, message);
    });
    connect(bridge_, &SearchBridge::compressionRecorded, this, [this](qint64 run) {
        if (loadRun(run)) tabs_->setCurrentWidget(paretoView_->parentWidget());
    });
}

QString MainWindow::selectedKey() const {
    const QModelIndexList rows = candidateTable_->selectionModel()->selectedRows();
    if (rows.size() == 1)
        return QString::fromStdString(candidateModel_->record(candidateProxy_->mapToSource(rows.front()).row()).value("genotype", std::string()));
    const QStringList keys = paretoView_->selectedKeys();
    return keys.size() == 1 ? keys.front() : QString();
}

void MainWindow::compressSelected() {
    const QString key = selectedKey();
    if (key.isEmpty()) {
        reportError(tr("Cannot compress"), tr("Select one candidate in the table or the Pareto plot first."));
        return;
    }
    // The open project may be invalid: read the pipeline without trusting its shape.
    int steps = 0;
    const Json& project = document();
    if (project.is_object() && project.contains("compression") && project["compression"].is_object() && project["compression"].contains("pipeline") &&
        project["compression"]["pipeline"].is_array())
        steps = static_cast<int>(project["compression"]["pipeline"].size());
    widgets::CompressDialog dialog(key, steps, this);
    if (dialog.exec() == QDialog::Accepted) compressCandidate(key, dialog.job());
}

bool MainWindow::compressCandidate(const QString& key, const Json& job) {
    if (bridge_->running()) return false;
    if (!diagnostics_.empty() || file_.isEmpty() || !undoStack_->isClean()) {
        reportError(tr("Cannot compress"), tr("The project must be valid and saved: the compression run goes to its experiment database."));
        return false;
    }
    const int row = candidateModel_->rowOf(key);
    Json full = job;
    full["genotype"] = key.toStdString();
    full["source_run"] = shownRun_;
    full["source_candidate"] = row >= 0 ? candidateModel_->record(row).value("number", std::int64_t(0)) : std::int64_t(0);
    if (!bridge_->compress(document(), file_, full)) return false;
    activity_ = tr("Compression");
    statusMessage_->setText(tr("Compressing %1…").arg(key.section('@', 0, 0)));
    progress_->setMaximum(0);
    progress_->show();
    tabs_->setCurrentWidget(logView_);
    updateRunActions();
    pauseAction_->setEnabled(false); // a compression runs to its end or is cancelled
    return true;
}

void MainWindow::exportSelected() {
    const QString key = selectedKey();
    const int row = key.isEmpty() ? -1 : candidateModel_->rowOf(key);
    if (row < 0 || shownRun_ <= 0) {
        reportError(tr("Cannot export"), tr("Select one candidate of a run in the table or the Pareto plot first."));
        return;
    }
    if (file_.isEmpty()) {
        reportError(tr("Cannot export"), tr("Save the project first: exports read its store and data."));
        return;
    }
    if (!diagnostics_.empty()) {
        reportError(tr("Cannot export"), tr("The project must be valid: exports train with its settings and data."));
        return;
    }
    const qint64 number = candidateModel_->record(row).value("number", std::int64_t(0));
    std::shared_ptr<const Project> project;
    try {
        project = std::make_shared<const Project>(Project::fromDocument(document(), file_.toStdString()));
    } catch (const Error& error) {
        reportError(tr("Cannot export"), QString::fromStdString(error.message()));
        return;
    }
    // The summary asks core what the job would do (whether a kept model exists, the files).
    const auto plan = [project](const Json& job) {
        try {
            return QString::fromStdString(exportPlan(*project, ExportJob::fromJson(job)));
        } catch (const std::exception& error) {
            return QString::fromUtf8(error.what());
        }
    };
    widgets::ExportDialog dialog(key, shownRun_, number, QFileInfo(file_).absolutePath(), plan, this);
    if (dialog.exec() == QDialog::Accepted) exportCandidate(dialog.job());
}

void MainWindow::exportReport() {
    if (shownRun_ <= 0 || file_.isEmpty()) {
        reportError(tr("Cannot export"), tr("Open a saved project and show one of its runs first."));
        return;
    }
    const QString suggested = QDir(QFileInfo(file_).absolutePath()).filePath(QStringLiteral("run%1-report.html").arg(shownRun_));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Run Report"), suggested, tr("HTML pages (*.html)"));
    if (file.isEmpty()) return;
    const QString key = selectedKey();
    const int row = key.isEmpty() ? -1 : candidateModel_->rowOf(key);
    ExportJob job;
    job.format = ExportFormat::Report;
    job.run = shownRun_;
    job.candidate = row >= 0 ? candidateModel_->record(row).value("number", std::int64_t(0)) : 0;
    job.out = file.toStdString();
    exportCandidate(job.toJson());
}

bool MainWindow::exportCandidate(const Json& job) {
    if (bridge_->running()) return false;
    if (!diagnostics_.empty() || file_.isEmpty() || !undoStack_->isClean()) {
        reportError(tr("Cannot export"), tr("The project must be valid and saved: exports read its store and data."));
        return false;
    }
    if (!bridge_->exportCandidate(document(), file_, job)) return false;
    activity_ = tr("Export");
    statusMessage_->setText(tr("Exporting candidate %1 of run %2…").arg(job.value("candidate", std::int64_t(0))).arg(job.value("run", std::int64_t(0))));
    progress_->setMaximum(0);
    progress_->show();
    tabs_->setCurrentWidget(logView_);
    updateRunActions();
    pauseAction_->setEnabled(false);
    return true;
}

void MainWindow::showCandidateMenu(const QString& key, const QPoint& globalPosition) {
    selectCandidate(key);
    QMenu menu(this);
    menu.setObjectName("candidateMenu");
    menu.addAction(exportAction_);
    menu.addAction(compressAction_);
    menu.addSeparator();
    menu.addAction(reportAction_);
    menu.exec(globalPosition);
}

void MainWindow::receiveCandidate(const QByteArray& record) {
    const Json candidate = Json::parse(record.toStdString(), nullptr, false);
    if (!candidate.is_discarded()) addRecord(candidate);
}

void MainWindow::addRecord(const Json& candidate) {
    candidateModel_->append(candidate);
    convergenceView_->addCandidate(candidate);
    ++evaluated_;
    candidateCount_->setText(tr("%n candidate(s)", nullptr, static_cast<int>(evaluated_)));
    if (candidate.value("status", "") != "evaluated") return;
    QVariantMap metrics;
    const Json values = candidate.value("metrics", Json::object());
    for (const auto& [name, value] : values.items())
        if (value.is_number()) metrics.insert(QString::fromStdString(name), value.get<double>());
    paretoView_->addCandidate(QString::fromStdString(candidate.value("genotype", "")), metrics, candidate.value("generation", 0));
}

void MainWindow::clearResults() {
    candidateModel_->clear();
    paretoView_->clearCandidates();
    convergenceView_->setProject(document());
    compareView_->setEntries({});
    weightsView_->clear();
    layerInspector_->clear();
    evaluated_ = 0;
    candidateCount_->setText(tr("%n candidate(s)", nullptr, 0));
}

void MainWindow::selectCandidate(const QString& key) {
    const int row = candidateModel_->rowOf(key);
    if (row < 0 || selecting_) return;
    selecting_ = true;
    paretoView_->setSelectedKeys({key});
    const QModelIndex index = candidateProxy_->mapFromSource(candidateModel_->index(row, 0));
    if (index.isValid()) {
        candidateTable_->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        candidateTable_->scrollTo(index);
    }
    const Json& record = candidateModel_->record(row);
    // Shown runs keep records without details. Three kinds need them read back, once: a
    // compressed variant's layer table (bitwidths, pruned channels, factors) is not
    // derivable from its key, a differentiable search keeps its α history there, and a
    // simulated or table latency its per-layer times.
    const bool compressed = key.contains(QLatin1Char('@'));
    const Json stored = compressed || shownRunStrategy_ == "differentiable" || shownRunLayerTimes_ ? storedDetails(record) : Json::object();
    Json layers = record.contains("details") && record["details"].contains("layers") ? record["details"]["layers"]
                                                                                     : stored.value("layers", Json::array());
    if (layers.empty()) layers = layersOf(key);
    QStringList summary;
    const Json metrics = record.value("metrics", Json::object());
    for (const auto& [name, value] : metrics.items()) {
        const MetricInfo* info = findMetric(name);
        if (!value.is_number() || !info || name == "error" || name == "flops") continue; // error and FLOPs repeat accuracy and MACs
        summary << QStringLiteral("%1 %2%3").arg(QString::fromStdString(info->title), QLocale().toString(value.get<double>(), 'g', 5),
                                                 info->unit.empty() ? QString() : QStringLiteral(" ") + QString::fromStdString(info->unit));
    }
    layerInspector_->showLayers(QStringLiteral("<b>%1</b> <span style='color:gray'>%2</span>")
                                    .arg(key.toHtmlEscaped(), summary.join(QStringLiteral(" · ")).toHtmlEscaped()),
                                layers);
    if (stored.contains("architecture_weights")) weightsView_->showWeights(key, stored["architecture_weights"]);
    else weightsView_->clear();
    selecting_ = false;
}

void MainWindow::compareCandidates(const QStringList& keys) {
    std::vector<widgets::CompareView::Entry> entries;
    // Curves and confusion matrices stay in the store (a live run sends records without
    // them); they are read for the few candidates compared.
    std::optional<Store> store;
    try {
        if (shownRun_ > 0 && QFileInfo::exists(databaseFile())) store.emplace(Store::openReadOnly(databaseFile().toStdString()));
    } catch (const Error&) {
    }
    for (const QString& key : keys) {
        const int row = candidateModel_->rowOf(key);
        if (row < 0) continue;
        const Json& record = candidateModel_->record(row);
        Json details = Json::object();
        try {
            if (store)
                if (const auto stored = store->candidate(shownRun_, record.value("number", std::int64_t(0)))) details = stored->details;
        } catch (const Error&) {
        }
        // Compressed variants carry their own table (bitwidths, pruned channels, factors).
        Json layers = details.contains("layers") ? details["layers"] : layersOf(key);
        entries.push_back({key, record.value("metrics", Json::object()), std::move(layers), details});
        if (static_cast<int>(entries.size()) == widgets::CompareView::kMaximum) break;
    }
    compareView_->setEntries(entries);
    if (!selecting_) {
        selecting_ = true;
        paretoView_->setSelectedKeys(keys);
        selecting_ = false;
    }
}

void MainWindow::tableSelectionChanged() {
    if (selecting_) return;
    QStringList keys;
    for (const QModelIndex& index : candidateTable_->selectionModel()->selectedRows())
        keys << QString::fromStdString(candidateModel_->record(candidateProxy_->mapToSource(index).row()).value("genotype", std::string()));
    if (keys.size() == 1) selectCandidate(keys.front());
    else if (keys.size() > 1) compareCandidates(keys);
}

Json MainWindow::storedDetails(const Json& record) const {
    if (shownRun_ <= 0 || !QFileInfo::exists(databaseFile())) return Json::object();
    try {
        if (const auto stored = Store::openReadOnly(databaseFile().toStdString()).candidate(shownRun_, record.value("number", std::int64_t(0))))
            return stored->details;
    } catch (const Error&) {
    }
    return Json::object();
}

Json MainWindow::layersOf(const QString& key) const {
    if (!space_) return Json::array();
    try {
        const std::string text = key.toStdString();
        return layerTable(space_->derive(space_->parseKey(text.substr(0, text.find('@')))));
    } catch (const std::exception&) {
        return Json::array();
    }
}

QString MainWindow::databaseFile() const {
    if (file_.isEmpty()) return {};
    try {
        return QString::fromStdString(Project::fromDocument(document(), file_.toStdString()).databasePath().string());
    } catch (const std::exception&) {
        return {};
    }
}

std::vector<RunInfo> MainWindow::storedRuns() {
    const QString database = databaseFile();
    if (database.isEmpty() || !QFileInfo::exists(database)) return {};
    try {
        return Store::openReadOnly(database.toStdString()).runs();
    } catch (const Error& error) {
        logView_->append(widgets::LogView::Level::Warning, QString::fromStdString(error.what()));
        return {};
    }
}

void MainWindow::refreshRuns() {
    // A followed run refreshes the list every few seconds: keep the row the user selected.
    const QModelIndexList selected = runTable_->selectionModel()->selectedRows();
    const qint64 selectedRun = selected.isEmpty() ? 0 : runModel_->run(selected.front().row()).id;
    runModel_->setRuns(storedRuns());
    for (int row = 0; row < runModel_->rowCount(); ++row)
        if (runModel_->run(row).id == selectedRun) runTable_->selectRow(row);
    runTable_->resizeColumnsToContents();
}

// Stored records go to the views without their details (curves, α histories): the few
// views that need those read them back for the candidates they show.
void MainWindow::addStored(const std::vector<Candidate>& candidates) {
    for (const Candidate& candidate : candidates) {
        Json record = candidate.toJson();
        record.erase("details");
        addRecord(record);
    }
    paretoView_->refresh();
    convergenceView_->refresh();
}

bool MainWindow::loadRun(qint64 run) {
    if (bridge_->running()) return false;
    std::vector<Candidate> candidates;
    Json project;
    try {
        const Store store = Store::openReadOnly(databaseFile().toStdString());
        const RunInfo info = store.run(run);
        candidates = store.candidates(run);
        project = info.project;
        shownRunStrategy_ = info.strategy;
        shownRunLayerTimes_ = timesLayers(info.project);
    } catch (const Error& error) {
        reportError(tr("Cannot show run %1").arg(run), QString::fromStdString(error.what()));
        return false;
    }
    clearResults();
    convergenceView_->setProject(project);
    addStored(candidates);
    shownRun_ = run;
    statusMessage_->setText(tr("Showing run %1: %n candidate(s)", nullptr, static_cast<int>(candidates.size())).arg(run));
    return true;
}

void MainWindow::applyBudgets() {
    std::vector<widgets::ParetoView::Budget> budgets;
    const Json& constraints = document().value("constraints", Json::object());
    if (constraints.is_object() && constraints.contains("hard") && constraints["hard"].is_array())
        for (const auto& budget : constraints["hard"]) {
            if (!budget.is_object() || !budget.contains("metric") || !budget["metric"].is_string()) continue;
            widgets::ParetoView::Budget line{QString::fromStdString(budget["metric"].get<std::string>()), {}, {}};
            if (budget.contains("min") && budget["min"].is_number()) line.min = budget["min"].get<double>();
            if (budget.contains("max") && budget["max"].is_number()) line.max = budget["max"].get<double>();
            budgets.push_back(line);
        }
    paretoView_->setBudgets(budgets);
}

void MainWindow::updateRunActions() {
    const bool running = bridge_->running();
    runAction_->setEnabled(!running);
    launchAction_->setEnabled(!running);
    resumeAction_->setEnabled(!running);
    compressAction_->setEnabled(!running);
    exportAction_->setEnabled(!running);
    reportAction_->setEnabled(!running);
    pauseAction_->setEnabled(running);
    cancelAction_->setEnabled(running);
    clusterAction_->setEnabled(!file_.isEmpty()); // the job reads the project's file
    deviceMeasureAction_->setEnabled(!file_.isEmpty()); // measurements are kept beside it
    if (!running) {
        const QSignalBlocker blocker(pauseAction_);
        pauseAction_->setChecked(false);
    }
}

void MainWindow::launchSearch() {
    if (bridge_->running()) return;
    widgets::SearchLauncher launcher(document(), file_, this);
    if (launcher.exec() != QDialog::Accepted) return;
    const Json chosen = launcher.document();
    if (chosen != document()) applyDocument(chosen, tr("Search settings"));
    startSearch(launcher.budget(), launcher.workers(), launcher.timeLimitSeconds());
}

widgets::DeviceProfileDialog* MainWindow::showDeviceProfiles() {
    const Json& project = document();
    QString profile = QStringLiteral("host");
    if (project.contains("hardware") && project["hardware"].is_object() && project["hardware"].contains("profile") &&
        project["hardware"]["profile"].is_string())
        profile = QString::fromStdString(project["hardware"]["profile"].get<std::string>());
    auto* dialog = new widgets::DeviceProfileDialog(file_, profile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &widgets::DeviceProfileDialog::profileChosen, this, [this](const QString& name) {
        const Json changed = widgets::withDeviceProfile(document(), name.toStdString());
        if (changed != document()) applyDocument(changed, tr("Device profile %1").arg(name));
    });
    // The project may use the profile just written: its check reads the file again.
    connect(dialog, &widgets::DeviceProfileDialog::profileSaved, this, [this](const QString& file) {
        logView_->append(widgets::LogView::Level::Info, tr("Saved device profile %1").arg(QDir::toNativeSeparators(file)));
        revalidate();
    });
    // Window-modal without blocking, so the project dock follows each profile chosen.
    dialog->open();
    return dialog;
}

widgets::DeviceMeasureDialog* MainWindow::showDeviceMeasure() {
    if (file_.isEmpty()) {
        reportError(tr("Cannot measure on a device"), tr("Save the project first: the measurements and the fitted model are kept beside the project file."));
        return nullptr;
    }
    std::optional<Project> project;
    try {
        project.emplace(Project::fromDocument(document(), file_.toStdString()));
    } catch (const ValidationError& error) {
        reportError(tr("Cannot measure on a device"), tr("The project has problems; fix them first:\n\n%1").arg(diagnosticLines(error.diagnostics())));
        return nullptr;
    }
    const Json hardware = document().value("hardware", Json::object());
    const QString profile = QString::fromStdString(hardware.is_object() ? hardware.value("profile", std::string("host")) : std::string("host"));
    auto* dialog = new widgets::DeviceMeasureDialog(*project, profile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &widgets::DeviceMeasureDialog::modelChosen, this, [this](const QString& name) {
        const Json changed = widgets::withDeviceLatencyModel(document(), name.toStdString());
        if (changed != document()) applyDocument(changed, tr("Device latency model of %1").arg(name));
    });
    connect(dialog, &widgets::DeviceMeasureDialog::kitWritten, this, [this](const QString& folder, int models) {
        logView_->append(widgets::LogView::Level::Info, tr("Wrote a measurement kit of %1 networks to %2").arg(models).arg(QDir::toNativeSeparators(folder)));
    });
    connect(dialog, &widgets::DeviceMeasureDialog::measurementsImported, this, [this](const QString& file) {
        logView_->append(widgets::LogView::Level::Info, tr("Imported device measurements into %1").arg(QDir::toNativeSeparators(file)));
    });
    // A project that already uses the device model predicts with the new one: check it again.
    connect(dialog, &widgets::DeviceMeasureDialog::modelKept, this, [this](const QString& file) {
        logView_->append(widgets::LogView::Level::Info, tr("Kept the device latency model %1").arg(QDir::toNativeSeparators(file)));
        revalidate();
    });
    connect(dialog, &widgets::DeviceMeasureDialog::errorReported, this, [this](const QString& title, const QString& text) {
        logView_->append(widgets::LogView::Level::Error, title + ": " + text); // the dialog shows it
    });
    dialog->open();
    return dialog;
}

widgets::ClusterDialog* MainWindow::showClusterDialog() {
    if (file_.isEmpty()) {
        reportError(tr("Cannot run on a cluster"), tr("Save the project first: the cluster job reads the project file and writes the database beside it."));
        return nullptr;
    }
    if (!confirmSavedForCluster()) return nullptr;
    // The nodes read the file, not this window: check what they will read.
    try {
        Project::load(file_.toStdString());
    } catch (const ValidationError& error) {
        reportError(tr("Cannot run on a cluster"), tr("The saved project has problems:\n\n%1").arg(diagnosticLines(error.diagnostics())));
        return nullptr;
    } catch (const Error& error) {
        reportError(tr("Cannot run on a cluster"), QString::fromStdString(error.what()));
        return nullptr;
    }
    auto* dialog = new widgets::ClusterDialog(file_, QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &widgets::ClusterDialog::submitted, this, [this](const QString& job, const QString& script) {
        logView_->append(widgets::LogView::Level::Info, tr("Submitted %1 as cluster job %2").arg(QDir::toNativeSeparators(script), job));
        followClusterJob(job);
    });
    connect(dialog, &widgets::ClusterDialog::errorReported, this, [this](const QString& title, const QString& text) {
        logView_->append(widgets::LogView::Level::Error, title + ": " + text); // the dialog shows it
    });
    dialog->open();
    return dialog;
}

// Unsaved edits never reach the nodes: save them, or go on with the file as saved.
bool MainWindow::confirmSavedForCluster() {
    if (undoStack_->isClean()) return true;
    if (!interactive_) {
        logView_->append(widgets::LogView::Level::Warning, tr("The cluster job uses the project as saved, without the unsaved changes"));
        return true;
    }
    QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                    tr("The cluster job reads the project file, which does not have the unsaved changes. Save them first?"),
                    QMessageBox::Save | QMessageBox::Ignore | QMessageBox::Cancel, this);
    box.button(QMessageBox::Ignore)->setText(tr("Use the Saved File"));
    const int answer = box.exec();
    if (answer == QMessageBox::Save) return saveProject();
    return answer == QMessageBox::Ignore;
}

void MainWindow::followClusterJob(const QString& jobId) {
    follow_ = std::make_unique<ClusterFollow>(jobId, file_.toStdString(), storedRuns());
    followTimer_->start();
    followTick();
}

QString MainWindow::followedClusterJob() const { return follow_ ? follow_->job() : QString(); }

void MainWindow::followTick() {
    if (!follow_) return;
    refreshRuns();
    const std::vector<RunInfo>& runs = runModel_->runs();
    const qint64 id = follow_->runOf(runs);
    const auto run = std::find_if(runs.begin(), runs.end(), [id](const RunInfo& info) { return info.id == id; });
    if (run == runs.end()) {
        statusMessage_->setText(tr("Following cluster job %1: waiting for its run to start").arg(follow_->job()));
        return;
    }
    if (!bridge_->running()) showFollowedCandidates(*run);
    if (!follow_) return; // the run could not be shown
    statusMessage_->setText(tr("Following cluster job %1: %n candidate(s)", nullptr, static_cast<int>(run->candidates)).arg(follow_->job()));
    if (follow_->ended(*run))
        stopFollowing(tr("Cluster job %1: run %2 %3, %n candidate(s)", nullptr, static_cast<int>(run->candidates))
                          .arg(follow_->job())
                          .arg(run->id)
                          .arg(QString::fromStdString(toString(run->status))));
}

// The first sight of the run shows it like any stored run; later looks add the candidates
// committed since, unless the user turned to another run meanwhile.
void MainWindow::showFollowedCandidates(const RunInfo& run) {
    if (!follow_->shown) {
        follow_->shown = true;
        if (loadRun(run.id)) tabs_->setCurrentWidget(paretoView_->parentWidget());
        else stopFollowing(tr("Stopped following cluster job %1").arg(follow_->job()));
        return;
    }
    if (shownRun_ != run.id || run.candidates <= evaluated_) return;
    const int rows = candidateModel_->rowCount();
    const std::int64_t last = rows > 0 ? candidateModel_->record(rows - 1).value("number", std::int64_t(0)) : 0;
    try {
        addStored(Store::openReadOnly(databaseFile().toStdString()).candidates(run.id, last));
    } catch (const Error& error) {
        logView_->append(widgets::LogView::Level::Warning, QString::fromStdString(error.what())); // tried again next time
    }
}

void MainWindow::stopFollowing(const QString& message) {
    followTimer_->stop();
    follow_.reset();
    statusMessage_->setText(message);
    logView_->append(widgets::LogView::Level::Info, message);
}

void MainWindow::applyDocument(const Json& changed, const QString& text) {
    undoStack_->push(new widgets::DocumentCommand(text, document(), changed, [this](const Json& value) {
        projectPanel_->setDocument(value);
        revalidate();
        refreshViews();
    }));
}

bool MainWindow::resumeRun(qint64 run, qint64 budget) {
    if (bridge_->running()) return false;
    const QString database = databaseFile();
    if (database.isEmpty() || !loadRun(run)) return false;
    if (!bridge_->resumeRun(database, run, budget)) return false;
    activity_ = tr("Search");
    statusMessage_->setText(tr("Resuming run %1…").arg(run));
    progress_->setMaximum(0);
    progress_->show();
    updateRunActions();
    return true;
}

bool MainWindow::startSearch(qint64 budget, int workers, double timeLimitSeconds) {
    if (bridge_->running()) return false;
    if (!diagnostics_.empty()) {
        reportError(tr("Cannot start the search"), tr("The project has %n problem(s); fix those listed in the Project dock first.", nullptr,
                                                      static_cast<int>(diagnostics_.size())));
        return false;
    }
    if (file_.isEmpty() || !undoStack_->isClean()) {
        if (!interactive_ || !saveProject()) {
            reportError(tr("Cannot start the search"), tr("Save the project first: its experiment database and relative paths live beside the file."));
            return false;
        }
    }
    clearResults();
    if (!bridge_->start(document(), file_, budget, workers, timeLimitSeconds)) return false;
    activity_ = tr("Search");
    statusMessage_->setText(tr("Searching…"));
    progress_->setMaximum(0);
    progress_->show();
    tabs_->setCurrentWidget(paretoView_->parentWidget());
    updateRunActions();
    return true;
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName("fileMenu");
    file->addAction(newAction_);
    file->addAction(openAction_);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    recentMenu_->setObjectName("recentMenu");
    file->addSeparator();
    file->addAction(saveAction_);
    file->addAction(saveAsAction_);
    file->addSeparator();
    file->addAction(quitAction_);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName("editMenu");
    edit->addAction(undoAction_);
    edit->addAction(redoAction_);
    edit->addSeparator();
    edit->addAction(settingsAction_);

    QToolBar* toolbar = addToolBar(tr("Main toolbar"));
    toolbar->setObjectName("mainToolbar");
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(newAction_);
    toolbar->addAction(openAction_);
    toolbar->addAction(saveAction_);
    toolbar->addSeparator();
    toolbar->addAction(undoAction_);
    toolbar->addAction(redoAction_);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName("viewMenu");
    QAction* toggleProject = projectDock_->toggleViewAction();
    toggleProject->setText(tr("&Project panel"));
    view->addAction(toggleProject);
    QAction* toggleToolbar = toolbar->toggleViewAction();
    toggleToolbar->setText(tr("&Toolbar"));
    view->addAction(toggleToolbar);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->setObjectName("runMenu");
    run->addAction(runAction_);
    run->addAction(launchAction_);
    run->addAction(pauseAction_);
    run->addAction(cancelAction_);
    run->addSeparator();
    run->addAction(resumeAction_);
    run->addAction(compressAction_);
    run->addAction(exportAction_);
    run->addAction(reportAction_);
    run->addSeparator();
    run->addAction(clusterAction_);
    toolbar->addSeparator();
    toolbar->addAction(runAction_);
    toolbar->addAction(pauseAction_);
    toolbar->addAction(cancelAction_);

    QMenu* hardware = menuBar()->addMenu(tr("&Hardware"));
    hardware->setObjectName("hardwareMenu");
    hardware->addAction(deviceProfilesAction_);
    hardware->addAction(deviceMeasureAction_);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName("helpMenu");
    help->addAction(aboutAction_);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    updateRecentMenu();
}

void MainWindow::createDock() {
    projectPanel_ = new widgets::ProjectPanel(undoStack_);
    projectDock_ = new QDockWidget(tr("Project"), this);
    projectDock_->setObjectName("projectDock");
    projectDock_->setWidget(projectPanel_);
    projectDock_->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, projectDock_);
}

void MainWindow::createTabs() {
    tabs_ = new QTabWidget;
    tabs_->setObjectName("mainTabs");
    tabs_->setDocumentMode(true);

    spaceEditor_ = new widgets::SpaceEditor;
    connect(spaceEditor_, &widgets::SpaceEditor::spaceEdited, this, [this](const Json& space, const QString& description) {
        // The first edit of a template space copies it into the project.
        Json changed = document();
        changed["space"] = {{"inline", space}};
        applyDocument(changed, description);
    });
    connect(spaceEditor_, &widgets::SpaceEditor::restartRequested, this, [this](const Json& section, const QString& description) {
        Json changed = document();
        changed["space"] = section;
        applyDocument(changed, description);
    });
    tabs_->addTab(spaceEditor_, tr("Search space"));

    paretoView_ = new widgets::ParetoView;
    convergenceView_ = new widgets::ConvergenceView;
    auto* paretoSplitter = new QSplitter(Qt::Vertical);
    paretoSplitter->setObjectName("paretoSplitter");
    paretoSplitter->addWidget(paretoView_);
    paretoSplitter->addWidget(convergenceView_);
    paretoSplitter->setStretchFactor(0, 3);
    paretoSplitter->setStretchFactor(1, 1);
    tabs_->addTab(paretoSplitter, tr("Pareto"));
    connect(paretoView_, &widgets::ParetoView::candidateClicked, this, &MainWindow::selectCandidate);
    connect(paretoView_, &widgets::ParetoView::candidateMenuRequested, this, &MainWindow::showCandidateMenu);
    connect(paretoView_, &widgets::ParetoView::candidatesSelected, this, [this](const QStringList& keys) {
        if (keys.size() == 1) selectCandidate(keys.front());
        else if (keys.size() > 1) {
            compareCandidates(keys);
            tabs_->setCurrentWidget(compareView_);
        }
    });

    auto* candidatesPage = new QWidget;
    auto* candidatesLayout = new QVBoxLayout(candidatesPage);
    auto* filter = new QLineEdit;
    filter->setObjectName("candidateFilter");
    filter->setPlaceholderText(tr("Filter by genotype…"));
    filter->setClearButtonEnabled(true);
    auto* statusFilter = new QComboBox;
    statusFilter->setObjectName("candidateStatusFilter");
    statusFilter->addItem(tr("All candidates"), QString());
    statusFilter->addItem(tr("Pareto front"), QStringLiteral("front"));
    statusFilter->addItem(tr("Evaluated"), QStringLiteral("evaluated"));
    statusFilter->addItem(tr("Outside the budgets"), QStringLiteral("infeasible"));
    statusFilter->addItem(tr("Failed"), QStringLiteral("failed"));
    auto* copy = new QPushButton(tr("Copy as CSV"));
    copy->setObjectName("candidateCopy");
    copy->setToolTip(tr("Copy the selected rows (all shown rows when none is selected) as CSV (Ctrl+C)"));
    candidateModel_ = new widgets::CandidateTableModel(this);
    candidateProxy_ = new widgets::CandidateFilterModel(this);
    candidateProxy_->setSourceModel(candidateModel_);
    connect(filter, &QLineEdit::textChanged, candidateProxy_, &widgets::CandidateFilterModel::setGenotypeFilter);
    connect(statusFilter, &QComboBox::currentIndexChanged, this,
            [this, statusFilter] { candidateProxy_->setStatusFilter(statusFilter->currentData().toString()); });
    candidateTable_ = new QTableView;
    candidateTable_->setObjectName("candidateTable");
    candidateTable_->setModel(candidateProxy_);
    candidateTable_->setSortingEnabled(true);
    candidateTable_->sortByColumn(-1, Qt::AscendingOrder); // arrival order until a header is clicked
    candidateTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    candidateTable_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    candidateTable_->horizontalHeader()->setStretchLastSection(true);
    candidateTable_->verticalHeader()->hide();
    connect(candidateTable_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::tableSelectionChanged);
    auto* copyAction = new QAction(tr("Copy as CSV"), candidateTable_);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    candidateTable_->addAction(copyAction);
    const auto copyRows = [this] {
        std::vector<int> rows;
        for (const QModelIndex& index : candidateTable_->selectionModel()->selectedRows()) rows.push_back(candidateProxy_->mapToSource(index).row());
        if (rows.empty())
            for (int row = 0; row < candidateProxy_->rowCount(); ++row) rows.push_back(candidateProxy_->mapToSource(candidateProxy_->index(row, 0)).row());
        std::sort(rows.begin(), rows.end());
        QApplication::clipboard()->setText(candidateModel_->toCsv(rows));
        statusMessage_->setText(tr("Copied %n candidate(s) as CSV", nullptr, static_cast<int>(rows.size())));
    };
    connect(copyAction, &QAction::triggered, this, copyRows);
    candidateTable_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(candidateTable_, &QWidget::customContextMenuRequested, this, [this](const QPoint& position) {
        const QModelIndex index = candidateTable_->indexAt(position);
        if (!index.isValid()) return;
        const Json& record = candidateModel_->record(candidateProxy_->mapToSource(index).row());
        showCandidateMenu(QString::fromStdString(record.value("genotype", std::string())), candidateTable_->viewport()->mapToGlobal(position));
    });
    connect(copy, &QPushButton::clicked, this, copyRows);
    connect(convergenceView_, &widgets::ConvergenceView::frontChanged, candidateModel_, &widgets::CandidateTableModel::setFrontKeys);
    auto* filters = new QHBoxLayout;
    filters->addWidget(filter, 1);
    filters->addWidget(statusFilter);
    filters->addWidget(copy);
    candidatesLayout->addLayout(filters);
    candidatesLayout->addWidget(candidateTable_, 1);
    tabs_->addTab(candidatesPage, tr("Candidates"));

    layerInspector_ = new widgets::LayerInspector;
    tabs_->addTab(layerInspector_, tr("Layers"));

    compareView_ = new widgets::CompareView;
    tabs_->addTab(compareView_, tr("Compare"));

    weightsView_ = new widgets::ArchitectureWeightsView;
    tabs_->addTab(weightsView_, tr("Architecture weights"));

    auto* runsPage = new QWidget;
    auto* runsLayout = new QVBoxLayout(runsPage);
    runModel_ = new widgets::RunTableModel(this);
    runTable_ = new QTableView;
    runTable_->setObjectName("runTable");
    runTable_->setModel(runModel_);
    runTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    runTable_->setSelectionMode(QAbstractItemView::SingleSelection);
    runTable_->horizontalHeader()->setStretchLastSection(true);
    runTable_->verticalHeader()->hide();
    auto* showRun = new QPushButton(tr("Show run"));
    showRun->setObjectName("showRunButton");
    auto* reloadRuns = new QPushButton(tr("Refresh"));
    const auto showSelectedRun = [this] {
        const QModelIndexList rows = runTable_->selectionModel()->selectedRows();
        if (!rows.isEmpty() && loadRun(runModel_->run(rows.front().row()).id)) tabs_->setCurrentWidget(paretoView_->parentWidget());
    };
    connect(showRun, &QPushButton::clicked, this, showSelectedRun);
    connect(runTable_, &QTableView::doubleClicked, this, showSelectedRun);
    connect(reloadRuns, &QPushButton::clicked, this, &MainWindow::refreshRuns);
    auto* runButtons = new QHBoxLayout;
    auto* runHint = new QLabel(tr("Runs of this project's experiment database. Double-click one to show it in the Pareto, Candidates and Layers tabs."));
    runHint->setWordWrap(true);
    runButtons->addWidget(runHint, 1);
    runButtons->addWidget(reloadRuns);
    auto* resumeButton = new QToolButton;
    resumeButton->setDefaultAction(resumeAction_);
    runButtons->addWidget(resumeButton);
    runButtons->addWidget(showRun);
    runsLayout->addLayout(runButtons);
    runsLayout->addWidget(runTable_, 1);
    tabs_->addTab(runsPage, tr("Runs"));

    logView_ = new widgets::LogView;
    tabs_->addTab(logView_, tr("Log"));
    setCentralWidget(tabs_);
}

void MainWindow::createStatusBar() {
    statusMessage_ = new QLabel(tr("Ready"));
    statusMessage_->setObjectName("statusMessage");
    candidateCount_ = new QLabel(tr("%n candidate(s)", nullptr, 0));
    progress_ = new QProgressBar;
    progress_->setObjectName("runProgress");
    progress_->setMaximumWidth(220);
    progress_->setFormat(tr("%v / %m evaluated"));
    progress_->hide();
    taskProgress_ = new QProgressBar;
    taskProgress_->setObjectName("taskProgress");
    taskProgress_->setMaximumWidth(320);
    taskProgress_->setRange(0, 1000);
    taskProgress_->hide();
    statusBar()->addWidget(statusMessage_, 1);
    statusBar()->addPermanentWidget(taskProgress_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(candidateCount_);
}

void MainWindow::restoreWindowState() {
    QSettings settings;
    if (!restoreGeometry(settings.value("window/geometry").toByteArray())) resize(1400, 860);
    if (!restoreState(settings.value("window/state").toByteArray()))
        resizeDocks({projectDock_}, {420}, Qt::Horizontal);
}

void MainWindow::newProject() {
    loadDocument(Project::starterDocument(tr("Untitled project").toStdString()), QString());
    logView_->append(widgets::LogView::Level::Info, tr("New project from the fmnist-mbconv template"));
}

bool MainWindow::openProject(const QString& file) {
    std::string text;
    try {
        text = readFile(file.toStdString());
    } catch (const Error& error) {
        reportError(tr("Cannot open project"), QString::fromStdString(error.what()));
        return false;
    }
    const ParsedJson parsed = parseJson(text, file.toStdString());
    if (!parsed.parsed) {
        reportError(tr("Cannot open project"), diagnosticLines(parsed.diagnostics));
        return false;
    }
    loadDocument(parsed.value, file);
    rememberRecent(file);
    refreshRuns();
    // Reopening a project shows its latest run as it was recorded.
    if (runModel_->rowCount() > 0) loadRun(runModel_->run(0).id);
    logView_->append(widgets::LogView::Level::Info, tr("Opened %1").arg(QDir::toNativeSeparators(file)));
    if (!diagnostics_.empty())
        logView_->append(widgets::LogView::Level::Warning,
                         tr("%n problem(s) in the project; see the Project panel", nullptr, static_cast<int>(diagnostics_.size())));
    Q_EMIT projectLoaded(file);
    return true;
}

void MainWindow::loadDocument(const Json& document, const QString& file) {
    if (follow_) stopFollowing(tr("Stopped following cluster job %1: the project was closed").arg(follow_->job()));
    file_ = file;
    projectPanel_->setDocument(document);
    undoStack_->clear();
    undoStack_->setClean();
    clearResults();
    shownRun_ = 0;
    shownRunStrategy_.clear();
    shownRunLayerTimes_ = false;
    revalidate();
    refreshViews();
    updateTitle();
    updateRunActions();
}

bool MainWindow::saveProject() {
    if (file_.isEmpty()) return chooseAndSaveAs();
    return saveProjectAs(file_);
}

bool MainWindow::saveProjectAs(const QString& file) {
    try {
        Project project = Project::fromDocument(document(), file_.isEmpty() ? file.toStdString() : file_.toStdString());
        project.saveAs(file.toStdString());
        // Save As may rewrite relative paths for the new folder; show what was written.
        if (project.document() != document()) projectPanel_->setDocument(project.document());
    } catch (const ValidationError& error) {
        reportError(tr("Project not saved"),
                    tr("The project has problems, so nothing was written:\n\n%1").arg(diagnosticLines(error.diagnostics())));
        return false;
    } catch (const Error& error) {
        reportError(tr("Project not saved"), QString::fromStdString(error.what()));
        return false;
    }
    file_ = file;
    undoStack_->setClean();
    rememberRecent(file);
    revalidate();
    updateTitle();
    updateRunActions();
    statusMessage_->setText(tr("Saved %1").arg(QDir::toNativeSeparators(file)));
    logView_->append(widgets::LogView::Level::Info, tr("Saved %1").arg(QDir::toNativeSeparators(file)));
    return true;
}

void MainWindow::revalidate() {
    const std::string anchor = file_.isEmpty() ? QDir::current().filePath("untitled.edgesmith.json").toStdString() : file_.toStdString();
    diagnostics_ = Project::check(document(), anchor);
    projectPanel_->setDiagnostics(diagnostics_);
    saveAction_->setEnabled(diagnostics_.empty());
    statusMessage_->setText(diagnostics_.empty() ? tr("Project is valid")
                                                 : tr("%n problem(s) in the project", nullptr, static_cast<int>(diagnostics_.size())));
}

void MainWindow::refreshViews() {
    const QStringList metrics = objectiveMetrics(document());
    if (metrics != shownMetrics_) {
        shownMetrics_ = metrics;
        paretoView_->setMetrics(metrics);
        // Every metric in the table: the objectives first, then the rest of the catalog.
        QStringList columns = metrics;
        for (const MetricInfo& metric : edgesmith::objectiveMetrics())
            if (!columns.contains(QString::fromStdString(metric.name))) columns << QString::fromStdString(metric.name);
        candidateModel_->setMetrics(columns);
    }
    applyBudgets();
    try {
        const std::string anchor = file_.isEmpty() ? QDir::current().filePath("untitled.edgesmith.json").toStdString() : file_.toStdString();
        space_ = std::make_shared<const SearchSpace>(SearchSpace::parse(projectSpaceDocument(document(), anchor), anchor));
    } catch (const std::exception&) {
        space_.reset(); // the Project dock lists why
    }
    refreshSpaceView();
}

void MainWindow::refreshSpaceView() {
    const Json& project = document();
    Json space;
    QString origin;
    try {
        const Json& section = project.at("space");
        if (section.contains("inline")) {
            space = section["inline"];
            origin = tr("inline space");
        } else {
            const std::string name = section.at("template").get<std::string>();
            space = loadSpaceTemplate(name);
            origin = tr("template %1").arg(QString::fromStdString(name));
        }
    } catch (const std::exception&) {
        spaceEditor_->setSpace(Json::object(), tr("The project names no readable search space."));
        return;
    }
    spaceEditor_->setSpace(space, origin);
}

void MainWindow::updateTitle() {
    const QString name = QString::fromStdString(document().value("name", std::string()));
    const QString where = file_.isEmpty() ? tr("not saved") : QFileInfo(file_).fileName();
    setWindowTitle(QStringLiteral("%1 (%2)[*] — EdgeSmith").arg(name, where));
    setWindowModified(!undoStack_->isClean());
}

void MainWindow::rememberRecent(const QString& file) {
    QSettings settings;
    QStringList recent = settings.value("recentProjects").toStringList();
    const QString absolute = QFileInfo(file).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaximumRecent) recent.removeLast();
    settings.setValue("recentProjects", recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    recentMenu_->clear();
    QSettings settings;
    const QStringList recent = settings.value("recentProjects").toStringList();
    for (const QString& file : recent) {
        QAction* action = recentMenu_->addAction(QFileInfo(file).fileName());
        action->setToolTip(file);
        action->setStatusTip(file);
        connect(action, &QAction::triggered, this, [this, file] {
            if (confirmDiscard()) openProject(file);
        });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::reportError(const QString& title, const QString& text) {
    logView_->append(widgets::LogView::Level::Error, title + ": " + text);
    Q_EMIT errorReported(title, text);
    if (interactive_) QMessageBox::warning(this, title, text);
}

bool MainWindow::confirmDiscard() {
    if (undoStack_->isClean() || !interactive_) return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("The project has unsaved changes. Save them first?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save) return saveProject();
    return answer == QMessageBox::Discard;
}

void MainWindow::chooseAndOpen() {
    if (!confirmDiscard()) return;
    const QString folder = file_.isEmpty() ? QString::fromStdString(projectsDirectory().string()) : QFileInfo(file_).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Open project"), folder, tr(kProjectFilter));
    if (!file.isEmpty()) openProject(file);
}

bool MainWindow::chooseAndSaveAs() {
    const QString suggestion = file_.isEmpty() ? QDir::home().filePath("untitled.edgesmith.json") : file_;
    QString file = QFileDialog::getSaveFileName(this, tr("Save project as"), suggestion, tr(kProjectFilter));
    if (file.isEmpty()) return false;
    if (!file.endsWith(QStringLiteral(".json"))) file += QStringLiteral(".edgesmith.json");
    return saveProjectAs(file);
}

void MainWindow::editSettings() {
    widgets::SettingsDialog dialog(settings_, this);
    if (dialog.exec() != QDialog::Accepted) return;
    settings_ = dialog.settings();
    QSettings settings;
    settings_.save(settings);
    const int threads = setComputeThreads(settings_.threads);
    logView_->append(widgets::LogView::Level::Info, tr("Settings saved; LibTorch uses %n thread(s)", nullptr, threads));
}

void MainWindow::showAbout() {
    const RuntimeInfo runtime = runtimeInfo();
    QMessageBox::about(this, tr("About EdgeSmith"),
                       tr("<h3>EdgeSmith %1</h3>"
                          "<p>Automated design and compression of deep learning models for edge devices: "
                          "architecture search, pruning, quantization, distillation and low-rank "
                          "decomposition under latency, memory and storage budgets.</p>"
                          "<p>LibTorch %2 · %n compute thread(s) · CUDA %3</p>",
                          nullptr, runtime.intraOpThreads)
                           .arg(QString::fromLatin1(kVersion), QString::fromStdString(runtime.torchVersion),
                                runtime.cudaAvailable ? tr("available") : tr("not available")));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!confirmDiscard()) {
        event->ignore();
        return;
    }
    if (bridge_->running()) {
        if (interactive_ && QMessageBox::question(this, tr("Search running"),
                                                  tr("A search is running. Stop it? Every evaluated candidate is kept; the run can be resumed with edgesmith-cli search --resume.")) != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        bridge_->cancel();
    }
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    event->accept();
}

} // namespace edgesmith::gui
