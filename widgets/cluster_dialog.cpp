#include "widgets/cluster_dialog.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <filesystem>
#include <utility>

namespace edgesmith::widgets {
namespace {

const char* kErrorColour = "#d62728";

QSpinBox* spinBox(int minimum, int maximum, int value, const QString& tip) {
    auto* box = new QSpinBox;
    box->setRange(minimum, maximum);
    box->setValue(value);
    box->setToolTip(tip);
    return box;
}

// <project stem>.sbatch beside the project: "mnist.edgesmith.json" gives "mnist.sbatch",
// the name core gives the job (edgesmith-mnist).
QString defaultScriptFile(const QString& projectFile) {
    const std::filesystem::path project = projectFile.toStdString();
    const QString stem = QString::fromStdString(project.stem().stem().string());
    return QFileInfo(projectFile).absoluteDir().filePath(stem + QStringLiteral(".sbatch"));
}

bool isProgram(const QString& file) {
    const QFileInfo info(file);
    return info.isFile() && info.isExecutable();
}

} // namespace

QString ClusterDialog::clusterProgram() {
    const QDir here(QCoreApplication::applicationDirPath());
    // The build tree keeps the GUI in app/gui and the CLI in app/cli; an install puts both in one folder.
    for (const QString& candidate : {here.filePath(QStringLiteral("../cli/edgesmith-cli")), here.filePath(QStringLiteral("edgesmith-cli"))})
        if (isProgram(candidate)) return QFileInfo(candidate).canonicalFilePath();
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("edgesmith-cli"));
    return onPath.isEmpty() ? QStringLiteral("edgesmith-cli") : onPath;
}

ClusterDialog::ClusterDialog(const QString& projectFile, const QString& program, QWidget* parent)
    : QDialog(parent), projectFile_(QFileInfo(projectFile).absoluteFilePath()), program_(program.isEmpty() ? clusterProgram() : program),
      scriptFile_(defaultScriptFile(projectFile)), sbatch_(QStandardPaths::findExecutable(QStringLiteral("sbatch"))) {
    setObjectName("clusterDialog");
    setWindowTitle(tr("Run on cluster"));
    auto* intro = new QLabel(tr("Runs the project's search on a Slurm allocation: every rank starts edgesmith-cli with the MPI executor. "
                                "The job may be requeued (node failure, time limit) and then continues the same run from the database."));
    intro->setWordWrap(true);
    createFields();
    createOutputs();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fieldsLayout());
    layout->addWidget(ranks_);
    layout->addWidget(problemLabel_);
    layout->addWidget(new QLabel(tr("<b>sbatch script</b>")));
    layout->addWidget(preview_, 1);
    layout->addWidget(result_);
    layout->addLayout(createButtons());
    refresh();
    // Wrapped labels do not count fully in a window's minimum height: start with room to spare,
    // the whole script header and most of the launch command in view.
    resize(960, 740);
}

