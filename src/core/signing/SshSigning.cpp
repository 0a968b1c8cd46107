#include "signing/SshSigning.h"

#include "Error.h"
#include "signing/SignOffStatement.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace preflight::ssh {

namespace {

struct Run
{
    int exitCode = 0;
    QString out;
    QString err;
};

// Runs an OpenSSH tool to completion. Only a tool that cannot be started is an error here;
// each caller decides what its exit code means.
Run run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted())
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1 not found: install OpenSSH (the openssh-client package)").arg(program));
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        throw Error(Error::Kind::Io, QStringLiteral("%1 did not finish within a minute").arg(program));
    }
    const int code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return { code, QString::fromUtf8(process.readAllStandardOutput()),
             QString::fromUtf8(process.readAllStandardError()).trimmed() };
}

QString firstLine(const QString &text)
{
    return text.section(QLatin1Char('\n'), 0, 0).trimmed();
}

// "256 SHA256:abc… comment (ED25519)" → "SHA256:abc…"
QString fingerprintOf(const QString &keyFile)
{
    const Run listed = run(QStringLiteral("ssh-keygen"), { QStringLiteral("-l"), QStringLiteral("-f"), keyFile });
    const QString field = listed.out.section(QLatin1Char(' '), 1, 1);
    if (listed.exitCode != 0 || !field.startsWith(QLatin1String("SHA256:")))
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1: not an SSH key (%2)").arg(keyFile, firstLine(listed.err + listed.out)));
    return field;
}

// The fingerprint ssh-keygen names in "Good "…" signature … with ED25519 key SHA256:…".
QString keyInMessage(const QString &text)
{
    static const QRegularExpression key(QStringLiteral("key (SHA256:\\S+)"));
    return key.match(text).captured(1);
}

} // namespace

SigningKey::SigningKey(SigningKey &&) noexcept = default;
SigningKey::~SigningKey() = default;

namespace {

// What to do instead of the agent, in the caller's words.
QString orChooseKey(SigningKey::Caller caller)
{
    return caller == SigningKey::Caller::Window ? QStringLiteral("or choose a key file")
                                                : QStringLiteral("or pass --key FILE");
}

} // namespace

SigningKey SigningKey::fromFile(const QString &path, Caller caller)
{
    if (!QFile::exists(path))
        throw Error(Error::Kind::Usage,
                    caller == Caller::Window ? QStringLiteral("%1: no such key file").arg(path)
                                             : QStringLiteral("--key %1: no such file").arg(path));
    SigningKey key;
    key.m_path = path;
    key.m_fingerprint = fingerprintOf(path);
    return key;
}

SigningKey SigningKey::fromAgent(Caller caller)
{
    if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
        throw Error(Error::Kind::Usage,
                    QStringLiteral("no ssh-agent (SSH_AUTH_SOCK is not set): start one with eval \"$(ssh-agent)\" "
                                   "and ssh-add your key, %1")
                        .arg(orChooseKey(caller)));
    const Run listed = run(QStringLiteral("ssh-add"), { QStringLiteral("-L") });
    // ssh-add -L: 1 when the agent holds no keys, 2 when it cannot be reached.
    if (listed.exitCode == 1)
        throw Error(Error::Kind::Usage,
                    QStringLiteral("the ssh-agent holds no keys: add yours with ssh-add, %1").arg(orChooseKey(caller)));
    if (listed.exitCode != 0)
        throw Error(Error::Kind::Usage,
                    QStringLiteral("cannot reach the ssh-agent at %1 (%2): start one with eval \"$(ssh-agent)\", %3")
                        .arg(qEnvironmentVariable("SSH_AUTH_SOCK"), firstLine(listed.err), orChooseKey(caller)));
    SigningKey key;
    key.m_temp = std::make_unique<QTemporaryDir>();
    key.m_path = key.m_temp->filePath(QStringLiteral("agent-key.pub"));
    QFile file(key.m_path);
    if (!key.m_temp->isValid() || !file.open(QIODevice::WriteOnly)
        || file.write(firstLine(listed.out).toUtf8() + '\n') < 0)
        throw Error(Error::Kind::Io, QStringLiteral("cannot write the agent's public key to a temporary file"));
    file.close();
    key.m_fingerprint = fingerprintOf(key.m_path);
    return key;
}

QString SigningKey::program()
{
    return QStringLiteral("ssh-keygen");
}

QStringList SigningKey::signArguments() const
{
    return { QStringLiteral("-Y"), QStringLiteral("sign"),
             QStringLiteral("-n"), QLatin1String(signatureNamespace),
             QStringLiteral("-f"), m_path };
}

