#pragma once
#include "core/common/json.h"

#include <QGraphicsView>
#include <QSet>

class QGraphicsScene;

namespace edgesmith::widgets {

// The backbone of a search space drawn left to right: input, stem layers, stages (their
// operator and choice sets, a loop for repeated blocks, an arc for residual skips), head
// layers, output. Cell spaces show their cell's DAG: nodes summing two edges, each edge
// labelled with its candidate operations. Operators dropped from the palette become new
// stages at the drop position.
class SpaceCanvas : public QGraphicsView {
    Q_OBJECT
public:
    struct Node {
        QString section; // "input", "stem", "stages", "head", "cells", "output"
        int index = -1;  // within its section
        QString title, detail;
        bool repeated = false, residual = false;
        QString path() const { return index < 0 ? section : QStringLiteral("%1[%2]").arg(section).arg(index); }
    };

    explicit SpaceCanvas(QWidget* parent = nullptr);

    void setSpace(const Json& space);
    const std::vector<Node>& nodes() const { return nodes_; }
    int selectedNode() const { return selected_; }
    void selectNode(int node);
    // Nodes drawn with the error outline: their path prefixes a validation problem.
    void setInvalidPaths(const QStringList& paths);
    QSet<int> invalidNodes() const { return invalid_; }
    // The stage index a drop at scene x would insert at.
    int stageInsertionAt(double sceneX) const;

Q_SIGNALS:
    void nodeSelected(int node);
    void operatorDropped(const QString& op, int stagePosition);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void redraw();
    void drawCells(const Json& space);

    Json space_;
    std::vector<Node> nodes_;
    std::vector<QRectF> boxes_; // scene rectangle of each node
    QSet<int> invalid_;
    QStringList invalidPaths_;
    int selected_ = -1;
    QGraphicsScene* scene_;
};

} // namespace edgesmith::widgets
