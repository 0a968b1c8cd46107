#include "models/PortfolioFilterModel.h"

#include "models/PortfolioModel.h"

namespace preflight::gui {

PortfolioFilterModel::PortfolioFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PortfolioModel::SortRole);
    setFilterKeyColumn(-1); // the text may match any column
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void PortfolioFilterModel::setTemplateId(const QString &templateId)
{
    m_templateId = templateId;
    invalidateRowsFilter();
}

void PortfolioFilterModel::setOwner(const QString &owner)
{
    m_owner = owner.trimmed();
    invalidateRowsFilter();
}

void PortfolioFilterModel::setShowArchived(bool show)
{
    m_showArchived = show;
    invalidateRowsFilter();
}

bool PortfolioFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = static_cast<const PortfolioModel *>(sourceModel());
    const PortfolioRow *row = model->row(model->index(sourceRow, 0, sourceParent));
    if (!row)
        return false;
    if (row->project.archived && !m_showArchived)
        return false;
    if (!m_templateId.isEmpty() && row->project.templateId != m_templateId)
        return false;
    if (!m_owner.isEmpty() && !row->owners.contains(m_owner, Qt::CaseInsensitive))
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace preflight::gui
