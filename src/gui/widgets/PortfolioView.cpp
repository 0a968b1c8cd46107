#include "widgets/PortfolioView.h"

#include "Appearance.h"
#include "Error.h"
#include "Workspace.h"
#include "models/PortfolioFilterModel.h"
#include "models/PortfolioModel.h"
#include "portfolio/Portfolio.h"
#include "ui_PortfolioView.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <numeric>

namespace preflight::gui {

PortfolioView::PortfolioView(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::PortfolioView>())
    , m_model(new PortfolioModel(this))
    , m_filter(new PortfolioFilterModel(this))
{
    ui->setupUi(this);
    addClearButton(ui->filterEdit);
    m_filter->setSourceModel(m_model);
    ui->table->setModel(m_filter);
    ui->table->verticalHeader()->hide();
    ui->table->horizontalHeader()->setSectionsMovable(true);
    // Fitting the columns to a thousand rows' text laid every cell out twice, a fifth of showing
    // the portfolio; the rows in view and a hundred more give the same widths in practice.
    ui->table->horizontalHeader()->setResizeContentsPrecision(100);
    ui->table->sortByColumn(PortfolioModel::ProjectColumn, Qt::AscendingOrder);
    ui->templateCombo->addItem(tr("All templates"), QString());

    connect(ui->filterEdit, &QLineEdit::textChanged, m_filter, &PortfolioFilterModel::setFilterFixedString);
    connect(ui->archivedCheck, &QCheckBox::toggled, m_filter, &PortfolioFilterModel::setShowArchived);
    connect(ui->templateCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setTemplateId(ui->templateCombo->currentData().toString()); });
    connect(ui->ownerEdit, &QLineEdit::textChanged, this, &PortfolioView::updateOwner);
    connect(ui->mineCheck, &QCheckBox::toggled, this, &PortfolioView::updateOwner);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &PortfolioView::updateSummary);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &PortfolioView::updateSummary);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &PortfolioView::updateSummary);
    // A click opens the project, as in the project list; Enter does the same from the keyboard.
    const auto open = [this](const QModelIndex &index) {
        if (index.isValid())
            emit projectActivated(index.data(PortfolioModel::ProjectIdRole).toLongLong());
    };
    connect(ui->table, &QTableView::clicked, this, open);
    connect(ui->table, &QTableView::activated, this, open);
}

PortfolioView::~PortfolioView() = default;

QTableView *PortfolioView::table() const
{
    return ui->table;
}

void PortfolioView::refresh(Workspace &workspace, const QDate &today)
{
    m_workspace = &workspace;
    m_today = today;
    m_me = workspace.store().actor();
    ui->mineCheck->setToolTip(tr("Only projects with items or risks owned by %1").arg(m_me));
    m_projects = workspace.store().projects();
    m_byId.resize(m_projects.size());
    std::iota(m_byId.begin(), m_byId.end(), std::size_t(0));
    std::sort(m_byId.begin(), m_byId.end(),
              [this](std::size_t a, std::size_t b) { return m_projects[a].id < m_projects[b].id; });
    m_next = 0;
    std::vector<PortfolioRow> rows;
    rows.reserve(m_projects.size());
    for (const Project &project : m_projects) {
        try {
            rows.push_back(pendingPortfolioRow(*resolveTemplate(workspace.store(), workspace.templates(), project),
                                               project, today));
        } catch (const Error &) {
            // No template to list its columns by: assessing it right away words the problem.
            rows.push_back(assessPortfolioRow(workspace.store(), workspace.templates(), project, today));
        }
    }
    m_model->setRows(std::move(rows));
    updateTemplates();
    ui->table->resizeColumnsToContents();
    updateSummary();
    QTimer::singleShot(0, this, [this, generation = ++m_generation] { assessSome(generation); });
}

void PortfolioView::assessSome(int generation)
{
    if (generation != m_generation || !m_workspace)
        return;
    // A slice short enough that input and painting between two slices stay smooth.
    constexpr qint64 SliceMs = 25;
    QElapsedTimer slice;
    slice.start();
    while (m_next < m_byId.size() && slice.elapsed() < SliceMs) {
        // A few projects of nearby ids per step: the store reads them together in a few queries,
        // and one step stays well inside the slice.
        constexpr std::size_t Step = 20;
        const std::size_t end = std::min(m_byId.size(), m_next + Step);
        std::vector<Project> projects;
        for (std::size_t i = m_next; i < end; ++i)
            projects.push_back(m_projects[m_byId[i]]);
        std::vector<PortfolioRow> rows
            = assessPortfolioRows(m_workspace->store(), m_workspace->templates(), projects, m_today);
        for (std::size_t i = m_next; i < end; ++i)
            m_model->setRow(int(m_byId[i]), std::move(rows[i - m_next]));
        m_next = end;
    }
    if (m_next < m_projects.size())
        QTimer::singleShot(0, this, [this, generation] { assessSome(generation); });
    else
        ui->table->resizeColumnsToContents();
}

void PortfolioView::updateTemplates()
{
    const QString current = ui->templateCombo->currentData().toString();
    QSignalBlocker blocker(ui->templateCombo);
    while (ui->templateCombo->count() > 1)
        ui->templateCombo->removeItem(1);
    QSet<QString> seen;
    for (const PortfolioRow &row : m_model->rows()) {
        if (row.project.templateId.isEmpty() || seen.contains(row.project.templateId))
            continue;
        seen.insert(row.project.templateId);
        ui->templateCombo->addItem(row.templateTitle.isEmpty() ? row.project.templateId : row.templateTitle,
                                   row.project.templateId);
    }
    const int index = ui->templateCombo->findData(current);
    ui->templateCombo->setCurrentIndex(index < 0 ? 0 : index);
    m_filter->setTemplateId(ui->templateCombo->currentData().toString());
}

void PortfolioView::updateOwner()
{
    ui->ownerEdit->setEnabled(!ui->mineCheck->isChecked());
    m_filter->setOwner(ui->mineCheck->isChecked() ? m_me : ui->ownerEdit->text());
}

void PortfolioView::updateSummary()
{
    ui->summaryLabel->setText(tr("%1 of %n project(s) shown", nullptr, m_model->rowCount()).arg(m_filter->rowCount()));
}

} // namespace preflight::gui
