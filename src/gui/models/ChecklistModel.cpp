#include "ChecklistModel.h"

#include "Appearance.h"
#include "AssessmentLabels.h"
#include "ProjectSession.h"
#include "scoring/EffectiveStatus.h"
#include "scoring/ItemRules.h"

#include <QFont>
#include <QGuiApplication>
#include <QRegularExpression>

#include <algorithm>

namespace preflight::gui {

struct ChecklistModel::Node
{
    Kind kind = Kind::Category;
    QString id;
    QString title;
    const Category *category = nullptr; // the category this row belongs to (none for summary rows)
    const SummaryItem *summary = nullptr;
    const Item *item = nullptr;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(Kind childKind, const QString &childId, const QString &childTitle, const Category *childCategory)
    {
        auto child = std::make_unique<Node>();
        child->kind = childKind;
        child->id = childId;
        child->title = childTitle;
        child->category = childCategory;
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

void addItems(ChecklistModel::Kind kind, const std::vector<Item> &items, auto *parent, const Category *category)
{
    for (const Item &item : items) {
        auto *node = parent->add(kind, item.id, plainText(item.text), category);
        node->item = &item;
        addItems(kind, item.children, node, category);
    }
}

} // namespace

QString plainText(const QString &inlineMarkdown)
{
    static const QRegularExpression markers(QStringLiteral("(\\*\\*|__|`)"));
    // Appendix A marks severities with coloured-circle emoji ("All 🔴 critical items"); many
    // desktop fonts lack them and draw empty boxes, and the tree shows severity by colour anyway.
    static const QRegularExpression severityEmoji(
        QStringLiteral("\\s*\\(?[\\x{1F534}\\x{1F7E0}\\x{1F7E1}\\x{1F7E2}]\\)?"));
    // Most texts hold neither a marker nor an emoji (outside the BMP, so a surrogate pair in
    // UTF-16): skip the two expression passes for those, they were a visible part of building the
    // checklist at startup.
    const bool mayHaveMarkup = std::any_of(inlineMarkdown.cbegin(), inlineMarkdown.cend(), [](QChar c) {
        return c == u'*' || c == u'_' || c == u'`' || c.isSurrogate();
    });
    if (!mayHaveMarkup)
        return inlineMarkdown;
    QString text = inlineMarkdown;
    return text.remove(markers).remove(severityEmoji);
}

ChecklistModel::ChecklistModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

ChecklistModel::~ChecklistModel() = default;

void ChecklistModel::setSession(ProjectSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    beginResetModel();
    m_session = session;
    rebuild();
    endResetModel();
    if (m_session) {
        connect(m_session, &ProjectSession::stateChanged, this, &ChecklistModel::refreshState);
        connect(m_session, &ProjectSession::templateChanged, this, &ChecklistModel::resetTemplate);
    }
}

void ChecklistModel::resetTemplate()
{
    beginResetModel();
    rebuild();
    endResetModel();
}

void ChecklistModel::rebuild()
{
    m_root = std::make_unique<Node>();
    if (!m_session)
        return;
    const Template &tmpl = m_session->tmpl();
    for (const SummaryGroup &group : tmpl.summary) {
        Node *groupNode = m_root->add(Kind::SummaryGroup, group.id, group.title, nullptr);
        for (const SummaryItem &item : group.items)
            groupNode->add(Kind::SummaryItem, item.id, plainText(item.text), nullptr)->summary = &item;
    }
    for (const Category &category : tmpl.categories) {
        const QString title = tr("%1. %2").arg(category.number).arg(category.title);
        Node *categoryNode = m_root->add(Kind::Category, category.id, title, &category);
        for (const Section &section : category.sections) {
            Node *sectionNode = categoryNode->add(Kind::Section, section.id, section.title, &category);
            addItems(Kind::Item, section.items, sectionNode, &category);
        }
    }
}

void ChecklistModel::refreshState()
{
    emitChanged(*m_root, {});
}

void ChecklistModel::emitChanged(const Node &parent, const QModelIndex &parentIndex)
{
    if (parent.children.empty())
        return;
    const int last = int(parent.children.size()) - 1;
    emit dataChanged(index(0, 0, parentIndex), index(last, ColumnCount - 1, parentIndex));
    for (const auto &child : parent.children)
        emitChanged(*child, index(child->row, 0, parentIndex));
}

QModelIndex ChecklistModel::indexOfId(const QString &id) const
{
    std::vector<const Node *> pending { m_root.get() };
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        if (node != m_root.get() && node->id == id)
            return createIndex(node->row, 0, const_cast<Node *>(node));
        for (const auto &child : node->children)
            pending.push_back(child.get());
    }
    return {};
}

const ChecklistModel::Node *ChecklistModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ChecklistModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *parentNode = nodeOf(parent);
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex ChecklistModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *parentNode = nodeOf(child)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, 0, const_cast<Node *>(parentNode));
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ChecklistModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Item");
    case StatusColumn:
        return tr("Status");
    case OwnerColumn:
        return tr("Owner");
    case ScoreColumn:
        return tr("Score");
    }
    return {};
}

