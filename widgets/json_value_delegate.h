#pragma once
#include <QStyledItemDelegate>

namespace edgesmith::widgets {

// Offers a drop-down of the allowed values for fields the schema declares as a choice
// (strategy name, optimizer, ...) and Qt's typed editors for everything else.
class JsonValueDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace edgesmith::widgets
