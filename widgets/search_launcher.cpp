#include "widgets/search_launcher.h"

#include "core/hw/device_measurements.h"
#include "core/hw/device_profile.h"
#include "core/project/catalog.h"
#include "widgets/device_profile_dialog.h"
#include "widgets/metric_labels.h"
#include "widgets/schema_form.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace edgesmith::widgets {
namespace {

QString methodText(const MethodInfo& method) {
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(method.title), QString::fromStdString(method.name));
}

QLabel* note() {
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setEnabled(false);
    return label;
}

struct LatencyModel {
    const char* name;
    const char* title;
    const char* description;
};

// Titles and descriptions are translated where they are shown.
const LatencyModel kLatencyModels[] = {
    {"measured", QT_TRANSLATE_NOOP("edgesmith::widgets::SearchLauncher", "Measured on this host"),
     QT_TRANSLATE_NOOP("edgesmith::widgets::SearchLauncher", "Times every candidate on this host: exact for this machine, and the slowest choice.")},
    {"lut", QT_TRANSLATE_NOOP("edgesmith::widgets::SearchLauncher", "Lookup table"),
     QT_TRANSLATE_NOOP("edgesmith::widgets::SearchLauncher",
                       "Sums per-layer timings of this host, each layer shape timed once and kept beside the project.")},
    {"predictor", QT_TRANSLATE_NOOP("edgesmith::widgets::SearchLauncher", "Latency predictor"),
     QT_TRANSLATE_NOOP("edgesmith::widgets::SearchLauncher",
                       "A regressor fitted on measured architectures of the space predicts every candidate's latency on this host.")},
    {"simulator", QT_TRANSLATE_NOOP("edgesmith::widgets::SearchLauncher", "Device simulator"),
     QT_TRANSLATE_NOOP("edgesmith::widgets::SearchLauncher",
                       "Roofline model of the device profile: each layer bound by compute or by memory. Needs nothing measured.")},
    {"device", QT_TRANSLATE_NOOP("edgesmith::widgets::SearchLauncher", "Fitted to the device's measurements"),
     QT_TRANSLATE_NOOP("edgesmith::widgets::SearchLauncher",
                       "The latency model edgesmith-cli device-fit fitted to networks measured on the device with a measurement kit. "
                       "Offered once the profile has one.")},
};

const Json& objectAt(const Json& document, const char* key) {
    static const Json empty = Json::object();
    return document.is_object() && document.contains(key) && document[key].is_object() ? document[key] : empty;
}

std::string textAt(const Json& object, const char* key, const char* fallback) {
    return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string(fallback);
}

// A scrollable group: long parameter lists stay usable at 1280×800.
QWidget* scrolled(QWidget* content) {
    auto* area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

} // namespace

