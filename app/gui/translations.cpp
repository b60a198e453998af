#include "app/gui/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace edgesmith::gui {

QString installTranslations(QCoreApplication& application, const QString& language) {
    const QLocale locale = language == QLatin1String("system") ? QLocale::system() : QLocale(language);
    if (locale.language() == QLocale::English || language == QLatin1String("en")) return QStringLiteral("en");
    // Compiled .qm files are embedded under :/i18n by the build (qt_add_translations).
    auto* ours = new QTranslator(&application);
    if (!ours->load(locale, QStringLiteral("edgesmith"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ours;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    auto* qt = new QTranslator(&application);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return locale.name();
}

} // namespace edgesmith::gui
