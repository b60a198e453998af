#include "widgets/compress_dialog.h"

#include "core/compress/policy_search.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace edgesmith::widgets {

CompressDialog::CompressDialog(const QString& key, int pipelineSteps, QWidget* parent) : QDialog(parent), pipelineSteps_(pipelineSteps) {
    setWindowTitle(tr("Compress %1").arg(key.section('@', 0, 0)));
    method_ = new QComboBox;
    method_->addItem(tr("Mixed precision (per-layer bitwidths)"), "mixed");
    method_->addItem(tr("Structured pruning (per-layer rates)"), "prune");
    method_->addItem(tr("Low-rank factorisation (per-layer ranks)"), "low-rank");
    method_->addItem(tr("The project's compression pipeline"), "pipeline");
    strategy_ = new QComboBox;
    for (const std::string& name : policyStrategies()) strategy_->addItem(QString::fromStdString(name));
    strategy_->setCurrentText(QStringLiteral("evolution"));
    evaluations_ = new QSpinBox;
    evaluations_->setRange(1, 10000);
    evaluations_->setValue(20);
    bits_ = new QSpinBox;
    bits_->setRange(2, 16);
    bits_->setValue(4);
    bits_->setSuffix(tr("-bit weights"));
    macsShare_ = new QDoubleSpinBox;
    macsShare_->setRange(5, 100);
    macsShare_->setDecimals(0);
    macsShare_->setValue(50);
    macsShare_->setSuffix(QStringLiteral(" %"));
    trainingEpochs_ = new QSpinBox;
    trainingEpochs_->setRange(0, 1000);
    trainingEpochs_->setSpecialValueText(tr("the project's"));
    fineTuneEpochs_ = new QSpinBox;
    fineTuneEpochs_->setRange(0, 100);
    fineTuneEpochs_->setValue(1);
    note_ = new QLabel;
    note_->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Method"), method_);
    form->addRow(tr("Strategy"), strategy_);
    form->addRow(tr("Policies scored"), evaluations_);
    form->addRow(tr("Storage budget as uniform"), bits_);
    form->addRow(tr("MACs budget"), macsShare_);
    form->addRow(tr("Training epochs"), trainingEpochs_);
    form->addRow(tr("Fine-tuning epochs"), fineTuneEpochs_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Compress"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note_);
    layout->addWidget(buttons);
    connect(method_, &QComboBox::currentIndexChanged, this, &CompressDialog::methodChanged);
    connect(bits_, &QSpinBox::valueChanged, this, &CompressDialog::methodChanged);
    methodChanged();
    setMinimumWidth(460);
}

void CompressDialog::methodChanged() {
    const QString method = method_->currentData().toString();
    const bool searches = method != QStringLiteral("pipeline");
    strategy_->setEnabled(searches);
    evaluations_->setEnabled(searches);
    bits_->setEnabled(method == QStringLiteral("mixed"));
    macsShare_->setEnabled(method == QStringLiteral("prune") || method == QStringLiteral("low-rank"));
    fineTuneEpochs_->setEnabled(searches);
    if (method == QStringLiteral("mixed"))
        note_->setText(tr("Each policy is scored by post-training quantization and validation accuracy, under the storage of uniform "
                          "%1-bit weights; the best is fine-tuned with quantization-aware training.").arg(bits_->value()));
    else if (method == QStringLiteral("pipeline"))
        note_->setText(pipelineSteps_ > 0 ? tr("Runs the %n step(s) of the project's compression pipeline.", nullptr, pipelineSteps_)
                                          : tr("The project's compression pipeline is empty: add steps to the project first."));
    else
        note_->setText(tr("Each policy is scored on a pruned or factorised copy with validation accuracy, under the chosen share of the "
                          "float network's MACs; the best is fine-tuned."));
    if (auto* ok = findChild<QDialogButtonBox*>()) ok->button(QDialogButtonBox::Ok)->setEnabled(method != QStringLiteral("pipeline") || pipelineSteps_ > 0);
}

Json CompressDialog::job() const {
    return {{"method", method_->currentData().toString().toStdString()},
            {"strategy", strategy_->currentText().toStdString()},
            {"evaluations", evaluations_->value()},
            {"bits", bits_->value()},
            {"macs_share", macsShare_->value() / 100.0},
            {"training_epochs", trainingEpochs_->value()},
            {"fine_tune_epochs", fineTuneEpochs_->value()}};
}

} // namespace edgesmith::widgets
