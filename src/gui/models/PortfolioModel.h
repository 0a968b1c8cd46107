#pragma once

#include "portfolio/PortfolioReport.h"

#include <QAbstractTableModel>
#include <QPalette>

#include <vector>

namespace preflight::gui {

// The portfolio's rows as a table: fixed columns around one heat-map column per category of the
// rows' templates. Every value is buildPortfolio()'s; the model only translates it.
class PortfolioModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as numbers, so sorting by score or days is numeric
        ProjectIdRole,
        HeatRole, // heatKey() of a category cell
    };
    enum FixedColumn { ProjectColumn, TemplateColumn, VerdictColumn, ScoreColumn, FirstCategoryColumn };

    explicit PortfolioModel(QObject *parent = nullptr);

    void setRows(std::vector<PortfolioRow> rows);
    // Replaces one row in place (a pending row once assessed); its category columns must be those
    // the row had, which they are for a project's own template.
    void setRow(int index, PortfolioRow row);
    const std::vector<PortfolioRow> &rows() const { return m_rows; }
    const PortfolioRow *row(const QModelIndex &index) const;
    int categoryCount() const { return int(m_columns.size()); }
    // The columns after the categories, by what they show.
    int criticalColumn() const { return FirstCategoryColumn + categoryCount(); }
    int risksColumn() const { return criticalColumn() + 1; }
    int signOffsColumn() const { return criticalColumn() + 2; }
    int targetColumn() const { return criticalColumn() + 3; }
    int activityColumn() const { return criticalColumn() + 4; }
    int actorColumn() const { return criticalColumn() + 5; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A heat cell's background for the palette: tints of green, orange and red that keep the
    // text readable on light and dark palettes alike.
    static QColor heatBackground(Heat heat, const QPalette &palette);

private:
    QVariant categoryData(const PortfolioRow &row, int category, int role) const;

    std::vector<PortfolioRow> m_rows;
    std::vector<PortfolioColumn> m_columns;
};

} // namespace preflight::gui
