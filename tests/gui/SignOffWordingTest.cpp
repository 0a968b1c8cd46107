#include "GuiTestSupport.h"
#include "PdfReportWriter.h"
#include "export/ReportWriter.h"
#include "models/SignOffModel.h"
#include "scoring/ItemRules.h"

#include <QImage>
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

QByteArray runOnPdf(const QString &tool, const QStringList &options, const QByteArray &pdf, const QStringList &after)
{
    QTemporaryFile file;
    REQUIRE(file.open());
    file.write(pdf);
    file.flush();
    QProcess process;
    process.start(tool, options + QStringList { file.fileName() } + after);
    REQUIRE(process.waitForFinished(30000));
    INFO(process.readAllStandardError().toStdString());
    REQUIRE(process.exitCode() == 0);
    return process.readAllStandardOutput();
}

QString pdfText(const QByteArray &pdf)
{
    return QString::fromUtf8(runOnPdf(QStringLiteral("pdftotext"),
                                      { QStringLiteral("-raw"), QStringLiteral("-enc"), QStringLiteral("UTF-8") }, pdf,
                                      { QStringLiteral("-") }));
}

// The colour the PDF draws `word` in, on the line that starts with `lineWord` (the signer's name in
// the sign-off table): the average of the word's inked pixels, rendered at 2 pixels per point.
QColor wordColorOnLineOf(const QByteArray &pdf, const QString &lineWord, const QString &word)
{
    const QString boxes = QString::fromUtf8(
        runOnPdf(QStringLiteral("pdftotext"), { QStringLiteral("-bbox") }, pdf, { QStringLiteral("-") }));
    static const QRegularExpression pageOrWord(
        QStringLiteral("<page |<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" "
                       "yMax=\"([\\d.]+)\">([^<]*)</word>"));
    int page = 0;
    qreal lineTop = -1; // none yet on this page
    std::optional<QRectF> box;
    for (auto it = pageOrWord.globalMatch(boxes); it.hasNext() && !box;) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(0).startsWith(QStringLiteral("<page"))) {
            ++page;
            lineTop = -1;
            continue;
        }
        const QRectF rect(QPointF(m.captured(1).toDouble(), m.captured(2).toDouble()),
                          QPointF(m.captured(3).toDouble(), m.captured(4).toDouble()));
        if (m.captured(5) == lineWord)
            lineTop = rect.top();
        else if (lineTop >= 0 && m.captured(5) == word && qAbs(rect.top() - lineTop) < 1.0)
            box = rect;
    }
    REQUIRE(box);
    const QByteArray png = runOnPdf(QStringLiteral("pdftoppm"),
                                    { QStringLiteral("-r"), QStringLiteral("144"), QStringLiteral("-f"),
                                      QString::number(page), QStringLiteral("-l"), QString::number(page),
                                      QStringLiteral("-png"), QStringLiteral("-singlefile") },
                                    pdf, {});
    const QImage image = QImage::fromData(png);
    REQUIRE_FALSE(image.isNull());
    const QRect pixels((box->topLeft() * 2).toPoint(), (box->bottomRight() * 2).toPoint());
    qint64 red = 0, green = 0, blue = 0, inked = 0;
    for (int y = pixels.top(); y <= pixels.bottom(); ++y) {
        for (int x = pixels.left(); x <= pixels.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.lightness() > 200)
                continue; // paper and anti-aliased edges
            red += c.red();
            green += c.green();
            blue += c.blue();
            ++inked;
        }
    }
    REQUIRE(inked > 0);
    return QColor(int(red / inked), int(green / inked), int(blue / inked));
}

// What the window, the Markdown report and the PDF say about the first role's sign-off.
struct Wordings
{
    QString window;
    QString markdownRow;
    QString html;
    QString pdf;
    QColor pdfColor; // of the standing's first word
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
    const QByteArray pdf = PdfReportWriter(QPageSize::A4).write(input);
    const QString html = QString::fromUtf8(makeTextReportWriter(ReportFormat::Html)->write(input));
    return { model.index(0, SignOffModel::StateColumn).data().toString(), row, html, squeezed(pdfText(pdf)),
             wordColorOnLineOf(pdf, QStringLiteral("Dana"), QStringLiteral("Counts")) };
}

void signFirstRole(ProjectSession &session, Decision decision)
{
    SignOff signoff;
    signoff.role = session.tmpl().signoffRoles.at(0);
    signoff.name = QStringLiteral("Dana");
    signoff.decision = decision;
    session.signOff(signoff);
}

void requireAgreement(ProjectSession &session, const QString &expected, bool counts)
{
    const QString role = session.tmpl().signoffRoles.at(0);
    const Wordings said = wordings(session, role);
    CHECK(said.window == expected);
    CHECK(said.markdownRow.contains(QStringLiteral(" | ") + expected + QStringLiteral(" | ")));
    CHECK(said.html.contains(QStringLiteral("<span class=\"\">") + expected + QStringLiteral("</span>")));
    // The PDF's row, read as drawn: role, name, decision, date, then the standing. It used to say
    // "Current" for every signature that was not stale, whether it counted or not.
    const QRegularExpression row(QRegularExpression::escape(squeezed(role + QStringLiteral(" Dana Approve with risks")))
                                 + QStringLiteral("\\d{4}-\\d{2}-\\d{2}\\d{2}:\\d{2}UTC(.*)"));
    const QRegularExpressionMatch match = row.match(said.pdf);
    REQUIRE(match.hasMatch());
    INFO(match.captured(1).left(80).toStdString());
    // No comment was given, so the next role's row follows the standing directly.
    CHECK(match.captured(1).startsWith(squeezed(expected + session.tmpl().signoffRoles.at(1))));
    // Green only for a sign-off that counts; the PDF drew this one green while the window said
    // it did not count.
    INFO("colour " << said.pdfColor.name().toStdString());
    if (counts)
        CHECK(said.pdfColor.green() > said.pdfColor.red() + 40);
    else
        CHECK(said.pdfColor.red() > said.pdfColor.green() + 40);
}

} // namespace

TEST_CASE_METHOD(OpenSession, "An approval with risks reads the same in the window, the Markdown, the HTML and the PDF",
                 "[gui][signoff][wording]")
{
    const QString onlyWithRisks = QStringLiteral("Counts only when the verdict is Ready with Risks");
    SECTION("under Not Ready it does not count")
    {
        signFirstRole(*session, Decision::ApproveWithRisks);
        REQUIRE(session->assessment().verdict == Verdict::NotReady);
        REQUIRE(session->assessment().signoffs.at(0).standing == SignOffStanding::ApprovedWithRisksOnly);
        requireAgreement(*session, onlyWithRisks, false);
    }
    SECTION("under Ready for Production it does not count either")
    {
        completeReview(workspace.store(), project.id, session->tmpl());
        session->reload();
        signFirstRole(*session, Decision::ApproveWithRisks);
        REQUIRE(session->assessment().verdict == Verdict::Ready);
        REQUIRE_FALSE(session->assessment().signoffs.at(0).counts);
        requireAgreement(*session, onlyWithRisks, false);
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
        requireAgreement(*session, QStringLiteral("Counts"), true);
    }
}
