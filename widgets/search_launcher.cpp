#include "widgets/search_launcher.h"

#include "core/project/catalog.h"
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

// A scrollable group: long parameter lists stay usable at 1280×800.
QWidget* scrolled(QWidget* content) {
    auto* area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

} // namespace

SearchLauncher::SearchLauncher(const Json& project, QWidget* parent)
    : QDialog(parent), project_(project), strategy_(new QComboBox), strategyNote_(note()), strategyForm_(new SchemaForm),
      estimator_(new QComboBox), estimatorNote_(note()), estimatorForm_(new SchemaForm), objectives_(new QListWidget),
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
    columns->addWidget(estimatorBox, 3);
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
    resize(1080, 600);

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

Json SearchLauncher::document() const {
    Json document = project_;
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