void ClusterDialog::createFields() {
    nodes_ = spinBox(1, 100000, 1, tr("Nodes the job allocates (#SBATCH --nodes)"));
    ranksPerNode_ = spinBox(0, 4096, 0, tr("Ranks per node that train and score candidates; automatic: one per GPU, else 2"));
    ranksPerNode_->setSpecialValueText(tr("automatic"));
    cpusPerRank_ = spinBox(1, 4096, 1, tr("Cores per rank (#SBATCH --cpus-per-task): the training threads of each evaluation"));
    gpusPerNode_ = spinBox(0, 64, 0, tr("GPUs per node (#SBATCH --gpus-per-node); each evaluating rank takes the GPU of its place on the node"));
    budget_ = spinBox(0, 100000000, 0, tr("Candidates to evaluate (search --budget); 0 keeps the strategy's own"));
    budget_->setSpecialValueText(tr("the strategy's own"));
    time_ = new QLineEdit(QString::fromStdString(SlurmJob().time));
    time_->setToolTip(tr("Slurm time limit: HH:MM:SS, D-HH:MM:SS or minutes. The job requeues itself shortly before it and continues the run."));
    partition_ = new QLineEdit;
    partition_->setPlaceholderText(tr("the cluster's default"));
    partition_->setToolTip(tr("Slurm partition (#SBATCH --partition); empty: the cluster's default"));
    launcher_ = new QComboBox;
    launcher_->addItem(tr("srun (Slurm, --mpi=pmix)"), QStringLiteral("srun"));
    launcher_->addItem(tr("mpirun (OpenMPI)"), QStringLiteral("mpirun"));
    launcher_->setToolTip(tr("How the ranks are started: srun with the PMIx plugin, or OpenMPI's mpirun inside the allocation"));
    overcommit_ = new QCheckBox(tr("Rank 0 shares the evaluating ranks' cores (--overcommit)"));
    overcommit_->setToolTip(tr("Rank 0 mostly waits for results: without this the job asks for one more core than the evaluating ranks use"));
    connect(overcommit_, &QCheckBox::toggled, this, &ClusterDialog::refresh);
    for (auto* box : {nodes_, ranksPerNode_, cpusPerRank_, gpusPerNode_, budget_}) connect(box, &QSpinBox::valueChanged, this, &ClusterDialog::refresh);
    for (auto* edit : {time_, partition_}) connect(edit, &QLineEdit::textChanged, this, &ClusterDialog::refresh);
    connect(launcher_, &QComboBox::currentIndexChanged, this, &ClusterDialog::refresh);
}

// Everything the dialog says back: the program, the ranks, the bad field, the script, the submission.
void ClusterDialog::createOutputs() {
    programLabel_ = new QLabel(QDir::toNativeSeparators(program_));
    programLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    programLabel_->setToolTip(tr("The edgesmith-cli the ranks run: the nodes must see it at this path"));
    if (!isProgram(program_))
        programLabel_->setText(QStringLiteral("%1 <span style='color:%2'>%3</span>")
                                   .arg(program_.toHtmlEscaped(), kErrorColour, tr("(not found here: the nodes must have it on PATH)").toHtmlEscaped()));
    ranks_ = new QLabel;
    ranks_->setObjectName("clusterRanks");
    ranks_->setWordWrap(true);
    problemLabel_ = new QLabel;
    problemLabel_->setObjectName("clusterProblem");
    problemLabel_->setWordWrap(true);
    problemLabel_->setStyleSheet(QStringLiteral("color: %1").arg(kErrorColour));
    preview_ = new QPlainTextEdit;
    preview_->setObjectName("clusterScriptPreview");
    preview_->setReadOnly(true);
    preview_->setLineWrapMode(QPlainTextEdit::NoWrap);
    preview_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Never narrower than the #SBATCH lines; the launch command may scroll.
    preview_->setMinimumSize(preview_->fontMetrics().horizontalAdvance(QString(80, QLatin1Char('m'))), preview_->fontMetrics().lineSpacing() * 12);
    result_ = new QLabel;
    result_->setObjectName("clusterResult");
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    result_->hide();
}

