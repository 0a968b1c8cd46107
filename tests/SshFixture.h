#pragma once

// Real OpenSSH for the signing tests: ed25519 keys made by ssh-keygen and an ssh-agent of the
// test's own, on its own socket.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch.hpp>

#include <csignal>
#include <sys/types.h>

namespace preflight::test {

inline QString runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    REQUIRE(process.waitForFinished(30000));
    INFO(program.toStdString() << ": " << process.readAllStandardError().toStdString());
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Two ed25519 keys (ada's and eve's) and an ssh-agent on its own socket holding ada's only.
class SshFixture
{
public:
    SshFixture()
    {
        REQUIRE(m_dir.isValid());
        for (const char *who : { "ada", "eve" })
            runTool(QStringLiteral("ssh-keygen"),
                    { QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                      QString(), QStringLiteral("-C"), QLatin1String(who), QStringLiteral("-f"), key(who) });
        socket = m_dir.filePath(QStringLiteral("agent.sock"));
        const QString started
            = runTool(QStringLiteral("ssh-agent"), { QStringLiteral("-s"), QStringLiteral("-a"), socket });
        const qsizetype at = started.indexOf(QLatin1String("SSH_AGENT_PID="));
        REQUIRE(at >= 0);
        m_agentPid = started.mid(at + 14).section(QLatin1Char(';'), 0, 0).toLongLong();
        REQUIRE(m_agentPid > 0);
    }
    ~SshFixture()
    {
        // The agent removes its socket as it exits: wait for that before the folder goes.
        ::kill(pid_t(m_agentPid), SIGTERM);
        for (int i = 0; i < 200 && ::kill(pid_t(m_agentPid), 0) == 0; ++i)
            QThread::msleep(10);
    }

    QString key(const char *who) const { return m_dir.filePath(QLatin1String(who)); }
    QString publicKey(const char *who) const
    {
        QFile file(key(who) + QStringLiteral(".pub"));
        REQUIRE(file.open(QIODevice::ReadOnly));
        return QString::fromUtf8(file.readAll()).trimmed();
    }
    void addToAgent(const char *who) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SSH_AUTH_SOCK"), socket);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral("ssh-add"), { QStringLiteral("-q"), key(who) });
        REQUIRE(process.waitForFinished(30000));
        REQUIRE(process.exitCode() == 0);
    }
    // git's allowed-signers format: "principal key-type key [comment]".
    QString allowedSigners(const QString &name, std::initializer_list<const char *> who) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        for (const char *w : who)
            file.write((QLatin1String(w) + QLatin1Char(' ') + publicKey(w) + QLatin1Char('\n')).toUtf8());
        return path;
    }

    QString socket;

private:
    QTemporaryDir m_dir;
    qint64 m_agentPid = 0;
};

} // namespace preflight::test
