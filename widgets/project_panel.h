#pragma once
#include "core/common/error.h"
#include "core/common/json.h"

#include <QWidget>

#include <vector>

class QListWidget;
class QTreeView;
class QUndoStack;
class QLabel;

namespace edgesmith::widgets {

class JsonTreeModel;

// The project dock: the project's settings as an editable tree (dataset, space,
// objectives, strategy, ...) and, below it, the problems validation found. Clicking a
// problem selects the setting it names.
class ProjectPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProjectPanel(QUndoStack* undoStack, QWidget* parent = nullptr);

    void setDocument(const Json& document);
    const Json& document() const;
    void setDiagnostics(const std::vector<Diagnostic>& diagnostics);
    int diagnosticCount() const;
    JsonTreeModel* model() const { return model_; }
    QTreeView* tree() const { return tree_; }

    // Selects and reveals the setting at a diagnostic path.
    void revealPath(const QString& path);

Q_SIGNALS:
    void documentEdited();

private:
    JsonTreeModel* model_;
    QTreeView* tree_;
    QListWidget* problems_;
    QLabel* problemsTitle_;
};

} // namespace edgesmith::widgets
