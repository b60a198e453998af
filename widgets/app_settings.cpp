#include "widgets/app_settings.h"

#include <QSettings>

namespace edgesmith::widgets {

AppSettings AppSettings::load(QSettings& settings) {
    AppSettings loaded;
    loaded.threads = settings.value("compute/threads", loaded.threads).toInt();
    loaded.device = settings.value("compute/device", loaded.device).toString();
    loaded.databaseFolder = settings.value("storage/databaseFolder", loaded.databaseFolder).toString();
    loaded.language = settings.value("ui/language", loaded.language).toString();
    return loaded;
}

void AppSettings::save(QSettings& settings) const {
    settings.setValue("compute/threads", threads);
    settings.setValue("compute/device", device);
    settings.setValue("storage/databaseFolder", databaseFolder);
    settings.setValue("ui/language", language);
}

} // namespace edgesmith::widgets
