#pragma once
#include "widgets/app_settings.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace edgesmith::widgets {

// Preferences: compute threads, device (CUDA offered only when LibTorch sees a GPU),
// default database folder and language.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(const AppSettings& current, QWidget* parent = nullptr);
    AppSettings settings() const;

private:
    QSpinBox* threads_;
    QComboBox* device_;
    QLineEdit* databaseFolder_;
    QComboBox* language_;
};

} // namespace edgesmith::widgets