Qt::ItemFlags ChecklistModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const Node *node = nodeOf(index);
    if (!node->children.empty() && index.column() == 0)
        result &= ~Qt::ItemNeverHasChildren;
    // A reader sees the boxes but cannot tick them.
    if (index.column() == TitleColumn && data(index, EditableRole).toBool() && m_session->mayReview())
        result |= Qt::ItemIsUserCheckable;
    return result;
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_session)
        return {};
    const Node &node = *nodeOf(index);
    switch (role) {
    case KindRole:
        return int(node.kind);
    case ItemIdRole:
        return node.id;
    case SeverityRole:
        return node.category ? QVariant(int(node.category->severity)) : QVariant();
    case EditableRole:
        // An item the profile leaves out keeps its stored answer untouched until it returns.
        return statusIsSettable(kindOf(node)) && !outsideProfile(node);
    case OutsideProfileRole:
        return outsideProfile(node);
    case StatusRole:
        return hasStatus(node) ? QVariant(int(statusOf(node))) : QVariant();
    case SearchTextRole:
        return QString(node.title + QLatin1Char(' ') + m_session->state().itemState(node.id).owner);
    case RecheckRole:
        if (const Recheck *flag = recheckOf(node))
            return flag->oldText;
        return {};
    }
    switch (index.column()) {
    case TitleColumn:
        return titleData(node, role);
    case StatusColumn:
        return statusData(node, role);
    case OwnerColumn:
        if (role == Qt::DisplayRole && (node.kind == Kind::Item || node.kind == Kind::SummaryItem))
            return m_session->state().itemState(node.id).owner;
        return {};
    case ScoreColumn:
        return scoreData(node, role);
    }
    return {};
}

