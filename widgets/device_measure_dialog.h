#pragma once
// "Hardware → Measure on a Device…" (issue 13, bring your own device): device-kit,
// device-import and device-fit (docs/devices.md) in three tabs over one device profile:
//   Kit    — architectures of the project's space chosen to cover it (or, as a next round,
//            those the current model is least sure of) written as ONNX models with the
//            runners that time them on the device;
//   Import — the runner's results.csv checked line by line: every problem shown and
//            nothing kept, or kept as a new dated import of the profile;
//   Fit    — the four latency models cross-validated on the latest measurements, their
//            learning curve and the chosen one's residuals; "Keep model" writes the file
//            hardware.latency_model "device" reads, "Use for this project" asks the window
//            (modelChosen) to select it as one undoable edit.
// Writing a kit and fitting run on a worker thread, one job at a time: the dialog stays
// responsive, and cannot be closed until the job ends.
#include "core/common/json.h"
#include "core/space/space.h"

#include <QDialog>
#include <QString>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QLayout;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QThread;

namespace edgesmith {
class Project;
}

namespace edgesmith::widgets {

// `project` with hardware.profile = `profile` and hardware.latency_model = "device": the
// model fitted to that profile's measurements.
Json withDeviceLatencyModel(Json project, const std::string& profile);

class DeviceMeasureDialog : public QDialog {
    Q_OBJECT
public:
    // `project`: the project as open, with a file (the measurements are kept beside it).
    // `profile`: the device profile selected first.
    DeviceMeasureDialog(const Project& project, const QString& profile, QWidget* parent = nullptr);
    ~DeviceMeasureDialog() override; // waits for a running job: core cannot cancel one

    QString currentProfile() const;
    // Selects a listed profile; false when there is none of that name.
    bool selectProfile(const QString& name);
    bool busy() const { return worker_ != nullptr; }

    // The actions behind the buttons. writeKit and fitModels start a job and return false
    // when they cannot (another job runs, no folder, too few networks); what the job did
    // follows by signal and in the dialog. The others return false, the reason shown, when
    // nothing was done.
    bool writeKit();
    bool importResults(const QString& csv);
    bool fitModels();
    bool keepModel();
    void useForProject();

    QComboBox* profileChoice() const { return profile_; }
    QTabWidget* steps() const { return tabs_; }
    QSpinBox* networksBox() const { return networks_; }
    QComboBox* strategyChoice() const { return strategy_; }
    QCheckBox* nextRoundBox() const { return nextRound_; }
    QCheckBox* layersBox() const { return layers_; }
    QLineEdit* kitFolderEdit() const { return folder_; }
    QPushButton* writeKitButton() const { return writeKit_; }
    QLabel* kitResultLabel() const { return kitResult_; }
    QLineEdit* deviceCommand() const { return command_; }
    QCheckBox* checkKitBox() const { return checkKit_; }
    QPushButton* importButton() const { return import_; }
    QLabel* importResultLabel() const { return importResult_; }
    QPlainTextEdit* problemsView() const { return problems_; }
    QPushButton* fitButton() const { return fit_; }
    QTableWidget* modelTable() const { return table_; }
    QCustomPlot* curvePlot() const { return curve_; }
    QCustomPlot* residualPlot() const { return residuals_; }
    QLabel* fitSummaryLabel() const { return fitSummary_; }
    QPushButton* keepButton() const { return keep_; }
    QPushButton* useButton() const { return use_; }

Q_SIGNALS:
    void kitWritten(const QString& folder, int models, int layerConfigurations);
    void measurementsImported(const QString& file);
    void modelsFitted(const QString& chosen);
    void modelKept(const QString& file);
    // "Use for this project": the window sets hardware.profile and latency_model "device".
    void modelChosen(const QString& profile);
    void errorReported(const QString& title, const QString& text);

protected:
    // Kept open while a job runs: its result has nowhere else to go.
    void done(int result) override;

private:
    struct Fit;
    // Built on the worker thread; run on the GUI thread when the job ends.
    using Finish = std::function<void()>;

    QLayout* createProfileRow();
    QLayout* createStatusRow();
    QWidget* createKitTab();
    QWidget* createImportTab();
    QWidget* createFitTab();
    QCustomPlot* createPlot(const QString& name, const QString& xLabel, const QString& yLabel);
    void profileChanged();
    void refreshState();
    void updateActions();
    void chooseFolder();
    void chooseResults();
    std::optional<Json> kitManifest(const QString& csv, QString& used);
    // Runs `work` on a thread of its own and what it returns on the GUI thread after; an
    // exception it throws is shown in `where` under `failure`. One job at a time.
    bool startJob(const QString& doing, QLabel* where, const QString& failure, std::function<Finish()> work);
    void kitDone(const QString& folder, int models, int layers);
    void showImportProblems(const QString& text);
    void showFit(std::shared_ptr<const Fit> fit);
    void fillTable();
    void plotCurve();
    void plotResiduals();
    void clearFit();
    void report(QLabel* where, const QString& title, const QString& text);
    std::filesystem::path kitFolder() const;
    QString defaultFolder() const;

    std::filesystem::path projectFile_;
    Json spaceDocument_;
    std::optional<SearchSpace> space_; // none: the project's space does not parse
    std::string fingerprint_;          // of the space: ties measurements and models to it
    std::string profileKey_;           // the selected profile's own name, which keys its files; empty: unreadable
    QString spaceProblem_;
    bool folderEdited_ = false; // typed or browsed: no longer follows the profile
    int measured_ = 0, imports_ = 0; // of the current profile: networks measured, imports kept
    bool modelFile_ = false;         // a model is kept for the current profile
    QThread* worker_ = nullptr;
    QString doing_; // what the running job does, as the status line says it
    std::shared_ptr<const Fit> fitted_; // the fit shown; null: none

    QComboBox* profile_ = nullptr;
    QLabel* state_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QSpinBox* networks_ = nullptr;
    QComboBox* strategy_ = nullptr;
    QCheckBox* nextRound_ = nullptr;
    QCheckBox* layers_ = nullptr;
    QLineEdit* folder_ = nullptr;
    QPushButton* browse_ = nullptr;
    QPushButton* writeKit_ = nullptr;
    QLabel* kitResult_ = nullptr;
    QLineEdit* command_ = nullptr;
    QCheckBox* checkKit_ = nullptr;
    QPushButton* import_ = nullptr;
    QLabel* importResult_ = nullptr;
    QPlainTextEdit* problems_ = nullptr;
    QPushButton* fit_ = nullptr;
    QLabel* fitSummary_ = nullptr;
    QTableWidget* table_ = nullptr;
    QCustomPlot* curve_ = nullptr;
    QCustomPlot* residuals_ = nullptr;
    QPushButton* keep_ = nullptr;
    QPushButton* use_ = nullptr;
    QLabel* keepResult_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
};

} // namespace edgesmith::widgets
