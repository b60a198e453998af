#include "widgets/architecture_weights_view.h"

#include "widgets/plot_style.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace edgesmith::widgets {
namespace {

constexpr int kRowHeight = 16;

} // namespace

ArchitectureWeightsView::ArchitectureWeightsView(QWidget* parent)
    : QWidget(parent), title_(new QLabel), hint_(new QLabel), scroll_(new QScrollArea), plot_(new QCustomPlot) {
    title_->setTextFormat(Qt::RichText);
    hint_->setObjectName("architectureWeightsHint");
    hint_->setWordWrap(true);
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setEnabled(false);
    hint_->setText(tr("Select a candidate of a differentiable search (edgesmith-cli differentiable --record) to see how its architecture "
                      "weights, softmax(α) of every option, moved epoch by epoch."));
    plot_->setObjectName("architectureWeightsPlot");
    applyPalette(plot_);
    plot_->xAxis->setLabel(tr("Epoch"));
    scroll_->setWidget(plot_);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(hint_, 1);
    layout->addWidget(scroll_, 1);
    clear();
}

void ArchitectureWeightsView::clear() {
    rows_ = epochs_ = 0;
    plot_->clearPlottables();
    title_->clear();
    title_->setVisible(false);
    scroll_->setVisible(false);
    hint_->setVisible(true);
}

void ArchitectureWeightsView::showWeights(const QString& key, const Json& weights) {
    const Json decisions = weights.is_object() ? weights.value("decisions", Json::array()) : Json::array();
    if (!decisions.is_array() || decisions.empty()) return clear();
    // One row per option of every decision, top to bottom in the space's order.
    QVector<QString> labels;
    std::vector<std::vector<double>> rows; // [row][epoch]
    for (const auto& decision : decisions) {
        const Json& history = decision.value("probabilities", Json::array());
        const Json& options = decision.value("options", Json::array());
        for (std::size_t option = 0; option < options.size(); ++option) {
            labels << QStringLiteral("%1 = %2").arg(QString::fromStdString(decision.value("label", std::string())),
                                                    QString::fromStdString(options[option].is_string() ? options[option].get<std::string>() : options[option].dump()));
            std::vector<double> row;
            for (const auto& epoch : history)
                row.push_back(option < epoch.size() && epoch[option].is_number() ? epoch[option].get<double>() : 0.0);
            rows.push_back(std::move(row));
        }
    }
    epochs_ = rows.empty() ? 0 : static_cast<int>(rows.front().size());
    rows_ = static_cast<int>(rows.size());
    if (epochs_ == 0) return clear();

    plot_->clearPlottables();
    if (!scale_) {
        scale_ = new QCPColorScale(plot_);
        scale_->setType(QCPAxis::atRight);
        scale_->axis()->setLabel(tr("softmax(α)"));
        plot_->plotLayout()->addElement(0, 1, scale_);
        // The scale spans the plot's height and keeps step with its margins.
        auto* margins = new QCPMarginGroup(plot_);
        plot_->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
        scale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    }
    auto* map = new QCPColorMap(plot_->xAxis, plot_->yAxis);
    map->setColorScale(scale_);
    map->data()->setSize(epochs_, rows_);
    map->data()->setRange(QCPRange(1, epochs_), QCPRange(0, rows_ - 1));
    for (int row = 0; row < rows_; ++row)
        for (int epoch = 0; epoch < epochs_ && epoch < static_cast<int>(rows[static_cast<std::size_t>(row)].size()); ++epoch)
            map->data()->setCell(epoch, row, rows[static_cast<std::size_t>(row)][static_cast<std::size_t>(epoch)]);
    QCPColorGradient gradient;
    gradient.setColorStopAt(0, QColor(250, 250, 250));
    gradient.setColorStopAt(1, QColor(31, 119, 180));
    map->setGradient(gradient);
    map->setDataRange(QCPRange(0, 1));
    map->setInterpolate(false);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int row = 0; row < rows_; ++row) ticker->addTick(row, labels[row]);
    plot_->yAxis->setTicker(ticker);
    plot_->yAxis->setRangeReversed(true);
    plot_->yAxis->setRange(-0.5, rows_ - 0.5);
    plot_->xAxis->setRange(0.5, epochs_ + 0.5);
    auto epochTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    epochTicker->setTickStep(1);
    epochTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot_->xAxis->setTicker(epochTicker);
    plot_->setMinimumHeight(rows_ * kRowHeight + 80);
    plot_->replot(QCustomPlot::rpQueuedReplot);

    title_->setText(tr("<b>%1</b>: softmax(α) per option, %2 epochs; cost %3, derived %4")
                        .arg(key.toHtmlEscaped())
                        .arg(epochs_)
                        .arg(QString::fromStdString(weights.value("cost", std::string("none"))).toHtmlEscaped(),
                             QString::fromStdString(weights.value("derived", std::string())).toHtmlEscaped()));
    title_->setVisible(true);
    hint_->setVisible(false);
    scroll_->setVisible(true);
}

} // namespace edgesmith::widgets
