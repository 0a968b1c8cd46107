#include "templates/TemplateRegistry.h"

#include "templates/TemplateLoader.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace preflight;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

QByteArray fixtureBytes(const char *name)
{
    QFile file(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/") + QLatin1String(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

} // namespace

TEST_CASE("The registry starts with the built-in templates only", "[templates]")
{
    const TemplateRegistry registry;
    // Appendix A 1.0.0 and 1.0.1 (1.0.0 with tags), the older kept for the projects on it.
    REQUIRE(registry.templates().size() == 2);
    CHECK(registry.templates().front().id == QLatin1String("appendix-a"));
    CHECK(registry.find(QStringLiteral("appendix-a"))->version == QLatin1String("1.0.1"));
    CHECK(registry.find(QStringLiteral("appendix-a"), QStringLiteral("1.0.0"))->itemCount() == 264);
    CHECK(registry.find(QStringLiteral("appendix-a"))->itemCount() == 264);
    CHECK_FALSE(registry.find(QStringLiteral("api-launch-review")));
    CHECK(registry.warnings().isEmpty());
}

TEST_CASE("User templates load beside the built-ins, broken ones become warnings", "[templates]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("api.json")), fixtureBytes("valid-minimal.json"));
    writeFile(dir.filePath(QStringLiteral("broken.json")), fixtureBytes("invalid-unknown-severity.json"));
    writeFile(dir.filePath(QStringLiteral("notes.txt")), "not a template");

    TemplateRegistry registry;
    registry.loadUserTemplates(dir.path());
    CHECK(registry.templates().size() == 3);
    REQUIRE(registry.find(QStringLiteral("api-launch-review")));
    CHECK(registry.find(QStringLiteral("api-launch-review"))->title == QLatin1String("API launch review"));
    REQUIRE(registry.warnings().size() == 1);
    CHECK(registry.warnings().front()
          == QStringLiteral("Skipped template: %1: $.categories[1].severity: unknown severity \"urgent\" (expected "
                            "low, medium, high or critical)")
                 .arg(dir.filePath(QStringLiteral("broken.json"))));

    // Reloading after a fix replaces the earlier user templates and warnings instead of adding to them.
    QFile::remove(dir.filePath(QStringLiteral("broken.json")));
    registry.loadUserTemplates(dir.path());
    CHECK(registry.templates().size() == 3);
    CHECK(registry.warnings().isEmpty());
}

TEST_CASE("find returns the newest version of a template id", "[templates]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Template builtin = *TemplateRegistry().find(QStringLiteral("appendix-a"));
    auto writeVersion = [&](const char *fileName, const char *version) {
        nlohmann::json json = templateToJson(builtin);
        json["version"] = version;
        json["title"] = std::string("Appendix A ") + version;
        writeFile(dir.filePath(QLatin1String(fileName)), QByteArray::fromStdString(json.dump()));
    };
    writeVersion("a.json", "1.2.0-beta");
    writeVersion("b.json", "1.10.0");
    writeVersion("c.json", "1.2.0");
    writeVersion("d.json", "1.0.0"); // the built-in's own version: a duplicate, skipped

    TemplateRegistry registry;
    registry.loadUserTemplates(dir.path());
    CHECK(registry.templates().size() == 5);
    CHECK(registry.find(QStringLiteral("appendix-a"))->version == QLatin1String("1.10.0"));
    REQUIRE(registry.warnings().size() == 1);
    CHECK(registry.warnings().front()
          == QStringLiteral("Skipped template: %1: template \"appendix-a\" version 1.0.0 is already loaded")
                 .arg(dir.filePath(QStringLiteral("d.json"))));

    QFile::remove(dir.filePath(QStringLiteral("b.json")));
    registry.loadUserTemplates(dir.path());
    CHECK(registry.find(QStringLiteral("appendix-a"))->version == QLatin1String("1.2.0")); // release beats beta
}

TEST_CASE("A missing user folder is not an error, and the default folder is per user", "[templates]")
{
    TemplateRegistry registry;
    registry.loadUserTemplates(QStringLiteral("/nonexistent/preflight/templates"));
    CHECK(registry.templates().size() == 2);
    CHECK(registry.warnings().isEmpty());
    CHECK(TemplateRegistry::userTemplatesDir()
          == QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/templates"));
    CHECK(TemplateRegistry::userTemplatesDir().endsWith(QLatin1String("/preflight-tests/templates")));
}
