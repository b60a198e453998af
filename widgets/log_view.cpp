#include "widgets/log_view.h"

#include <QDateTime>
#include <QFontDatabase>

namespace edgesmith::widgets {

LogView::LogView(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setObjectName("logView");
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setMaximumBlockCount(20000); // a long run must not grow the log without bound
}

void LogView::append(Level level, const QString& text) {
    const QString tag = level == Level::Error ? tr("error") : level == Level::Warning ? tr("warning") : tr("info");
    appendPlainText(QStringLiteral("%1  %2  %3").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), tag.leftJustified(7), text));
}

} // namespace edgesmith::widgets
