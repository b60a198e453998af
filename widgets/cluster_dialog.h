#pragma once
// "Run → Run on cluster…": the Slurm allocation for the project's search (nodes, ranks,
// cores, GPUs, time limit, partition, launcher, budget), the sbatch script that
// core/engine/slurm_script writes for it, shown as it changes, saved beside the project and
// submitted with `sbatch --parsable`. The script runs edgesmith-cli with the MPI executor
// and --continue, so the window can follow the run in the project's database.
#include "core/engine/slurm_script.h"

#include <QDialog>
#include <QString>

class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPlainTextEdit;
class QProcess;
class QPushButton;
class QSpinBox;

namespace edgesmith::widgets {

class ClusterDialog : public QDialog {
    Q_OBJECT
public:
    // `projectFile`: the saved project the job searches. `program`: the edgesmith-cli the
    // nodes run; empty picks clusterProgram().
    explicit ClusterDialog(const QString& projectFile, const QString& program = QString(), QWidget* parent = nullptr);

    // The edgesmith-cli beside this program (the build tree's app/cli, or an installed
    // one in the same folder), else the one on PATH, else the bare name.
    static QString clusterProgram();

    SlurmJob job() const;
    // The script for the fields as they are; empty while a field is wrong (see problem()).
    QString script() const { return script_; }
    QString problem() const { return problem_; }
    // Where Save and Submit write: <project stem>.sbatch beside the project until saved elsewhere.
    QString scriptFile() const { return scriptFile_; }
    QString jobId() const { return jobId_; }

    // Writes the script (atomically, executable); false, with the reason shown, when not.
    bool saveScript(const QString& file);
    // Saves, then starts `sbatch --parsable` without waiting for it: submitted() or the
    // error follows. False when it cannot start (a wrong field, no sbatch, a write error).
    bool submit();

    QSpinBox* nodesBox() const { return nodes_; }
    QSpinBox* ranksPerNodeBox() const { return ranksPerNode_; }
    QSpinBox* cpusPerRankBox() const { return cpusPerRank_; }
    QSpinBox* gpusPerNodeBox() const { return gpusPerNode_; }
    QLineEdit* timeEdit() const { return time_; }
    QLineEdit* partitionEdit() const { return partition_; }
    QComboBox* launcherChoice() const { return launcher_; }
    QSpinBox* budgetBox() const { return budget_; }
    QCheckBox* overcommitBox() const { return overcommit_; }
    QPlainTextEdit* preview() const { return preview_; }
    QLabel* problemLabel() const { return problemLabel_; }
    QLabel* ranksLabel() const { return ranks_; }
    QLabel* resultLabel() const { return result_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* submitButton() const { return submit_; }

Q_SIGNALS:
    // The script changed (every field edit that gives a valid one).
    void scriptChanged(const QString& script);
    // sbatch accepted the job.
    void submitted(const QString& jobId, const QString& scriptFile);
    void errorReported(const QString& title, const QString& text);

protected:
    // Kept open while sbatch runs: closing would kill it mid-submission.
    void done(int result) override;

private:
    void createFields();
    void createOutputs();
    QLayout* fieldsLayout();
    QLayout* createButtons();
    void refresh();
    void updateButtons();
    void chooseAndSave();
    void submissionEnded();
    void showResult(const QString& text, bool failed);
    QString fieldTitle(const std::string& path) const;

    QString projectFile_;
    QString program_;
    QString scriptFile_;
    QString sbatch_; // absolute path; empty when not on PATH
    QString script_;
    QString problem_;
    QString jobId_;
    QProcess* sbatchRun_ = nullptr; // the submission in flight

    QSpinBox* nodes_ = nullptr;
    QSpinBox* ranksPerNode_ = nullptr;
    QSpinBox* cpusPerRank_ = nullptr;
    QSpinBox* gpusPerNode_ = nullptr;
    QLineEdit* time_ = nullptr;
    QLineEdit* partition_ = nullptr;
    QComboBox* launcher_ = nullptr;
    QSpinBox* budget_ = nullptr;
    QCheckBox* overcommit_ = nullptr;
    QLabel* programLabel_ = nullptr;
    QLabel* ranks_ = nullptr;
    QLabel* problemLabel_ = nullptr;
    QPlainTextEdit* preview_ = nullptr;
    QLabel* result_ = nullptr;
    QPushButton* save_ = nullptr;
    QPushButton* submit_ = nullptr;
};

} // namespace edgesmith::widgets
