#pragma once
#include "core/common/json.h"
#include "core/project/schema.h"

#include <QAbstractItemModel>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace edgesmith::widgets {

// A JSON document as a two-column tree (key, value). Scalar values are editable; every
// edit goes through the undo stack, so Edit → Undo reverts it. An optional schema lookup
// supplies tooltips and the choices offered by the editor.
class JsonTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    using SchemaLookup = std::function<std::optional<schema::Node>(const Json&, const std::vector<std::string>&)>;
    enum Role { PathRole = Qt::UserRole + 1, ChoicesRole };

    explicit JsonTreeModel(QObject* parent = nullptr);
    ~JsonTreeModel() override;

    void setDocument(const Json& document);
    const Json& document() const { return document_; }
    void setEditable(bool editable) { editable_ = editable; }
    void setUndoStack(QUndoStack* stack) { undoStack_ = stack; }
    void setSchemaLookup(SchemaLookup lookup) { schemaLookup_ = std::move(lookup); }

    // The index of a diagnostic path such as `strategy.params.population` or
    // `objectives[1].metric`, or of its nearest existing ancestor.
    QModelIndex indexForPath(const QString& path) const;

    // Replaces the value at `tokens` (used by the undo commands); structure must match.
    void replaceValue(const std::vector<std::string>& tokens, const Json& value);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void documentEdited();

private:
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;
    const Json& valueOf(const Node& node) const;
    void build(Node& node, const Json& value);
    std::optional<Json> convert(const Json& original, const QVariant& value) const;
    std::optional<schema::Node> schemaOf(const Node& node) const;

    Json document_;
    std::unique_ptr<Node> root_;
    bool editable_ = true;
    QUndoStack* undoStack_ = nullptr;
    SchemaLookup schemaLookup_;
};

} // namespace edgesmith::widgets
