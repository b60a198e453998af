#include "widgets/json_tree_model.h"

#include <QBrush>
#include <QFont>
#include <QPalette>
#include <QApplication>
#include <QUndoCommand>

namespace edgesmith::widgets {

struct JsonTreeModel::Node {
    QString key;                     // shown in the first column
    std::vector<std::string> tokens; // JSON-pointer tokens from the root
    QString dottedPath;              // the path notation of diagnostics
    Node* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
};

namespace {

Json::json_pointer pointerOf(const std::vector<std::string>& tokens) {
    Json::json_pointer pointer;
    for (const auto& token : tokens) pointer /= token;
    return pointer;
}

// Objects that name a choice (objectives, budgets, methods) are summarised by it, so a
// collapsed tree still reads "accuracy · maximize" instead of "2 fields".
QString objectSummary(const Json& value) {
    QStringList parts;
    for (const char* key : {"name", "method", "kind", "metric", "template", "goal", "max", "min"}) {
        if (!value.contains(key)) continue;
        const Json& part = value[key];
        if (part.is_string()) parts << QString::fromStdString(part.get<std::string>());
        else if (part.is_number()) parts << QStringLiteral("%1 %2").arg(QString::fromLatin1(key), QString::fromStdString(part.dump()));
    }
    return parts.join(QStringLiteral(" · "));
}

QString displayText(const Json& value) {
    if (value.is_object()) {
        const QString summary = objectSummary(value);
        return summary.isEmpty() ? QObject::tr("%n field(s)", nullptr, static_cast<int>(value.size())) : summary;
    }
    if (value.is_array()) return QObject::tr("%n item(s)", nullptr, static_cast<int>(value.size()));
    if (value.is_string()) return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

class SetValueCommand : public QUndoCommand {
public:
    SetValueCommand(JsonTreeModel* model, std::vector<std::string> tokens, Json before, Json after, const QString& path)
        : model_(model), tokens_(std::move(tokens)), before_(std::move(before)), after_(std::move(after)) {
        setText(QObject::tr("Edit %1").arg(path));
    }
    void redo() override { model_->replaceValue(tokens_, after_); }
    void undo() override { model_->replaceValue(tokens_, before_); }

private:
    JsonTreeModel* model_;
    std::vector<std::string> tokens_;
    Json before_, after_;
};

} // namespace

JsonTreeModel::JsonTreeModel(QObject* parent) : QAbstractItemModel(parent), root_(std::make_unique<Node>()) {}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setDocument(const Json& document) {
    beginResetModel();
    document_ = document;
    root_ = std::make_unique<Node>();
    build(*root_, document_);
    endResetModel();
}

void JsonTreeModel::build(Node& node, const Json& value) {
    const auto addChild = [&](const QString& key, const std::string& token, const QString& dotted) {
        auto child = std::make_unique<Node>();
        child->key = key;
        child->tokens = node.tokens;
        child->tokens.push_back(token);
        child->dottedPath = dotted;
        child->parent = &node;
        child->row = static_cast<int>(node.children.size());
        node.children.push_back(std::move(child));
        return node.children.back().get();
    };
    if (value.is_object()) {
        for (auto entry = value.begin(); entry != value.end(); ++entry) {
            const QString key = QString::fromStdString(entry.key());
            const QString dotted = node.dottedPath.isEmpty() ? key : node.dottedPath + "." + key;
            build(*addChild(key, entry.key(), dotted), entry.value());
        }
    } else if (value.is_array()) {
        for (std::size_t index = 0; index < value.size(); ++index) {
            const QString key = QStringLiteral("[%1]").arg(index);
            build(*addChild(key, std::to_string(index), node.dottedPath + key), value[index]);
        }
    }
}

JsonTreeModel::Node* JsonTreeModel::nodeOf(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : root_.get();
}

const Json& JsonTreeModel::valueOf(const Node& node) const { return document_.at(pointerOf(node.tokens)); }

std::optional<schema::Node> JsonTreeModel::schemaOf(const Node& node) const {
    if (!schemaLookup_) return std::nullopt;
    return schemaLookup_(document_, node.tokens);
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex& parent) const {
    const Node* node = nodeOf(parent);
    if (row < 0 || column < 0 || column > 1 || row >= static_cast<int>(node->children.size())) return {};
    return createIndex(row, column, node->children[static_cast<std::size_t>(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex& child) const {
    const Node* node = nodeOf(child);
    if (!child.isValid() || !node->parent || node->parent == root_.get()) return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int JsonTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0) return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex&) const { return 2; }

QVariant JsonTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const Node& node = *nodeOf(index);
    const Json& value = valueOf(node);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == 0 ? node.key : displayText(value);
    case Qt::EditRole:
        if (index.column() != 1) return {};
        if (value.is_boolean()) return value.get<bool>();
        if (value.is_number_integer()) return QVariant::fromValue(value.get<qlonglong>());
        if (value.is_number()) return value.get<double>();
        return displayText(value);
    case Qt::ToolTipRole: {
        const auto described = schemaOf(node);
        if (!described) return node.dottedPath;
        QString tip = QStringLiteral("<b>%1</b>").arg(node.dottedPath.toHtmlEscaped());
        if (!described->description().empty())
            tip += QStringLiteral("<br>%1").arg(QString::fromStdString(described->description()).toHtmlEscaped());
        tip += QStringLiteral("<br><i>%1</i>").arg(QString::fromStdString(described->describeType()).toHtmlEscaped());
        if (!described->defaultValue().is_null())
            tip += QStringLiteral("<br>") + tr("Default: %1").arg(displayText(described->defaultValue()).toHtmlEscaped());
        return tip;
    }
    case Qt::ForegroundRole:
        if (index.column() == 1 && (value.is_object() || value.is_array()))
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (index.column() == 0 && (value.is_object() || value.is_array())) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case PathRole:
        return node.dottedPath;
    case ChoicesRole: {
        const auto described = schemaOf(node);
        if (!described || described->kind() != schema::Kind::Choice) return {};
        QStringList choices;
        for (const auto& choice : described->choices()) choices << QString::fromStdString(choice);
        return choices;
    }
    default:
        return {};
    }
}

std::optional<Json> JsonTreeModel::convert(const Json& original, const QVariant& value) const {
    bool ok = false;
    if (original.is_boolean()) return Json(value.toBool());
    if (original.is_number_integer()) {
        const qlonglong number = value.toLongLong(&ok);
        if (ok) return Json(number);
        const double real = value.toDouble(&ok);
        return ok ? std::optional<Json>(Json(real)) : std::nullopt;
    }
    if (original.is_number()) {
        const double number = value.toDouble(&ok);
        return ok ? std::optional<Json>(Json(number)) : std::nullopt;
    }
    if (original.is_string()) return Json(value.toString().toStdString());
    return std::nullopt;
}

bool JsonTreeModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != 1 || role != Qt::EditRole) return false;
    const Node& node = *nodeOf(index);
    const Json before = valueOf(node);
    const auto after = convert(before, value);
    if (!after || *after == before) return false;
    if (undoStack_) undoStack_->push(new SetValueCommand(this, node.tokens, before, *after, node.dottedPath));
    else replaceValue(node.tokens, *after);
    return true;
}

