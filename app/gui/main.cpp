#include "app/gui/main_window.h"
#include "app/gui/translations.h"
#include "core/common/paths.h"
#include "core/common/version.h"
#include "core/engine/runtime.h"
#include "widgets/app_settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>
#include <QPalette>
#include <QStyleFactory>
#include <QTimer>

#include <cstdio>

namespace {

// Renders the window into a PNG once it has been laid out, then quits: used by
// scripts/screenshot.sh to keep the README's screenshot current.
void scheduleScreenshot(edgesmith::gui::MainWindow& window, const QString& file) {
    QTimer::singleShot(400, &window, [&window, file] {
        const bool saved = window.grab().save(file);
        std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "wrote" : "cannot write", qPrintable(file));
        QCoreApplication::exit(saved ? 0 : 1);
    });
}

// Fusion with a dark palette: the look of a dark desktop where the platform theme gives
// none (and for checking that every view reads on dark backgrounds).
void applyDarkPalette(QApplication& application) {
    application.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(45, 45, 48));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::Base, QColor(30, 30, 32));
    dark.setColor(QPalette::AlternateBase, QColor(42, 42, 46));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::Button, QColor(53, 53, 56));
    dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    dark.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    dark.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
    dark.setColor(QPalette::Highlight, QColor(42, 130, 218));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Mid, QColor(110, 110, 115));
    dark.setColor(QPalette::Dark, QColor(150, 150, 155));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(130, 130, 130));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(130, 130, 130));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(130, 130, 130));
    application.setPalette(dark);
}

} // namespace

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    QApplication::setOrganizationName("EdgeSmith");
    QApplication::setApplicationName("EdgeSmith");
    QApplication::setApplicationVersion(edgesmith::kVersion);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "EdgeSmith workbench: design and compress models for edge devices"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("project", QCoreApplication::translate("main", "Project file to open (default: the last one, else the default project)"));
    const QCommandLineOption screenshot("screenshot", QCoreApplication::translate("main", "Save a PNG of the window and quit"), "file");
    const QCommandLineOption language("language", QCoreApplication::translate("main", "Interface language: en, de, zh_CN"), "code");
    const QCommandLineOption size("size", QCoreApplication::translate("main", "Window size, e.g. 1400x860"), "WxH");
    const QCommandLineOption theme("theme", QCoreApplication::translate("main", "Colours: system (default) or dark"), "name");
    parser.addOptions({screenshot, language, size, theme});
    parser.process(application);

    if (parser.value(theme) == QLatin1String("dark")) applyDarkPalette(application);
    QSettings settings;
    const auto preferences = edgesmith::widgets::AppSettings::load(settings);
    edgesmith::gui::installTranslations(application, parser.isSet(language) ? parser.value(language) : preferences.language);
    edgesmith::setComputeThreads(preferences.threads);

    edgesmith::gui::MainWindow window;
    QString project = parser.positionalArguments().value(0);
    if (project.isEmpty()) {
        const QString last = settings.value("recentProjects").toStringList().value(0);
        project = QFileInfo::exists(last) && !parser.isSet(screenshot) ? last : QString::fromStdString(edgesmith::defaultProjectFile().string());
    }
    window.openProject(project);
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split('x');
        if (parts.size() == 2) window.resize(parts[0].toInt(), parts[1].toInt());
    }
    window.show();
    if (parser.isSet(screenshot)) scheduleScreenshot(window, parser.value(screenshot));
    return QApplication::exec();
}
