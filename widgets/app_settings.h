#pragma once
#include <QString>

class QSettings;

namespace edgesmith::widgets {

// The user's preferences, kept in QSettings between sessions.
struct AppSettings {
    int threads = 0;            // 0: every core
    QString device = "cpu";     // "cpu" or "cuda"
    QString databaseFolder;     // empty: beside each project
    QString language = "system"; // "system", "en", "de", "zh_CN"

    static AppSettings load(QSettings& settings);
    void save(QSettings& settings) const;
};

} // namespace edgesmith::widgets