QLayout* ClusterDialog::fieldsLayout() {
    // Two columns of fields: the allocation on the left, the run on the right.
    auto* grid = new QGridLayout;
    const auto add = [grid](int row, int column, const QString& title, QWidget* field) {
        auto* label = new QLabel(title);
        label->setBuddy(field);
        grid->addWidget(label, row, column * 2);
        grid->addWidget(field, row, column * 2 + 1);
    };
    add(0, 0, tr("&Nodes"), nodes_);
    add(1, 0, tr("&Evaluating ranks per node"), ranksPerNode_);
    add(2, 0, tr("&Cores per rank"), cpusPerRank_);
    add(3, 0, tr("&GPUs per node"), gpusPerNode_);
    add(0, 1, tr("&Time limit"), time_);
    add(1, 1, tr("&Partition"), partition_);
    add(2, 1, tr("&Launcher"), launcher_);
    add(3, 1, tr("Search &budget"), budget_);
    grid->addWidget(overcommit_, 4, 1, 1, 3);
    grid->addWidget(new QLabel(tr("Program")), 5, 0);
    grid->addWidget(programLabel_, 5, 1, 1, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setHorizontalSpacing(12);
    return grid;
}

QLayout* ClusterDialog::createButtons() {
    save_ = new QPushButton(tr("&Save script…"));
    save_->setObjectName("clusterSave");
    submit_ = new QPushButton(tr("S&ubmit"));
    submit_->setObjectName("clusterSubmit");
    auto* close = new QPushButton(tr("Close"));
    connect(save_, &QPushButton::clicked, this, &ClusterDialog::chooseAndSave);
    connect(submit_, &QPushButton::clicked, this, &ClusterDialog::submit);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(save_);
    buttons->addWidget(submit_);
    buttons->addWidget(close);
    return buttons;
}

SlurmJob ClusterDialog::job() const {
    SlurmJob job;
    job.project = projectFile_.toStdString();
    job.program = program_.toStdString();
    job.nodes = nodes_->value();
    job.ranksPerNode = ranksPerNode_->value();
    job.cpusPerRank = cpusPerRank_->value();
    job.gpusPerNode = gpusPerNode_->value();
    job.time = time_->text().trimmed().toStdString();
    job.partition = partition_->text().trimmed().toStdString();
    job.launcher = launcher_->currentData().toString().toStdString();
    job.budget = budget_->value();
    job.overcommit = overcommit_->isChecked();
    return job;
}

QString ClusterDialog::fieldTitle(const std::string& path) const {
    if (path == "nodes") return tr("Nodes");
    if (path == "ranks_per_node") return tr("Evaluating ranks per node");
    if (path == "cpus_per_rank") return tr("Cores per rank");
    if (path == "gpus_per_node") return tr("GPUs per node");
    if (path == "time") return tr("Time limit");
    if (path == "partition") return tr("Partition");
    if (path == "launcher") return tr("Launcher");
    if (path == "budget") return tr("Search budget");
    if (path == "program") return tr("Program");
    return QString::fromStdString(path);
}

// Every field edit: the script again, or the field that keeps core from writing one.
void ClusterDialog::refresh() {
    const SlurmJob current = job();
    try {
        script_ = QString::fromStdString(slurmScript(current));
        problem_.clear();
    } catch (const Error& error) {
        script_.clear();
        problem_ = tr("%1: %2").arg(fieldTitle(error.path()), QString::fromStdString(error.message()));
    }
    problemLabel_->setText(problem_);
    problemLabel_->setVisible(!problem_.isEmpty());
    // The last good script stays readable, greyed, while a field is being fixed.
    preview_->setEnabled(problem_.isEmpty());
    if (problem_.isEmpty()) {
        preview_->setPlainText(script_);
        const int ranks = slurmRanks(current);
        const QString where = current.nodes == 1 ? tr("%1 ranks on one node").arg(ranks) : tr("%1 ranks on %2 nodes").arg(ranks).arg(current.nodes);
        ranks_->setText(tr("%1: rank 0 runs the search strategy and the database on the first node, the other %2 evaluate candidates.")
                            .arg(where)
                            .arg(ranks - 1));
        Q_EMIT scriptChanged(script_);
    }
    updateButtons();
}

void ClusterDialog::updateButtons() {
    const bool valid = problem_.isEmpty();
    save_->setEnabled(valid);
    save_->setToolTip(valid ? tr("Write the script, executable, to a file of your choice (default %1)").arg(QDir::toNativeSeparators(scriptFile_))
                            : tr("Fix the field named in red first"));
    submit_->setEnabled(valid && !sbatch_.isEmpty() && !sbatchRun_);
    if (sbatch_.isEmpty())
        submit_->setToolTip(tr("sbatch is not on PATH: this machine cannot submit to Slurm. Save the script and run sbatch on the cluster's login node."));
    else if (!valid) submit_->setToolTip(tr("Fix the field named in red first"));
    else submit_->setToolTip(tr("Save the script as %1 and submit it with sbatch; the window then follows the run").arg(QDir::toNativeSeparators(scriptFile_)));
}

void ClusterDialog::chooseAndSave() {
    const QString file = QFileDialog::getSaveFileName(this, tr("Save sbatch script"), scriptFile_, tr("Slurm scripts (*.sbatch *.sh);;All files (*)"));
    if (!file.isEmpty()) saveScript(file);
}

bool ClusterDialog::saveScript(const QString& file) {
    if (script_.isEmpty()) {
        showResult(problem_, true);
        return false;
    }
    try {
        writeFileAtomically(file.toStdString(), script_.toStdString());
    } catch (const Error& error) {
        showResult(QString::fromStdString(error.what()), true);
        Q_EMIT errorReported(tr("Script not saved"), QString::fromStdString(error.what()));
        return false;
    }
    // sbatch does not need it, but a user may run the script by hand on an allocation.
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                                    QFile::ReadOther | QFile::ExeOther);
    scriptFile_ = file;
    showResult(tr("Saved %1").arg(QDir::toNativeSeparators(file)), false);
    updateButtons();
    return true;
}

