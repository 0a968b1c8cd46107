#include "model/AuditKey.h"

#include "StoreTestSupport.h"
#include "storage/Audit.h"
#include "storage/Store.h"

#include <QFile>

using namespace preflight;
using preflight::test::TempDatabase;

namespace {

// A database written by Preflight before audit keys were typed (tests/data): projects, items,
// risks (one deleted), sign-offs before and after a change, and a deleted project.
const QString fixture = QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/audit-before-typed-keys.db");

struct RawRow
{
    qint64 projectId;
    qint64 seq;
    QString what;
};

std::vector<RawRow> rawRows(const QString &path)
{
    sqlite3 *db = nullptr;
    REQUIRE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT project_id, seq, what FROM audit ORDER BY seq", -1, &stmt, nullptr)
            == SQLITE_OK);
    std::vector<RawRow> rows;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        rows.push_back({ sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1),
                         QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 2))) });
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return rows;
}

// The stale-count query before keys were typed, run on the raw file as the oracle.
std::map<QString, int> oldChangesSince(const QString &path, qint64 projectId)
{
    sqlite3 *db = nullptr;
    REQUIRE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db,
                               "SELECT s.role, (SELECT count(*) FROM audit a WHERE a.project_id = s.project_id "
                               "AND a.seq > s.audit_seq AND substr(a.what, 1, 5) IN ('item:', 'risk:')) "
                               "FROM signoffs s WHERE s.project_id = ?1",
                               -1, &stmt, nullptr)
            == SQLITE_OK);
    sqlite3_bind_int64(stmt, 1, projectId);
    std::map<QString, int> counts;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        counts[QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)))]
            = sqlite3_column_int(stmt, 1);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return counts;
}

} // namespace

TEST_CASE("audit keys format to the text the store has always written", "[audit][auditkey]")
{
    CHECK(AuditKey::item(QStringLiteral("security.secrets.scanned"), QStringLiteral("status")).toString()
          == QStringLiteral("item:security.secrets.scanned:status"));
    CHECK(AuditKey::risk(12, QStringLiteral("acceptedUntil")).toString() == QStringLiteral("risk:12:acceptedUntil"));
    CHECK(AuditKey::project(QStringLiteral("targetDate")).toString() == QStringLiteral("project:targetDate"));
    CHECK(AuditKey::signOff(QStringLiteral("Engineering Lead")).toString()
          == QStringLiteral("signoff:Engineering Lead"));
}

TEST_CASE("audit keys parse into subject, id and field", "[audit][auditkey]")
{
    const AuditKey item = AuditKey::parse(QStringLiteral("item:code-quality.style:evidence"));
    CHECK(item.subject == AuditSubject::Item);
    CHECK(item.id == QStringLiteral("code-quality.style"));
    CHECK(item.field == QStringLiteral("evidence"));
    CHECK(item.isReviewChange());

    const AuditKey risk = AuditKey::parse(QStringLiteral("risk:7:deleted"));
    CHECK(risk.subject == AuditSubject::Risk);
    CHECK(risk.riskId() == 7);
    CHECK(risk.field == QStringLiteral("deleted"));
    CHECK(risk.isReviewChange());

    // A role may hold a colon: everything after "signoff:" is the role.
    const AuditKey signoff = AuditKey::parse(QStringLiteral("signoff:QA: Payments"));
    CHECK(signoff.subject == AuditSubject::SignOff);
    CHECK(signoff.id == QStringLiteral("QA: Payments"));
    CHECK_FALSE(signoff.isReviewChange());

    const AuditKey project = AuditKey::parse(QStringLiteral("project:notes"));
    CHECK(project.subject == AuditSubject::Project);
    CHECK(project.id.isEmpty());
    CHECK(project.field == QStringLiteral("notes"));
    CHECK_FALSE(project.isReviewChange());

    for (const AuditKey &key : { item, risk, signoff, project })
        CHECK(AuditKey::subjectOf(key.toString()) == key.subject);
}

TEST_CASE("any text survives parse and format unchanged, odd text as Other", "[audit][auditkey]")
{
    const char *odd[] = { "",
                          "item",
                          "item:",
                          "item:x",
                          "item:x:",
                          "item::x",
                          "risk:007:x",
                          "risk:abc:title",
                          "risk:+1:title",
                          "project:",
                          "project:a:b",
                          "signoff:",
                          ":status",
                          "review:1:status",
                          "Item:x:status" };
    for (const char *text : odd) {
        const QString stored = QString::fromUtf8(text);
        INFO(text);
        const AuditKey key = AuditKey::parse(stored);
        CHECK(key.subject == AuditSubject::Other);
        CHECK_FALSE(key.isReviewChange());
        CHECK(key.toString() == stored);
        CHECK(AuditKey::subjectOf(stored) == AuditSubject::Other);
    }
    // An id holding a colon still round-trips: the field is after the last one.
    const AuditKey colon = AuditKey::parse(QStringLiteral("item:imported:a:status"));
    CHECK(colon.id == QStringLiteral("imported:a"));
    CHECK(colon.toString() == QStringLiteral("item:imported:a:status"));
}

TEST_CASE("a database written before typed keys reads, counts and verifies as before", "[audit][auditkey]")
{
    TempDatabase temp;
    REQUIRE(QFile::copy(fixture, temp.path));
    QFile::setPermissions(temp.path, QFile::ReadOwner | QFile::WriteOwner);
    const std::vector<RawRow> raw = rawRows(temp.path);
    REQUIRE(raw.size() == 34);

    auto store = temp.open();
    // The chain hashes the stored text: it verifies unchanged, and every row's key formats back
    // to exactly that text.
    const Store::Verification verification = store->verify();
    CHECK(verification.ok);
    CHECK(verification.rowsChecked == 34);
    const auto apollo = store->findProject(QStringLiteral("Apollo"));
    REQUIRE(apollo);
    std::map<qint64, QString> rawBySeq;
    for (const RawRow &row : raw)
        rawBySeq[row.seq] = row.what;
    const std::vector<AuditEntry> history = store->history(apollo->id);
    REQUIRE(history.size() == 29);
    std::map<AuditSubject, int> subjects;
    for (const AuditEntry &entry : history) {
        CHECK(entry.key.toString() == rawBySeq.at(entry.seq));
        CHECK(entry.key.subject != AuditSubject::Other);
        ++subjects[entry.key.subject];
    }
    CHECK(subjects[AuditSubject::Project] == 6);
    CHECK(subjects[AuditSubject::Item] == 8);
    CHECK(subjects[AuditSubject::Risk] == 12);
    CHECK(subjects[AuditSubject::SignOff] == 3);

    // Stale counts read through the typed key match what the old SQL prefix match counted.
    const std::map<QString, int> expected = oldChangesSince(temp.path, apollo->id);
    REQUIRE(expected.size() == 3);
    const ProjectState state = store->loadState(apollo->id);
    REQUIRE(state.signoffs.size() == 3);
    for (const SignOff &signoff : state.signoffs) {
        INFO(signoff.role.toStdString());
        CHECK(signoff.changesSince == expected.at(signoff.role));
    }
    CHECK(expected.at(QStringLiteral("DevOps Lead")) == 1);

    // New rows continue the same chain.
    Store::ItemPatch patch;
    patch.status = ItemStatus::Done;
    store->setItem(apollo->id, QStringLiteral("code-quality.code-standards.all-code-follows-style-guide"), patch);
    CHECK(store->verify().ok);
    CHECK(store->loadState(apollo->id).signoffs.front().changesSince == 2);
}
