#include "widgets/project_panel.h"

#include "core/project/project.h"
#include "widgets/json_tree_model.h"
#include "widgets/json_value_delegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace edgesmith::widgets {

ProjectPanel::ProjectPanel(QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent), model_(new JsonTreeModel(this)), tree_(new QTreeView), problems_(new QListWidget),
      problemsTitle_(new QLabel) {
    model_->setUndoStack(undoStack);
    model_->setSchemaLookup(&Project::schemaAt);
    tree_->setModel(model_);
    tree_->setItemDelegate(new JsonValueDelegate(tree_));
    tree_->setAlternatingRowColors(true);
    tree_->setUniformRowHeights(true);
    tree_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::SelectedClicked);
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(true);
    tree_->setObjectName("projectTree");
    problems_->setObjectName("problemList");
    problems_->setWordWrap(true);
    problems_->setAlternatingRowColors(true);

    auto* problemsBox = new QWidget;
    auto* problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->setContentsMargins(0, 4, 0, 0);
    problemsLayout->addWidget(problemsTitle_);
    problemsLayout->addWidget(problems_);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(tree_);
    splitter->addWidget(problemsBox);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(model_, &JsonTreeModel::documentEdited, this, &ProjectPanel::documentEdited);
    connect(problems_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { revealPath(item->data(Qt::UserRole).toString()); });
    connect(problems_, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { revealPath(item->data(Qt::UserRole).toString()); });
    setDiagnostics({});
}

void ProjectPanel::setDocument(const Json& document) {
    model_->setDocument(document);
    tree_->expandToDepth(0);
    tree_->resizeColumnToContents(0);
}

const Json& ProjectPanel::document() const { return model_->document(); }

void ProjectPanel::setDiagnostics(const std::vector<Diagnostic>& diagnostics) {
    problems_->clear();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const auto& diagnostic : diagnostics) {
        const QString path = QString::fromStdString(diagnostic.path);
        const QString message = QString::fromStdString(diagnostic.message);
        auto* item = new QListWidgetItem(warning, path.isEmpty() ? message : path + ": " + message);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QString::fromStdString(diagnostic.text()));
        problems_->addItem(item);
    }
    problemsTitle_->setText(diagnostics.empty() ? tr("No problems: the project is valid.")
                                                : tr("%n problem(s) — nothing is saved until they are fixed:", nullptr,
                                                     static_cast<int>(diagnostics.size())));
    problems_->setVisible(!diagnostics.empty());
}

int ProjectPanel::diagnosticCount() const { return problems_->count(); }

void ProjectPanel::revealPath(const QString& path) {
    const QModelIndex index = model_->indexForPath(path);
    if (!index.isValid()) return;
    tree_->scrollTo(index);
    tree_->setCurrentIndex(index);
}

} // namespace edgesmith::widgets
