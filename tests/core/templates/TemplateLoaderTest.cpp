#include "templates/TemplateLoader.h"

#include "Error.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace preflight;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/") + QLatin1String(name);
}

// The message of the Error that loading `path` throws; fails the test when nothing is thrown.
std::string loadError(const QString &path, Error::Kind expectedKind = Error::Kind::Data)
{
    try {
        loadTemplateFile(path);
    } catch (const Error &error) {
        CHECK(error.kind() == expectedKind);
        return error.message().toStdString();
    }
    FAIL("no error thrown for " << path.toStdString());
    return {};
}

std::string parseError(const std::string &json)
{
    try {
        parseTemplate(QByteArray::fromStdString(json), QStringLiteral("inline.json"));
    } catch (const Error &error) {
        CHECK(error.kind() == Error::Kind::Data);
        return error.message().toStdString();
    }
    FAIL("no error thrown for " << json);
    return {};
}

// valid-minimal.json with one change applied, for the cases that need no fixture file of their own.
std::string mutatedMinimal(const std::function<void(nlohmann::json &)> &mutate)
{
    QFile file(fixture("valid-minimal.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    nlohmann::json json = nlohmann::json::parse(file.readAll().toStdString());
    mutate(json);
    return json.dump();
}

} // namespace

TEST_CASE("A valid template loads every field", "[templates]")
{
    const Template tmpl = loadTemplateFile(fixture("valid-minimal.json"));
    CHECK(tmpl.id == QLatin1String("api-launch-review"));
    CHECK(tmpl.version == QLatin1String("2.1.0-rc.1"));
    REQUIRE(tmpl.categories.size() == 2);
    const Category &security = tmpl.categories[0];
    CHECK(security.severity == Severity::Critical);
    REQUIRE(security.weight);
    CHECK(*security.weight == 2.5);
    CHECK(tmpl.categories[1].severity == Severity::Low);
    CHECK_FALSE(tmpl.categories[1].weight);
    CHECK(tmpl.itemCount() == 4);

    const Item *nested = tmpl.findItem(QStringLiteral("security.secrets.scanned.history"));
    REQUIRE(nested);
    CHECK(nested->text == QLatin1String("Full history scanned"));
    CHECK(tmpl.categoryOfItem(QStringLiteral("security.secrets.scanned.history")) == &security);
    CHECK(tmpl.categoryOfItem(QStringLiteral("docs.user.changelog")) == &tmpl.categories[1]);
    CHECK(tmpl.findItem(QStringLiteral("security.secrets.scanned"))->text
          == QLatin1String("Repository scanned with `gitleaks`"));
    CHECK_FALSE(tmpl.findItem(QStringLiteral("go-live.pager"))); // summary items are not checklist items
    CHECK_FALSE(tmpl.categoryOfItem(QStringLiteral("no-such-item")));

    const SummaryItem *pager = tmpl.findSummaryItem(QStringLiteral("go-live.pager"));
    REQUIRE(pager);
    CHECK(pager->rule == SummaryRule::Manual);
    CHECK(tmpl.findSummaryItem(QStringLiteral("go-live.critical-done"))->rule == SummaryRule::AllCriticalDone);
    CHECK_FALSE(tmpl.findSummaryItem(QStringLiteral("docs.user.changelog")));
    CHECK(tmpl.statusValues.value(2) == QLatin1String("Go"));
    CHECK(tmpl.projectFields == QStringList { QStringLiteral("notes") });
}

TEST_CASE("Severity and rule keys round-trip and reject unknown spellings", "[templates]")
{
    for (Severity severity : { Severity::Low, Severity::Medium, Severity::High, Severity::Critical })
        CHECK(severityFromKey(severityKey(severity)) == severity);
    CHECK(severityKey(Severity::Critical) == QLatin1String("critical"));
    CHECK_FALSE(severityFromKey(QStringLiteral("Critical")));
    for (SummaryRule rule : { SummaryRule::Manual, SummaryRule::AllCriticalDone, SummaryRule::AllHighDone,
                              SummaryRule::HighRisksMitigated, SummaryRule::SignedOff })
        CHECK(summaryRuleFromKey(summaryRuleKey(rule)) == rule);
    CHECK(summaryRuleKey(SummaryRule::HighRisksMitigated) == QLatin1String("high-risks-mitigated"));
    CHECK_FALSE(summaryRuleFromKey(QString()));
}

TEST_CASE("templateToJson writes what parseTemplate reads", "[templates]")
{
    for (const QString &path :
         { fixture("valid-minimal.json"), QStringLiteral(PREFLIGHT_SOURCE_DIR "/checklists/appendix-a.json") }) {
        INFO(path.toStdString());
        const Template original = loadTemplateFile(path);
        const nlohmann::json written = templateToJson(original);
        const Template reread = parseTemplate(QByteArray::fromStdString(written.dump()), QStringLiteral("written"));
        CHECK(templateToJson(reread) == written);
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(written == nlohmann::json::parse(file.readAll().toStdString())); // nothing lost or added
    }
}

TEST_CASE("Malformed JSON is reported with its line and column", "[templates]")
{
    // The comma after "title": "Security" (line 10) is missing; the parser stops at the closing quote of
    // the next key, `      "severity"` on line 11.
    CHECK(loadError(fixture("invalid-malformed.json"))
          == fixture("invalid-malformed.json").toStdString()
              + ": malformed JSON at line 11, column 16: syntax error while parsing object - unexpected string "
                "literal; expected '}'");
    // Columns count characters, not bytes: "é" is two bytes but one column.
    CHECK(parseError("{\"title\": \"é\" x}")
          == "inline.json: malformed JSON at line 1, column 15: syntax error while parsing object - invalid literal; "
             "last read: '\"é\" x'; expected '}'");
    CHECK(parseError("")
          == "inline.json: malformed JSON at line 1, column 1: syntax error while parsing value - "
             "unexpected end of input; expected '[', '{', or a literal");
    CHECK(parseError("[1e999]")
          == "inline.json: malformed JSON: [json.exception.out_of_range.406] number overflow "
             "parsing '1e999'");
}

TEST_CASE("Each invalid template names the file, the JSON path and the problem", "[templates]")
{
    auto expect = [](const char *name, const std::string &problem) {
        CHECK(loadError(fixture(name)) == fixture(name).toStdString() + ": " + problem);
    };
    expect("invalid-missing-field.json",
           "$.categories[0].sections[0].items[1].children[0].text: missing required field");
    expect("invalid-empty-field.json", "$.summary[0].items[1].text: must not be empty");
    expect("invalid-unknown-severity.json",
           "$.categories[1].severity: unknown severity \"urgent\" (expected low, medium, high or critical)");
    expect("invalid-duplicate-id.json",
           "$.categories[1].sections[0].items[0].id: duplicate id "
           "\"security.secrets.scanned\" (first used at "
           "$.categories[0].sections[0].items[1].id)");
    expect("invalid-wrong-type.json", "$.categories[1].number: expected an integer, found string");
    // "Documentación" written in Latin-1: 0xF3 on line 33 after `      "title": "Documentaci`.
    expect("invalid-not-utf8.json", "not valid UTF-8 at line 33, column 28 (byte 0xf3 at offset 922)");
}

TEST_CASE("A UTF-8 byte order mark is accepted and does not shift error positions", "[templates]")
{
    const std::string bom = "\xEF\xBB\xBF";
    CHECK(parseTemplate(QByteArray::fromStdString(bom + mutatedMinimal([](nlohmann::json &) {})), QStringLiteral("bom"))
              .id
          == QLatin1String("api-launch-review"));
    CHECK(parseError(bom + "{\n \"id\": \"\xFF\"}")
          == "inline.json: not valid UTF-8 at line 2, column 9 (byte 0xff at offset 13)");
}

TEST_CASE("Structural rules a JSON Schema cannot express on its own are enforced", "[templates]")
{
    using nlohmann::json;
    CHECK(parseError("[]") == "inline.json: $: expected an object, found array");
    CHECK(parseError(mutatedMinimal([](json &t) { t["categories"] = json::array(); }))
          == "inline.json: $.categories: must not be empty");
    CHECK(parseError(mutatedMinimal([](json &t) { t["categories"][0]["sevrity"] = "high"; }))
          == "inline.json: $.categories[0].sevrity: unknown field (known fields: id, number, title, severity, weight, "
             "sections)");
    CHECK(parseError(mutatedMinimal([](json &t) { t["id"] = "api-review\n"; }))
          == "inline.json: $.id: id \"api-review\n\" is not lowercase kebab-case (letters, digits, '-' and '.')");
    CHECK(parseError(mutatedMinimal([](json &t) { t["categories"][0]["id"] = "Security Checks"; }))
          == "inline.json: $.categories[0].id: id \"Security Checks\" is not lowercase kebab-case (letters, digits, "
             "'-' and '.')");
    CHECK(parseError(mutatedMinimal([](json &t) { t["version"] = "2.1"; }))
          == "inline.json: $.version: \"2.1\" is not a semantic version such as 1.0.0");
    CHECK(parseError(mutatedMinimal([](json &t) { t["status_values"].push_back("Maybe"); }))
          == "inline.json: $.status_values: expected exactly 3 values (not ready, ready with risks, ready), found 4");
    CHECK(parseError(mutatedMinimal([](json &t) { t["signoff_roles"].push_back("Tech Lead"); }))
          == "inline.json: $.signoff_roles[1]: duplicate value \"Tech Lead\"");
    CHECK(parseError(mutatedMinimal([](json &t) { t["project_fields"] = { "budget" }; }))
          == "inline.json: $.project_fields[0]: unknown project field \"budget\" (expected one of target_launch_date, "
             "actual_launch_date, notes)");
    CHECK(parseError(mutatedMinimal([](json &t) { t["summary"][0]["items"][0]["rule"] = "auto"; }))
          == "inline.json: $.summary[0].items[0].rule: unknown rule \"auto\" (expected manual, all-critical-done, "
             "all-high-done, high-risks-mitigated or signed-off)");
    CHECK(parseError(mutatedMinimal([](json &t) { t["categories"][1]["weight"] = 0; }))
          == "inline.json: $.categories[1].weight: must be a positive number");
    CHECK(parseError(mutatedMinimal([](json &t) { t["categories"][1]["sections"][0]["items"] = json::object(); }))
          == "inline.json: $.categories[1].sections[0].items: expected an array, found object");
    CHECK(parseError(mutatedMinimal([](json &t) { t["summary"][0]["items"][0]["rule"] = nullptr; }))
          == "inline.json: $.summary[0].items[0].rule: expected a string, found null");
}

TEST_CASE("Items nested deeper than a checklist needs are refused", "[templates]")
{
    const std::string deep = mutatedMinimal([](nlohmann::json &t) {
        nlohmann::json item { { "id", "deep" }, { "text", "Deep" } };
        for (int level = 0; level < 10; ++level)
            item = { { "id", "deep-" + std::to_string(level) }, { "text", "Deep" }, { "children", { item } } };
        t["categories"][1]["sections"][0]["items"] = { item };
    });
    const std::string message = parseError(deep);
    CHECK(message.find(": items nested more than 8 levels deep") != std::string::npos);
    CHECK(message.rfind("inline.json: $.categories[1].sections[0].items[0].children[0]", 0) == 0);
}

TEST_CASE("Template files over 10 MB are refused before parsing", "[templates]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QFile source(fixture("valid-minimal.json"));
    REQUIRE(source.open(QIODevice::ReadOnly));
    QByteArray bytes = source.readAll();

    // Exactly at the limit (padded with whitespace) still loads.
    const QString atLimit = dir.filePath(QStringLiteral("at-limit.json"));
    bytes.append(QByteArray(MaxTemplateFileSize - bytes.size(), ' '));
    QFile limitFile(atLimit);
    REQUIRE(limitFile.open(QIODevice::WriteOnly));
    REQUIRE(limitFile.write(bytes) == MaxTemplateFileSize);
    limitFile.close();
    CHECK(loadTemplateFile(atLimit).id == QLatin1String("api-launch-review"));

    const QString overLimit = dir.filePath(QStringLiteral("over-limit.json"));
    QFile overFile(overLimit);
    REQUIRE(overFile.open(QIODevice::WriteOnly));
    REQUIRE(overFile.write(bytes + ' ') == MaxTemplateFileSize + 1);
    overFile.close();
    CHECK(loadError(overLimit) == overLimit.toStdString() + ": file is larger than the 10 MB limit for templates");
}

TEST_CASE("A missing template file is an I/O error naming the file", "[templates]")
{
    const QString missing = fixture("no-such-template.json");
    CHECK(loadError(missing, Error::Kind::Io)
          == missing.toStdString() + ": cannot open template: No such file or directory");
}

TEST_CASE("Item tags are kebab-case words, each once, and round-trip through JSON", "[templates][tags]")
{
    using nlohmann::json;
    const auto items = [](json &t) -> json & { return t["categories"][0]["sections"][0]["items"]; };
    const Template tagged = parseTemplate(QByteArray::fromStdString(mutatedMinimal([&](json &t) {
                                              items(t)[0]["tags"] = { "llm", "python" };
                                          })),
                                          QStringLiteral("inline.json"));
    CHECK(tagged.categories[0].sections[0].items[0].tags
          == QStringList { QStringLiteral("llm"), QStringLiteral("python") });
    CHECK(tagged.categories[0].sections[0].items[1].tags.isEmpty());
    CHECK(parseTemplate(QByteArray::fromStdString(templateToJson(tagged).dump()), QStringLiteral("again"))
              .categories[0]
              .sections[0]
              .items[0]
              .tags
          == tagged.categories[0].sections[0].items[0].tags);
    CHECK(parseError(mutatedMinimal([&](json &t) { items(t)[0]["tags"] = { "LLM" }; }))
          == "inline.json: $.categories[0].sections[0].items[0].tags[0]: tag \"LLM\" is not lowercase kebab-case");
    CHECK(parseError(mutatedMinimal([&](json &t) {
              items(t)[0]["tags"] = { "go", "go" };
          }))
          == "inline.json: $.categories[0].sections[0].items[0].tags[1]: duplicate tag \"go\"");
    CHECK(parseError(mutatedMinimal([&](json &t) { items(t)[0]["tags"] = json::array(); }))
          == "inline.json: $.categories[0].sections[0].items[0].tags: must not be empty");
    CHECK(parseError(mutatedMinimal([&](json &t) {
              items(t)[0]["tags"] = { "llm", "all" };
          }))
          == "inline.json: $.categories[0].sections[0].items[0].tags[1]: tag \"all\" is reserved: --profile all means "
             "every item applies; choose another name");
    CHECK(parseError(mutatedMinimal([&](json &t) { items(t)[0]["tags"] = { "none" }; }))
          == "inline.json: $.categories[0].sections[0].items[0].tags[0]: tag \"none\" is reserved: --profile none "
             "means no tagged item applies; choose another name");
}
