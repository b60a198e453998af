#include "widgets/compare_view.h"

#include "core/project/catalog.h"
#include "widgets/layer_table_model.h"
#include "widgets/metric_labels.h"

#include "widgets/plot_style.h"
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <qcustomplot.h>
#include <set>

namespace edgesmith::widgets {
namespace {

const QColor kPalette[CompareView::kMaximum] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(148, 103, 189)};

} // namespace

CompareView::CompareView(QWidget* parent)
    : QWidget(parent), hint_(new QLabel), table_(new QTableWidget), chart_(new QCustomPlot), pages_(nullptr), curves_(new QCustomPlot),
      confusions_(new QCustomPlot) {
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
    curves_->setObjectName("compareCurves");
    curves_->xAxis->setLabel(tr("Epoch"));
    curves_->yAxis->setLabel(tr("Validation accuracy (%)"));
    curves_->legend->setVisible(true);
    curves_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    confusions_->setObjectName("compareConfusions");
    applyPalette(chart_);
    applyPalette(curves_);
    auto* tabs = new QTabWidget;
    tabs->setDocumentMode(true);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(table_);
    splitter->addWidget(chart_);
    tabs->addTab(splitter, tr("Metrics and layers"));
    tabs->addTab(curves_, tr("Training curves"));
    tabs->addTab(confusions_, tr("Confusion matrices"));
    pages_ = tabs;
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint_);
    layout->addWidget(tabs, 1);
    setEntries({});
}

void CompareView::setEntries(const std::vector<Entry>& entries) {
    entries_.assign(entries.begin(), entries.begin() + std::min<std::size_t>(entries.size(), kMaximum));
    const bool shown = entries_.size() >= 2;
    hint_->setVisible(!shown);
    pages_->setVisible(shown);
    fillTable();
    fillChart();
    fillCurves();
    fillConfusions();
}

void CompareView::fillTable() {
    std::set<std::string> names;
    for (const Entry& entry : entries_)
        for (const auto& [name, value] : entry.metrics.items())
            if (value.is_number()) names.insert(name);
    table_->clear();
    table_->setColumnCount(static_cast<int>(entries_.size()));
    // Where each accuracy came from (training, a supernet, a predictor, a table): numbers
    // from different estimators are not to be compared as equals.
    bool provenance = false;
    for (const Entry& entry : entries_) provenance = provenance || entry.details.contains("proxy");
    table_->setRowCount(static_cast<int>(names.size()) + 1 + (provenance ? 1 : 0));
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
    if (provenance) {
        rows << tr("Accuracy from");
        for (std::size_t column = 0; column < entries_.size(); ++column) {
            const Json& proxy = entries_[column].details.value("proxy", Json());
            const QString text = proxy.is_string() ? QString::fromStdString(proxy.get<std::string>()) : tr("—");
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(text);
            table_->setItem(row, static_cast<int>(column), item);
        }
        ++row;
    }
    for (const std::string& name : names) {
        const MetricInfo* info = findMetric(name);
        rows << metricTitle(QString::fromStdString(name));
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
    // A layer only some candidates have goes right after the layer before it in theirs,
    // so the axis keeps network order.
    QStringList layerNames;
    for (const Entry& entry : entries_) {
        qsizetype after = -1;
        for (const auto& layer : entry.layers) {
            const QString name = QString::fromStdString(layer.value("name", std::string()));
            const qsizetype found = layerNames.indexOf(name);
            if (found >= 0) {
                after = found;
                continue;
            }
            layerNames.insert(after + 1, name);
            after += 1;
        }
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

namespace edgesmith::widgets {

void CompareView::fillCurves() {
    curves_->clearGraphs();
    bool any = false;
    for (std::size_t column = 0; column < entries_.size(); ++column) {
        const Json history = entries_[column].details.value("history", Json::array());
        QVector<double> epochs, accuracy;
        for (const auto& epoch : history)
            if (epoch.is_object() && epoch.contains("validation_accuracy")) {
                epochs << epoch.value("epoch", 0.0);
                accuracy << epoch["validation_accuracy"].get<double>();
            }
        if (epochs.isEmpty()) continue;
        auto* graph = curves_->addGraph();
        graph->setName(tr("Candidate %1").arg(column + 1));
        graph->setPen(QPen(kPalette[column], 2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kPalette[column], 6));
        graph->setData(epochs, accuracy);
        any = true;
    }
    if (any) curves_->rescaleAxes();
    curves_->replot(QCustomPlot::rpQueuedReplot);
}

void CompareView::fillConfusions() {
    // One heat map per candidate, side by side, rows the true class and columns the
    // predicted one, each normalised by its row so classes of any size compare.
    confusions_->plotLayout()->clear();
    confusions_->clearPlottables();
    confusionCount_ = 0;
    for (std::size_t column = 0; column < entries_.size(); ++column) {
        const Json matrix = entries_[column].details.value("evaluation", Json::object()).value("confusion", Json::array());
        if (!matrix.is_array() || matrix.empty()) continue;
        const int classes = static_cast<int>(matrix.size());
        auto* rect = new QCPAxisRect(confusions_);
        confusions_->plotLayout()->addElement(0, confusionCount_, rect);
        rect->axis(QCPAxis::atBottom)->setLabel(tr("Candidate %1: predicted").arg(column + 1));
        rect->axis(QCPAxis::atLeft)->setLabel(tr("true class"));
        rect->axis(QCPAxis::atLeft)->setRangeReversed(true);
        auto* map = new QCPColorMap(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        map->data()->setSize(classes, classes);
        map->data()->setRange(QCPRange(0, classes - 1), QCPRange(0, classes - 1));
        for (int truth = 0; truth < classes; ++truth) {
            double total = 0;
            for (const auto& count : matrix[static_cast<std::size_t>(truth)]) total += count.get<double>();
            for (int guess = 0; guess < classes && guess < static_cast<int>(matrix[static_cast<std::size_t>(truth)].size()); ++guess)
                map->data()->setCell(guess, truth, total > 0 ? matrix[static_cast<std::size_t>(truth)][static_cast<std::size_t>(guess)].get<double>() / total : 0);
        }
        QCPColorGradient gradient;
        gradient.setColorStopAt(0, QColor(250, 250, 250));
        gradient.setColorStopAt(1, kPalette[column]);
        map->setGradient(gradient);
        map->setDataRange(QCPRange(0, 1));
        rect->axis(QCPAxis::atBottom)->setRange(-0.5, classes - 0.5);
        rect->axis(QCPAxis::atLeft)->setRange(-0.5, classes - 0.5);
        ++confusionCount_;
    }
    applyPalette(confusions_);
    if (confusionCount_ == 0) {
        auto* empty = new QCPTextElement(confusions_, tr("No confusion matrices: they are stored for candidates trained on data."));
        empty->setTextColor(palette().color(QPalette::WindowText));
        confusions_->plotLayout()->addElement(0, 0, empty);
    }
    confusions_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace edgesmith::widgets
