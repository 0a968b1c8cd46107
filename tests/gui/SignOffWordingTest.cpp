#include "GuiTestSupport.h"
#include "PdfReportWriter.h"
#include "export/ReportWriter.h"
#include "models/SignOffModel.h"
#include "scoring/ItemRules.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

namespace {

void collectLeaves(const std::vector<Item> &items, std::vector<Store::ItemEdit> &edits)
{
    Store::ItemPatch done;
    done.status = ItemStatus::Done;
    for (const Item &item : items) {
        if (statusIsSettable(itemKind(item)))
            edits.push_back({ item.id, done });
        collectLeaves(item.children, edits);
    }
}

// Every leaf and manual summary item done: with no risks, the verdict is Ready for Production.
void completeReview(Store &store, qint64 projectId, const Template &tmpl)
{
    std::vector<Store::ItemEdit> edits;
    for (const Category &category : tmpl.categories) {
        for (const Section &section : category.sections)
            collectLeaves(section.items, edits);
    }
    Store::ItemPatch done;
    done.status = ItemStatus::Done;
    for (const SummaryGroup &group : tmpl.summary) {
        for (const SummaryItem &item : group.items) {
            if (statusIsSettable(itemKind(item)))
                edits.push_back({ item.id, done });
        }
    }
    store.setItems(projectId, edits);
}

QString squeezed(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\s+")));
    return text;
}

QString pdfText(const QByteArray &pdf)
{
    QTemporaryFile file;
    REQUIRE(file.open());
    file.write(pdf);
    file.flush();
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"),
                    { QStringLiteral("-raw"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), file.fileName(),
                      QStringLiteral("-") });
    REQUIRE(pdftotext.waitForFinished(30000));
    INFO(pdftotext.readAllStandardError().toStdString());
    REQUIRE(pdftotext.exitCode() == 0);
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

// What the window, the Markdown report and the PDF say about the first role's sign-off.
struct Wordings
{
    QString window;
    QString markdownRow;
    QString pdf;
};

Wordings wordings(ProjectSession &session, const QString &role)
{
    SignOffModel model;
    model.setSession(&session);
    REQUIRE(model.index(0, SignOffModel::RoleColumn).data().toString() == role);
    const ReportInput input { session.tmpl(),
                              session.state(),
                              session.assessment(),
                              QDate::currentDate(),
                              QDateTime::currentDateTimeUtc(),
                              QStringLiteral("tester"),
                              session.store().auditHead() };
    const QString markdown = QString::fromUtf8(makeTextReportWriter(ReportFormat::Markdown)->write(input));
    QString row;
    for (const QString &line : markdown.split(u'\n')) {
        if (line.startsWith(QStringLiteral("| ") + role + QStringLiteral(" |")))
            row = line;
    }
    return { model.index(0, SignOffModel::StateColumn).data().toString(), row,
             squeezed(pdfText(PdfReportWriter(QPageSize::A4).write(input))) };
}

void signFirstRole(ProjectSession &session, Decision decision)
{
    SignOff signoff;
    signoff.role = session.tmpl().signoffRoles.at(0);
    signoff.name = QStringLiteral("Dana");
    signoff.decision = decision;
    session.signOff(signoff);
}

void requireAgreement(ProjectSession &session, const QString &expected)
{
    const QString role = session.tmpl().signoffRoles.at(0);
    const Wordings said = wordings(session, role);
    CHECK(said.window == expected);
    CHECK(said.markdownRow.contains(QStringLiteral(" | ") + expected + QStringLiteral(" | ")));
    // The PDF's row, read as drawn: role, name, decision, date, then the standing. It used to say
    // "Current" for every signature that was not stale, whether it counted or not.
    const QRegularExpression row(QRegularExpression::escape(squeezed(role + QStringLiteral(" Dana Approve with risks")))
                                 + QStringLiteral("\\d{4}-\\d{2}-\\d{2}\\d{2}:\\d{2}UTC(.*)"));
    const QRegularExpressionMatch match = row.match(said.pdf);
    REQUIRE(match.hasMatch());
    INFO(match.captured(1).left(80).toStdString());
    // No comment was given, so the next role's row follows the standing directly.
    CHECK(match.captured(1).startsWith(squeezed(expected + session.tmpl().signoffRoles.at(1))));
}

} // namespace

TEST_CASE_METHOD(OpenSession, "An approval with risks reads the same in the window, the Markdown and the PDF",
                 "[gui][signoff][wording]")
{
    const QString onlyWithRisks = QStringLiteral("Counts only when the verdict is Ready with Risks");
    SECTION("under Not Ready it does not count")
    {
        signFirstRole(*session, Decision::ApproveWithRisks);
        REQUIRE(session->assessment().verdict == Verdict::NotReady);
        REQUIRE(session->assessment().signoffs.at(0).standing == SignOffStanding::ApprovedWithRisksOnly);
        requireAgreement(*session, onlyWithRisks);
    }
    SECTION("under Ready for Production it does not count either")
    {
        completeReview(workspace.store(), project.id, session->tmpl());
        session->reload();
        signFirstRole(*session, Decision::ApproveWithRisks);
        REQUIRE(session->assessment().verdict == Verdict::Ready);
        REQUIRE_FALSE(session->assessment().signoffs.at(0).counts);
        requireAgreement(*session, onlyWithRisks);
    }
    SECTION("under Ready with Risks it counts")
    {
        completeReview(workspace.store(), project.id, session->tmpl());
        Risk accepted;
        accepted.title = QStringLiteral("Single region");
        accepted.severity = Severity::Low;
        accepted.status = RiskStatus::Accepted;
        workspace.store().addRisk(project.id, accepted);
        session->reload();
        signFirstRole(*session, Decision::ApproveWithRisks);
        REQUIRE(session->assessment().verdict == Verdict::ReadyWithRisks);
        REQUIRE(session->assessment().signoffs.at(0).counts);
        requireAgreement(*session, QStringLiteral("Counts"));
    }
}
