// Re-check flags and profile-excluded items in the CSV and JUnit exports, which CI jobs and
// spreadsheets read without the rest of the report.
#include "ReportFixture.h"
#include "TestTools.h"
#include "export/CsvWriter.h"
#include "export/JUnitWriter.h"

using namespace preflight;
using namespace preflight::test;

namespace {

const QString Coverage = QStringLiteral("testing.unit-tests.test-coverage-over-80-percent"); // untagged
const QString Llm = QStringLiteral("reliability.timeouts.llm-api-timeout-configured"); // tagged llm
const QString HandNa = QStringLiteral("code-quality.code-standards.all-code-follows-style-guide"); // untagged

// The half-finished review with one flagged answer, a profile that leaves out every tagged item
// (an answered one among them), and a hand-made N/A that repeats the profile's reason word for word.
std::unique_ptr<ReportFixture> flaggedReview()
{
    auto f = halfFinishedReview();
    ItemState coverage;
    coverage.itemId = Coverage;
    coverage.status = ItemStatus::Done;
    coverage.note = QStringLiteral("82 %");
    f->state.items[Coverage] = coverage;
    f->state.rechecks[Coverage] = { QStringLiteral("Unit coverage over 80 %"), QStringLiteral("1.1.0") };
    ItemState llm;
    llm.itemId = Llm;
    llm.status = ItemStatus::Done;
    llm.owner = QStringLiteral("Mei");
    f->state.items[Llm] = llm;
    ItemState handNa;
    handNa.itemId = HandNa;
    handNa.status = ItemStatus::NotApplicable;
    handNa.reason = outsideProfileReason();
    f->state.items[HandNa] = handNa;
    f->state.project.profile = QStringList {};
    f->reassess();
    REQUIRE(f->assessment.outsideProfile.contains(Llm));
    return f;
}

} // namespace

TEST_CASE("CSV: re-check flags and the profile in columns after the old ones", "[export][csv][profile]")
{
    const auto f = flaggedReview();
    const auto records = parseCsv(QString::fromUtf8(CsvWriter().write(f->input())));
    const QStringList header = records.front();
    // Existing positions stay: the new columns come last.
    CHECK(header.indexOf(QLatin1String("changed_at")) == 13);
    CHECK(header.mid(14) == QStringList { QStringLiteral("recheck"), QStringLiteral("outside_profile") });
    const auto column = [&](const char *name) { return header.indexOf(QLatin1String(name)); };
    int flagged = 0;
    int outside = 0;
    for (std::size_t i = 1; i < records.size(); ++i) {
        const QStringList &r = records[i];
        const QString id = r[column("item_id")];
        INFO(id.toStdString());
        REQUIRE(r.size() == header.size());
        flagged += r[column("recheck")].isEmpty() ? 0 : 1;
        outside += r[column("outside_profile")] == QLatin1String("true");
        CHECK((r[column("outside_profile")] == QLatin1String("true")) == f->assessment.outsideProfile.contains(id));
        if (id == Coverage) {
            CHECK(r[column("recheck")] == QStringLiteral("Unit coverage over 80 %"));
            CHECK(r[column("status")] == QLatin1String("done"));
        } else if (id == Llm) {
            // As scoring counts it: N/A for the profile, the stored answer not shown as current.
            CHECK(r[column("status")] == QLatin1String("na"));
            CHECK(r[column("na_reason")] == outsideProfileReason());
            CHECK(r[column("owner")].isEmpty());
        } else if (id == HandNa) {
            CHECK(r[column("na_reason")] == outsideProfileReason());
            CHECK(r[column("outside_profile")] == QLatin1String("false"));
        }
    }
    CHECK(flagged == 1);
    CHECK(outside == f->assessment.outsideProfile.size());
    CHECK(outside > 40); // Appendix A 1.0.1 tags 53 items; sub-items go with their parents
}

TEST_CASE("JUnit: a flagged answer says so first, and profile-excluded items are skipped as such",
          "[export][junit][profile]")
{
    const auto f = flaggedReview();
    QString error;
    const XmlNode root = parseXml(JUnitWriter().write(f->input()), &error);
    REQUIRE(error.isEmpty());
    const ReportModel model(f->input());
    int withFlag = 0;
    int profileSkipped = 0;
    for (const XmlNode &suite : root.children.front().children) {
        for (const XmlNode &testcase : suite.children) {
            if (testcase.name != QLatin1String("testcase"))
                continue;
            for (const XmlNode &child : testcase.children) {
                if (child.name == QLatin1String("system-out") || child.name == QLatin1String("failure"))
                    withFlag
                        += child.text.startsWith(QStringLiteral("Wording changed in 1.1.0 — re-check; "
                                                                "answered as: “Unit coverage over 80 %”\nNote: 82 %"))
                        ? 1
                        : 0;
                if (child.name == QLatin1String("skipped")
                    && child.attributes.value(QStringLiteral("message"))
                        == QStringLiteral("N/A: ") + outsideProfileReason())
                    ++profileSkipped;
            }
            if (testcase.attributes.value(QStringLiteral("name")) == f->tmpl.findItem(Coverage)->text) {
                // Done and flagged: it still passes (no failure, no skip), the flag is in its output.
                REQUIRE(testcase.children.size() == 1);
                CHECK(testcase.children.front().name == QLatin1String("system-out"));
            }
        }
    }
    CHECK(withFlag == 1);
    // Every item the profile leaves out, and the hand-made N/A that gave the same reason.
    CHECK(profileSkipped == f->assessment.outsideProfile.size() + 1);
}
