#pragma once
#include <QPlainTextEdit>

namespace edgesmith::widgets {

// The Log tab: timestamped lines of what the application and the engine did.
class LogView : public QPlainTextEdit {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };
    explicit LogView(QWidget* parent = nullptr);
    void append(Level level, const QString& text);
};

} // namespace edgesmith::widgets
