#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>

using namespace preflight::test;

namespace {

const QString Project = QStringLiteral("Checkout <b>|v2</b>");
const QString Item = QStringLiteral("code-quality.code-standards.all-code-follows-style-guide");
const QString Note = QStringLiteral("checked | # `ok` <script>alert(1)</script>");

void createReview(const CliRunner &cli)
{
    REQUIRE(cli.run({ QStringLiteral("project"), QStringLiteral("create"), Project }).exitCode == 0);
    REQUIRE(cli.run({ QStringLiteral("item"), Project, Item, QStringLiteral("done"), QStringLiteral("--note"), Note })
                .exitCode
            == 0);
    REQUIRE(
        cli.run({ QStringLiteral("risk"), QStringLiteral("add"), Project, QStringLiteral("--title"),
                  QStringLiteral("<script>alert(1)</script>"), QStringLiteral("--severity"), QStringLiteral("high") })
            .exitCode
        == 0);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QString toolOutput(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

TEST_CASE("export writes every format to a file, and text formats to stdout", "[cli][export]")
{
    CliRunner cli;
    createReview(cli);
    for (const char *format : { "md", "html", "json", "csv", "junit", "pdf" }) {
        INFO(format);
        const QString path = QDir(cli.dir()).filePath(QStringLiteral("report.") + QLatin1String(format));
        const CliResult result = cli.run({ QStringLiteral("export"), Project, QStringLiteral("--format"),
                                           QLatin1String(format), QStringLiteral("-o"), path });
        INFO(result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        CHECK(result.out.contains(path));
        CHECK(QFileInfo(path).size() > 500);
    }
    const QString dir = cli.dir();
    CHECK(readFile(dir + QStringLiteral("/report.md")).contains("Note: checked \\| \\# \\`ok\\` \\<script\\>"));
    CHECK(readFile(dir + QStringLiteral("/report.pdf")).startsWith("%PDF-"));
    CHECK(toolOutput(QStringLiteral("qpdf"), { QStringLiteral("--check"), dir + QStringLiteral("/report.pdf") })
              .contains(QLatin1String("No syntax or stream encoding errors")));
    const QString text
        = toolOutput(QStringLiteral("pdftotext"), { dir + QStringLiteral("/report.pdf"), QStringLiteral("-") });
    CHECK(text.contains(QStringLiteral("Readiness review: ") + Project));
    // The PDF formats the note as Markdown (`ok` is code) and shows its raw HTML as text.
    CHECK(text.contains(QStringLiteral("checked | # ok <script>alert(1)</script>")));

    const CliResult json = cli.run({ QStringLiteral("export"), Project, QStringLiteral("--format"),
                                     QStringLiteral("json"), QStringLiteral("-o"), QStringLiteral("-") });
    REQUIRE(json.exitCode == 0);
    const auto document = nlohmann::json::parse(json.out.toStdString());
    CHECK(document["project"]["name"] == Project.toStdString());
    CHECK(document["risks"]["items"][0]["title"] == "<script>alert(1)</script>");
    CHECK(document["report"]["generated_by"] == "tester");
    CHECK(document["report"]["audit_head"].get<std::string>().size() == 64);
}

TEST_CASE("export paper size: from the locale, or --page-size", "[cli][export][e2e]")
{
    CliRunner cli;
    createReview(cli);
    const QString path = QDir(cli.dir()).filePath(QStringLiteral("r.pdf"));
    const auto paperOf = [&](const QString &locale, const QStringList &extra) {
        cli.setEnvironment(QStringLiteral("LC_ALL"), locale);
        // The real binary: the locale is read when the process starts, and a PDF export makes its
        // own offscreen QGuiApplication.
        const CliResult result = cli.spawn(QStringList { QStringLiteral("export"), Project, QStringLiteral("--format"),
                                                         QStringLiteral("pdf"), QStringLiteral("-o"), path }
                                           + extra);
        INFO(result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        return toolOutput(QStringLiteral("pdfinfo"), { path });
    };
    CHECK(paperOf(QStringLiteral("en_US.UTF-8"), {}).contains(QLatin1String("(letter)")));
    CHECK(paperOf(QStringLiteral("de_DE.UTF-8"), {}).contains(QLatin1String("(A4)")));
    CHECK(paperOf(QStringLiteral("en_US.UTF-8"), { QStringLiteral("--page-size"), QStringLiteral("a4") })
              .contains(QLatin1String("(A4)")));
    CHECK(paperOf(QStringLiteral("de_DE.UTF-8"), { QStringLiteral("--page-size"), QStringLiteral("letter") })
              .contains(QLatin1String("(letter)")));
}

TEST_CASE("export errors name the problem and leave no file", "[cli][export]")
{
    CliRunner cli;
    createReview(cli);
    const QString missing = QDir(cli.dir()).filePath(QStringLiteral("no-such-folder/report.md"));
    const struct
    {
        QStringList args;
        int exitCode;
        const char *message;
    } cases[] = {
        { { QStringLiteral("--format"), QStringLiteral("docx"), QStringLiteral("-o"), QStringLiteral("x.docx") },
          2,
          "--format: unknown format \"docx\" (one of md|pdf|html|json|csv|junit)" },
        { { QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("-o"), QStringLiteral("-") },
          2,
          "a PDF cannot be written to standard output" },
        { { QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--page-size"), QStringLiteral("a3"),
            QStringLiteral("-o"), QStringLiteral("x.pdf") },
          2,
          "--page-size: unknown size \"a3\"" },
        { { QStringLiteral("--format"), QStringLiteral("md") }, 2, "output" },
        { { QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("-o"), missing },
          3,
          "cannot write the report" },
    };
    for (const auto &c : cases) {
        INFO(c.args.join(QLatin1Char(' ')).toStdString());
        const CliResult result = cli.run(QStringList { QStringLiteral("export"), Project } + c.args);
        CHECK(result.exitCode == c.exitCode);
        CHECK(result.err.contains(QLatin1String(c.message)));
        CHECK(result.out.isEmpty());
    }
    CHECK_FALSE(QFileInfo::exists(missing));
    CHECK_FALSE(QFileInfo::exists(QDir(cli.dir()).filePath(QStringLiteral("no-such-folder"))));

    const CliResult unknown = cli.run({ QStringLiteral("export"), QStringLiteral("Nope"), QStringLiteral("--format"),
                                        QStringLiteral("md"), QStringLiteral("-o"), QStringLiteral("-") });
    CHECK(unknown.exitCode == 3);
    CHECK(unknown.err.contains(QLatin1String("Nope")));
}

TEST_CASE("CSV export neutralises formulas typed into notes unless --csv-raw", "[cli][export][csv]")
{
    CliRunner cli;
    createReview(cli);
    const QString formula = QStringLiteral("=HYPERLINK(\"https://evil.example\",\"ok\")");
    REQUIRE(cli.run({ QStringLiteral("item"), Project, Item, QStringLiteral("done"), QStringLiteral("--note"), formula,
                      QStringLiteral("--owner"), QStringLiteral("-1+2") })
                .exitCode
            == 0);
    const auto exportCsv = [&](const QStringList &extra) {
        const QString path = QDir(cli.dir()).filePath(QStringLiteral("report.csv"));
        const CliResult result = cli.run(QStringList { QStringLiteral("export"), Project, QStringLiteral("--format"),
                                                       QStringLiteral("csv"), QStringLiteral("-o"), path }
                                         + extra);
        INFO(result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        return QString::fromUtf8(readFile(path));
    };
    const QString safe = exportCsv({});
    CHECK(safe.contains(QStringLiteral(",\"'-1+2\",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"ok\"\")\",")));
    const QString raw = exportCsv({ QStringLiteral("--csv-raw") });
    CHECK(raw.contains(QStringLiteral(",-1+2,\"=HYPERLINK(\"\"https://evil.example\"\",\"\"ok\"\")\",")));
    CHECK_FALSE(raw.contains(QStringLiteral("'=")));

    const QString markdown = QDir(cli.dir()).filePath(QStringLiteral("report.md"));
    const CliResult refused
        = cli.run({ QStringLiteral("export"), Project, QStringLiteral("--format"), QStringLiteral("md"),
                    QStringLiteral("--csv-raw"), QStringLiteral("-o"), markdown });
    CHECK(refused.exitCode == 2);
    CHECK(refused.err == QStringLiteral("preflight: --csv-raw applies to --format csv only\n"));
    CHECK_FALSE(QFileInfo::exists(markdown));
}
