// template export, versions side by side (templates, template show --version), template diff and
// project migrate as a user drives them.

#include "cli/CliRunner.h"

#include <QFile>

using preflight::test::CliResult;
using preflight::test::CliRunner;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

void writeText(const QString &path, const QString &text)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}

// Appendix A exported, given version 1.1.0 and one reworded item, and imported again.
void installAppendixA11(const CliRunner &cli)
{
    const QString path = cli.dir() + QStringLiteral("/appendix-a.md");
    const CliResult exported = cli.run({ QStringLiteral("template"), QStringLiteral("export"),
                                         QStringLiteral("appendix-a"), QStringLiteral("-o"), path });
    INFO(exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    QString markdown = readText(path);
    REQUIRE(markdown.contains(QStringLiteral("version: 1.0.0")));
    markdown.replace(QStringLiteral("version: 1.0.0"), QStringLiteral("version: 1.1.0"));
    markdown.replace(QStringLiteral("- [ ] Comprehensive docstrings"),
                     QStringLiteral("- [ ] Docstrings on every public function"));
    writeText(path, markdown);
    const nlohmann::json imported = cli.json({ QStringLiteral("template"), QStringLiteral("import"), path });
    REQUIRE(imported["template"]["id"] == "appendix-a");
    REQUIRE(imported["template"]["version"] == "1.1.0");
}

} // namespace

TEST_CASE("template export writes what template import reads; a higher version goes beside the old",
          "[cli][templates][versions]")
{
    CliRunner cli;
    // Standard output and -o give the same text.
    const CliResult toStdout
        = cli.run({ QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("appendix-a") });
    REQUIRE(toStdout.exitCode == 0);
    CHECK(toStdout.out.startsWith(QStringLiteral("# Appendix A: Production Readiness Checklist\n")));
    installAppendixA11(cli);
    CHECK(readText(cli.dir() + QStringLiteral("/appendix-a.md")).size() > toStdout.out.size() / 2);

    const nlohmann::json list = cli.json({ QStringLiteral("templates") });
    std::vector<std::tuple<std::string, bool, bool>> versions;
    for (const auto &tmpl : list["templates"]) {
        if (tmpl["id"] == "appendix-a")
            versions.emplace_back(tmpl["version"], tmpl["newest"], tmpl["builtin"]);
        CHECK(tmpl.contains("items"));
    }
    CHECK(versions
          == std::vector<std::tuple<std::string, bool, bool>> { { "1.0.0", false, true }, { "1.1.0", true, false } });
    const CliResult text = cli.run({ QStringLiteral("templates") });
    CHECK(text.out.indexOf(QStringLiteral("appendix-a  1.0.0"))
          < text.out.indexOf(QStringLiteral("appendix-a  1.1.0")));

    // Each version can be shown and exported by number.
    const CliResult old = cli.run({ QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("appendix-a"),
                                    QStringLiteral("--version"), QStringLiteral("1.0.0") });
    CHECK(old.out.contains(QStringLiteral("Comprehensive docstrings")));
    const CliResult now = cli.run({ QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("appendix-a") });
    CHECK(now.out.contains(QStringLiteral("Docstrings on every public function")));
    const CliResult missing
        = cli.run({ QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("appendix-a"),
                    QStringLiteral("--version"), QStringLiteral("9.9.9") });
    CHECK(missing.exitCode == 3);
    CHECK(
        missing.err.contains(QStringLiteral("template \"appendix-a\" has no version 9.9.9 (installed: 1.0.0, 1.1.0)")));

    // The same version again is refused.
    const CliResult again = cli.run(
        { QStringLiteral("template"), QStringLiteral("import"), cli.dir() + QStringLiteral("/appendix-a.md") });
    CHECK(again.exitCode != 0);
    CHECK(again.err.contains(QStringLiteral("give the file a version above 1.1.0")));
}
