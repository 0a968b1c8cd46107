#pragma once

#include "model/Template.h"
#include "templates/MigrationPlan.h"

#include <QDialog>

#include <memory>

namespace Ui {
class TemplateUpdateDialog;
}

namespace preflight::gui {

// The plan of moving a project to a newer version of its template, as `project migrate` prints
// it: answers that carry over, answers flagged for a re-check, answers of removed items, new
// items and stale sign-offs. Apply accepts; the caller migrates (an undoable command).
class TemplateUpdateDialog : public QDialog
{
    Q_OBJECT

public:
    TemplateUpdateDialog(const QString &projectName, const Template &from, const Template &to,
                         const MigrationPlan &plan, QWidget *parent = nullptr);
    ~TemplateUpdateDialog() override;

private:
    std::unique_ptr<Ui::TemplateUpdateDialog> ui;
};

} // namespace preflight::gui
