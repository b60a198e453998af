#include "widgets/export_dialog.h"

#include "core/engine/export_job.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace edgesmith::widgets {
namespace {

// The file name a format gets by default (its stem kept when the format changes).
QString suffixFor(const QString& format) {
    if (format == QLatin1String("onnx")) return QStringLiteral(".onnx");
    if (format == QLatin1String("onnx-int8")) return QStringLiteral("-int8.onnx");
    if (format == QLatin1String("torch")) return QStringLiteral(".pt");
    if (format == QLatin1String("json")) return QStringLiteral(".json");
    if (format == QLatin1String("c")) return QStringLiteral(".c");
    return QStringLiteral("-report.html");
}

QString stemOf(const QString& file) {
    QString stem = file;
    for (const char* suffix : {"-int8.onnx", "-report.html", ".onnx", ".pt", ".json", ".c", ".h", ".html", ".csv"})
        if (stem.endsWith(QLatin1String(suffix))) return stem.chopped(static_cast<int>(qstrlen(suffix)));
    return stem;
}

} // namespace

ExportDialog::ExportDialog(const QString& key, qint64 run, qint64 candidate, const QString& folder, std::function<QString(const Json&)> plan,
                           QWidget* parent)
    : QDialog(parent), run_(run), candidate_(candidate), plan_(std::move(plan)) {
    setWindowTitle(tr("Export Candidate %1 of Run %2").arg(candidate).arg(run));
    auto* title = new QLabel(tr("<b>%1</b>").arg(key.toHtmlEscaped()));
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    title->setWordWrap(true);
    format_ = new QComboBox;
    format_->setObjectName(QStringLiteral("exportFormat"));
    for (ExportFormat format : exportFormats()) {
        const QString name = QString::fromStdString(toString(format));
        format_->addItem(QStringLiteral("%1: %2").arg(name, QString::fromStdString(describe(format))), name);
    }
    output_ = new QLineEdit(QDir(folder).filePath(QStringLiteral("run%1-candidate%2.onnx").arg(run).arg(candidate)));
    output_->setObjectName(QStringLiteral("exportOutput"));
    browse_ = new QPushButton(tr("Browse…"));
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(output_, 1);
    outputRow->addWidget(browse_);
    dynamicBatch_ = new QCheckBox(tr("Dynamic batch dimension (named \"batch\"; otherwise fixed at 1)"));
    dynamicBatch_->setChecked(true);
    cPrefix_ = new QLineEdit;
    cPrefix_->setPlaceholderText(tr("from the file name"));
    trainingEpochs_ = new QSpinBox;
    trainingEpochs_->setRange(0, 1000);
    trainingEpochs_->setSpecialValueText(tr("the project's"));
    retrain_ = new QCheckBox(tr("Train again even if a kept model exists"));
    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("exportSummary"));
    summary_->setWordWrap(true);
    summary_->setFrameShape(QFrame::StyledPanel);
    summary_->setMargin(8);
    summary_->setMinimumHeight(90);
    summary_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto* form = new QFormLayout;
    form->addRow(tr("Format"), format_);
    form->addRow(tr("File"), outputRow);
    form->addRow(tr("ONNX"), dynamicBatch_);
    form->addRow(tr("C identifier prefix"), cPrefix_);
    form->addRow(tr("Training epochs"), trainingEpochs_);
    form->addRow(QString(), retrain_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    exportButton_ = buttons->button(QDialogButtonBox::Ok);
    exportButton_->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(summary_);
    layout->addWidget(buttons);

    connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(output_, &QLineEdit::textChanged, this, &ExportDialog::updateSummary);
    connect(browse_, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(dynamicBatch_, &QCheckBox::toggled, this, &ExportDialog::updateSummary);
    connect(trainingEpochs_, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(retrain_, &QCheckBox::toggled, this, &ExportDialog::updateSummary);
    formatChanged();
    setMinimumWidth(720);
}

Json ExportDialog::job() const {
    ExportJob job;
    job.format = exportFormatFromString(format_->currentData().toString().toStdString());
    job.run = run_;
    job.candidate = candidate_;
    job.out = output_->text().trimmed().toStdString();
    job.trainingEpochs = trainingEpochs_->value();
    job.retrain = retrain_->isChecked();
    job.dynamicBatch = dynamicBatch_->isChecked();
    job.cPrefix = cPrefix_->text().trimmed().toStdString();
    return job.toJson();
}

void ExportDialog::formatChanged() {
    const QString format = format_->currentData().toString();
    const bool onnx = format.startsWith(QLatin1String("onnx")), report = format == QLatin1String("report");
    dynamicBatch_->setEnabled(onnx);
    cPrefix_->setEnabled(format == QLatin1String("c"));
    trainingEpochs_->setEnabled(!report);
    retrain_->setEnabled(!report);
    const QString current = output_->text().trimmed();
    if (!current.isEmpty()) output_->setText(stemOf(current) + suffixFor(format));
    updateSummary();
}

void ExportDialog::updateSummary() {
    const bool named = !output_->text().trimmed().isEmpty();
    exportButton_->setEnabled(named);
    if (!named) {
        summary_->setText(tr("Name the file to write."));
        return;
    }
    summary_->setText(plan_ ? plan_(job()) : QString());
}

void ExportDialog::browse() {
    const QString format = format_->currentData().toString();
    const QString filter = format.startsWith(QLatin1String("onnx")) ? tr("ONNX models (*.onnx)")
                           : format == QLatin1String("torch")       ? tr("LibTorch archives (*.pt)")
                           : format == QLatin1String("json")        ? tr("JSON (*.json)")
                           : format == QLatin1String("c")           ? tr("C sources (*.c)")
                                                                    : tr("HTML pages (*.html)");
    const QString file = QFileDialog::getSaveFileName(this, tr("Export to"), output_->text(), filter);
    if (!file.isEmpty()) output_->setText(file);
}

} // namespace edgesmith::widgets
