#include "widgets/schema_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <cmath>
#include <limits>

namespace edgesmith::widgets {
namespace {

double lowerBound(const schema::Node& node, double fallback) {
    if (!node.minimum()) return fallback;
    return *node.minimum() + (node.minimumExclusive() ? (node.kind() == schema::Kind::Integer ? 1.0 : 1e-6) : 0.0);
}

double upperBound(const schema::Node& node, double fallback) {
    if (!node.maximum()) return fallback;
    return *node.maximum() - (node.maximumExclusive() ? (node.kind() == schema::Kind::Integer ? 1.0 : 1e-6) : 0.0);
}

QString fieldLabel(const std::string& name) {
    QString label = QString::fromStdString(name);
    label.replace('_', ' ');
    if (!label.isEmpty()) label[0] = label[0].toUpper();
    return label + ':';
}

} // namespace

SchemaForm::SchemaForm(QWidget* parent) : QWidget(parent), layout_(new QFormLayout(this)) {
    layout_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void SchemaForm::setSchema(const schema::Node& node, const Json& values) {
    while (layout_->rowCount() > 0) layout_->removeRow(0);
    editors_.clear();
    numberTables_.clear();
    schema_ = node;
    initial_ = schema::withDefaults(values.is_object() ? values : Json::object(), node);
    for (const schema::Field& field : node.fields()) {
        const Json value = initial_.contains(field.name) ? initial_[field.name] : Json();
        QWidget* editor = makeEditor(field.name, field.node, value);
        editor->setObjectName(QString::fromStdString("param_" + field.name));
        QString tip = QString::fromStdString(field.node.description());
        const std::string type = field.node.describeType();
        if (!type.empty()) tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) + QString::fromStdString(type);
        if (!field.node.defaultValue().is_null())
            tip += tr("\nDefault: %1").arg(QString::fromStdString(field.node.defaultValue().dump()));
        editor->setToolTip(tip);
        auto* label = new QLabel(fieldLabel(field.name));
        label->setToolTip(tip);
        layout_->addRow(label, editor);
        editors_[field.name] = editor;
    }
    if (node.fields().empty()) layout_->addRow(new QLabel(tr("<i>No parameters.</i>")));
}

QWidget* SchemaForm::makeEditor(const std::string& name, const schema::Node& node, const Json& value) {
    switch (node.kind()) {
    case schema::Kind::Integer: {
        // A QSpinBox holds an int: byte counts (a board's RAM) and any larger value get a
        // spin box of doubles without decimals, exact up to 2^53.
        constexpr double kSpinLimit = 1e9, kExactLimit = 9007199254740992.0;
        const bool large = name.ends_with("_bytes") || (value.is_number() && std::abs(value.get<double>()) > kSpinLimit);
        if (large) {
            auto* box = new QDoubleSpinBox;
            box->setDecimals(0);
            box->setRange(std::max(-kExactLimit, lowerBound(node, -kExactLimit)), std::min(kExactLimit, upperBound(node, kExactLimit)));
            if (value.is_number()) box->setValue(value.get<double>());
            connect(box, &QDoubleSpinBox::valueChanged, this, &SchemaForm::edited);
            return box;
        }
        auto* box = new QSpinBox;
        box->setRange(static_cast<int>(std::max(-1e9, lowerBound(node, -1e9))), static_cast<int>(std::min(1e9, upperBound(node, 1e9))));
        if (value.is_number()) box->setValue(value.get<int>());
        connect(box, &QSpinBox::valueChanged, this, &SchemaForm::edited);
        return box;
    }
    case schema::Kind::Number: {
        auto* box = new QDoubleSpinBox;
        // Enough decimals for learning rates such as 0.0005; none for millions and more
        // (a bandwidth in bytes a second), where six would only make the number unreadable.
        box->setDecimals(value.is_number() && std::abs(value.get<double>()) >= 1e6 ? 0 : 6);
        const double current = value.is_number() ? value.get<double>() : 0.0;
        // Without a stated bound the range reaches well past the value, so a fast device's
        // bandwidth (terabytes a second) is never clamped.
        const double reach = std::max(1e12, std::abs(current) * 1000);
        box->setRange(lowerBound(node, -reach), upperBound(node, reach));
        box->setSingleStep(current != 0 ? std::pow(10.0, std::floor(std::log10(std::abs(current)))) : 0.1);
        box->setValue(current);
        connect(box, &QDoubleSpinBox::valueChanged, this, &SchemaForm::edited);
        return box;
    }
    case schema::Kind::Boolean: {
        auto* box = new QCheckBox;
        box->setChecked(value.is_boolean() && value.get<bool>());
        connect(box, &QCheckBox::toggled, this, &SchemaForm::edited);
        return box;
    }
    case schema::Kind::Choice: {
        auto* box = new QComboBox;
        for (const auto& choice : node.choices()) box->addItem(QString::fromStdString(choice));
        if (value.is_string()) box->setCurrentText(QString::fromStdString(value.get<std::string>()));
        connect(box, &QComboBox::currentIndexChanged, this, &SchemaForm::edited);
        return box;
    }
    case schema::Kind::String: {
        auto* edit = new QLineEdit(value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString());
        edit->setCursorPosition(0); // long text shows its beginning
        connect(edit, &QLineEdit::textEdited, this, &SchemaForm::edited);
        return edit;
    }
    case schema::Kind::Object:
        if (isNumberTable(node)) return makeNumberTable(name, node, value);
        [[fallthrough]];
    default: {
        auto* edit = new QLineEdit(value.is_null() ? QString() : QString::fromStdString(value.dump()));
        edit->setPlaceholderText(tr("JSON value"));
        edit->setCursorPosition(0);
        connect(edit, &QLineEdit::textEdited, this, &SchemaForm::edited);
        return edit;
    }
    }
}

bool SchemaForm::isNumberTable(const schema::Node& node) {
    if (node.fields().empty() || node.acceptsOtherKeys()) return false;
    for (const schema::Field& field : node.fields())
        if (field.node.kind() != schema::Kind::Number && field.node.kind() != schema::Kind::Integer) return false;
    return true;
}

// An object of named numbers (a peak per data type, an efficiency per operator class): a
// small grid of boxes, three to a row; an empty box leaves its key out.
QWidget* SchemaForm::makeNumberTable(const std::string& name, const schema::Node& node, const Json& value) {
    auto* table = new QWidget;
    auto* grid = new QGridLayout(table);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    constexpr int kPerRow = 3;
    int index = 0;
    for (const schema::Field& field : node.fields()) {
        auto* edit = new QLineEdit;
        edit->setObjectName(QString::fromStdString("param_" + name + "_" + field.name));
        edit->setPlaceholderText(tr("—"));
        if (value.is_object() && value.contains(field.name) && value[field.name].is_number())
            edit->setText(QString::number(value[field.name].get<double>(), 'g', 12));
        edit->setToolTip(QString::fromStdString(field.node.description() + "\n" + field.node.describeType()));
        connect(edit, &QLineEdit::textEdited, this, &SchemaForm::edited);
        auto* label = new QLabel(QString::fromStdString(field.name));
        label->setBuddy(edit);
        grid->addWidget(label, index / kPerRow, 2 * (index % kPerRow));
        grid->addWidget(edit, index / kPerRow, 2 * (index % kPerRow) + 1);
        grid->setColumnStretch(2 * (index % kPerRow) + 1, 1);
        numberTables_[name].emplace_back(field.name, edit);
        ++index;
    }
    return table;
}

Json SchemaForm::values() const {
    Json result = initial_;
    for (const schema::Field& field : schema_.fields()) {
        const auto found = editors_.find(field.name);
        if (found == editors_.end()) continue;
        QWidget* editor = found->second;
        if (const auto table = numberTables_.find(field.name); table != numberTables_.end()) {
            // Text that is not a number goes through as text, so validation names the key.
            Json object = Json::object();
            for (const auto& [key, edit] : table->second) {
                const QString text = edit->text().trimmed();
                if (text.isEmpty()) continue;
                bool number = false;
                const double parsed = text.toDouble(&number);
                object[key] = number ? Json(parsed) : Json(text.toStdString());
            }
            if (object.empty() && !field.required) result.erase(field.name);
            else result[field.name] = object;
            continue;
        }
        if (auto* box = qobject_cast<QSpinBox*>(editor)) result[field.name] = box->value();
        else if (auto* real = qobject_cast<QDoubleSpinBox*>(editor)) {
            if (field.node.kind() == schema::Kind::Integer) result[field.name] = static_cast<std::int64_t>(std::llround(real->value()));
            else result[field.name] = real->value();
        }
        else if (auto* check = qobject_cast<QCheckBox*>(editor)) result[field.name] = check->isChecked();
        else if (auto* combo = qobject_cast<QComboBox*>(editor)) result[field.name] = combo->currentText().toStdString();
        else if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
            if (field.node.kind() == schema::Kind::String) {
                if (edit->text().isEmpty() && !field.required) result.erase(field.name);
                else result[field.name] = edit->text().toStdString();
                continue;
            }
            if (edit->text().trimmed().isEmpty()) {
                result.erase(field.name);
                continue;
            }
            const Json parsed = Json::parse(edit->text().toStdString(), nullptr, false);
            if (!parsed.is_discarded()) result[field.name] = parsed;
        }
    }
    return result;
}

void SchemaForm::setFieldVisible(const std::string& name, bool visible) {
    if (QWidget* field = editor(name)) layout_->setRowVisible(field, visible);
}

void SchemaForm::setFieldLabel(const std::string& name, const QString& label) {
    if (QWidget* field = editor(name))
        if (auto* text = qobject_cast<QLabel*>(layout_->labelForField(field))) text->setText(label);
}

QWidget* SchemaForm::editor(const std::string& name) const {
    const auto found = editors_.find(name);
    return found == editors_.end() ? nullptr : found->second;
}

} // namespace edgesmith::widgets
