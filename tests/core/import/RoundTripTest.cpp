// A project exported as Markdown and imported again has the same template, item states, N/A
// reasons, notes, dates and risks, and exporting it again gives the same Markdown, byte for byte.

#include "export/MarkdownWriter.h"
#include "import/MarkdownImport.h"
#include "import/ProjectImport.h"
#include "scoring/Assessment.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::import;

namespace {

const QDate ReviewDate(2026, 11, 25);

QByteArray exportMarkdown(Store &store, const Template &tmpl, qint64 projectId)
{
    const ProjectState state = store.loadState(projectId);
    const Assessment assessment = assess(tmpl, state, ReviewDate);
    // Fixed generation details: only the review itself may differ between the two exports.
    const ReportInput input { tmpl,
                              state,
                              assessment,
                              ReviewDate,
                              QDateTime(ReviewDate, QTime(12, 0), Qt::UTC),
                              QStringLiteral("tester"),
                              QStringLiteral("0000") };
    return MarkdownWriter().write(input);
}

void setItem(Store &store, qint64 project, const char *id, ItemStatus status, const QString &reason = {},
             const QString &note = {}, const QString &owner = {}, const QString &evidence = {})
{
    Store::ItemPatch patch;
    patch.status = status;
    patch.reason = reason;
    patch.note = note;
    patch.owner = owner;
    patch.evidence = evidence;
    store.setItem(project, QString::fromLatin1(id), patch);
}

} // namespace

TEST_CASE("Markdown report → import → report gives the same review", "[import][roundtrip]")
{
    QTemporaryDir dir;
    TemplateRegistry registry;
    const Template &appendix = *registry.find(QStringLiteral("appendix-a"));

    auto original = Store::open(dir.filePath(QStringLiteral("a.db")), QStringLiteral("tester"));
    Project draft;
    draft.name = QStringLiteral("Checkout | v2");
    draft.description = QStringLiteral("Payments *service*\nsecond line with `code`");
    draft.templateId = appendix.id;
    draft.templateVersion = appendix.version;
    draft.targetDate = QDate(2026, 12, 1);
    draft.notes = QStringLiteral("# not a heading\n- not an item\n\nA | pipe, <b>html</b> & 🔴 emoji\n  indented");
    const qint64 a = original->createProject(draft, appendix).id;
    setItem(*original, a, "code-quality.code-standards.all-code-follows-style-guide", ItemStatus::Done, {},
            QStringLiteral("checked by **CI**\nsee [x] box"), QStringLiteral("Ana Müller"),
            QStringLiteral("https://ci.example.org/run/42"));
    setItem(*original, a, "compliance.security-compliance.pci-dss", ItemStatus::NotApplicable,
            QStringLiteral("no card data — ~~ever~~ | \\ `x`\nsecond line"));
    setItem(*original, a, "monitoring-and-alerting.alert-configuration.critical-alerts-configured.agent-down",
            ItemStatus::Done);
    setItem(*original, a, "monitoring-and-alerting.alert-configuration.warning-alerts-configured.low-cache-hit-rate",
            ItemStatus::NotApplicable, QStringLiteral("no cache"));
    setItem(*original, a, "executive-summary.rollback-plan-tested", ItemStatus::Done, {},
            QStringLiteral("drill on Monday"));
    setItem(*original, a, "testing.unit-tests.edge-cases-covered", ItemStatus::Open, {}, QStringLiteral("half done"),
            QStringLiteral("Bo"));
    Risk outage;
    outage.title = QStringLiteral("Vendor | outage *big* & <b>");
    outage.severity = Severity::Critical;
    outage.mitigation = QStringLiteral("second provider\nand a runbook");
    outage.owner = QStringLiteral("Ops — Ana");
    outage.status = RiskStatus::Accepted;
    outage.acceptedBy = QStringLiteral("Bo Berg");
    outage.acceptedUntil = QDate(2026, 12, 31);
    outage.linkedItems = { QStringLiteral("code-quality.code-standards.all-code-follows-style-guide"),
                           QStringLiteral("testing.unit-tests.edge-cases-covered") };
    original->addRisk(a, outage);
    Risk drift;
    drift.title = QStringLiteral("Config drift");
    drift.severity = Severity::Low;
    drift.status = RiskStatus::Mitigated;
    original->addRisk(a, drift);
    const QByteArray first = exportMarkdown(*original, appendix, a);

    const ImportPreview preview = importMarkdown(first, QStringLiteral("report.md"));
    CHECK(preview.declaredTemplateId == QStringLiteral("appendix-a"));
    const Template *target = chooseTemplate(preview, registry, {});
    REQUIRE(target == &appendix);
    auto copy = Store::open(dir.filePath(QStringLiteral("b.db")), QStringLiteral("tester"));
    const qint64 b = importProject(*copy, preview, draft.name, *target).project.id;

    const ProjectState before = original->loadState(a);
    const ProjectState after = copy->loadState(b);
    CHECK(after.project.description.toStdString() == before.project.description.toStdString());
    CHECK(after.project.notes.toStdString() == before.project.notes.toStdString());
    CHECK(after.project.targetDate == before.project.targetDate);
    REQUIRE(after.risks.size() == 2);
    for (size_t i = 0; i < before.risks.size(); ++i) {
        const Risk &was = before.risks[i];
        const Risk &is = after.risks[i];
        CHECK(is.title.toStdString() == was.title.toStdString());
        CHECK(is.severity == was.severity);
        CHECK(is.mitigation.toStdString() == was.mitigation.toStdString());
        CHECK(is.owner.toStdString() == was.owner.toStdString());
        CHECK(is.status == was.status);
        CHECK(is.acceptedBy.toStdString() == was.acceptedBy.toStdString());
        CHECK(is.acceptedUntil == was.acceptedUntil);
        CHECK(is.linkedItems == was.linkedItems);
    }
    REQUIRE(after.items.size() == before.items.size());
    for (const auto &[id, state] : before.items) {
        INFO(id.toStdString());
        const ItemState imported = after.itemState(id);
        CHECK(imported.status == state.status);
        CHECK(imported.reason.toStdString() == state.reason.toStdString());
        CHECK(imported.note.toStdString() == state.note.toStdString());
        CHECK(imported.owner.toStdString() == state.owner.toStdString());
        CHECK(imported.evidence.toStdString() == state.evidence.toStdString());
    }
    CHECK(exportMarkdown(*copy, appendix, b).toStdString() == first.toStdString());
}
