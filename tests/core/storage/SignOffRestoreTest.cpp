// Undo and redo of sign-offs put the stored row back exactly, signature included, on a file
// and (storage.on_server) on a server. Signatures are made by the real ssh-keygen with keys
// generated here.
#include "Error.h"
#include "SshFixture.h"
#include "StoreTestSupport.h"
#include "signing/SshSigning.h"
#include "storage/Store.h"

using namespace preflight;
using preflight::test::draftProject;
using preflight::test::onServer;
using preflight::test::TempDatabase;

namespace {

const QString role = QStringLiteral("Engineering Lead");

Store::StatementSigner signer(const QString &keyFile)
{
    auto key = std::make_shared<ssh::SigningKey>(ssh::SigningKey::fromFile(keyFile));
    return [key](const QString &statement) { return key->sign(statement); };
}

std::optional<SignOff> stored(const Store &store, qint64 id)
{
    for (const SignOff &signoff : store.loadState(id).signoffs) {
        if (signoff.role == role)
            return signoff;
    }
    return std::nullopt;
}

// Every stored field of the row (changesSince is counted, not stored).
void requireSame(const std::optional<SignOff> &row, const SignOff &expected)
{
    REQUIRE(row);
    CHECK(row->name == expected.name);
    CHECK(row->decision == expected.decision);
    CHECK(row->comment == expected.comment);
    CHECK(row->date == expected.date);
    CHECK(row->stateDigest == expected.stateDigest);
    CHECK(row->statement == expected.statement);
    CHECK(row->signature == expected.signature);
    CHECK(row->keyFingerprint == expected.keyFingerprint);
    CHECK(row->auditSeq == expected.auditSeq);
    CHECK(row->login == expected.login);
}

} // namespace

TEST_CASE("Restoring a sign-off puts the stored row back exactly, signature and all", "[store][signing]")
{
    preflight::test::SshFixture ssh;
    const QString allowed = ssh.allowedSigners(QStringLiteral("team"), { "ada", "eve" });
    TempDatabase temp;
    auto store = temp.open();
    const qint64 id = store->createProject(draftProject(QStringLiteral("P")), preflight::test::appendixA()).id;

    SignOff draft;
    draft.role = role;
    draft.name = QStringLiteral("ada");
    draft.comment = QStringLiteral("first");
    store->signOff(id, draft, signer(ssh.key("ada")));
    const SignOff ada = *stored(*store, id);
    REQUIRE_FALSE(ada.signature.isEmpty());
    Store::ItemPatch done;
    done.status = ItemStatus::Done;
    store->setItem(id, QStringLiteral("one"), done); // the review moves on: ada's goes stale
    draft.name = QStringLiteral("eve");
    draft.decision = Decision::Reject;
    store->signOff(id, draft, signer(ssh.key("eve")));
    const SignOff eve = *stored(*store, id);
    const Project project = *store->project(id);

    // Undo: ada's row as it was, still verifying, and still stale.
    const size_t audited = store->history(id).size();
    store->restoreSignOff(id, role, eve, ada);
    requireSame(stored(*store, id), ada);
    CHECK(ssh::verify(project, *stored(*store, id), allowed).result == ssh::Result::Good);
    CHECK(stored(*store, id)->changesSince == 1);
    CHECK(stored(*store, id)->stateDigest != store->loadState(id).reviewDigest());
    const std::vector<AuditEntry> history = store->history(id);
    REQUIRE(history.size() == audited + 1);
    CHECK(history.back().key == AuditKey::signOff(role));
    CHECK(history.back().oldValue.contains(eve.keyFingerprint));
    CHECK(history.back().newValue.contains(ada.keyFingerprint));

    // A restore that expects what is no longer there writes nothing and says who changed it.
    const QString head = store->auditHead();
    CHECK_THROWS_AS(store->restoreSignOff(id, role, eve, std::nullopt), EditConflict);
    CHECK_THROWS_WITH(store->restoreSignOff(id, role, std::nullopt, eve), Catch::Contains("was changed by"));
    CHECK(store->auditHead() == head);
    requireSame(stored(*store, id), ada);

    // Redo: eve's signed row again, not a new signature. Restoring what is there changes nothing.
    store->restoreSignOff(id, role, ada, eve);
    requireSame(stored(*store, id), eve);
    CHECK(ssh::verify(project, *stored(*store, id), allowed).result == ssh::Result::Good);
    const QString afterRedo = store->auditHead();
    store->restoreSignOff(id, role, ada, eve);
    CHECK(store->auditHead() == afterRedo);

    // Back to none and back again.
    store->restoreSignOff(id, role, eve, std::nullopt);
    CHECK_FALSE(stored(*store, id));
    store->restoreSignOff(id, role, std::nullopt, eve);
    requireSame(stored(*store, id), eve);
    CHECK(store->verify().ok);

    if (onServer()) {
        // Only the role's signers may restore it, as only they may sign.
        const QString login = QStringLiteral("pf_restorer_%1").arg(QCoreApplication::applicationPid());
        TempDatabase::runOnServer(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'pw'").arg(login));
        Store::grantServerRoles(temp.path, login, { QStringLiteral("reviewer") });
        {
            auto reviewer = Store::open(QStringLiteral("%1 user=%2 password=pw").arg(temp.path, login), {});
            CHECK_THROWS_WITH(reviewer->restoreSignOff(id, role, eve, ada), Catch::Contains("may not sign as"));
        }
        requireSame(stored(*store, id), eve);
        TempDatabase::runOnServer(QStringLiteral("DROP OWNED BY %1; DROP ROLE %1").arg(login));
    }
}
