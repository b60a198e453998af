#pragma once
#include <QString>

class QCoreApplication;

namespace edgesmith::gui {

// Installs EdgeSmith's and Qt's own translators for `language` ("system" follows the
// locale; "en" installs none). Returns the language actually loaded, or "en".
QString installTranslations(QCoreApplication& application, const QString& language);

} // namespace edgesmith::gui
