#include "widgets/layer_inspector.h"

#include "widgets/layer_table_model.h"

#include "widgets/plot_style.h"
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>
#include <qcustomplot.h>

namespace edgesmith::widgets {
LayerInspector::LayerInspector(QWidget* parent)
    : QWidget(parent), model_(new LayerTableModel(this)), proxy_(new QSortFilterProxyModel(this)), title_(new QLabel),
      quantity_(new QComboBox), table_(new QTableView), chart_(new QCustomPlot), bars_(nullptr), highlightBars_(nullptr) {
    title_->setObjectName("layerTitle");
    title_->setTextFormat(Qt::RichText);
    title_->setWordWrap(true);
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(Qt::UserRole);
    table_->setObjectName("layerTable");
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(LayerTableModel::Name, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);

    quantity_->setObjectName("layerQuantity");
    for (int column = LayerTableModel::Macs; column < LayerTableModel::ColumnCount; ++column)
        if (*LayerTableModel::field(column) != '\0') quantity_->addItem(model_->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString(), column);
    connect(quantity_, &QComboBox::currentIndexChanged, this, &LayerInspector::updateChart);

    chart_->setObjectName("layerChart");
    chart_->setMouseTracking(true);
    bars_ = new QCPBars(chart_->xAxis, chart_->yAxis);
    bars_->setPen(Qt::NoPen);
    bars_->setBrush(QColor(31, 119, 180, 190));
    bars_->setWidth(0.75);
    highlightBars_ = new QCPBars(chart_->xAxis, chart_->yAxis);
    highlightBars_->setPen(Qt::NoPen);
    highlightBars_->setBrush(QColor(214, 39, 40, 210));
    highlightBars_->setWidth(0.75);
    chart_->xAxis->setTickLabelRotation(45);
    chart_->setMinimumHeight(260);
    chart_->xAxis->grid()->setVisible(false);
    applyPalette(chart_);
    connect(chart_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) { hover(event->pos()); });

    auto* chartPanel = new QWidget;
    auto* chartLayout = new QVBoxLayout(chartPanel);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Chart:")));
    controls->addWidget(quantity_);
    controls->addStretch();
    chartLayout->addLayout(controls);
    chartLayout->addWidget(chart_, 1);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(table_);
    splitter->addWidget(chartPanel);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(splitter, 1);
    clear();
}

void LayerInspector::clear() {
    showLayers(tr("<i>Select a candidate in the Pareto plot or the Candidates table to inspect its layers.</i>"), Json::array());
}

void LayerInspector::showLayers(const QString& title, const Json& rows) {
    title_->setText(title);
    model_->setLayers(rows);
    // Time and bound exist only for latency models that split a network by layer.
    for (int column : {LayerTableModel::Time, LayerTableModel::Bound}) table_->setColumnHidden(column, !model_->hasValues(column));
    table_->resizeColumnsToContents();
    updateChart();
}

void LayerInspector::setQuantity(int column) { quantity_->setCurrentIndex(std::max(0, quantity_->findData(column))); }

void LayerInspector::updateChart() {
    const int column = quantity_->currentData().toInt();
    const Json& rows = model_->layers();
    QVector<double> positions, values, highPositions, highValues;
    QVector<QString> labels;
    std::vector<std::pair<double, int>> ranked;
    for (std::size_t index = 0; index < rows.size(); ++index) {
        const Json& row = rows[index];
        const char* field = LayerTableModel::field(column);
        const double value = row.contains(field) && row[field].is_number() ? row[field].get<double>() : 0.0;
        positions << double(index + 1);
        values << (column == LayerTableModel::Activation ? value / 1024.0 : value);
        labels << LayerTableModel::shortName(QString::fromStdString(row.value("name", std::string())));
        ranked.emplace_back(value, static_cast<int>(index));
    }
    // The three largest non-zero bars are redrawn in red on top.
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    highlighted_.clear();
    for (std::size_t rank = 0; rank < std::min<std::size_t>(3, ranked.size()); ++rank) {
        if (ranked[rank].first <= 0) break;
        const int index = ranked[rank].second;
        highPositions << positions[index];
        highValues << values[index];
        highlighted_ << QString::fromStdString(rows[static_cast<std::size_t>(index)].value("name", std::string()));
    }
    bars_->setData(positions, values, true);
    highlightBars_->setData(highPositions, highValues);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(positions, labels);
    chart_->xAxis->setTicker(ticker);
    chart_->yAxis->setLabel(quantity_->currentText());
    chart_->xAxis->setRange(0.3, std::max<double>(1, double(rows.size())) + 0.7);
    const double top = values.isEmpty() ? 1.0 : *std::max_element(values.begin(), values.end());
    chart_->yAxis->setRange(0, top > 0 ? top * 1.08 : 1.0);
    chart_->replot(QCustomPlot::rpQueuedReplot);
}

void LayerInspector::hover(const QPoint& position) {
    const Json& rows = model_->layers();
    const int index = static_cast<int>(std::lround(chart_->xAxis->pixelToCoord(position.x()))) - 1;
    if (index < 0 || index >= static_cast<int>(rows.size()) || !chart_->axisRect()->rect().contains(position)) {
        QToolTip::hideText();
        return;
    }
    const Json& row = rows[static_cast<std::size_t>(index)];
    const int column = quantity_->currentData().toInt();
    const char* field = LayerTableModel::field(column);
    const QString value = !row.contains(field) || !row[field].is_number() ? tr("—")
                          : column == LayerTableModel::Time ? QLocale().toString(row[field].get<double>(), 'g', 4)
                                                            : QLocale().toString(row[field].get<double>(), 'f', 0);
    QToolTip::showText(chart_->mapToGlobal(position),
                       QStringLiteral("<b>%1</b><br>%2 %3 → %4<br>%5: %6")
                           .arg(QString::fromStdString(row.value("name", std::string())).toHtmlEscaped(),
                                QString::fromStdString(row.value("op", std::string())), QString::fromStdString(row.value("input", std::string())),
                                QString::fromStdString(row.value("output", std::string())), quantity_->currentText(), value),
                       chart_);
}

} // namespace edgesmith::widgets
