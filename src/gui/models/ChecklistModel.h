#pragma once

#include "model/Project.h"
#include "model/Template.h"
#include "scoring/ItemRules.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace preflight::gui {

class ProjectSession;

// The checklist of one project as a tree: categories → sections → items → sub-items, followed
// by the template's summary groups. The shape comes from the template version the project
// follows: state changes only emit dataChanged, so selection and expansion survive every edit
// and every reload; only a template migration (or its undo) resets the model.
class ChecklistModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, StatusColumn, OwnerColumn, ScoreColumn, ColumnCount };
    enum class Kind { Category, Section, Item, SummaryGroup, SummaryItem };
    enum Role {
        KindRole = Qt::UserRole + 1,
        ItemIdRole, // template id of the item, summary item, category, section or group
        StatusRole, // ItemStatus as int (a parent's follows its sub-items); items and manual summary items
        SeverityRole, // Severity as int, of the row's category
        EditableRole, // true where a person sets the status: leaf items and manual summary items
        SearchTextRole, // text the filter bar matches
        RecheckRole, // the wording an answer was given to, while a migration flags it for a re-check
        OutsideProfileRole, // true for items the project's profile leaves out (N/A, not editable)
    };

    explicit ChecklistModel(QObject *parent = nullptr);
    ~ChecklistModel() override;

    void setSession(ProjectSession *session);
    ProjectSession *session() const { return m_session; }

    QModelIndex indexOfId(const QString &id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    void rebuild();
    void refreshState();
    void resetTemplate();
    void emitChanged(const Node &parent, const QModelIndex &parentIndex);
    const Node *nodeOf(const QModelIndex &index) const;
    QVariant titleData(const Node &node, int role) const;
    QVariant statusData(const Node &node, int role) const;
    bool outsideProfile(const Node &node) const;
    QVariant scoreData(const Node &node, int role) const;
    static ItemKind kindOf(const Node &node);
    const Recheck *recheckOf(const Node &node) const;
    bool hasStatus(const Node &node) const;
    ItemStatus statusOf(const Node &node) const;

    ProjectSession *m_session = nullptr;
    std::unique_ptr<Node> m_root;
};

// Inline Markdown of the checklist source (`code`, **bold**, _emphasis_) as plain text.
QString plainText(const QString &inlineMarkdown);

} // namespace preflight::gui
