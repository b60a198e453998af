#include "widgets/document_command.h"

namespace edgesmith::widgets {

DocumentCommand::DocumentCommand(const QString& text, Json before, Json after, Apply apply)
    : QUndoCommand(text), before_(std::move(before)), after_(std::move(after)), apply_(std::move(apply)) {}

void DocumentCommand::redo() { apply_(after_); }
void DocumentCommand::undo() { apply_(before_); }

} // namespace edgesmith::widgets
