#include "ChecklistFilterModel.h"

#include "ChecklistModel.h"
#include "model/Project.h"

namespace preflight::gui {

ChecklistFilterModel::ChecklistFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    // Searching for a category's name shows the whole category.
    setAutoAcceptChildRows(true);
    // A state change (ticking an item while "Open" is shown) must re-filter that row at once.
    setDynamicSortFilter(true);
}

void ChecklistFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

void ChecklistFilterModel::setStatusFilter(StatusFilter filter)
{
    if (filter == m_statusFilter)
        return;
    m_statusFilter = filter;
    invalidateFilter();
}

bool ChecklistFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool editable = index.data(ChecklistModel::EditableRole).toBool();
    if (m_statusFilter != StatusFilter::All && !editable)
        return false; // headings and computed rows show up only through a matching child
    if (!matchesStatus(index))
        return false;
    return m_text.isEmpty()
        || index.data(ChecklistModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

bool ChecklistFilterModel::matchesStatus(const QModelIndex &index) const
{
    if (m_statusFilter == StatusFilter::All)
        return true;
    const auto status = static_cast<ItemStatus>(index.data(ChecklistModel::StatusRole).toInt());
    switch (m_statusFilter) {
    case StatusFilter::All:
        return true;
    case StatusFilter::Open:
        return status == ItemStatus::Open;
    case StatusFilter::OpenCritical:
        return status == ItemStatus::Open
            && index.data(ChecklistModel::SeverityRole).toInt() == int(Severity::Critical);
    case StatusFilter::NotApplicable:
        return status == ItemStatus::NotApplicable;
    }
    return true;
}

} // namespace preflight::gui
