#pragma once

#include "model/Project.h"

#include <QDialog>

#include <memory>

namespace Ui {
class NewProjectDialog;
}

namespace preflight::gui {

class Workspace;

// Name, template, optional target date and applicability profile (the template's tags as check
// boxes) for a new review. Refuses (with the reason shown)
// an empty name or one already used in this database, before the store would.
class NewProjectDialog : public QDialog
{
    Q_OBJECT

public:
    NewProjectDialog(const Workspace &workspace, const QString &templateId, QWidget *parent = nullptr);
    ~NewProjectDialog() override;
    Project draft() const;
    void setName(const QString &name);

private:
    void validate();

    std::unique_ptr<Ui::NewProjectDialog> ui;
    const Workspace &m_workspace;
};

} // namespace preflight::gui
