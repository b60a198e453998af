#include "widgets/log_view.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace edgesmith::widgets {

LogView::LogView(QWidget* parent) : QWidget(parent), levels_(new QComboBox), search_(new QLineEdit), text_(new QPlainTextEdit) {
    setObjectName("logView");
    text_->setReadOnly(true);
    text_->setObjectName("logText");
    text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text_->setMaximumBlockCount(static_cast<int>(kMaximumLines)); // a long run must not grow the log without bound
    levels_->setObjectName("logLevel");
    levels_->addItem(tr("Everything"), int(Level::Info));
    levels_->addItem(tr("Warnings and errors"), int(Level::Warning));
    levels_->addItem(tr("Errors only"), int(Level::Error));
    search_->setObjectName("logFilter");
    search_->setPlaceholderText(tr("Filter lines…"));
    search_->setClearButtonEnabled(true);
    connect(levels_, &QComboBox::currentIndexChanged, this, [this] { setMinimumLevel(Level(levels_->currentData().toInt())); });
    connect(search_, &QLineEdit::textChanged, this, &LogView::setTextFilter);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Show:")));
    controls->addWidget(levels_);
    controls->addWidget(search_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(text_, 1);
}

QString LogView::render(const Entry& entry) const {
    const QString tag = entry.level == Level::Error ? tr("error") : entry.level == Level::Warning ? tr("warning") : tr("info");
    return QStringLiteral("%1  %2  %3").arg(entry.at.toString(QStringLiteral("HH:mm:ss")), tag.leftJustified(7), entry.text);
}

bool LogView::accepted(const Entry& entry) const {
    return int(entry.level) >= int(minimum_) && (filter_.isEmpty() || entry.text.contains(filter_, Qt::CaseInsensitive));
}

void LogView::append(Level level, const QString& text) {
    entries_.push_back({QTime::currentTime(), level, text});
    if (entries_.size() > kMaximumLines) entries_.pop_front();
    if (accepted(entries_.back())) text_->appendPlainText(render(entries_.back()));
}

void LogView::setMinimumLevel(Level level) {
    minimum_ = level;
    const QSignalBlocker blocker(levels_);
    levels_->setCurrentIndex(levels_->findData(int(level)));
    rebuild();
}

void LogView::setTextFilter(const QString& text) {
    filter_ = text;
    if (search_->text() != text) search_->setText(text);
    rebuild();
}

void LogView::rebuild() {
    QStringList lines;
    for (const Entry& entry : entries_)
        if (accepted(entry)) lines << render(entry);
    text_->setPlainText(lines.join('\n'));
}

QStringList LogView::shownLines() const {
    const QString all = text_->toPlainText();
    return all.isEmpty() ? QStringList() : all.split('\n');
}

} // namespace edgesmith::widgets
