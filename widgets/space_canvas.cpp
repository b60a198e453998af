#include "widgets/space_canvas.h"

#include <QDragEnterEvent>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QMimeData>
#include <QPainterPath>

#include <cmath>

namespace edgesmith::widgets {
namespace {

constexpr double kWidth = 168, kGap = 46, kTop = 50;
const char* kMime = "application/x-edgesmith-operator";

QString choiceText(const Json& value) {
    if (value.is_array()) {
        QStringList parts;
        for (const auto& option : value) parts << choiceText(option);
        return parts.join(QStringLiteral("|"));
    }
    if (value.is_boolean()) return value.get<bool>() ? QStringLiteral("yes") : QStringLiteral("no");
    if (value.is_string()) return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

QString fieldsText(const Json& layer, const QStringList& skip) {
    QStringList parts;
    for (const auto& [key, value] : layer.items()) {
        if (key == "op" || skip.contains(QString::fromStdString(key))) continue;
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(key), choiceText(value));
    }
    return parts.join(QStringLiteral("\n"));
}

void arrow(QGraphicsScene* scene, QPointF from, QPointF to, const QPen& pen) {
    scene->addLine(QLineF(from, to), pen);
    const QLineF line(to, from);
    const double angle = std::atan2(-line.dy(), line.dx());
    const QPointF left = to + QPointF(std::sin(angle + M_PI / 3) * 7, std::cos(angle + M_PI / 3) * 7);
    const QPointF right = to + QPointF(std::sin(angle + M_PI - M_PI / 3) * 7, std::cos(angle + M_PI - M_PI / 3) * 7);
    scene->addPolygon(QPolygonF({to, left, right}), pen, pen.color());
}

} // namespace

SpaceCanvas::SpaceCanvas(QWidget* parent) : QGraphicsView(parent), scene_(new QGraphicsScene(this)) {
    setObjectName("spaceCanvas");
    setScene(scene_);
    setRenderHint(QPainter::Antialiasing);
    setAcceptDrops(true);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setDragMode(QGraphicsView::ScrollHandDrag);
}

void SpaceCanvas::setSpace(const Json& space) {
    space_ = space;
    nodes_.clear();
    const Json input = space.value("input", Json::object());
    nodes_.push_back({"input", -1, tr("Input"),
                      QStringLiteral("%1×%2×%2").arg(input.value("channels", 0)).arg(choiceText(input.value("resolution", Json(0)))), false, false});
    const Json stem = space.value("stem", Json::array());
    for (std::size_t index = 0; index < stem.size(); ++index)
        nodes_.push_back({"stem", int(index), QString::fromStdString(stem[index].value("op", std::string("?"))), fieldsText(stem[index], {}), false, false});
    if (space.value("backbone", std::string()) == "cells") {
        const Json cells = space.value("cells", Json::object());
        nodes_.push_back({"cells", -1, tr("Cells ×%1").arg(cells.value("layers", 0)),
                          tr("%1 nodes each\nreductions at %2\n%3 channels").arg(cells.value("nodes", 0)).arg(choiceText(cells.value("reductions", Json::array()))).arg(cells.value("channels", 0)),
                          true, false});
    } else {
        const Json stages = space.value("stages", Json::array());
        for (std::size_t index = 0; index < stages.size(); ++index) {
            const Json& stage = stages[index];
            const Json block = stage.value("block", Json::object());
            const QString op = choiceText(block.value("op", Json("?")));
            QString detail = tr("depth %1 · stride %2\nout %3").arg(choiceText(stage.value("depth", Json(1))), choiceText(stage.value("stride", Json(1))),
                                                                      choiceText(stage.value("out", Json("—"))));
            const QString fields = fieldsText(block, {"out", "stride"});
            if (!fields.isEmpty()) detail += '\n' + fields;
            const Json depth = stage.value("depth", Json(1));
            const bool repeated = depth.is_array() ? depth.size() > 1 || (!depth.empty() && depth[0].is_number() && depth[0].get<int>() > 1)
                                                   : depth.is_number() && depth.get<int>() > 1;
            // Blocks after the first keep the shape, so MBConv-like blocks add their input.
            const bool residual = repeated && (op.contains(QStringLiteral("mbconv")) || op.contains(QStringLiteral("res")) || op.contains(QStringLiteral("shuffle")));
            nodes_.push_back({"stages", int(index), op, detail, repeated, residual});
        }
    }
    const Json head = space.value("head", Json::array());
    for (std::size_t index = 0; index < head.size(); ++index)
        nodes_.push_back({"head", int(index), QString::fromStdString(head[index].value("op", std::string("?"))), fieldsText(head[index], {}), false, false});
    nodes_.push_back({"output", -1, tr("Output"), tr("%1 classes").arg(space.value("classes", 0)), false, false});
    if (selected_ >= static_cast<int>(nodes_.size())) selected_ = -1;
    setInvalidPaths(invalidPaths_);
}

void SpaceCanvas::setInvalidPaths(const QStringList& paths) {
    invalidPaths_ = paths;
    invalid_.clear();
    for (int node = 0; node < static_cast<int>(nodes_.size()); ++node) {
        const QString prefix = nodes_[static_cast<std::size_t>(node)].path();
        for (const QString& path : paths)
            if (path == prefix || path.startsWith(prefix + '.') || path.startsWith(prefix + '[')) invalid_.insert(node);
    }
    redraw();
}

void SpaceCanvas::selectNode(int node) {
    selected_ = node >= 0 && node < static_cast<int>(nodes_.size()) ? node : -1;
    redraw();
}

void SpaceCanvas::redraw() {
    scene_->clear();
    boxes_.clear();
    const QPalette colours = palette();
    const QPen edge(colours.color(QPalette::Mid), 1.5);
    // Nodes flow left to right and wrap into rows as wide as the view, so a long chain
    // stays readable without scrolling sideways.
    const int perRow = std::max(2, static_cast<int>((viewport()->width() - 20) / (kWidth + kGap)));
    double rowTop = kTop, rowHeight = 0;
    int column = 0;
    for (int index = 0; index < static_cast<int>(nodes_.size()); ++index) {
        const Node& node = nodes_[static_cast<std::size_t>(index)];
        const int lines = static_cast<int>(node.detail.count('\n')) + 1;
        const double height = 34 + 16.0 * lines;
        if (column == perRow) {
            column = 0;
            rowTop += rowHeight + 110; // room for the loops below and the arcs above
            rowHeight = 0;
        }
        rowHeight = std::max(rowHeight, height);
        const double x = 20 + column * (kWidth + kGap);
        ++column;
        const QRectF box(x, rowTop, kWidth, height);
        boxes_.push_back(box);
        QColor fill = node.section == "stages" || node.section == "cells" ? QColor(31, 119, 180, 40) : QColor(127, 127, 127, 30);
        QPen outline(colours.color(QPalette::Dark), 1.2);
        if (invalid_.contains(index)) outline = QPen(QColor(214, 39, 40), 2.5);
        if (index == selected_) outline = QPen(colours.color(QPalette::Highlight), 3);
        QPainterPath shape;
        shape.addRoundedRect(box, 8, 8);
        scene_->addPath(shape, outline, fill);
        auto* title = scene_->addSimpleText(node.title);
        QFont bold = font();
        bold.setBold(true);
        title->setFont(bold);
        title->setBrush(colours.color(QPalette::Text));
        title->setPos(box.left() + 10, box.top() + 6);
        auto* detail = scene_->addSimpleText(node.detail);
        detail->setBrush(colours.color(QPalette::Text));
        detail->setPos(box.left() + 10, box.top() + 28);
        if (node.repeated) {
            // A loop under the node: the block repeats `depth` times.
            QPainterPath loop;
            loop.moveTo(box.center().x() + 30, box.bottom());
            loop.cubicTo(box.center().x() + 40, box.bottom() + 34, box.center().x() - 40, box.bottom() + 34, box.center().x() - 30, box.bottom());
            scene_->addPath(loop, QPen(QColor(31, 119, 180), 1.5));
            auto* label = scene_->addSimpleText(tr("× depth"));
            label->setBrush(QColor(31, 119, 180));
            label->setPos(box.center().x() - 22, box.bottom() + 26);
        }
        if (node.residual) {
            QPainterPath skip;
            skip.moveTo(box.left() + 18, box.top());
            skip.cubicTo(box.left() + 30, box.top() - 40, box.right() - 30, box.top() - 40, box.right() - 18, box.top());
            scene_->addPath(skip, QPen(QColor(44, 160, 44), 1.5, Qt::DashLine));
            auto* label = scene_->addSimpleText(tr("+ residual"));
            label->setBrush(QColor(44, 160, 44));
            label->setPos(box.center().x() - 30, box.top() - 44);
        }
        if (index > 0) {
            const QRectF& previous = boxes_[static_cast<std::size_t>(index - 1)];
            if (previous.top() == box.top()) {
                arrow(scene_, QPointF(previous.right(), box.top() + 22), QPointF(box.left(), box.top() + 22), edge);
            } else { // to the start of the next row
                QPainterPath wrap;
                const double middle = box.top() - 62;
                wrap.moveTo(previous.right(), previous.top() + 22);
                wrap.lineTo(previous.right() + kGap / 2, previous.top() + 22);
                wrap.lineTo(previous.right() + kGap / 2, middle);
                wrap.lineTo(box.left() - kGap / 2 + 10, middle);
                wrap.lineTo(box.left() - kGap / 2 + 10, box.top() + 22);
                scene_->addPath(wrap, edge);
                arrow(scene_, QPointF(box.left() - kGap / 2 + 10, box.top() + 22), QPointF(box.left(), box.top() + 22), edge);
            }
        }
    }
    if (space_.value("backbone", std::string()) == "cells") drawCells(space_);
    scene_->setSceneRect(scene_->itemsBoundingRect().adjusted(-10, -10, 10, 10));
}

void SpaceCanvas::drawCells(const Json& space) {
    // One cell's DAG under the chain: the two previous cells' outputs feed the nodes, each
    // node picks two inputs among the earlier ones, each edge one of the operations.
    const Json cells = space.value("cells", Json::object());
    const int count = cells.value("nodes", 0);
    const int operations = static_cast<int>(cells.value("operations", Json::array()).size());
    const double top = (boxes_.empty() ? kTop : boxes_.back().bottom()) + 140, step = 120;
    const QPalette colours = palette();
    std::vector<QPointF> centres;
    for (int input = 0; input < 2; ++input) {
        const QPointF centre(60, top + input * 80);
        centres.push_back(centre);
        scene_->addEllipse(QRectF(centre - QPointF(28, 16), QSizeF(56, 32)), QPen(colours.color(QPalette::Dark)), QColor(127, 127, 127, 30));
        auto* label = scene_->addSimpleText(input == 0 ? QStringLiteral("c(k−2)") : QStringLiteral("c(k−1)"));
        label->setBrush(colours.color(QPalette::Text));
        label->setPos(centre - QPointF(22, 8));
    }
    const QPen candidate(QColor(31, 119, 180, 150), 1.2, Qt::DashLine);
    for (int node = 0; node < count; ++node) {
        const QPointF centre(60 + step * (node + 1), top + 40);
        for (const QPointF& from : centres) arrow(scene_, from + QPointF(28, 0), centre - QPointF(20, 0), candidate);
        centres.push_back(centre);
        scene_->addEllipse(QRectF(centre - QPointF(20, 20), QSizeF(40, 40)), QPen(QColor(31, 119, 180), 1.5), QColor(31, 119, 180, 40));
        auto* label = scene_->addSimpleText(QString::number(node));
        label->setBrush(colours.color(QPalette::Text));
        label->setPos(centre - QPointF(4, 8));
    }
    auto* note = scene_->addSimpleText(tr("Cell DAG: each node sums two edges chosen among the dashed candidates; each edge is one of %n operation(s)", nullptr, operations));
    note->setBrush(colours.color(QPalette::Text));
    note->setPos(20, top - 50);
}

int SpaceCanvas::stageInsertionAt(double sceneX) const {
    int position = 0;
    for (std::size_t index = 0; index < nodes_.size(); ++index)
        if (nodes_[index].section == "stages" && boxes_.size() > index && boxes_[index].center().x() < sceneX) position = nodes_[index].index + 1;
    return position;
}

void SpaceCanvas::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    redraw();
}

void SpaceCanvas::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasFormat(kMime)) event->acceptProposedAction();
}

void SpaceCanvas::dragMoveEvent(QDragMoveEvent* event) {
    if (event->mimeData()->hasFormat(kMime)) event->acceptProposedAction();
}

void SpaceCanvas::dropEvent(QDropEvent* event) {
    if (!event->mimeData()->hasFormat(kMime)) return;
    const QString op = QString::fromUtf8(event->mimeData()->data(kMime));
    Q_EMIT operatorDropped(op, stageInsertionAt(mapToScene(event->position().toPoint()).x()));
    event->acceptProposedAction();
}

void SpaceCanvas::mousePressEvent(QMouseEvent* event) {
    const QPointF point = mapToScene(event->pos());
    for (int index = 0; index < static_cast<int>(boxes_.size()); ++index)
        if (boxes_[static_cast<std::size_t>(index)].contains(point)) {
            selectNode(index);
            Q_EMIT nodeSelected(index);
            return;
        }
    QGraphicsView::mousePressEvent(event);
}

} // namespace edgesmith::widgets
