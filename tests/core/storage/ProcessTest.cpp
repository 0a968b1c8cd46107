#include "StoreTestSupport.h"
#include "storage/Store.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

#include <set>

using namespace preflight;
using preflight::test::TempDatabase;

namespace {

QProcess *startWriter(QObject *parent, const QString &db, const QString &mode, int count, const QString &tag)
{
    auto *process = new QProcess(parent);
    process->start(QStringLiteral(PREFLIGHT_STORE_WRITER), { db, mode, QString::number(count), tag });
    REQUIRE(process->waitForStarted());
    return process;
}

// The numbers of the edits the writer acknowledged: complete lines only, since a kill can cut
// the last line short.
std::set<int> acknowledged(const QByteArray &output)
{
    std::set<int> acks;
    const QList<QByteArray> lines = output.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        REQUIRE(lines[i].startsWith("ack "));
        acks.insert(lines[i].mid(4).toInt());
    }
    return acks;
}

void requireSharedProject(const QString &path)
{
    Project draft;
    draft.name = QStringLiteral("shared");
    draft.templateId = QStringLiteral("appendix-a");
    Store::open(path, QStringLiteral("setup"))->createProject(draft, preflight::test::appendixA());
}

} // namespace

TEST_CASE("Every acknowledged edit survives SIGKILL at a random moment", "[store][crash]")
{
    TempDatabase temp;
    requireSharedProject(temp.path);
    QObject owner;
    int totalAcks = 0;
    constexpr int trials = 24;
    for (int trial = 0; trial < trials; ++trial) {
        const QString tag = QStringLiteral("t%1").arg(trial);
        QProcess *writer = startWriter(&owner, temp.path, QStringLiteral("items"), 1000000, tag);
        // From "still opening" to "hundreds of commits in": kills land in every phase.
        QThread::msleep(QRandomGenerator::global()->bounded(10, 450));
        writer->kill(); // SIGKILL on Unix
        REQUIRE(writer->waitForFinished());
        CHECK(writer->exitStatus() == QProcess::CrashExit);
        const std::set<int> acks = acknowledged(writer->readAllStandardOutput());
        totalAcks += int(acks.size());

        auto store = Store::open(temp.path, QStringLiteral("checker"));
        const ProjectState state = store->loadState(store->findProject(QStringLiteral("shared"))->id);
        for (int n : acks) {
            const ItemState item = state.itemState(QStringLiteral("%1.%2").arg(tag).arg(n));
            INFO("trial " << trial << ", edit " << n);
            CHECK(item.note == QStringLiteral("%1-%2").arg(tag).arg(n));
        }
        const Store::Verification verification = store->verify();
        INFO(verification.problem.toStdString());
        CHECK(verification.integrity == QStringLiteral("ok"));
        CHECK(verification.ok);
    }
    // The test is only meaningful if the writers got edits in before being killed.
    CHECK(totalAcks > trials);
}

TEST_CASE("Two processes writing one database never see a lock error or lose an update", "[store][concurrency]")
{
    TempDatabase temp;
    requireSharedProject(temp.path);
    QObject owner;
    constexpr int edits = 150;
    // Two writers on distinct items, and two on different fields of the same item.
    QProcess *items1 = startWriter(&owner, temp.path, QStringLiteral("items"), edits, QStringLiteral("a"));
    QProcess *items2 = startWriter(&owner, temp.path, QStringLiteral("items"), edits, QStringLiteral("b"));
    QProcess *notes = startWriter(&owner, temp.path, QStringLiteral("field"), edits, QStringLiteral("note"));
    QProcess *owners = startWriter(&owner, temp.path, QStringLiteral("field"), edits, QStringLiteral("owner"));
    for (QProcess *writer : { items1, items2, notes, owners }) {
        REQUIRE(writer->waitForFinished(60000));
        const QString errors = QString::fromUtf8(writer->readAllStandardError());
        CHECK(errors.isEmpty());
        CHECK_FALSE(errors.contains(QStringLiteral("locked")));
        CHECK(writer->exitCode() == 0);
        CHECK(acknowledged(writer->readAllStandardOutput()).size() == size_t(edits));
    }

    auto store = Store::open(temp.path, QStringLiteral("checker"));
    const qint64 project = store->findProject(QStringLiteral("shared"))->id;
    const ProjectState state = store->loadState(project);
    CHECK(state.items.size() == size_t(2 * edits + 1));
    for (int n = 0; n < edits; ++n) {
        CHECK(state.itemState(QStringLiteral("a.%1").arg(n)).note == QStringLiteral("a-%1").arg(n));
        CHECK(state.itemState(QStringLiteral("b.%1").arg(n)).note == QStringLiteral("b-%1").arg(n));
    }
    // Each writer changed only its own field, so both last values are there.
    const ItemState shared = state.itemState(QStringLiteral("shared"));
    CHECK(shared.note == QStringLiteral("note-%1").arg(edits - 1));
    CHECK(shared.owner == QStringLiteral("owner-%1").arg(edits - 1));
    // One audit row per edit, all in one unbroken chain.
    CHECK(store->history(project).size() == size_t(4 * edits + 2));
    CHECK(store->verify().ok);
}
