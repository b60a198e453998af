#pragma once
#include "core/common/json.h"

#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QListWidget;

namespace edgesmith::widgets {

class SpaceCanvas;

// The visual search-space editor: a palette of block operators to drag onto the canvas,
// the canvas of the backbone, a property panel for the selected node (choice sets are
// typed as "3, 5"; one value fixes the field), and live feedback: the space's size, the
// min / median / max MACs, parameters and peak activation memory over a fixed sample,
// and validation problems with the offending node outlined in red. Every edit is
// emitted as a whole new space; the window applies it as one undoable step.
class SpaceEditor : public QWidget {
    Q_OBJECT
public:
    struct Range {
        double minimum = 0, median = 0, maximum = 0;
    };
    struct Statistics {
        bool valid = false;
        double size = 0; // distinct architectures
        Range macs, params, peakBytes;
        int sampled = 0;
    };
    static constexpr int kSample = 200;

    explicit SpaceEditor(QWidget* parent = nullptr);

    void setSpace(const Json& space, const QString& origin);
    const Json& space() const { return space_; }
    SpaceCanvas* canvas() const { return canvas_; }
    const Statistics& statistics() const { return statistics_; }
    QStringList problems() const { return problems_; }

    // Edits as the property panel makes them. `text` is "3, 5" for a choice list, one
    // value for a fixed field, empty to remove the field. False when the node has no
    // such field or the text is unchanged.
    bool setField(int node, const QString& field, const QString& text);
    // A new stage whose block is `op`, inserted before stage `position`.
    void addStage(const QString& op, int position);
    // Removes a stage, stem or head layer. False for other nodes.
    bool removeNode(int node);
    // The text the property panel shows for a field of a node.
    QString fieldText(int node, const QString& field) const;
    // The fields the property panel offers for a node.
    QStringList fieldsOf(int node) const;

    // The project's space section to start over from: {"template": name} for a shipped
    // template, an inline chain with one stage for "empty".
    static Json startingPoint(const QString& choice);

Q_SIGNALS:
    void spaceEdited(const Json& space, const QString& description);
    // The user picked a template (or "empty") to start over from; `section` is the
    // project's new "space" value.
    void restartRequested(const Json& section, const QString& description);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void showProperties(int node);
    void recompute();
    // Where a node's field lives in the space document ("/stages/1/block" for a block field).
    std::optional<Json::json_pointer> ownerOf(int node, const QString& field) const;

    Json space_;
    Statistics statistics_;
    QStringList problems_;
    QLabel* title_;
    QLabel* summary_;
    QListWidget* palette_;
    SpaceCanvas* canvas_;
    QWidget* properties_;
    QFormLayout* propertyForm_;
    QLabel* propertyTitle_;
    QListWidget* problemList_;
};

} // namespace edgesmith::widgets
