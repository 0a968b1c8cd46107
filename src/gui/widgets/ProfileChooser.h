#pragma once

#include "model/Profile.h"
#include "model/Template.h"

#include <QGroupBox>

#include <vector>

class QCheckBox;
class QGridLayout;
class QLabel;

namespace preflight::gui {

// Picks a project's applicability profile (model/Profile.h) from a template's tags: the group's
// own check box says whether there is a profile at all (unticked: every item applies), and one
// check box per tag says which apply. A live line counts the items that apply. Hidden for a
// template without tags, which has nothing to choose.
class ProfileChooser : public QGroupBox
{
    Q_OBJECT

public:
    explicit ProfileChooser(QWidget *parent = nullptr);

    // Rebuilds the tag boxes; ticks the ones of the current profile that the template still has.
    void setTemplate(const Template &tmpl);
    void setProfile(const Profile &profile);
    Profile profile() const;

    QCheckBox *tagBox(const QString &tag) const; // nullptr for a tag the template does not carry

signals:
    void profileChanged();

private:
    void updateSummary();

    QGridLayout *m_grid;
    QLabel *m_summary;
    std::vector<QCheckBox *> m_boxes;
    Template m_template;
};

} // namespace preflight::gui
