#pragma once

// Runs the real `preflight` binary with exactly the given arguments: the server suites name
// their own --db (with a login) and may pass no --actor, which a server refuses.

#include <QProcess>
#include <QString>
#include <QStringList>

#include <catch2/catch.hpp>

namespace preflight::test {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

inline Run runPreflight(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(PREFLIGHT_BINARY), args);
    REQUIRE(process.waitForFinished(60000));
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
             QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace preflight::test
