#pragma once
#include <QDateTime>
#include <QWidget>

#include <deque>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace edgesmith::widgets {

// The Log tab: timestamped lines of what the application and the engine did, filtered
// by lowest level shown and by text. Keeps the last kMaximumLines lines.
class LogView : public QWidget {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };
    static constexpr std::size_t kMaximumLines = 20000;

    explicit LogView(QWidget* parent = nullptr);
    void append(Level level, const QString& text);
    void setMinimumLevel(Level level);
    void setTextFilter(const QString& text);
    // The lines shown now, as displayed.
    QStringList shownLines() const;

private:
    struct Entry {
        QTime at;
        Level level;
        QString text;
    };
    bool accepted(const Entry& entry) const;
    QString render(const Entry& entry) const;
    void rebuild();

    std::deque<Entry> entries_;
    Level minimum_ = Level::Info;
    QString filter_;
    QComboBox* levels_;
    QLineEdit* search_;
    QPlainTextEdit* text_;
};

} // namespace edgesmith::widgets
