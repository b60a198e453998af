#pragma once
#include "core/common/json.h"

#include <QUndoCommand>

#include <functional>

namespace edgesmith::widgets {

// One undoable change of the whole project document (the launcher's choices, a
// search-space edit): redo applies `after`, undo restores `before`, both through `apply`.
class DocumentCommand : public QUndoCommand {
public:
    using Apply = std::function<void(const Json&)>;
    DocumentCommand(const QString& text, Json before, Json after, Apply apply);

    void redo() override;
    void undo() override;

private:
    Json before_, after_;
    Apply apply_;
};

} // namespace edgesmith::widgets