QVariant ChecklistModel::titleData(const Node &node, int role) const
{
    const bool heading = node.kind == Kind::Category || node.kind == Kind::SummaryGroup;
    switch (role) {
    case Qt::DisplayRole:
        return node.title;
    case Qt::ToolTipRole:
        if (const Recheck *flag = recheckOf(node))
            return tr("Wording changed in %1 — re-check. Answered as: “%2”")
                .arg(flag->sinceVersion, plainText(flag->oldText));
        return statusData(node, Qt::ToolTipRole);
    case Qt::FontRole:
        if (heading) {
            QFont font = QGuiApplication::font();
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        if (node.kind == Kind::Category)
            return dotIcon(severityColor(node.category->severity));
        if (kindOf(node) == ItemKind::ComputedSummary)
            return themedIcon(QStringLiteral("computed"));
        if (recheckOf(node))
            return themedIcon(QStringLiteral("warning"));
        return {};
    case Qt::ForegroundRole:
        if (node.kind == Kind::Item && statusOf(node) == ItemStatus::NotApplicable)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::CheckStateRole:
        if (node.kind == Kind::Item || node.kind == Kind::SummaryItem) {
            if (kindOf(node) == ItemKind::ComputedSummary) {
                for (const SummaryResult &result : m_session->assessment().summary) {
                    if (result.id == node.id)
                        return result.met ? Qt::Checked : Qt::Unchecked;
                }
                return Qt::Unchecked;
            }
            switch (statusOf(node)) {
            case ItemStatus::Done:
                return Qt::Checked;
            case ItemStatus::NotApplicable:
                return Qt::PartiallyChecked;
            case ItemStatus::Open:
                return Qt::Unchecked;
            }
        }
        return {};
    }
    return {};
}

QVariant ChecklistModel::statusData(const Node &node, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (node.kind == Kind::Category) {
        for (const CategoryScore &score : m_session->assessment().categories) {
            if (score.id == node.id) {
                return tr("%1 of %2 done, %3 N/A")
                    .arg(score.counts.done)
                    .arg(score.counts.total())
                    .arg(score.counts.na);
            }
        }
        return {};
    }
    if (kindOf(node) == ItemKind::ComputedSummary) {
        for (const SummaryResult &result : m_session->assessment().summary) {
            if (result.id != node.id)
                continue;
            return AssessmentLabels::summaryReason(result);
        }
        return {};
    }
    if (node.kind != Kind::Item && node.kind != Kind::SummaryItem)
        return {};
    if (outsideProfile(node))
        return role == Qt::ToolTipRole ? tr("Not in profile — N/A: not in this project's profile; "
                                            "the answer is kept for when the profile includes it again")
                                       : tr("Not in profile");
    const ItemState state = m_session->state().itemState(node.id);
    const QString label = Labels::itemStatus(statusOf(node));
    if (kindOf(node) == ItemKind::Parent)
        return role == Qt::ToolTipRole ? tr("%1 — follows its sub-items").arg(label) : label;
    if (state.status == ItemStatus::NotApplicable && !state.reason.isEmpty())
        return tr("%1 — %2").arg(label, state.reason);
    return label;
}

const Recheck *ChecklistModel::recheckOf(const Node &node) const
{
    if (node.kind != Kind::Item && node.kind != Kind::SummaryItem)
        return nullptr;
    const auto &flags = m_session->state().rechecks;
    const auto flag = flags.find(node.id);
    return flag == flags.end() ? nullptr : &flag->second;
}

ItemKind ChecklistModel::kindOf(const Node &node)
{
    if (node.item)
        return itemKind(*node.item);
    if (node.summary)
        return itemKind(*node.summary);
    return ItemKind::Unknown;
}

bool ChecklistModel::hasStatus(const Node &node) const
{
    // Parents show the status their sub-items give them; computed summary items show met/not met.
    return node.item || kindOf(node) == ItemKind::ManualSummary;
}

bool ChecklistModel::outsideProfile(const Node &node) const
{
    return node.item && m_session->assessment().outsideProfile.contains(node.id);
}

ItemStatus ChecklistModel::statusOf(const Node &node) const
{
    if (outsideProfile(node))
        return ItemStatus::NotApplicable;
    // A parent's status follows its sub-items (scoring's rule); only leaves are set by hand.
    if (node.item)
        return effectiveStatus(*node.item, m_session->state());
    return m_session->state().itemState(node.id).status;
}

QVariant ChecklistModel::scoreData(const Node &node, int role) const
{
    if (node.kind != Kind::Category)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole)
        return QBrush(severityColor(node.category->severity));
    if (role == Qt::FontRole) {
        QFont font = QGuiApplication::font();
        font.setBold(true);
        return font;
    }
    if (role != Qt::DisplayRole)
        return {};
    for (const CategoryScore &score : m_session->assessment().categories) {
        if (score.id == node.id)
            return Labels::score(score.score);
    }
    return {};
}

bool ChecklistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole || !m_session || !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    // The checkbox only toggles done/open; N/A needs a reason and goes through the view's dialog.
    const auto state = static_cast<Qt::CheckState>(value.toInt());
    m_session->setItemStatus(nodeOf(index)->id, state == Qt::Checked ? ItemStatus::Done : ItemStatus::Open);
    return true;
}

} // namespace preflight::gui
