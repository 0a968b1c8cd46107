#pragma once

#include <QSortFilterProxyModel>

namespace preflight::gui {

// Sorts the portfolio by any column (numerically where the column is a number) and keeps the
// rows that match: the text in any column, the template, an owner of items or risks, and
// archived projects only when asked for.
class PortfolioFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit PortfolioFilterModel(QObject *parent = nullptr);

    void setTemplateId(const QString &templateId); // empty: every template
    void setOwner(const QString &owner); // empty: anyone's
    void setShowArchived(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_templateId;
    QString m_owner;
    bool m_showArchived = false;
};

} // namespace preflight::gui
