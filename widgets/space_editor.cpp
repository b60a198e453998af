#include "widgets/space_editor.h"

#include "core/project/project.h"
#include "core/space/operators.h"
#include "core/space/space.h"
#include "widgets/space_canvas.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <random>

namespace edgesmith::widgets {
namespace {

const char* kMime = "application/x-edgesmith-operator";
const QStringList kStageFields = {"depth", "stride", "out"};
const QStringList kListFields = {"reductions", "operations"};

// Operators dragged from the palette carry their name.
class OperatorPalette : public QListWidget {
public:
    using QListWidget::QListWidget;

protected:
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override {
        auto* data = new QMimeData;
        if (!items.isEmpty()) data->setData(kMime, items.front()->data(Qt::UserRole).toString().toUtf8());
        return data;
    }
    QStringList mimeTypes() const override { return {kMime}; }
};

QString valueText(const Json& value) {
    if (value.is_null()) return {};
    if (value.is_array()) {
        QStringList parts;
        for (const auto& option : value) parts << valueText(option);
        return parts.join(QStringLiteral(", "));
    }
    if (value.is_string()) return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

// "3, 5" → [3, 5]; "relu6" → "relu6"; "" → null (remove the field).
Json parseText(const QString& text, bool alwaysList) {
    const QStringList tokens = text.split(',', Qt::SkipEmptyParts);
    Json values = Json::array();
    for (const QString& token : tokens) {
        const std::string trimmed = token.trimmed().toStdString();
        if (trimmed.empty()) continue;
        const Json parsed = Json::parse(trimmed, nullptr, false);
        values.push_back(parsed.is_discarded() ? Json(trimmed) : parsed);
    }
    if (values.empty()) return Json();
    return values.size() == 1 && !alwaysList ? values[0] : values;
}

QString humanCount(double value, const QString& unit = {}) {
    static const char* suffixes[] = {"", " k", " M", " G", " T"};
    int power = 0;
    while (std::abs(value) >= 1000 && power < 4) value /= 1000, ++power;
    return QLocale().toString(value, 'g', 3) + QString::fromLatin1(suffixes[power]) + unit;
}

SpaceEditor::Range rangeOf(std::vector<double> values) {
    if (values.empty()) return {};
    std::sort(values.begin(), values.end());
    return {values.front(), values[values.size() / 2], values.back()};
}

std::vector<std::string> operatorsOf(const Json& op) {
    std::vector<std::string> names;
    if (op.is_string()) names.push_back(op.get<std::string>());
    else if (op.is_array())
        for (const auto& name : op)
            if (name.is_string()) names.push_back(name.get<std::string>());
    return names;
}

} // namespace

SpaceEditor::SpaceEditor(QWidget* parent)
    : QWidget(parent), title_(new QLabel), summary_(new QLabel), palette_(new OperatorPalette), canvas_(new SpaceCanvas),
      properties_(new QWidget), propertyForm_(new QFormLayout(properties_)), propertyTitle_(new QLabel), problemList_(new QListWidget) {
    setObjectName("spaceEditor");
    title_->setTextFormat(Qt::RichText);
    title_->setWordWrap(true);
    summary_->setObjectName("spaceSummary");
    summary_->setWordWrap(true);
    palette_->setObjectName("operatorPalette");
    palette_->setDragEnabled(true);
    palette_->setDragDropMode(QAbstractItemView::DragOnly);
    palette_->setMaximumWidth(190);
    for (const OperatorInfo& info : operatorCatalog()) {
        if (!info.searchable || info.name == "skip") continue;
        auto* item = new QListWidgetItem(QString::fromStdString(info.name));
        item->setData(Qt::UserRole, QString::fromStdString(info.name));
        item->setToolTip(QString::fromStdString(info.description) + tr("\nDrag onto the canvas to add a stage"));
        palette_->addItem(item);
    }
    auto* paletteLabel = new QLabel(tr("Operators"));
    auto* paletteHint = new QLabel(tr("Drag one onto the canvas to add a stage."));
    paletteHint->setWordWrap(true);
    paletteHint->setEnabled(false);
    auto* paletteBox = new QWidget;
    auto* paletteLayout = new QVBoxLayout(paletteBox);
    paletteLayout->setContentsMargins(0, 0, 0, 0);
    paletteLayout->addWidget(paletteLabel);
    paletteLayout->addWidget(palette_, 1);
    paletteLayout->addWidget(paletteHint);
    paletteBox->setMaximumWidth(190);

    propertyTitle_->setObjectName("propertyTitle");
    propertyTitle_->setTextFormat(Qt::RichText);
    propertyTitle_->setWordWrap(true);
    auto* propertyScroll = new QScrollArea;
    propertyScroll->setWidget(properties_);
    propertyScroll->setWidgetResizable(true);
    propertyScroll->setFrameShape(QFrame::NoFrame);
    auto* removeButton = new QPushButton(tr("Remove"));
    removeButton->setObjectName("removeNodeButton");
    removeButton->setToolTip(tr("Remove the selected stage or layer (Delete)"));
    connect(removeButton, &QPushButton::clicked, this, [this] { removeNode(canvas_->selectedNode()); });
    auto* propertyBox = new QWidget;
    auto* propertyLayout = new QVBoxLayout(propertyBox);
    propertyLayout->setContentsMargins(0, 0, 0, 0);
    propertyLayout->addWidget(propertyTitle_);
    propertyLayout->addWidget(propertyScroll, 1);
    propertyLayout->addWidget(removeButton);
    propertyBox->setMinimumWidth(280);

    problemList_->setObjectName("spaceProblems");
    problemList_->setMaximumHeight(90);
    auto* centre = new QWidget;
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->addWidget(canvas_, 1);
    centreLayout->addWidget(summary_);
    centreLayout->addWidget(problemList_);

    auto* splitter = new QSplitter;
    splitter->addWidget(paletteBox);
    splitter->addWidget(centre);
    splitter->addWidget(propertyBox);
    splitter->setStretchFactor(1, 1);
    auto* start = new QComboBox;
    start->setObjectName("spaceStart");
    start->addItem(tr("Start over from…"), QString());
    for (const std::string& name : spaceTemplateNames()) start->addItem(tr("template %1").arg(QString::fromStdString(name)), QString::fromStdString(name));
    start->addItem(tr("an empty chain"), QStringLiteral("empty"));
    connect(start, &QComboBox::activated, this, [this, start] {
        const QString choice = start->currentData().toString();
        start->setCurrentIndex(0);
        if (!choice.isEmpty()) Q_EMIT restartRequested(startingPoint(choice), tr("Start the space over from %1").arg(choice));
    });
    auto* header = new QHBoxLayout;
    header->addWidget(title_, 1);
    header->addWidget(start, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(canvas_, &SpaceCanvas::nodeSelected, this, &SpaceEditor::showProperties);
    connect(canvas_, &SpaceCanvas::operatorDropped, this, &SpaceEditor::addStage);
    showProperties(-1);
}

Json SpaceEditor::startingPoint(const QString& choice) {
    if (choice != QLatin1String("empty")) return {{"template", choice.toStdString()}};
    // The smallest useful chain for 28×28 grey images: a stem, one searchable stage, a head.
    return {{"inline",
             {{"name", "custom"},
              {"description", "Built in the space editor"},
              {"backbone", "chain"},
              {"input", {{"channels", 1}, {"resolution", 28}}},
              {"classes", 10},
              {"stem", Json::array({{{"op", "conv"}, {"out", 16}, {"kernel", 3}, {"stride", 1}}})},
              {"stages", Json::array({{{"depth", Json::array({1, 2})}, {"stride", 2}, {"out", Json::array({24, 32})},
                                       {"block", {{"op", "mbconv"}, {"kernel", Json::array({3, 5})}, {"expansion", Json::array({3, 6})}}}}})},
              {"head", Json::array({{{"op", "global_avg_pool"}}, {{"op", "linear"}, {"out", 10}}})}}}};
}

void SpaceEditor::setSpace(const Json& space, const QString& origin) {
    const int selected = canvas_->selectedNode();
    space_ = space;
    const QString name = QString::fromStdString(space.value("name", std::string()));
    const QString description = QString::fromStdString(space.value("description", std::string()));
    title_->setText(QStringLiteral("<b>%1</b> <span style='color:gray'>(%2)</span><br>%3")
                        .arg(name.toHtmlEscaped(), origin.toHtmlEscaped(), description.toHtmlEscaped()));
    canvas_->setSpace(space);
    recompute();
    canvas_->selectNode(selected);
    showProperties(canvas_->selectedNode());
}

void SpaceEditor::recompute() {
    statistics_ = {};
    problems_.clear();
    QStringList paths;
    for (const Diagnostic& problem : SearchSpace::check(space_, "space")) {
        problems_ << QString::fromStdString(problem.path + ": " + problem.message);
        paths << QString::fromStdString(problem.path);
    }
    canvas_->setInvalidPaths(paths);
    problemList_->clear();
    problemList_->addItems(problems_);
    problemList_->setVisible(!problems_.isEmpty());
    if (problems_.isEmpty()) {
        try {
            const SearchSpace space = SearchSpace::parse(space_, "space");
            statistics_.size = space.size();
            // A fixed sample, so the figures only move when the space does.
            std::mt19937_64 random(0);
            std::vector<double> macs, params, peak;
            for (int draw = 0; draw < kSample; ++draw) {
                const Metrics metrics = computeMetrics(space.derive(space.sample(random), false));
                macs.push_back(double(metrics.macs));
                params.push_back(double(metrics.params));
                peak.push_back(double(metrics.peakActivationBytes));
            }
            statistics_.macs = rangeOf(macs);
            statistics_.params = rangeOf(params);
            statistics_.peakBytes = rangeOf(peak);
            statistics_.sampled = kSample;
            statistics_.valid = true;
        } catch (const std::exception& error) {
            problems_ << QString::fromUtf8(error.what());
            problemList_->addItem(problems_.back());
            problemList_->setVisible(true);
        }
    }
    if (!statistics_.valid) {
        summary_->setText(tr("<b>The space has problems</b>; fix the outlined nodes."));
        return;
    }
    const auto range = [](const Range& range, const QString& unit) {
        return tr("%1 – %2 (median %3)").arg(humanCount(range.minimum, unit), humanCount(range.maximum, unit), humanCount(range.median, unit));
    };
    summary_->setText(tr("<b>%1 architectures</b> · MACs %2 · parameters %3 · peak activation memory %4 <span style='color:gray'>(%5 sampled)</span>")
                          .arg(humanCount(statistics_.size), range(statistics_.macs, {}), range(statistics_.params, {}),
                               range(statistics_.peakBytes, QStringLiteral("B")))
                          .arg(statistics_.sampled));
}

QStringList SpaceEditor::fieldsOf(int node) const {
    const auto& nodes = canvas_->nodes();
    if (node < 0 || node >= static_cast<int>(nodes.size())) return {};
    const SpaceCanvas::Node& info = nodes[static_cast<std::size_t>(node)];
    if (info.section == "input") return {"channels", "resolution"};
    if (info.section == "output") return {"classes"};
    if (info.section == "cells") return {"channels", "layers", "nodes", "reductions", "operations"};
    QStringList fields;
    Json layer;
    if (info.section == "stages") {
        fields = kStageFields;
        layer = space_["stages"][static_cast<std::size_t>(info.index)].value("block", Json::object());
    } else {
        layer = space_[info.section.toStdString()][static_cast<std::size_t>(info.index)];
    }
    fields << QStringLiteral("op");
    for (const std::string& name : operatorsOf(layer.value("op", Json())))
        if (const OperatorInfo* op = findOperator(name))
            for (const auto& field : op->fields.fields()) {
                const QString key = QString::fromStdString(field.name);
                if (!fields.contains(key)) fields << key;
            }
    return fields;
}

std::optional<Json::json_pointer> SpaceEditor::ownerOf(int node, const QString& field) const {
    const auto& nodes = canvas_->nodes();
    if (node < 0 || node >= static_cast<int>(nodes.size()) || !fieldsOf(node).contains(field)) return std::nullopt;
    const SpaceCanvas::Node& info = nodes[static_cast<std::size_t>(node)];
    if (info.section == "input") return Json::json_pointer("/input");
    if (info.section == "output") return Json::json_pointer("");
    if (info.section == "cells") return Json::json_pointer("/cells");
    Json::json_pointer entry = Json::json_pointer("/" + info.section.toStdString()) / static_cast<std::size_t>(info.index);
    if (info.section == "stages" && !kStageFields.contains(field)) return entry / "block";
    return entry;
}

QString SpaceEditor::fieldText(int node, const QString& field) const {
    const auto owner = ownerOf(node, field);
    if (!owner) return {};
    const Json::json_pointer at = *owner / field.toStdString();
    return space_.contains(at) ? valueText(space_.at(at)) : QString();
}

bool SpaceEditor::setField(int node, const QString& field, const QString& text) {
    const auto owner = ownerOf(node, field);
    if (!owner) return false;
    const Json value = parseText(text, kListFields.contains(field));
    const std::string key = field.toStdString();
    const bool present = space_.contains(*owner / key);
    if (value.is_null() ? !present : present && space_.at(*owner / key) == value) return false; // nothing changes
    Json edited = space_;
    if (value.is_null()) edited[*owner].erase(key);
    else edited[*owner][key] = value;
    Q_EMIT spaceEdited(edited, tr("Set %1 of %2").arg(field, canvas_->nodes()[static_cast<std::size_t>(node)].path()));
    return true;
}

void SpaceEditor::addStage(const QString& op, int position) {
    Json edited = space_;
    if (!edited.contains("stages") || !edited["stages"].is_array()) edited["stages"] = Json::array();
    Json& stages = edited["stages"];
    position = std::clamp(position, 0, static_cast<int>(stages.size()));
    // Width continues from the stage before, so the new stage is valid as dropped.
    Json out = Json::array({32});
    if (position > 0) out = stages[static_cast<std::size_t>(position - 1)].value("out", out);
    const Json stage = {{"depth", Json::array({1, 2})}, {"stride", 1}, {"out", out}, {"block", {{"op", op.toStdString()}}}};
    stages.insert(stages.begin() + position, stage);
    Q_EMIT spaceEdited(edited, tr("Add a %1 stage").arg(op));
}

bool SpaceEditor::removeNode(int node) {
    const auto& nodes = canvas_->nodes();
    if (node < 0 || node >= static_cast<int>(nodes.size())) return false;
    const SpaceCanvas::Node info = nodes[static_cast<std::size_t>(node)];
    if (info.index < 0) return false;
    Json edited = space_;
    Json& list = edited[info.section.toStdString()];
    list.erase(list.begin() + info.index);
    canvas_->selectNode(-1);
    Q_EMIT spaceEdited(edited, tr("Remove %1").arg(info.path()));
    return true;
}

void SpaceEditor::showProperties(int node) {
    while (propertyForm_->rowCount() > 0) propertyForm_->removeRow(0);
    const auto& nodes = canvas_->nodes();
    if (node < 0 || node >= static_cast<int>(nodes.size())) {
        propertyTitle_->setText(tr("<i>Click a node to edit its choices. A list such as “3, 5” is a choice the search makes; one value fixes the field.</i>"));
        return;
    }
    const SpaceCanvas::Node& info = nodes[static_cast<std::size_t>(node)];
    propertyTitle_->setText(QStringLiteral("<b>%1</b> <span style='color:gray'>%2</span>").arg(info.title.toHtmlEscaped(), info.path()));
    for (const QString& field : fieldsOf(node)) {
        if (field == "op") {
            auto* combo = new QComboBox;
            combo->setObjectName("property_op");
            combo->setEditable(true); // a list such as "mbconv, skip" is typed
            for (const OperatorInfo& op : operatorCatalog())
                if (info.section != "stages" || op.searchable) combo->addItem(QString::fromStdString(op.name));
            combo->setCurrentText(fieldText(node, field));
            connect(combo, &QComboBox::activated, this, [this, node, combo] { setField(node, QStringLiteral("op"), combo->currentText()); });
            propertyForm_->addRow(tr("Operator:"), combo);
            continue;
        }
        auto* edit = new QLineEdit(fieldText(node, field));
        edit->setObjectName("property_" + field);
        edit->setPlaceholderText(tr("default"));
        connect(edit, &QLineEdit::editingFinished, this, [this, node, field, edit] { setField(node, field, edit->text()); });
        propertyForm_->addRow(field + ':', edit);
    }
}

void SpaceEditor::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Delete && removeNode(canvas_->selectedNode())) return;
    QWidget::keyPressEvent(event);
}

} // namespace edgesmith::widgets
