#include "widgets/settings_dialog.h"

#include "core/engine/runtime.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace edgesmith::widgets {

SettingsDialog::SettingsDialog(const AppSettings& current, QWidget* parent)
    : QDialog(parent), threads_(new QSpinBox), device_(new QComboBox), databaseFolder_(new QLineEdit),
      language_(new QComboBox) {
    setWindowTitle(tr("Settings"));
    const RuntimeInfo runtime = runtimeInfo();

    threads_->setObjectName("threads");
    threads_->setRange(0, runtime.hardwareThreads * 4);
    threads_->setSpecialValueText(tr("All cores (%1)").arg(runtime.hardwareThreads));
    threads_->setValue(current.threads);
    threads_->setToolTip(tr("Intra-op threads for training and inference"));

    device_->setObjectName("device");
    device_->addItem(tr("CPU"), "cpu");
    if (runtime.cudaAvailable) device_->addItem(tr("CUDA (%n GPU(s))", nullptr, runtime.cudaDevices), "cuda");
    device_->setCurrentIndex(std::max(0, device_->findData(current.device)));
    if (!runtime.cudaAvailable) device_->setToolTip(tr("No CUDA device was found by LibTorch %1").arg(QString::fromStdString(runtime.torchVersion)));

    databaseFolder_->setObjectName("databaseFolder");
    databaseFolder_->setText(current.databaseFolder);
    databaseFolder_->setPlaceholderText(tr("Beside each project file"));
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Default database folder"), databaseFolder_->text());
        if (!folder.isEmpty()) databaseFolder_->setText(folder);
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(databaseFolder_, 1);
    folderRow->addWidget(browse);

    language_->setObjectName("language");
    language_->addItem(tr("System default"), "system");
    language_->addItem(QStringLiteral("English"), "en");
    language_->addItem(QStringLiteral("Deutsch"), "de");
    language_->addItem(QStringLiteral("简体中文"), "zh_CN");
    language_->setCurrentIndex(std::max(0, language_->findData(current.language)));

    auto* form = new QFormLayout;
    form->addRow(tr("Threads:"), threads_);
    form->addRow(tr("Device:"), device_);
    form->addRow(tr("Database folder:"), folderRow);
    form->addRow(tr("Language:"), language_);
    auto* note = new QLabel(tr("A new language takes effect the next time EdgeSmith starts."));
    note->setWordWrap(true);
    note->setEnabled(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

AppSettings SettingsDialog::settings() const {
    AppSettings chosen;
    chosen.threads = threads_->value();
    chosen.device = device_->currentData().toString();
    chosen.databaseFolder = databaseFolder_->text().trimmed();
    chosen.language = language_->currentData().toString();
    return chosen;
}

} // namespace edgesmith::widgets
