#include "StoreTestSupport.h"
#include "storage/Audit.h"
#include "storage/Store.h"

using namespace preflight;
using preflight::test::draftProject;
using preflight::test::rawExec;
using preflight::test::TempDatabase;

namespace {

// Five projects' worth of changes: enough rows that a break in the middle is not at an end.
void fillAudit(const TempDatabase &temp)
{
    auto store = temp.open();
    for (int i = 0; i < 5; ++i) {
        const qint64 id
            = store->createProject(draftProject(QStringLiteral("Project %1").arg(i)), preflight::test::appendixA()).id;
        Store::ItemPatch patch;
        patch.status = ItemStatus::Done;
        store->setItem(id, QStringLiteral("item-%1").arg(i), patch);
    }
    REQUIRE(store->verify().ok);
}

Store::Verification verifyAfter(const TempDatabase &temp, const QString &tampering)
{
    // The app's triggers forbid editing audit rows, so the attacker drops them first.
    rawExec(temp.path, QStringLiteral("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; ") + tampering);
    return temp.open()->verify();
}

} // namespace

TEST_CASE("An untouched audit chain verifies", "[audit]")
{
    TempDatabase temp;
    fillAudit(temp);
    const auto result = temp.open()->verify();
    CHECK(result.ok);
    CHECK(result.integrity == QStringLiteral("ok"));
    CHECK(result.rowsChecked == 15);
    CHECK_FALSE(result.brokenSeq.has_value());
    CHECK(result.problem.isEmpty());
}

TEST_CASE("verify finds an altered audit row", "[audit]")
{
    TempDatabase temp;
    fillAudit(temp);
    const auto result = verifyAfter(temp, QStringLiteral("UPDATE audit SET new_value = 'na' WHERE seq = 6"));
    CHECK_FALSE(result.ok);
    CHECK(result.integrity == QStringLiteral("ok"));
    REQUIRE(result.brokenSeq.has_value());
    CHECK(*result.brokenSeq == 6);
    CHECK(result.problem.contains(QStringLiteral("audit row 6 does not match its hash")));
    CHECK(result.problem.contains(temp.path));
}

TEST_CASE("verify finds an altered row even when its own hash was recomputed", "[audit]")
{
    TempDatabase temp;
    fillAudit(temp);
    {
        auto store = temp.open();
        const auto rows = store->history(store->findProject(QStringLiteral("Project 1"))->id);
        REQUIRE(rows.size() == 3);
        const AuditEntry &row = rows[2]; // seq 6, the item change
        REQUIRE(row.seq == 6);
        const QString previous = store->history(store->findProject(QStringLiteral("Project 1"))->id)[1].hash;
        const QString forged = audit::rowHash(previous, row.seq, row.time.toString(Qt::ISODateWithMs), row.actor,
                                              row.projectId, row.key.toString(), row.oldValue, QStringLiteral("na"));
        rawExec(temp.path,
                QStringLiteral("DROP TRIGGER audit_no_update; UPDATE audit SET new_value = 'na', hash = "
                               "'%1' WHERE seq = 6")
                    .arg(forged));
    }
    const auto result = temp.open()->verify();
    CHECK_FALSE(result.ok);
    REQUIRE(result.brokenSeq.has_value());
    CHECK(*result.brokenSeq == 7); // row 6 is self-consistent; row 7 no longer follows it
}

TEST_CASE("verify finds a deleted audit row", "[audit]")
{
    TempDatabase temp;
    fillAudit(temp);
    const auto result = verifyAfter(temp, QStringLiteral("DELETE FROM audit WHERE seq IN (4, 5)"));
    CHECK_FALSE(result.ok);
    REQUIRE(result.brokenSeq.has_value());
    CHECK(*result.brokenSeq == 4);
    CHECK(result.problem.contains(QStringLiteral("audit rows 4 to 5 are missing (deleted)")));
}

TEST_CASE("verify finds reordered audit rows", "[audit]")
{
    TempDatabase temp;
    fillAudit(temp);
    // Swap rows 8 and 9 wholesale (hashes included), keeping seq numbers contiguous.
    const auto result = verifyAfter(temp,
                                    QStringLiteral("UPDATE audit SET seq = -8 WHERE seq = 8;"
                                                   "UPDATE audit SET seq = 8 WHERE seq = 9;"
                                                   "UPDATE audit SET seq = 9 WHERE seq = -8;"));
    CHECK_FALSE(result.ok);
    REQUIRE(result.brokenSeq.has_value());
    CHECK(*result.brokenSeq == 8);
}

TEST_CASE("Audit rows cannot be edited or deleted through SQL while the triggers stand", "[audit]")
{
    TempDatabase temp;
    fillAudit(temp);
    for (const char *sql : { "UPDATE audit SET actor = 'mallory' WHERE seq = 1", "DELETE FROM audit WHERE seq = 2" })
        CHECK(preflight::test::rawExecError(temp.path, QString::fromLatin1(sql))
              == QStringLiteral("audit rows are append-only"));
    CHECK(temp.open()->verify().ok);
}
