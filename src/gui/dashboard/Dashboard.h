#pragma once

#include <QWidget>

namespace preflight::gui {

class ProjectSession;

// The dashboard as the rest of the GUI sees it. Qt Charts is deprecated from Qt 6.10, so every
// chart type stays behind this interface (see createDashboard) and can be swapped for Qt Graphs
// without touching the views.
class Dashboard : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;
    // Follows the session's state: charts update on every change while visible, and on showing.
    virtual void setSession(ProjectSession *session) = 0;
};

Dashboard *createDashboard(QWidget *parent = nullptr);

} // namespace preflight::gui
