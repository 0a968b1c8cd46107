#include "templates/CompiledTemplates.h"

#include "Error.h"
#include "templates/TemplateLoader.h"
#include "templates/TemplateRegistry.h"

#include <QDataStream>
#include <QIODevice>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace preflight;

namespace {

Template appendixA()
{
    return loadTemplateFile(QStringLiteral(PREFLIGHT_SOURCE_DIR "/checklists/appendix-a.json"));
}

// Every field a template has, as the JSON writer spells it: equal dumps mean equal templates.
std::string dump(const Template &tmpl)
{
    return templateToJson(tmpl).dump(1);
}

std::string errorOf(const QByteArray &bytes)
{
    try {
        readCompiledTemplates(bytes, QStringLiteral("builtin.templates"));
    } catch (const Error &error) {
        return error.message().toStdString();
    }
    return "no error";
}

} // namespace

TEST_CASE("The built-in Appendix A is exactly what the JSON loader reads from checklists/", "[templates]")
{
    const TemplateRegistry registry;
    const Template *builtin = registry.find(QStringLiteral("appendix-a"));
    REQUIRE(builtin);
    CHECK(dump(*builtin) == dump(appendixA()));
}

TEST_CASE("Compiled templates read back field for field", "[templates]")
{
    Template weighted = appendixA();
    weighted.id = QStringLiteral("weighted");
    weighted.categories.at(1).weight = 2.5;
    weighted.categories.at(2).severity = Severity::Low;
    weighted.summary.at(0).items.at(0).rule = SummaryRule::HighRisksMitigated;
    weighted.projectFields.clear();
    const std::vector<Template> written { appendixA(), weighted };

    const std::vector<Template> read = readCompiledTemplates(writeCompiledTemplates(written), QStringLiteral("x"));
    REQUIRE(read.size() == 2);
    CHECK(dump(read[0]) == dump(written[0]));
    CHECK(dump(read[1]) == dump(written[1]));
    CHECK(read[1].categories.at(1).weight == 2.5);
    CHECK_FALSE(read[1].categories.at(0).weight.has_value());
    CHECK(read[0].itemCount() == 264);
}

TEST_CASE("Damaged compiled templates are refused, naming the source", "[templates]")
{
    const QByteArray good = writeCompiledTemplates({ appendixA() });
    CHECK(errorOf(good.left(good.size() / 2))
          == QStringLiteral("builtin.templates: compiled templates are damaged (stopped at byte %1 of %1)")
                 .arg(good.size() / 2)
                 .toStdString());
    CHECK(errorOf(good + "extra").find("compiled templates are damaged") != std::string::npos);
    CHECK(errorOf(QByteArray("{\"id\": \"appendix-a\"}"))
          == "builtin.templates: not a set of compiled templates of format version 1");

    // A count far beyond the bytes that follow is damage, not a reason to allocate gigabytes.
    QByteArray huge = good.left(8);
    QDataStream out(&huge, QIODevice::Append);
    out.setByteOrder(QDataStream::LittleEndian);
    out << quint32(0xFFFFFFF0);
    CHECK(errorOf(huge) == "builtin.templates: compiled templates are damaged (stopped at byte 12 of 12)");
}