Store::Signature SigningKey::signatureFrom(int exitCode, const QByteArray &out, const QByteArray &err) const
{
    const QString signature = QString::fromUtf8(out);
    if (exitCode != 0 || !signature.startsWith(QLatin1String("-----BEGIN SSH SIGNATURE-----")))
        throw Error(Error::Kind::Usage,
                    QStringLiteral("signing with %1 failed: %2; is that key in your ssh-agent?")
                        .arg(m_fingerprint, firstLine(QString::fromUtf8(err).trimmed())));
    return { signature, m_fingerprint };
}

Store::Signature SigningKey::sign(const QString &statement) const
{
    const Run signed_ = run(program(), signArguments(), statement.toUtf8());
    return signatureFrom(signed_.exitCode, signed_.out.toUtf8(), signed_.err.toUtf8());
}

QString resultKey(Result result)
{
    switch (result) {
    case Result::Unsigned:
        return QStringLiteral("unsigned");
    case Result::Good:
        return QStringLiteral("good");
    case Result::Bad:
        return QStringLiteral("bad");
    case Result::UnknownKey:
        return QStringLiteral("unknown-key");
    }
    return {};
}

Verification verify(const Project &project, const SignOff &signoff, const QString &allowedSigners)
{
    if (signoff.signature.isEmpty())
        return {};
    const auto statement = SignOffStatement::parse(signoff.statement);
    if (!statement)
        return { Result::Bad, QStringLiteral("the stored statement is not a Preflight sign-off statement") };
    const QStringList changed = statement->differences(SignOffStatement::of(project, signoff));
    if (!changed.isEmpty())
        return { Result::Bad,
                 QStringLiteral("the sign-off no longer says what was signed (%1 differ)")
                     .arg(changed.join(QStringLiteral(", "))) };

    QTemporaryDir temp;
    const QString signatureFile = temp.filePath(QStringLiteral("signoff.sig"));
    QFile file(signatureFile);
    if (!temp.isValid() || !file.open(QIODevice::WriteOnly) || file.write(signoff.signature.toUtf8()) < 0)
        throw Error(Error::Kind::Io, QStringLiteral("cannot write a temporary file to verify a signature"));
    file.close();
    const QByteArray input = signoff.statement.toUtf8();
    const QString ns = QLatin1String(signatureNamespace);

    // The signature and the bytes first, whoever made them: a failure here is tampering.
    const Run intact = run(QStringLiteral("ssh-keygen"),
                           { QStringLiteral("-Y"), QStringLiteral("check-novalidate"), QStringLiteral("-n"), ns,
                             QStringLiteral("-s"), signatureFile },
                           input);
    if (intact.exitCode != 0)
        return { Result::Bad, QStringLiteral("the signature does not match the statement") };
    const QString key = keyInMessage(intact.out + intact.err);
    if (key != signoff.keyFingerprint)
        return { Result::Bad,
                 QStringLiteral("signed by %1, not the recorded key %2").arg(key, signoff.keyFingerprint) };
    if (allowedSigners.isEmpty())
        return { Result::UnknownKey, QStringLiteral("no allowed-signers file to trust %1").arg(key) };
    if (!QFile::exists(allowedSigners))
        throw Error(Error::Kind::Usage, QStringLiteral("--allowed-signers %1: no such file").arg(allowedSigners));

    const Run trusted
        = run(QStringLiteral("ssh-keygen"),
              { QStringLiteral("-Y"), QStringLiteral("verify"), QStringLiteral("-f"), allowedSigners,
                QStringLiteral("-I"), signoff.name, QStringLiteral("-n"), ns, QStringLiteral("-s"), signatureFile },
              input);
    if (trusted.exitCode == 0)
        return { Result::Good, {} };
    return { Result::UnknownKey,
             QStringLiteral("%1 is not an allowed key for \"%2\" in %3").arg(key, signoff.name, allowedSigners) };
}

QString signatureSummary(const Project &project, const SignOff &signoff)
{
    if (signoff.signature.isEmpty() && signoff.keyFingerprint.isEmpty())
        return QStringLiteral("unsigned");
    // A replayed sign-off replaced since: the audit trail keeps its key, not its signature.
    if (signoff.signature.isEmpty())
        return QStringLiteral("%1 (signed; the signature was replaced by a later sign-off and is not kept)")
            .arg(signoff.keyFingerprint);
    try {
        const Verification checked = verify(project, signoff, {});
        if (checked.result == Result::Bad)
            return QStringLiteral("%1 (signature BAD: %2)").arg(signoff.keyFingerprint, checked.detail);
        return QStringLiteral("%1 (signature intact; check the key with preflight verify --allowed-signers)")
            .arg(signoff.keyFingerprint);
    } catch (const Error &error) {
        return QStringLiteral("%1 (signature not checked: %2)").arg(signoff.keyFingerprint, error.message());
    }
}

} // namespace preflight::ssh
