#pragma once

// Runs `preflight` commands against a database in a temporary folder: in this process through
// preflight::cli::execute (run), or as the real binary (spawn) where the process itself is under
// test: argument splitting, the application object, environment and locale, the window.
// Shared by the CLI suites (commands, export, import).

#include "cli/CommandLine.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace preflight::test {

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

class CliRunner
{
public:
    CliRunner()
    {
        REQUIRE(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("reviews/preflight.db"));
    }

    QString dbPath() const { return m_db; }
    void setEnvironment(const QString &name, const QString &value) { m_env.insert(name, value); }
    QString dir() const { return m_dir.path(); }

    // Runs `preflight ARGS --db <temp db> --actor tester` in this process, with this runner's
    // home and data folders (and environment overrides) in place while it runs.
    // PREFLIGHT_CLI_TESTS_SPAWN=1 sends every command through the binary instead: the whole suite
    // as the end-to-end run it used to be.
    CliResult run(const QStringList &args, bool withDb = true) const
    {
        if (qEnvironmentVariableIsSet("PREFLIGHT_CLI_TESTS_SPAWN"))
            return spawn(args, withDb);
        std::vector<std::pair<QByteArray, std::optional<QByteArray>>> saved;
        const auto setEnv = [&saved](const QString &name, const QString &value) {
            const QByteArray key = name.toLocal8Bit();
            saved.emplace_back(key,
                               qEnvironmentVariableIsSet(key.constData())
                                   ? std::optional<QByteArray>(qgetenv(key.constData()))
                                   : std::nullopt);
            qputenv(key.constData(), value.toLocal8Bit());
        };
        setEnv(QStringLiteral("HOME"), m_dir.path());
        setEnv(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        for (const QString &name : m_env.keys())
            setEnv(name, m_env.value(name));
        // The per-user folders are named after the application (and organisation), as in the
        // executable, which sets no organisation.
        const QString appName = QCoreApplication::applicationName();
        const QString orgName = QCoreApplication::organizationName();
        QCoreApplication::setApplicationName(QStringLiteral("preflight"));
        QCoreApplication::setOrganizationName(QString());

        QBuffer out;
        QBuffer err;
        out.open(QIODevice::WriteOnly);
        err.open(QIODevice::WriteOnly);
        const int exitCode = preflight::cli::execute(withDb ? withTestDb(args) : args, out, err);

        QCoreApplication::setApplicationName(appName);
        QCoreApplication::setOrganizationName(orgName);
        for (auto it = saved.rbegin(); it != saved.rend(); ++it) {
            if (it->second)
                qputenv(it->first.constData(), *it->second);
            else
                qunsetenv(it->first.constData());
        }
        return { exitCode, QString::fromUtf8(out.data()), QString::fromUtf8(err.data()) };
    }

    // Runs the real binary the same way, with no display at all: an accidental QGuiApplication
    // would abort because the xcb platform cannot connect.
    CliResult spawn(const QStringList &args, bool withDb = true) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        for (const QString &name : m_env.keys())
            env.insert(name, m_env.value(name));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(PREFLIGHT_BINARY), withDb ? withTestDb(args) : args);
        REQUIRE(process.waitForFinished(30000));
        REQUIRE(process.exitStatus() == QProcess::NormalExit);
        return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                 QString::fromUtf8(process.readAllStandardError()) };
    }

    // Runs a command that must succeed and returns its --json document.
    nlohmann::json json(QStringList args) const
    {
        args << QStringLiteral("--json");
        const CliResult result = run(args);
        INFO("preflight " << args.join(QLatin1Char(' ')).toStdString() << "\nstderr: " << result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        return nlohmann::json::parse(result.out.toStdString());
    }

    // SHA-256 over every row of every table, in a fixed order: equal digests mean equal data,
    // whatever WAL checkpoints do to the file's bytes.
    QByteArray contentDigest() const
    {
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(m_db.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            sqlite3_close(db);
            throw std::runtime_error("cannot open the test database");
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        const QStringList tables = column(db, "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name");
        for (const QString &table : tables) {
            hash.addData(table.toUtf8());
            const QString sql = QStringLiteral("SELECT * FROM \"%1\" ORDER BY 1").arg(table);
            sqlite3_stmt *stmt = nullptr;
            sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &stmt, nullptr);
            while (sqlite3_step(stmt) == SQLITE_ROW) {
                for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
                    const auto *bytes = static_cast<const char *>(sqlite3_column_blob(stmt, i));
                    hash.addData(QByteArrayView(bytes, sqlite3_column_bytes(stmt, i)));
                    hash.addData(QByteArrayView("\x1f", 1));
                }
            }
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db);
        return hash.result().toHex();
    }

    // Writes behind the app's back, e.g. to tamper with the audit trail.
    void execSql(const QString &sql) const
    {
        sqlite3 *db = nullptr;
        REQUIRE(sqlite3_open(m_db.toUtf8().constData(), &db) == SQLITE_OK);
        char *error = nullptr;
        const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &error);
        INFO((error ? error : ""));
        sqlite3_free(error);
        sqlite3_close(db);
        REQUIRE(rc == SQLITE_OK);
    }

private:
    QStringList withTestDb(QStringList args) const
    {
        return args << QStringLiteral("--db") << m_db << QStringLiteral("--actor") << QStringLiteral("tester");
    }

    static QStringList column(sqlite3 *db, const char *sql)
    {
        QStringList values;
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
        while (sqlite3_step(stmt) == SQLITE_ROW)
            values << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        return values;
    }

    QTemporaryDir m_dir;
    QString m_db;
    QProcessEnvironment m_env; // overrides, applied last
};

} // namespace preflight::test
