#pragma once

#include "model/Profile.h"
#include "model/Template.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ProfileDialog;
}

namespace preflight::gui {

class ProfileChooser;

// Changes an open project's applicability profile (Project menu → Profile…). The dialog only
// chooses; the caller applies the choice as one undoable edit.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    ProfileDialog(const Template &tmpl, const Profile &profile, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    Profile profile() const;
    ProfileChooser *chooser() const;

private:
    std::unique_ptr<Ui::ProfileDialog> ui;
};

} // namespace preflight::gui
