#pragma once

// The review the migration suites start from: Apollo on Appendix A 1.0.0 with a reworded, a
// removed and a re-identified item of tests/data/templates/appendix-a-1.1.0.json answered, and
// that version installed to migrate it to.

#include "cli/CliRunner.h"

#include <QDir>
#include <QFile>

namespace preflight::test {

// Appendix A 1.1.0 as a user template of this runner.
inline void installAppendix110(const CliRunner &cli)
{
    const QString dir = cli.dir() + QStringLiteral("/data/preflight/templates");
    REQUIRE(QDir().mkpath(dir));
    REQUIRE(QFile::copy(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/appendix-a-1.1.0.json"),
                        dir + QStringLiteral("/appendix-a-1.1.0.json")));
}

// Apollo on 1.0.0: test coverage (reworded in 1.1.0) and SQL injection (re-identified) done, no
// print statements (removed) N/A with `naReason`.
inline void answerApolloOn100(const CliRunner &cli, const QString &naReason)
{
    cli.json({ QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("Apollo"),
               QStringLiteral("--version"), QStringLiteral("1.0.0") });
    const auto item = [&](const char *id, const char *status, QStringList extra = {}) {
        const CliResult result = cli.run(QStringList { QStringLiteral("item"), QStringLiteral("Apollo"),
                                                       QString::fromLatin1(id), QString::fromLatin1(status) }
                                         + extra);
        INFO(result.err.toStdString());
        REQUIRE(result.exitCode == 0);
    };
    item("testing.unit-tests.test-coverage-over-80-percent", "done");
    item("security.input-validation.sql-injection-prevented", "done");
    item("code-quality.code-standards.no-print-statements", "na", { QStringLiteral("--reason"), naReason });
}

} // namespace preflight::test
