#pragma once

#include <QSortFilterProxyModel>

namespace preflight::gui {

// The checklist filter bar: free text plus a status filter. Headings stay visible while any
// row beneath them matches (recursive filtering), so a match is always shown in context.
class ChecklistFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class StatusFilter { All, Open, OpenCritical, NotApplicable };

    explicit ChecklistFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_statusFilter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool matchesStatus(const QModelIndex &index) const;

    QString m_text;
    StatusFilter m_statusFilter = StatusFilter::All;
};

} // namespace preflight::gui
