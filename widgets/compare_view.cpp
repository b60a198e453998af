#include "widgets/compare_view.h"

#include "core/project/catalog.h"
#include "widgets/layer_table_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <qcustomplot.h>
#include <set>

namespace edgesmith::widgets {
namespace {

const QColor kPalette[CompareView::kMaximum] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(148, 103, 189)};

} // namespace

CompareView::CompareView(QWidget* parent) : QWidget(parent), hint_(new QLabel), table_(new QTableWidget), chart_(new QCustomPlot) {
    hint_->setObjectName("compareHint");
    hint_->setWordWrap(true);
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setEnabled(false);
    hint_->setText(tr("Pick two to four candidates to compare them side by side: Ctrl+click rows in the Candidates table, "
                      "or Shift+drag a rectangle in the Pareto plot."));
    table_->setObjectName("compareTable");
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->setAlternatingRowColors(true);
    chart_->setObjectName("compareChart");
    chart_->yAxis->setLabel(tr("MACs per layer"));
    chart_->xAxis->setTickLabelRotation(45);
    chart_->setMinimumHeight(260);
    chart_->legend->setVisible(true);
    chart_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(table_);
    splitter->addWidget(chart_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint_);
    layout->addWidget(splitter, 1);
    setEntries({});
}

void CompareView::setEntries(const std::vector<Entry>& entries) {
    entries_.assign(entries.begin(), entries.begin() + std::min<std::size_t>(entries.size(), kMaximum));
    const bool shown = entries_.size() >= 2;
    hint_->setVisible(!shown);
    table_->parentWidget()->setVisible(shown);
    fillTable();
    fillChart();
}

void CompareView::fillTable() {
    std::set<std::string> names;
    for (const Entry& entry : entries_)
        for (const auto& [name, value] : entry.metrics.items())
            if (value.is_number()) names.insert(name);
    table_->clear();
    table_->setColumnCount(static_cast<int>(entries_.size()));
    table_->setRowCount(static_cast<int>(names.size()) + 1);
    QStringList headers;
    for (std::size_t column = 0; column < entries_.size(); ++column) headers << tr("Candidate %1").arg(column + 1);
    table_->setHorizontalHeaderLabels(headers);
    QStringList rows{tr("Genotype")};
    for (std::size_t column = 0; column < entries_.size(); ++column) {
        auto* item = new QTableWidgetItem(entries_[column].key);
        item->setForeground(kPalette[column]);
        item->setToolTip(entries_[column].key);
        table_->setItem(0, static_cast<int>(column), item);
    }
    int row = 1;
    for (const std::string& name : names) {
        const MetricInfo* info = findMetric(name);
        QString title = info ? QString::fromStdString(info->title) : QString::fromStdString(name);
        if (info && !info->unit.empty()) title += QStringLiteral(" (%1)").arg(QString::fromStdString(info->unit));
        rows << title;
        // The best value of the row in bold, by the metric's natural direction.
        const bool maximise = info && info->naturalGoal == Goal::Maximize;
        std::optional<double> best;
        for (const Entry& entry : entries_)
            if (entry.metrics.contains(name)) {
                const double value = entry.metrics[name].get<double>();
                if (!best || (maximise ? value > *best : value < *best)) best = value;
            }
        for (std::size_t column = 0; column < entries_.size(); ++column) {
            if (!entries_[column].metrics.contains(name)) continue;
            const double value = entries_[column].metrics[name].get<double>();
            auto* item = new QTableWidgetItem(QLocale().toString(value, 'g', 6));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (best && value == *best && entries_.size() > 1) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            table_->setItem(row, static_cast<int>(column), item);
        }
        ++row;
    }
    table_->setVerticalHeaderLabels(rows);
}

void CompareView::fillChart() {
    chart_->clearPlottables();
    // Layers are matched by name: candidates of one space share names where they share layers.
    QStringList layerNames;
    for (const Entry& entry : entries_)
        for (const auto& layer : entry.layers) {
            const QString name = QString::fromStdString(layer.value("name", std::string()));
            if (!layerNames.contains(name)) layerNames << name;
        }
    auto* group = new QCPBarsGroup(chart_);
    double top = 0;
    for (std::size_t column = 0; column < entries_.size(); ++column) {
        auto* bars = new QCPBars(chart_->xAxis, chart_->yAxis);
        bars->setName(tr("Candidate %1").arg(column + 1));
        bars->setPen(Qt::NoPen);
        bars->setBrush(kPalette[column]);
        bars->setWidth(0.8 / double(std::max<std::size_t>(1, entries_.size())));
        bars->setBarsGroup(group);
        QVector<double> positions, values;
        for (const auto& layer : entries_[column].layers) {
            positions << double(layerNames.indexOf(QString::fromStdString(layer.value("name", std::string()))) + 1);
            values << layer.value("macs", 0.0);
            top = std::max(top, values.back());
        }
        bars->setData(positions, values);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int index = 0; index < layerNames.size(); ++index) ticker->addTick(index + 1, LayerTableModel::shortName(layerNames[index]));
    chart_->xAxis->setTicker(ticker);
    chart_->xAxis->setRange(0.3, std::max<double>(1, double(layerNames.size())) + 0.7);
    chart_->yAxis->setRange(0, top > 0 ? top * 1.08 : 1);
    chart_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace edgesmith::widgets
