#include "widgets/plot_style.h"

#include <QApplication>
#include <QPalette>
#include <qcustomplot.h>

namespace edgesmith::widgets {

void applyPalette(QCustomPlot* plot) {
    const QPalette palette = QApplication::palette();
    const QColor text = palette.color(QPalette::WindowText), base = palette.color(QPalette::Base);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(110);
    QColor subGrid = grid;
    subGrid.setAlpha(45);
    plot->setBackground(base);
    for (QCPAxisRect* rect : plot->axisRects()) {
        rect->setBackground(base);
        for (QCPAxis* axis : rect->axes()) {
            axis->setBasePen(QPen(text, 1));
            axis->setTickPen(QPen(text, 1));
            axis->setSubTickPen(QPen(text, 1));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
            axis->grid()->setSubGridPen(QPen(subGrid, 1, Qt::DotLine));
            axis->grid()->setZeroLinePen(Qt::NoPen);
        }
    }
    if (plot->legend) {
        plot->legend->setBrush(palette.color(QPalette::Window));
        plot->legend->setBorderPen(QPen(palette.color(QPalette::Mid)));
        plot->legend->setTextColor(text);
    }
}

} // namespace edgesmith::widgets
