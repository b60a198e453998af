#include "widgets/device_measure_dialog.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/hw/device_kit.h"
#include "core/hw/device_latency_models.h"
#include "core/hw/device_measurements.h"
#include "core/hw/device_profile.h"
#include "core/project/project.h"
#include "widgets/device_profile_dialog.h"
#include "widgets/plot_style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>
#include <qcustomplot.h>
#include <vector>

namespace edgesmith::widgets {
namespace {

const char* kErrorColour = "#d62728";
const std::uint64_t kSeed = 0; // the CLI's default: the GUI's kits and folds are the CLI's

// The kept model's document of `profile`; null when there is none or it is not one that
// device-fit writes (its kind, date and size are then read without surprises).
Json keptModel(const std::filesystem::path& projectFile, const std::string& profile) {
    const auto file = deviceLatencyModelFile(projectFile, profile);
    std::error_code status;
    if (!std::filesystem::exists(file, status)) return nullptr;
    try {
        const Json document = Json::parse(readFile(file));
        const bool usable = document.is_object() && document.value("model", Json()).is_object() && document["model"].value("kind", Json()).is_string() &&
                            document.value("fitted_at", Json()).is_string() && document.value("networks", Json()).is_number_integer() &&
                            document.value("space_fingerprint", Json("")).is_string();
        return usable ? document : Json(nullptr);
    } catch (const std::exception&) {
        return nullptr;
    }
}

QString percent(double share) { return QStringLiteral("%1 %").arg(std::lround(100 * share)); }

// Core lists an import's problems on one line ("2 problems, nothing imported: line 2: …;
// line 5: …"); one a line reads better and keeps every line number in view.
QString problemLines(const Error& error) {
    static const QRegularExpression boundary(QStringLiteral("[:;] (?=line \\d+: )"));
    QStringList parts = QString::fromStdString(error.message()).split(boundary);
    QString text = QString::fromStdString(error.file());
    if (!error.path().empty()) text += QStringLiteral(": ") + QString::fromStdString(error.path());
    text += QStringLiteral(":\n") + parts.takeFirst();
    if (!parts.isEmpty()) text += QStringLiteral(":\n  ") + parts.join(QStringLiteral("\n  "));
    return text;
}

QColor kindColour(const std::string& kind) {
    static const std::map<std::string, QColor> colours = {
        {"macs", QColor(127, 127, 127)}, {"lut", QColor(255, 127, 14)}, {"kernel", QColor(31, 119, 180)}, {"boosted", QColor(44, 160, 44)}};
    const auto found = colours.find(kind);
    return found == colours.end() ? QColor(148, 103, 189) : found->second;
}

QTableWidgetItem* cell(const QString& text, bool number) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

struct DeviceMeasureDialog::Fit {
    std::string profile; // its own name, which keys its measurements
    DeviceModelReport report;
    DeviceLatencyModel model; // the chosen kind, refitted on every network
    std::vector<double> measured, predicted;
    std::size_t layers = 0;
    int unstable = 0, otherSpaces = 0;
};

Json withDeviceLatencyModel(Json project, const std::string& profile) {
    project = withDeviceProfile(std::move(project), profile);
    if (project.is_object()) project["hardware"]["latency_model"] = "device";
    return project;
}

DeviceMeasureDialog::DeviceMeasureDialog(const Project& project, const QString& profile, QWidget* parent)
    : QDialog(parent), projectFile_(project.file()) {
    setObjectName("deviceMeasureDialog");
    setWindowTitle(tr("Measure on a device"));
    try {
        spaceDocument_ = project.spaceDocument();
        space_.emplace(SearchSpace::parse(spaceDocument_, project.spaceLabel()));
        fingerprint_ = spaceFingerprintOf(spaceDocument_);
    } catch (const std::exception& error) {
        spaceProblem_ = QString::fromUtf8(error.what());
    }
    auto* intro = new QLabel(tr("Time networks of the project's space on the device you ship to, bring the times back, and fit a latency model "
                                "to them; searches then predict that device's latency. The steps follow docs/devices.md."));
    intro->setWordWrap(true);
    tabs_ = new QTabWidget;
    tabs_->setObjectName("deviceMeasureSteps");
    tabs_->addTab(createKitTab(), tr("1. Kit"));
    tabs_->addTab(createImportTab(), tr("2. Import"));
    tabs_->addTab(createFitTab(), tr("3. Fit"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(createProfileRow());
    layout->addWidget(tabs_, 1);
    layout->addLayout(createStatusRow());
    profile_->setCurrentIndex(std::max(0, profile_->findText(profile)));
    profileChanged();
    connect(profile_, &QComboBox::currentIndexChanged, this, &DeviceMeasureDialog::profileChanged);
    resize(1040, 780);
}

DeviceMeasureDialog::~DeviceMeasureDialog() {
    if (worker_) worker_->wait();
}

QLayout* DeviceMeasureDialog::createProfileRow() {
    profile_ = new QComboBox;
    profile_->setObjectName("deviceMeasureProfile");
    profile_->setToolTip(tr("The device the networks are timed on: its measurements and its fitted model are kept under this profile's name"));
    for (const std::string& name : deviceProfileNames(projectFile_)) profile_->addItem(QString::fromStdString(name));
    state_ = new QLabel;
    state_->setObjectName("deviceMeasureState");
    state_->setWordWrap(true);
    auto* profileRow = new QHBoxLayout;
    auto* profileLabel = new QLabel(tr("&Device profile:"));
    profileLabel->setBuddy(profile_);
    profileRow->addWidget(profileLabel);
    profileRow->addWidget(profile_);
    profileRow->addWidget(state_, 1);
    return profileRow;
}

// What a running job does, and Close.
QLayout* DeviceMeasureDialog::createStatusRow() {
    progress_ = new QProgressBar;
    progress_->setRange(0, 0);
    progress_->setMaximumWidth(160);
    progress_->hide();
    status_ = new QLabel;
    status_->setObjectName("deviceMeasureStatus");
    auto* close = new QPushButton(tr("Close"));
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(progress_);
    bottom->addWidget(status_, 1);
    bottom->addWidget(close);
    return bottom;
}

QWidget* DeviceMeasureDialog::createKitTab() {
    networks_ = new QSpinBox;
    networks_->setObjectName("deviceKitNetworks");
    networks_->setRange(1, 100000);
    networks_->setValue(50);
    networks_->setToolTip(tr("Architectures to time: a few dozen give a first model; the learning curve in step 3 says whether more would help"));
    strategy_ = new QComboBox;
    strategy_->setObjectName("deviceKitStrategy");
    strategy_->addItem(tr("diverse: spread over MACs, depth and operator mix, the extremes included"), QStringLiteral("diverse"));
    strategy_->addItem(tr("random: uniform draws"), QStringLiteral("random"));
    nextRound_ = new QCheckBox(tr("Next round: the networks the current model is least sure of"));
    nextRound_->setObjectName("deviceKitNextRound");
    layers_ = new QCheckBox(tr("Also one model per distinct layer configuration (per-layer times for the kernel table)"));
    layers_->setObjectName("deviceKitLayers");
    layers_->setChecked(true);
    folder_ = new QLineEdit;
    folder_->setObjectName("deviceKitFolder");
    folder_->setToolTip(tr("The kit's folder; a kit written there before is replaced. A relative path is taken beside the project."));
    browse_ = new QPushButton(tr("Browse…"));
    writeKit_ = new QPushButton(tr("&Write kit"));
    writeKit_->setObjectName("deviceKitWrite");
    kitResult_ = new QLabel;
    kitResult_->setObjectName("deviceKitResult");
    kitResult_->setWordWrap(true);
    kitResult_->setTextFormat(Qt::RichText);
    kitResult_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    command_ = new QLineEdit(QStringLiteral("python3 run_onnxruntime.py --threads 1"));
    command_->setObjectName("deviceKitCommand");
    command_->setReadOnly(true);
    command_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    command_->hide();
    connect(folder_, &QLineEdit::textEdited, this, [this] { folderEdited_ = true; });
    connect(browse_, &QPushButton::clicked, this, &DeviceMeasureDialog::chooseFolder);
    connect(writeKit_, &QPushButton::clicked, this, &DeviceMeasureDialog::writeKit);
    connect(nextRound_, &QCheckBox::toggled, this, [this] {
        if (!folderEdited_) folder_->setText(defaultFolder());
        updateActions();
    });

    // Short fields stay short; the folder takes the width.
    networks_->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    strategy_->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse_);
    auto* form = new QFormLayout;
    form->addRow(tr("&Networks:"), networks_);
    form->addRow(tr("&Choice:"), strategy_);
    form->addRow(QString(), nextRound_);
    form->addRow(QString(), layers_);
    auto* folderLabel = new QLabel(tr("&Folder:"));
    folderLabel->setBuddy(folder_); // a row of a layout gets no buddy of its own
    form->addRow(folderLabel, folderRow);
    auto* action = new QHBoxLayout;
    action->addStretch(1);
    action->addWidget(writeKit_);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addLayout(action);
    layout->addWidget(kitResult_);
    layout->addWidget(command_);
    layout->addStretch(1);
    return page;
}

QWidget* DeviceMeasureDialog::createImportTab() {
    auto* hint = new QLabel(tr("The runner writes results.csv into the kit's folder on the device. Every line is checked before anything is "
                               "kept: genotypes of the project's space, times that are positive numbers in ms, p10 ≤ median ≤ p90, no row twice. "
                               "Each import is kept as a dated file in devices/PROFILE.measurements/ beside the project; earlier ones stay, "
                               "and a later measurement of a network replaces an earlier one when fitting."));
    hint->setWordWrap(true);
    checkKit_ = new QCheckBox(tr("Only networks of the kit: its manifest.json beside results.csv, else in the kit folder of step 1"));
    checkKit_->setObjectName("deviceImportCheckKit");
    checkKit_->setChecked(true);
    import_ = new QPushButton(tr("&Import results…"));
    import_->setObjectName("deviceImport");
    importResult_ = new QLabel;
    importResult_->setObjectName("deviceImportResult");
    importResult_->setWordWrap(true);
    importResult_->setTextFormat(Qt::RichText);
    importResult_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    problems_ = new QPlainTextEdit;
    problems_->setObjectName("deviceImportProblems");
    problems_->setReadOnly(true);
    problems_->setLineWrapMode(QPlainTextEdit::NoWrap);
    problems_->hide();
    connect(import_, &QPushButton::clicked, this, &DeviceMeasureDialog::chooseResults);
    auto* action = new QHBoxLayout;
    action->addWidget(checkKit_, 1);
    action->addWidget(import_);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(hint);
    layout->addLayout(action);
    layout->addWidget(importResult_);
    layout->addWidget(problems_, 1);
    layout->addStretch(0);
    return page;
}

QWidget* DeviceMeasureDialog::createFitTab() {
    fit_ = new QPushButton(tr("&Fit models"));
    fit_->setObjectName("deviceFit");
    fitSummary_ = new QLabel;
    fitSummary_->setObjectName("deviceFitSummary");
    fitSummary_->setWordWrap(true);
    fitSummary_->setTextFormat(Qt::RichText);
    table_ = new QTableWidget(0, 6);
    table_->setObjectName("deviceFitTable");
    table_->setHorizontalHeaderLabels({tr("Model"), tr("RMSE (ms)"), tr("Within ±5 %"), tr("Within ±10 %"), tr("Spearman"), tr("µs per prediction")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setToolTip(tr("Each model scored on networks it was not fitted on (k-fold cross-validation); the lowest RMSE is chosen"));
    // Exactly the four models, no scrolling.
    table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() + 4 * table_->verticalHeader()->defaultSectionSize() + 2 * table_->frameWidth());
    curve_ = createPlot(QStringLiteral("deviceCurvePlot"), tr("Networks fitted on"), tr("Held-out networks within ±10 % (%)"));
    residuals_ = createPlot(QStringLiteral("deviceResidualPlot"), tr("Measured on the device (ms)"), tr("Predicted (ms)"));
    keep_ = new QPushButton(tr("&Keep model"));
    keep_->setObjectName("deviceKeep");
    use_ = new QPushButton(tr("&Use for this project"));
    use_->setObjectName("deviceUse");
    use_->setToolTip(tr("Set hardware.profile to this profile and hardware.latency_model to \"device\" (one undoable edit)"));
    keepResult_ = new QLabel;
    keepResult_->setObjectName("deviceKeepResult");
    keepResult_->setWordWrap(true);
    keepResult_->setTextFormat(Qt::RichText);
    keepResult_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(fit_, &QPushButton::clicked, this, &DeviceMeasureDialog::fitModels);
    connect(keep_, &QPushButton::clicked, this, &DeviceMeasureDialog::keepModel);
    connect(use_, &QPushButton::clicked, this, &DeviceMeasureDialog::useForProject);

    auto* top = new QHBoxLayout;
    top->addWidget(fitSummary_, 1);
    top->addWidget(fit_, 0, Qt::AlignTop);
    const auto titled = [](const QString& title, QWidget* plot) {
        auto* column = new QVBoxLayout;
        auto* label = new QLabel(title);
        label->setWordWrap(true);
        column->addWidget(label);
        column->addWidget(plot, 1);
        return column;
    };
    auto* plots = new QHBoxLayout;
    plots->addLayout(titled(tr("<b>Learning curve</b>: does the model still gain from more networks?"), curve_), 1);
    plots->addLayout(titled(tr("<b>Residuals</b> of the chosen model: where it is not to be trusted"), residuals_), 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(keepResult_, 1);
    bottom->addWidget(keep_, 0, Qt::AlignTop);
    bottom->addWidget(use_, 0, Qt::AlignTop);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addWidget(table_);
    layout->addLayout(plots, 1);
    layout->addLayout(bottom);
    return page;
}

QCustomPlot* DeviceMeasureDialog::createPlot(const QString& name, const QString& xLabel, const QString& yLabel) {
    auto* plot = new QCustomPlot;
    plot->setObjectName(name);
    plot->setMinimumSize(300, 240);
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(true);
    QFont small = plot->legend->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    plot->legend->setFont(small);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    applyPalette(plot);
    return plot;
}

QString DeviceMeasureDialog::currentProfile() const { return profile_->currentText(); }

bool DeviceMeasureDialog::selectProfile(const QString& name) {
    const int index = profile_->findText(name);
    if (index < 0) return false;
    profile_->setCurrentIndex(index);
    return true;
}

// A fit, an import's outcome and a default folder belong to one profile.
void DeviceMeasureDialog::profileChanged() {
    importResult_->clear();
    problems_->hide();
    keepResult_->clear();
    clearFit();
    refreshState();
    if (!folderEdited_) folder_->setText(defaultFolder()); // after refreshState: a next round is numbered by its imports
}

QString DeviceMeasureDialog::defaultFolder() const {
    // A next round goes beside the earlier kits, not over them: their results may still be on the way.
    const QString name = nextRound_->isChecked() ? QStringLiteral("%1-kit-round-%2").arg(currentProfile()).arg(imports_ + 1)
                                                : QStringLiteral("%1-kit").arg(currentProfile());
    return QDir::toNativeSeparators(QDir(QString::fromStdString(projectFile_.parent_path().string())).filePath(name));
}

std::filesystem::path DeviceMeasureDialog::kitFolder() const {
    const std::filesystem::path folder = QDir::fromNativeSeparators(folder_->text().trimmed()).toStdString();
    return folder.is_relative() ? projectFile_.parent_path() / folder : folder;
}

// The profile's measurements and model as stored, which the actions depend on.
void DeviceMeasureDialog::refreshState() {
    QString text;
    measured_ = imports_ = 0;
    profileKey_.clear();
    try {
        // Measurements are kept under the profile's own name, which its file's may differ from.
        profileKey_ = loadDeviceProfile(currentProfile().toStdString(), projectFile_).name;
        const auto imports = loadDeviceMeasurements(projectFile_, profileKey_);
        const LatestMeasurements latest = latestMeasurements(imports, fingerprint_);
        measured_ = static_cast<int>(latest.networks.size());
        imports_ = static_cast<int>(imports.size());
        text = imports.empty() ? tr("nothing measured yet")
                               : tr("%1 networks and %2 layer configurations measured, in %3 imports")
                                     .arg(measured_)
                                     .arg(latest.layers.size())
                                     .arg(imports_);
        if (latest.otherSpaces > 0) text += tr(" (%1 of another search space left out)").arg(latest.otherSpaces);
    } catch (const std::exception& error) {
        text = QStringLiteral("<span style='color:%1'>%2</span>").arg(kErrorColour, QString::fromUtf8(error.what()).toHtmlEscaped());
    }
    const Json kept = profileKey_.empty() ? Json(nullptr) : keptModel(projectFile_, profileKey_);
    // A model of another space is refused by the search: it can be refitted, not used.
    const bool otherSpace = kept.is_object() && !kept.value("space_fingerprint", std::string()).empty() && kept["space_fingerprint"] != fingerprint_;
    modelFile_ = kept.is_object() && !otherSpace;
    if (otherSpace) text += tr("; the model kept was fitted to another search space: fit again");
    if (modelFile_) {
        // "2026-11-26T08:57:22.304Z" read as "2026-11-26 08:57 UTC".
        const QString fittedAt = QString::fromStdString(kept["fitted_at"].get<std::string>()).left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
        text += tr("; a %1 model kept, fitted on %2 networks on %3 UTC")
                    .arg(QString::fromStdString(kept["model"]["kind"].get<std::string>()), QString::number(kept["networks"].get<int>()), fittedAt);
    }
    if (!spaceProblem_.isEmpty())
        text = QStringLiteral("<span style='color:%1'>%2</span>").arg(kErrorColour, tr("The project's space cannot be read: %1").arg(spaceProblem_).toHtmlEscaped());
    state_->setText(text);
    updateActions();
}

void DeviceMeasureDialog::updateActions() {
    const bool idle = !worker_, usable = idle && space_.has_value() && !profileKey_.empty();
    const bool canNext = measured_ >= 5;
    if (!canNext && nextRound_->isChecked()) {
        const QSignalBlocker blocker(nextRound_);
        nextRound_->setChecked(false);
        if (!folderEdited_) folder_->setText(defaultFolder());
    }
    profile_->setEnabled(idle);
    for (QWidget* field : std::initializer_list<QWidget*>{networks_, layers_, folder_, browse_, checkKit_}) field->setEnabled(idle);
    nextRound_->setEnabled(usable && canNext);
    nextRound_->setToolTip(canNext ? tr("Of many unmeasured architectures, those whose latency models fitted on bootstrap resamples of the %1 measured "
                                        "networks disagree on most: measuring them teaches the model most")
                                         .arg(measured_)
                                   : tr("Needs at least 5 networks of this profile imported; %1 so far").arg(measured_));
    strategy_->setEnabled(idle && !nextRound_->isChecked());
    writeKit_->setEnabled(usable);
    import_->setEnabled(usable);
    fit_->setEnabled(usable && measured_ >= 5);
    fit_->setToolTip(measured_ >= 5 ? tr("Cross-validate the four models on the %1 networks measured (takes a moment)").arg(measured_)
                                    : tr("Needs at least 5 networks of this profile imported; %1 so far").arg(measured_));
    keep_->setEnabled(idle && fitted_ != nullptr);
    keep_->setToolTip(tr("Write the chosen model, fitted on every network, with its report to %1")
                          .arg(QDir::toNativeSeparators(QString::fromStdString(deviceLatencyModelFile(projectFile_, profileKey_).string()))));
    use_->setEnabled(idle && modelFile_);
}

void DeviceMeasureDialog::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder of the kit"), QString::fromStdString(kitFolder().parent_path().string()));
    if (folder.isEmpty()) return;
    folder_->setText(QDir::toNativeSeparators(folder));
    folderEdited_ = true;
}

void DeviceMeasureDialog::chooseResults() {
    const QString start = QString::fromStdString((kitFolder() / "results.csv").string());
    const QString csv = QFileDialog::getOpenFileName(this, tr("Results of the device"), start, tr("Runner results (*.csv);;All files (*)"));
    if (!csv.isEmpty()) importResults(csv);
}

bool DeviceMeasureDialog::startJob(const QString& doing, QLabel* where, const QString& failure, std::function<Finish()> work) {
    if (worker_) return false;
    // The worker writes the outcome; the GUI thread reads it once the thread has finished.
    auto outcome = std::make_shared<std::pair<Finish, QString>>();
    worker_ = QThread::create([work = std::move(work), outcome] {
        try {
            outcome->first = work();
        } catch (const std::exception& error) {
            outcome->second = QString::fromUtf8(error.what());
        }
    });
    worker_->setParent(this);
    connect(worker_, &QThread::finished, this, [this, outcome, where, failure] {
        worker_->deleteLater();
        worker_ = nullptr;
        progress_->hide();
        status_->clear();
        updateActions();
        if (outcome->second.isEmpty()) outcome->first();
        else report(where, failure, outcome->second);
    });
    doing_ = doing;
    status_->setText(doing);
    progress_->show();
    worker_->start();
    updateActions();
    return true;
}

void DeviceMeasureDialog::report(QLabel* where, const QString& title, const QString& text) {
    where->setText(QStringLiteral("<span style='color:%1'><b>%2</b>: %3</span>").arg(kErrorColour, title.toHtmlEscaped(), text.toHtmlEscaped()));
    Q_EMIT errorReported(title, text);
}

bool DeviceMeasureDialog::writeKit() {
    if (!space_ || folder_->text().trimmed().isEmpty()) {
        report(kitResult_, tr("Kit not written"), space_ ? tr("Choose the folder the kit is written to.") : spaceProblem_);
        return false;
    }
    const SearchSpace space = *space_;
    const Json document = spaceDocument_;
    const std::filesystem::path folder = kitFolder(), projectFile = projectFile_;
    const std::string profile = profileKey_, fingerprint = fingerprint_, strategy = strategy_->currentData().toString().toStdString();
    const int count = networks_->value();
    const bool next = nextRound_->isEnabled() && nextRound_->isChecked(), layers = layers_->isChecked();
    kitResult_->clear();
    command_->hide();
    return startJob(next ? tr("Choosing what the model is least sure of and writing the kit…") : tr("Writing the kit…"), kitResult_, tr("Kit not written"),
                    [=, this]() -> Finish {
                        const std::vector<Genotype> genotypes = next ? nextDeviceKitArchitectures(space, deviceTrainingSet(space, fingerprint, projectFile, profile), projectFile, profile, count, kSeed)
                                                                     : chooseKitArchitectures(space, count, strategy, kSeed);
                        const DeviceKitSummary summary = writeDeviceKit(space, document, genotypes, folder, layers);
                        const QString written = QString::fromStdString(folder.string());
                        return [this, written, summary] { kitDone(written, summary.models, summary.layerConfigurations); };
                    });
}

void DeviceMeasureDialog::kitDone(const QString& folder, int models, int layers) {
    kitResult_->setText(tr("Wrote %1 networks and %2 layer configurations to %3.<br>Copy the folder to the device and run this there "
                           "(Python with onnxruntime; or node run_onnxruntime.js, or run_perf_test.sh where there is no Python), "
                           "then import the results.csv it writes in step 2:")
                            .arg(models)
                            .arg(layers)
                            .arg(QDir::toNativeSeparators(folder).toHtmlEscaped()));
    command_->show();
    Q_EMIT kitWritten(folder, models, layers);
}

// The kit whose genotypes the results must be of: the runner writes results.csv into the
// kit's folder, so the manifest beside it is the one; else the kit of step 1.
std::optional<Json> DeviceMeasureDialog::kitManifest(const QString& csv, QString& used) {
    std::error_code status;
    for (const std::filesystem::path& folder : {std::filesystem::path(csv.toStdString()).parent_path(), kitFolder()})
        if (std::filesystem::is_regular_file(folder / "manifest.json", status)) {
            used = QDir::toNativeSeparators(QString::fromStdString(folder.string()));
            return readKitManifest(folder);
        }
    return std::nullopt;
}

bool DeviceMeasureDialog::importResults(const QString& csv) {
    if (!space_ || worker_ || profileKey_.empty()) return false;
    importResult_->clear();
    problems_->hide();
    const std::string profile = profileKey_;
    try {
        QString kit;
        const std::optional<Json> manifest = checkKit_->isChecked() ? kitManifest(csv, kit) : std::nullopt;
        const auto rows = readDeviceResults(csv.toStdString(), *space_, manifest ? &*manifest : nullptr);
        const auto file = storeDeviceMeasurements(projectFile_, profile, rows, std::filesystem::absolute(csv.toStdString()).string(), fingerprint_);
        int networks = 0, unstable = 0;
        for (const DeviceMeasurement& row : rows) {
            networks += row.kind == "model";
            unstable += !row.stable;
        }
        QString text = tr("Imported %1 measurements (%2 networks, %3 layers); %4 unstable; %5 imports of %6 kept.")
                           .arg(rows.size())
                           .arg(networks)
                           .arg(rows.size() - std::size_t(networks))
                           .arg(unstable)
                           .arg(loadDeviceMeasurements(projectFile_, profile).size())
                           .arg(currentProfile());
        if (unstable > 0) text += QLatin1Char(' ') + tr("The device changed speed while measuring the unstable ones: consider measuring them again.");
        text += QLatin1Char(' ') + (kit.isEmpty() ? tr("Checked against the project's space (no kit found to check against).")
                                                  : tr("Checked against the kit in %1.").arg(kit));
        importResult_->setText(text.toHtmlEscaped());
        refreshState();
        Q_EMIT measurementsImported(QString::fromStdString(file.string()));
        return true;
    } catch (const Error& error) {
        showImportProblems(problemLines(error));
    } catch (const std::exception& error) {
        showImportProblems(QString::fromUtf8(error.what()));
    }
    return false;
}

void DeviceMeasureDialog::showImportProblems(const QString& text) {
    importResult_->setText(QStringLiteral("<span style='color:%1'><b>%2</b></span>")
                               .arg(kErrorColour, tr("Nothing imported: the results have these problems. Fix them and import again.").toHtmlEscaped()));
    problems_->setPlainText(text);
    problems_->show();
    Q_EMIT errorReported(tr("Nothing imported"), text);
}

bool DeviceMeasureDialog::fitModels() {
    if (!space_ || measured_ < 5) {
        report(fitSummary_, tr("Models not fitted"), tr("Fitting needs at least 5 networks of %1 imported; %2 so far.").arg(currentProfile()).arg(measured_));
        return false;
    }
    const SearchSpace space = *space_;
    const std::filesystem::path projectFile = projectFile_;
    const std::string profile = profileKey_, fingerprint = fingerprint_;
    return startJob(tr("Fitting and cross-validating four models…"), fitSummary_, tr("Models not fitted"), [=, this]() -> Finish {
        const DeviceTrainingSet set = deviceTrainingSet(space, fingerprint, projectFile, profile);
        auto fit = std::make_shared<Fit>();
        fit->profile = profile;
        fit->report = evaluateDeviceModels(set.architectures, set.milliseconds, kSeed, set.layerPrior);
        fit->model = DeviceLatencyModel(fit->report.chosen);
        fit->model.fit(set.architectures, set.milliseconds, set.layerPrior);
        for (const Architecture& architecture : set.architectures) fit->predicted.push_back(fit->model.predict(architecture));
        fit->measured = set.milliseconds;
        fit->layers = set.layerPrior.size();
        fit->unstable = set.unstable;
        fit->otherSpaces = set.otherSpaces;
        return [this, fit] { showFit(fit); };
    });
}

void DeviceMeasureDialog::showFit(std::shared_ptr<const Fit> fit) {
    // A profile switched while fitting: the fit is of the other one.
    if (fit->profile != profileKey_) return;
    fitted_ = std::move(fit);
    const DeviceModelReport& report = fitted_->report;
    QString text = tr("Cross-validated on %1 networks (%2 folds). The <b>%3</b> model has the lowest RMSE; refitted on all of them, it is the one "
                      "kept.")
                       .arg(report.networks)
                       .arg(report.folds)
                       .arg(QString::fromStdString(report.chosen));
    if (report.curve.size() >= 2) {
        const double last = report.curve.back().byKind.at(report.chosen).within10, before = report.curve[report.curve.size() - 2].byKind.at(report.chosen).within10;
        if (last - before > 0.02) text += QLatin1Char(' ') + tr("It is still improving with more networks: measure a next round (step 1).");
    }
    if (fitted_->unstable > 0) text += QLatin1Char(' ') + tr("%1 of the measurements were marked unstable by the runner.").arg(fitted_->unstable);
    if (fitted_->otherSpaces > 0) text += QLatin1Char(' ') + tr("%1 imports of another search space were left out.").arg(fitted_->otherSpaces);
    fitSummary_->setText(text);
    keepResult_->clear();
    fillTable();
    plotCurve();
    plotResiduals();
    updateActions();
    Q_EMIT modelsFitted(QString::fromStdString(report.chosen));
}

void DeviceMeasureDialog::fillTable() {
    const DeviceModelReport& report = fitted_->report;
    table_->setRowCount(static_cast<int>(report.scores.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const DeviceModelScore& score = report.scores[static_cast<std::size_t>(row)];
        const bool chosen = score.kind == report.chosen;
        const QString kind = QString::fromStdString(score.kind);
        table_->setItem(row, 0, cell(chosen ? tr("%1 ✔ chosen").arg(kind) : kind, false));
        table_->setItem(row, 1, cell(QString::number(score.accuracy.rmseMs, 'f', 4), true));
        table_->setItem(row, 2, cell(percent(score.accuracy.within5), true));
        table_->setItem(row, 3, cell(percent(score.accuracy.within10), true));
        table_->setItem(row, 4, cell(QString::number(score.accuracy.spearman, 'f', 3), true));
        table_->setItem(row, 5, cell(QString::number(score.microsecondsPerPrediction, 'f', 2), true));
        table_->item(row, 0)->setData(Qt::UserRole, chosen);
        for (int column = 0; column < table_->columnCount(); ++column) {
            QFont font = table_->item(row, column)->font();
            font.setBold(chosen);
            table_->item(row, column)->setFont(font);
        }
    }
}

void DeviceMeasureDialog::plotCurve() {
    curve_->clearGraphs();
    int most = 0;
    for (const std::string& kind : DeviceLatencyModel::kinds()) {
        QCPGraph* graph = curve_->addGraph();
        graph->setName(QString::fromStdString(kind));
        graph->setPen(QPen(kindColour(kind), kind == fitted_->report.chosen ? 2.5 : 1.5));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
        for (const LearningPoint& point : fitted_->report.curve) {
            graph->addData(point.networks, 100 * point.byKind.at(kind).within10);
            most = std::max(most, point.networks);
        }
    }
    curve_->xAxis->setRange(0, std::max(10.0, most * 1.08));
    curve_->yAxis->setRange(0, 105);
    curve_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    curve_->replot();
}

// Measured against predicted, with y = x and the ±10 % band: points outside the band are
// where the model is not to be trusted (in-sample, so the truth is no better than this).
void DeviceMeasureDialog::plotResiduals() {
    residuals_->clearGraphs();
    const auto [low, high] = std::minmax_element(fitted_->measured.begin(), fitted_->measured.end());
    const auto [lowPredicted, highPredicted] = std::minmax_element(fitted_->predicted.begin(), fitted_->predicted.end());
    // The networks' range, not from 0: the residuals of fast networks stay readable.
    const double top = 1.08 * std::max(*high, *highPredicted), bottom = 0.9 * std::max(0.0, std::min(*low, *lowPredicted));
    const auto line = [this, top, bottom](const QString& name, double slope, const QPen& pen) {
        QCPGraph* graph = residuals_->addGraph();
        graph->setName(name);
        graph->setPen(pen);
        graph->setData(QVector<double>{bottom, top}, QVector<double>{slope * bottom, slope * top});
        return graph;
    };
    line(tr("y = x"), 1, QPen(QColor(127, 127, 127), 1.2));
    line(tr("±10 %"), 1.1, QPen(QColor(127, 127, 127), 1, Qt::DashLine));
    line(QString(), 0.9, QPen(QColor(127, 127, 127), 1, Qt::DashLine))->removeFromLegend();
    const auto points = [this](const QString& name, const QColor& colour) {
        QCPGraph* graph = residuals_->addGraph();
        graph->setName(name);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 6));
        return graph;
    };
    QCPGraph* within = points(tr("within ±10 %"), QColor(31, 119, 180));
    QCPGraph* outside = points(tr("off by more than 10 %"), QColor(214, 39, 40));
    for (std::size_t index = 0; index < fitted_->measured.size(); ++index) {
        const double measured = fitted_->measured[index], predicted = fitted_->predicted[index];
        (std::abs(predicted - measured) <= 0.1 * measured ? within : outside)->addData(measured, predicted);
    }
    residuals_->xAxis->setRange(bottom, top);
    residuals_->yAxis->setRange(bottom, top);
    residuals_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    residuals_->replot();
}

void DeviceMeasureDialog::clearFit() {
    fitted_.reset();
    fitSummary_->setText(tr("Cross-validates the MACs baseline, a per-operator table (lut), a per-kernel table (kernel) and boosted trees on "
                            "the latest measurement of each network, and keeps the one with the lowest RMSE."));
    table_->setRowCount(0);
    for (QCustomPlot* plot : {curve_, residuals_}) {
        plot->clearGraphs();
        plot->replot();
    }
}

bool DeviceMeasureDialog::keepModel() {
    if (!fitted_ || worker_) return false;
    std::filesystem::path file;
    try { // the document device-fit keeps, read alike by the CLI and the search
        file = keepDeviceLatencyModel(projectFile_, fitted_->profile, fingerprint_, fitted_->model, fitted_->report, fitted_->measured.size(),
                                      fitted_->layers);
    } catch (const std::exception& error) {
        report(keepResult_, tr("Model not kept"), QString::fromUtf8(error.what()));
        return false;
    }
    refreshState();
    keepResult_->setText(tr("Kept the %1 model, fitted on all %2 networks, in %3. A project uses it with hardware.latency_model \"device\".")
                             .arg(QString::fromStdString(fitted_->model.kind()))
                             .arg(fitted_->measured.size())
                             .arg(QDir::toNativeSeparators(QString::fromStdString(file.string())))
                             .toHtmlEscaped());
    Q_EMIT modelKept(QString::fromStdString(file.string()));
    return true;
}

void DeviceMeasureDialog::useForProject() {
    if (!modelFile_) return;
    Q_EMIT modelChosen(currentProfile());
    keepResult_->setText(tr("The project now uses the model of %1: hardware.profile \"%1\", hardware.latency_model \"device\" (Edit → Undo reverts it).")
                             .arg(currentProfile())
                             .toHtmlEscaped());
}

void DeviceMeasureDialog::done(int result) {
    if (worker_) {
        status_->setText(tr("%1 The dialog can be closed when it has finished.").arg(doing_));
        return;
    }
    QDialog::done(result);
}

} // namespace edgesmith::widgets