void JsonTreeModel::replaceValue(const std::vector<std::string>& tokens, const Json& value) {
    document_.at(pointerOf(tokens)) = value;
    const Node* node = root_.get();
    for (const auto& token : tokens) {
        const auto found = std::find_if(node->children.begin(), node->children.end(),
                                        [&](const auto& child) { return child->tokens.back() == token; });
        if (found == node->children.end()) break;
        node = found->get();
    }
    if (node != root_.get()) {
        const QModelIndex changed = createIndex(node->row, 1, const_cast<Node*>(node));
        Q_EMIT dataChanged(changed, changed);
    }
    Q_EMIT documentEdited();
}

Qt::ItemFlags JsonTreeModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Json& value = valueOf(*nodeOf(index));
    if (editable_ && index.column() == 1 && !value.is_structured() && !value.is_null()) result |= Qt::ItemIsEditable;
    return result;
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == 0 ? tr("Setting") : tr("Value");
}

QModelIndex JsonTreeModel::indexForPath(const QString& path) const {
    const Node* best = nullptr;
    std::vector<const Node*> pending = {root_.get()};
    while (!pending.empty()) {
        const Node* node = pending.back();
        pending.pop_back();
        for (const auto& child : node->children) {
            const QString& candidate = child->dottedPath;
            const bool prefix = path == candidate || path.startsWith(candidate + ".") || path.startsWith(candidate + "[");
            if (!prefix) continue;
            best = child.get();
            pending.push_back(child.get());
        }
    }
    return best ? createIndex(best->row, 0, const_cast<Node*>(best)) : QModelIndex();
}

} // namespace edgesmith::widgets