SearchLauncher::SearchLauncher(const Json& project, const QString& projectFile, QWidget* parent)
    : QDialog(parent), project_(project), projectFile_(projectFile), strategy_(new QComboBox), strategyNote_(note()), strategyForm_(new SchemaForm),
      estimator_(new QComboBox), estimatorNote_(note()), estimatorForm_(new SchemaForm), latencyModel_(new QComboBox), latencyNote_(note()),
      deviceProfile_(new QComboBox), objectives_(new QListWidget),
      budget_(new QSpinBox), workers_(new QSpinBox), timeLimit_(new QDoubleSpinBox) {
    setObjectName("searchLauncher");
    setWindowTitle(tr("Start search"));
    strategy_->setObjectName("launcherStrategy");
    estimator_->setObjectName("launcherEstimator");
    objectives_->setObjectName("launcherObjectives");
    budget_->setObjectName("launcherBudget");
    for (const MethodInfo& method : strategyCatalog()) strategy_->addItem(methodText(method), QString::fromStdString(method.name));
    for (const MethodInfo& method : estimatorCatalog()) estimator_->addItem(methodText(method), QString::fromStdString(method.name));
    const Json strategy = project.value("strategy", Json::object()), estimator = project.value("estimator", Json::object());
    strategy_->setCurrentIndex(std::max(0, strategy_->findData(QString::fromStdString(strategy.value("name", std::string())))));
    estimator_->setCurrentIndex(std::max(0, estimator_->findData(QString::fromStdString(estimator.value("name", std::string())))));
    connect(strategy_, &QComboBox::currentIndexChanged, this,
            [this] { showMethod(strategyCatalog(), strategy_, strategyForm_, strategyNote_, "strategy"); });
    connect(estimator_, &QComboBox::currentIndexChanged, this,
            [this] { showMethod(estimatorCatalog(), estimator_, estimatorForm_, estimatorNote_, "estimator"); });

    latencyModel_->setObjectName("launcherLatencyModel");
    deviceProfile_->setObjectName("launcherDeviceProfile");
    for (const LatencyModel& model : kLatencyModels) {
        latencyModel_->addItem(QStringLiteral("%1 (%2)").arg(tr(model.title), QString::fromLatin1(model.name)), QString::fromLatin1(model.name));
        latencyModel_->setItemData(latencyModel_->count() - 1, tr(model.description), Qt::ToolTipRole);
    }
    const Json& hardware = objectAt(project, "hardware");
    const std::string profile = textAt(hardware, "profile", "host");
    for (const std::string& name : deviceProfileNames(projectFile.toStdString())) {
        deviceProfile_->addItem(QString::fromStdString(name), QString::fromStdString(name));
        try {
            const DeviceProfile loaded = loadDeviceProfile(name, projectFile.toStdString());
            deviceProfile_->setItemData(deviceProfile_->count() - 1, QString::fromStdString(loaded.kind + ": " + loaded.description), Qt::ToolTipRole);
        } catch (const std::exception& error) {
            deviceProfile_->setItemData(deviceProfile_->count() - 1, QString::fromUtf8(error.what()), Qt::ToolTipRole);
        }
    }
    // A profile given as a path to a .json file stays offered as it is.
    if (deviceProfile_->findData(QString::fromStdString(profile)) < 0) deviceProfile_->addItem(QString::fromStdString(profile), QString::fromStdString(profile));
    deviceProfile_->setCurrentIndex(std::max(0, deviceProfile_->findData(QString::fromStdString(profile))));
    latencyModel_->setCurrentIndex(std::max(0, latencyModel_->findData(QString::fromStdString(textAt(hardware, "latency_model", "measured")))));
    const auto describeModel = [this] {
        latencyNote_->setText(latencyModel_->currentData(Qt::ToolTipRole).toString());
        latencyModel_->setToolTip(latencyModel_->currentData(Qt::ToolTipRole).toString());
    };
    connect(latencyModel_, &QComboBox::currentIndexChanged, this, describeModel);
    connect(deviceProfile_, &QComboBox::currentIndexChanged, this, [this] {
        followProfile(true);
        deviceProfile_->setToolTip(deviceProfile_->currentData(Qt::ToolTipRole).toString());
    });
    followProfile();
    describeModel();
    deviceProfile_->setToolTip(deviceProfile_->currentData(Qt::ToolTipRole).toString());

    // Objectives: the project's first, in its order and checked; the other metrics after.
    QStringList chosen;
    for (const auto& objective : project.value("objectives", Json::array()))
        if (objective.is_object() && objective.contains("metric")) chosen << QString::fromStdString(objective["metric"].get<std::string>());
    QStringList order = chosen;
    for (const MetricInfo& metric : objectiveMetrics())
        if (!order.contains(QString::fromStdString(metric.name))) order << QString::fromStdString(metric.name);
    for (const QString& name : order) {
        const MetricInfo* info = findMetric(name.toStdString());
        auto* item = new QListWidgetItem(metricTitleWithGoal(name));
        item->setData(Qt::UserRole, name);
        if (info) item->setToolTip(QString::fromStdString(info->description));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(name) ? Qt::Checked : Qt::Unchecked);
        objectives_->addItem(item);
    }

    budget_->setRange(0, 10000000);
    budget_->setSpecialValueText(tr("strategy's own"));
    budget_->setToolTip(tr("Trained (or failed) evaluations before the run stops"));
    workers_->setRange(0, 256);
    workers_->setSpecialValueText(tr("automatic"));
    workers_->setToolTip(tr("Candidates evaluated at once, each with its share of the cores"));
    timeLimit_->setRange(0, 100000);
    timeLimit_->setDecimals(1);
    timeLimit_->setSuffix(tr(" min"));
    timeLimit_->setSpecialValueText(tr("none"));

    auto* strategyBox = new QGroupBox(tr("Strategy"));
    auto* strategyLayout = new QVBoxLayout(strategyBox);
    strategyLayout->addWidget(strategy_);
    strategyLayout->addWidget(strategyNote_);
    strategyLayout->addWidget(scrolled(strategyForm_), 1);
    auto* estimatorBox = new QGroupBox(tr("Performance estimation"));
    auto* estimatorLayout = new QVBoxLayout(estimatorBox);
    estimatorLayout->addWidget(estimator_);
    estimatorLayout->addWidget(estimatorNote_);
    estimatorLayout->addWidget(scrolled(estimatorForm_), 1);
    auto* latencyBox = new QGroupBox(tr("Latency"));
    auto* latencyLayout = new QFormLayout(latencyBox);
    latencyLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    latencyLayout->addRow(tr("Device profile:"), deviceProfile_);
    latencyLayout->addRow(tr("Latency model:"), latencyModel_);
    latencyLayout->addRow(latencyNote_);
    auto* estimatorColumn = new QVBoxLayout;
    estimatorColumn->addWidget(estimatorBox, 1);
    estimatorColumn->addWidget(latencyBox);
    auto* objectiveBox = new QGroupBox(tr("Objectives"));
    auto* objectiveLayout = new QVBoxLayout(objectiveBox);
    objectiveLayout->addWidget(objectives_);
    auto* runBox = new QGroupBox(tr("Run"));
    auto* runLayout = new QFormLayout(runBox);
    runLayout->addRow(tr("Budget (evaluations):"), budget_);
    runLayout->addRow(tr("Workers:"), workers_);
    runLayout->addRow(tr("Time limit:"), timeLimit_);

    auto* columns = new QHBoxLayout;
    columns->addWidget(strategyBox, 3);
    columns->addLayout(estimatorColumn, 3);
    auto* side = new QVBoxLayout;
    side->addWidget(objectiveBox, 1);
    side->addWidget(runBox);
    columns->addLayout(side, 2);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(objectives_, &QListWidget::itemChanged, this, [this, buttons] {
        int checked = 0;
        for (int row = 0; row < objectives_->count(); ++row) checked += objectives_->item(row)->checkState() == Qt::Checked ? 1 : 0;
        buttons->button(QDialogButtonBox::Ok)->setEnabled(checked > 0);
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(1080, 640);

    showMethod(strategyCatalog(), strategy_, strategyForm_, strategyNote_, "strategy");
    showMethod(estimatorCatalog(), estimator_, estimatorForm_, estimatorNote_, "estimator");
}

void SearchLauncher::showMethod(const std::vector<MethodInfo>& catalog, const QComboBox* choice, SchemaForm* form, QLabel* note,
                                const char* section) {
    const std::string name = choice->currentData().toString().toStdString();
    const MethodInfo* method = findMethod(catalog, name);
    const Json current = project_.value(section, Json::object());
    // The project's parameters only apply to its own method; another starts from defaults.
    form->setSchema(method->parameters, current.value("name", std::string()) == name ? current.value("params", Json::object()) : Json::object());
    note->setText(QString::fromStdString(method->description));
}

// Timing models of this host serve only the host profile; a fitted model only a profile
// that has one; the simulator every profile.
void SearchLauncher::followProfile(bool profileChanged) {
    const QString profile = deviceProfile_->currentData().toString();
    const bool host = profile == QLatin1String("host");
    bool fitted = false;
    try { // the measurements are kept under the profile's own name, which a file may differ from
        const std::string name = loadDeviceProfile(profile.toStdString(), projectFile_.toStdString()).name;
        std::error_code status;
        fitted = !projectFile_.isEmpty() && std::filesystem::exists(deviceLatencyModelFile(projectFile_.toStdString(), name), status);
    } catch (const std::exception&) {
    }
    auto* items = qobject_cast<QStandardItemModel*>(latencyModel_->model());
    for (int row = 0; row < latencyModel_->count(); ++row) {
        const QString model = latencyModel_->itemData(row).toString();
        items->item(row)->setEnabled(model == QLatin1String("simulator") || (model == QLatin1String("device") ? fitted : host));
    }
    // A newly chosen profile with a fitted model gets it: the best there is for its device.
    if ((profileChanged && fitted) || !items->item(latencyModel_->currentIndex())->isEnabled())
        latencyModel_->setCurrentIndex(latencyModel_->findData(fitted ? QStringLiteral("device") : QStringLiteral("simulator")));
}

Json SearchLauncher::document() const {
    Json document = project_;
    // The hardware section is written only when a choice differs from the project's, so
    // an unchanged launch leaves the document as it was.
    const Json& hardware = objectAt(project_, "hardware");
    const std::string model = latencyModel_->currentData().toString().toStdString(), profile = deviceProfile_->currentData().toString().toStdString();
    if (model != textAt(hardware, "latency_model", "measured") || profile != textAt(hardware, "profile", "host")) {
        if (!document.contains("hardware") || !document["hardware"].is_object()) document["hardware"] = Json::object();
        document["hardware"]["latency_model"] = model;
        document = withDeviceProfile(document, profile);
    }
    document["strategy"] = {{"name", strategy_->currentData().toString().toStdString()}, {"params", strategyForm_->values()}};
    document["estimator"] = {{"name", estimator_->currentData().toString().toStdString()}, {"params", estimatorForm_->values()}};
    // Keep each objective's goal where the project set one.
    Json previous = Json::object();
    for (const auto& objective : project_.value("objectives", Json::array()))
        if (objective.is_object() && objective.contains("metric")) previous[objective["metric"].get<std::string>()] = objective;
    Json objectives = Json::array();
    for (int row = 0; row < objectives_->count(); ++row) {
        const QListWidgetItem* item = objectives_->item(row);
        if (item->checkState() != Qt::Checked) continue;
        const std::string metric = item->data(Qt::UserRole).toString().toStdString();
        objectives.push_back(previous.contains(metric) ? previous[metric] : Json{{"metric", metric}});
    }
    document["objectives"] = objectives;
    return document;
}

qint64 SearchLauncher::budget() const { return budget_->value(); }
int SearchLauncher::workers() const { return workers_->value(); }
double SearchLauncher::timeLimitSeconds() const { return timeLimit_->value() * 60.0; }

} // namespace edgesmith::widgets
