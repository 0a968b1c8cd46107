#pragma once

#include <QDate>
#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QTreeWidget;
QT_END_NAMESPACE

namespace Ui {
class ChangesPanel;
}

namespace preflight {
struct ReviewDiff;
}

namespace preflight::gui {

class ProjectSession;

// "What changed since the last meeting" for the open project: the review replayed from its audit
// trail to the start of the chosen day and compared with now (diffOverTime, as `preflight diff`).
class ChangesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChangesPanel(QWidget *parent = nullptr);
    ~ChangesPanel() override;

    void setSession(ProjectSession *session);
    void setSince(const QDate &date);
    QDate since() const;
    QTreeWidget *tree() const;

private:
    void refresh();
    void showDiff(const ReviewDiff &diff);

    std::unique_ptr<Ui::ChangesPanel> ui;
    ProjectSession *m_session = nullptr;
};

} // namespace preflight::gui
