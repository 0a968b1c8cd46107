#include "ProfileChooser.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace preflight::gui {

namespace {

constexpr int TagColumns = 4;

void countItems(const std::vector<Item> &items, const Profile &profile, bool parentOutside, int &applying, int &all)
{
    for (const Item &item : items) {
        const bool outside = parentOutside || !itemApplies(item.tags, profile);
        ++all;
        applying += outside ? 0 : 1;
        countItems(item.children, profile, outside, applying, all);
    }
}

} // namespace

ProfileChooser::ProfileChooser(QWidget *parent)
    : QGroupBox(parent)
    , m_grid(new QGridLayout)
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("profileChooser"));
    setTitle(tr("Only items for these kinds of project (profile)"));
    setCheckable(true);
    setChecked(false);
    setToolTip(tr("Items tagged for other kinds of project count as N/A: “not in this project's profile”. Their "
                  "answers are kept and return when the profile includes them again. Untagged items always apply."));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_grid);
    m_summary->setObjectName(QStringLiteral("profileSummary"));
    layout->addWidget(m_summary);
    connect(this, &QGroupBox::toggled, this, [this] {
        updateSummary();
        emit profileChanged();
    });
}

void ProfileChooser::setTemplate(const Template &tmpl)
{
    const Profile before = profile();
    m_template = tmpl;
    qDeleteAll(m_boxes);
    m_boxes.clear();
    const QStringList tags = templateTags(tmpl);
    for (const QString &tag : tags) {
        auto *box = new QCheckBox(tag, this);
        box->setObjectName(QStringLiteral("tag-") + tag);
        box->setProperty("tag", tag); // the text may gain a mnemonic '&' from the style
        box->setChecked(before && before->contains(tag));
        connect(box, &QCheckBox::toggled, this, [this] {
            updateSummary();
            emit profileChanged();
        });
        const int index = int(m_boxes.size());
        m_grid->addWidget(box, index / TagColumns, index % TagColumns);
        m_boxes.push_back(box);
    }
    setVisible(!tags.isEmpty());
    if (tags.isEmpty())
        setChecked(false);
    updateSummary();
}

void ProfileChooser::setProfile(const Profile &profile)
{
    const QSignalBlocker blocker(this);
    setChecked(profile.has_value());
    for (QCheckBox *box : m_boxes) {
        const QSignalBlocker boxBlocker(box);
        box->setChecked(profile && profile->contains(box->property("tag").toString()));
    }
    updateSummary();
}

Profile ProfileChooser::profile() const
{
    if (!isChecked())
        return std::nullopt;
    QStringList tags;
    for (const QCheckBox *box : m_boxes) {
        if (box->isChecked())
            tags << box->property("tag").toString();
    }
    return tags;
}

QCheckBox *ProfileChooser::tagBox(const QString &tag) const
{
    for (QCheckBox *box : m_boxes) {
        if (box->property("tag").toString() == tag)
            return box;
    }
    return nullptr;
}

void ProfileChooser::updateSummary()
{
    int applying = 0;
    int all = 0;
    const Profile chosen = profile();
    for (const Category &category : m_template.categories) {
        for (const Section &section : category.sections)
            countItems(section.items, chosen, false, applying, all);
    }
    m_summary->setText(
        chosen ? tr("%1 of %2 items apply; the other %3 count as N/A.").arg(applying).arg(all).arg(all - applying)
               : tr("Every item applies (no profile)."));
}

} // namespace preflight::gui
