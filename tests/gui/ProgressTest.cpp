#include "dashboard/Progress.h"

#include "GuiTestSupport.h"
#include "ProjectSession.h"
#include "Workspace.h"

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

TEST_CASE_METHOD(OpenSession, "Progress over time replays the audit trail's status changes", "[gui][dashboard]")
{
    session->setItemStatus(styleGuideItem, ItemStatus::Done);
    session->setItemStatus(typeHintsItem, ItemStatus::NotApplicable, QStringLiteral("Go service"));
    session->setItemText(typeHintsItem, ItemTextField::Note, QStringLiteral("not a status change"));
    session->setItemStatus(styleGuideItem, ItemStatus::Open);

    const std::vector<ProgressPoint> points
        = progressOverTime(session->tmpl(), session->state(), workspace.store().history(project.id));
    REQUIRE(points.size() == 4); // creation plus three status changes
    const double oneItem = 100.0 / session->tmpl().itemCount();
    CHECK(points[0].completion == 0.0);
    CHECK(points[1].completion == Approx(oneItem));
    CHECK(points[2].completion == Approx(2 * oneItem));
    CHECK(points[3].completion == Approx(oneItem));
    // The last point is the project as it stands: same score as the live assessment.
    REQUIRE(points[3].score.has_value() == session->assessment().score.has_value());
    if (points[3].score)
        CHECK(*points[3].score == Approx(*session->assessment().score));

    const std::vector<ProgressPoint> thinned
        = progressOverTime(session->tmpl(), session->state(), workspace.store().history(project.id), 3);
    CHECK(thinned.size() <= 3);
    CHECK(thinned.back().completion == Approx(oneItem));
}