bool ClusterDialog::submit() {
    if (script_.isEmpty() || sbatch_.isEmpty() || sbatchRun_ || !saveScript(scriptFile_)) return false;
    sbatchRun_ = new QProcess(this);
    sbatchRun_->setWorkingDirectory(QFileInfo(projectFile_).absolutePath());
    connect(sbatchRun_, &QProcess::finished, this, &ClusterDialog::submissionEnded);
    // A program that never started sends no finished().
    connect(sbatchRun_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) submissionEnded();
    });
    // Before start(): a program that cannot start may report it from within.
    showResult(tr("Submitting %1…").arg(QDir::toNativeSeparators(scriptFile_)), false);
    updateButtons();
    sbatchRun_->start(sbatch_, {QStringLiteral("--parsable"), scriptFile_});
    return true;
}

// --parsable prints "JOBID[;CLUSTER]" on success; anything else is sbatch's complaint.
void ClusterDialog::submissionEnded() {
    QProcess* process = std::exchange(sbatchRun_, nullptr);
    process->deleteLater();
    const QString out = QString::fromLocal8Bit(process->readAllStandardOutput()).trimmed();
    const QString err = QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
    const QString id = out.section(QLatin1Char('\n'), -1).section(QLatin1Char(';'), 0, 0).trimmed();
    static const QRegularExpression number(QStringLiteral("^[0-9]+$"));
    const bool ran = process->error() != QProcess::FailedToStart && process->exitStatus() == QProcess::NormalExit;
    updateButtons();
    if (ran && process->exitCode() == 0 && number.match(id).hasMatch()) {
        jobId_ = id;
        showResult(tr("Submitted job %1. The main window follows its run in the project's database.").arg(id), false);
        Q_EMIT submitted(id, scriptFile_);
        return;
    }
    QString why = !ran ? process->errorString() : !err.isEmpty() ? err : out;
    if (why.isEmpty()) why = tr("sbatch exited with status %1 and said nothing").arg(process->exitCode());
    showResult(tr("sbatch did not accept the job: %1").arg(why), true);
    Q_EMIT errorReported(tr("Job not submitted"), why);
}

void ClusterDialog::showResult(const QString& text, bool failed) {
    result_->setText(text);
    result_->setStyleSheet(failed ? QStringLiteral("color: %1").arg(kErrorColour) : QString());
    result_->setVisible(!text.isEmpty());
}

void ClusterDialog::done(int result) {
    if (sbatchRun_) return;
    QDialog::done(result);
}

} // namespace edgesmith::widgets
