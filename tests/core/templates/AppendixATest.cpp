// Checks checklists/appendix-a.json against the Markdown seed it was made from. The seed is parsed
// here independently (plain line matching), so a wrong, missing or moved item in the JSON fails.

#include "templates/TemplateLoader.h"
#include "templates/TemplateRegistry.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>

using namespace preflight;

namespace {

struct SeedItem
{
    QString text;
    QStringList children;
};

struct SeedSection
{
    QString title;
    std::vector<SeedItem> items;
};

struct SeedCategory
{
    int number = 0;
    QString title;
    QString severity;
    std::vector<SeedSection> sections;
};

struct Seed
{
    std::vector<SeedCategory> categories;
    std::vector<std::pair<QString, QStringList>> summary; // group title → item texts
    QStringList signoffRoles;
    QStringList riskColumns;
    QStringList statusValues;
};

// The seed's emoji were decoded once as Windows-1252: U+1F534 became "ðŸ”´", U+1F7E0 "ðŸŸ" + NBSP.
QString repairEmoji(QString text)
{
    text.replace(QString::fromUtf8("\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xB4"), QString::fromUtf8("\xF0\x9F\x94\xB4"));
    text.replace(QString::fromUtf8("\xC3\xB0\xC5\xB8\xC5\xB8\xC2\xA0"), QString::fromUtf8("\xF0\x9F\x9F\xA0"));
    return text;
}

Seed parseSeed()
{
    QFile file(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/appendix-a-seed.md"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString markdown = repairEmoji(QString::fromUtf8(file.readAll()));

    static const QRegularExpression categoryHeading(QStringLiteral("^## (\\d+)\\. (.+) (\\S+)$"));
    static const QRegularExpression role(QStringLiteral("^\\*\\*(.+):\\*\\* _+ Date: _+$"));
    const QString critical = QString::fromUtf8("\xF0\x9F\x94\xB4");
    Seed seed;
    QStringList *summaryItems = nullptr;
    SeedCategory *category = nullptr;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (const auto match = categoryHeading.match(line); match.hasMatch()) {
            seed.categories.push_back(
                { match.captured(1).toInt(),
                  match.captured(2),
                  match.captured(3) == critical ? QStringLiteral("critical") : QStringLiteral("high"),
                  {} });
            category = &seed.categories.back();
            summaryItems = nullptr;
        } else if (line == QLatin1String("## Executive Summary") || line == QLatin1String("### Acceptance Criteria")) {
            seed.summary.push_back({ line.section(QLatin1Char(' '), 1), {} });
            summaryItems = &seed.summary.back().second;
            category = nullptr;
        } else if (line.startsWith(QLatin1String("## "))) {
            category = nullptr;
            summaryItems = nullptr;
        } else if (line.startsWith(QLatin1String("### ")) && category) {
            category->sections.push_back({ line.mid(4), {} });
        } else if (line.startsWith(QLatin1String("- [ ] "))) {
            if (summaryItems)
                summaryItems->append(line.mid(6));
            else if (category)
                category->sections.back().items.push_back({ line.mid(6), {} });
        } else if (line.startsWith(QLatin1String("  - [ ] ")) && category) {
            category->sections.back().items.back().children.append(line.mid(8));
        } else if (const auto match = role.match(line); match.hasMatch()) {
            seed.signoffRoles.append(match.captured(1));
        } else if (line.startsWith(QLatin1String("| Risk |"))) {
            for (const QString &cell : line.split(QLatin1Char('|'), Qt::SkipEmptyParts))
                seed.riskColumns.append(cell.trimmed());
        } else if (line.startsWith(QLatin1String("**Status:**"))) {
            for (const QString &value : line.mid(11).split(QLatin1Char('|')))
                seed.statusValues.append(value.trimmed().mid(4)); // drop "[ ] "
        }
    }
    return seed;
}

Template appendixA()
{
    return loadTemplateFile(QStringLiteral(PREFLIGHT_SOURCE_DIR "/checklists/appendix-a.json"));
}

int countItems(const std::vector<SeedSection> &sections)
{
    int count = 0;
    for (const SeedSection &section : sections) {
        for (const SeedItem &item : section.items)
            count += 1 + static_cast<int>(item.children.size());
    }
    return count;
}

} // namespace

TEST_CASE("Appendix A has the seed's category counts and severities", "[templates]")
{
    const Seed seed = parseSeed();
    const Template tmpl = appendixA();

    // The numbers from the issue, so a seed parser bug cannot hide a wrong template.
    const std::vector<int> expectedCounts { 17, 21, 24, 25, 29, 15, 15, 22, 18, 25, 15, 13, 15, 10 };
    REQUIRE(seed.categories.size() == expectedCounts.size());
    REQUIRE(tmpl.categories.size() == expectedCounts.size());
    int total = 0;
    for (std::size_t i = 0; i < expectedCounts.size(); ++i) {
        const Category &category = tmpl.categories[i];
        INFO("category " << category.title.toStdString());
        CHECK(countItems(seed.categories[i].sections) == expectedCounts[i]);
        Template single;
        single.categories = { category };
        CHECK(single.itemCount() == expectedCounts[i]);
        CHECK(severityKey(category.severity) == seed.categories[i].severity);
        total += expectedCounts[i];
    }
    CHECK(tmpl.itemCount() == total);
    CHECK(total == 264);

    QStringList high;
    int criticalCount = 0;
    for (const Category &category : tmpl.categories) {
        if (category.severity == Severity::High)
            high.append(category.title);
        criticalCount += category.severity == Severity::Critical ? 1 : 0;
    }
    CHECK(criticalCount == 10);
    CHECK(high
          == QStringList { QStringLiteral("Cost Management"), QStringLiteral("Scalability"),
                           QStringLiteral("Compliance"), QStringLiteral("Performance") });
}

TEST_CASE("Every seed item appears in its place with its exact text", "[templates]")
{
    const Seed seed = parseSeed();
    const Template tmpl = appendixA();
    REQUIRE(tmpl.categories.size() == seed.categories.size());
    int nested = 0;
    for (std::size_t c = 0; c < seed.categories.size(); ++c) {
        const SeedCategory &expected = seed.categories[c];
        const Category &actual = tmpl.categories[c];
        INFO("category " << expected.title.toStdString());
        CHECK(actual.number == expected.number);
        CHECK(actual.title == expected.title);
        REQUIRE(actual.sections.size() == expected.sections.size());
        for (std::size_t s = 0; s < expected.sections.size(); ++s) {
            INFO("section " << expected.sections[s].title.toStdString());
            CHECK(actual.sections[s].title == expected.sections[s].title);
            REQUIRE(actual.sections[s].items.size() == expected.sections[s].items.size());
            for (std::size_t i = 0; i < expected.sections[s].items.size(); ++i) {
                const Item &item = actual.sections[s].items[i];
                CHECK(item.text == expected.sections[s].items[i].text);
                QStringList children;
                for (const Item &child : item.children)
                    children.append(child.text);
                CHECK(children == expected.sections[s].items[i].children);
                nested += static_cast<int>(item.children.size());
            }
        }
    }
    CHECK(nested == 8);
    const Item *errorHandling = tmpl.findItem(QStringLiteral("code-quality.error-handling.specific-exception-types"));
    REQUIRE(errorHandling);
    CHECK(errorHandling->text == QLatin1String("Specific exception types (not bare `except`)"));
}

TEST_CASE("Summary items, rules, sign-off roles, risk columns and status values match the seed", "[templates]")
{
    const Seed seed = parseSeed();
    const Template tmpl = appendixA();
    REQUIRE(seed.summary.size() == 2);
    REQUIRE(tmpl.summary.size() == 2);
    CHECK(tmpl.summary[0].id == QLatin1String("executive-summary"));
    CHECK(tmpl.summary[1].id == QLatin1String("acceptance-criteria"));
    for (std::size_t g = 0; g < 2; ++g) {
        CHECK(tmpl.summary[g].title == seed.summary[g].first);
        QStringList texts;
        for (const SummaryItem &item : tmpl.summary[g].items)
            texts.append(item.text);
        CHECK(texts == seed.summary[g].second);
    }
    CHECK(tmpl.summary[0].items.size() == 5);
    CHECK(tmpl.summary[1].items.size() == 4);

    auto rules = [](const SummaryGroup &group) {
        QStringList keys;
        for (const SummaryItem &item : group.items)
            keys.append(summaryRuleKey(item.rule));
        return keys.join(QLatin1Char(' '));
    };
    CHECK(rules(tmpl.summary[0]) == QLatin1String("all-critical-done all-high-done manual manual manual"));
    CHECK(rules(tmpl.summary[1]) == QLatin1String("all-critical-done high-risks-mitigated signed-off manual"));

    CHECK(tmpl.signoffRoles == seed.signoffRoles);
    CHECK(tmpl.signoffRoles.size() == 4);
    CHECK(tmpl.riskColumns == seed.riskColumns);
    CHECK(tmpl.riskColumns
          == QStringList { QStringLiteral("Risk"), QStringLiteral("Severity"), QStringLiteral("Mitigation"),
                           QStringLiteral("Owner") });
    CHECK(tmpl.statusValues == seed.statusValues);
    CHECK(tmpl.statusValues.size() == 3);
    CHECK(tmpl.projectFields
          == QStringList { QStringLiteral("target_launch_date"), QStringLiteral("actual_launch_date"),
                           QStringLiteral("notes") });
    CHECK(tmpl.id == QLatin1String("appendix-a"));
    CHECK(tmpl.version == QLatin1String("1.0.1")); // 1.0.0 with tags (README: Applicability profiles)
}

TEST_CASE("Appendix A ids are unique, readable and prefixed by their parent", "[templates]")
{
    const Template tmpl = appendixA();
    QSet<QString> ids;
    int count = 0;
    auto record = [&](const QString &id, const QString &parent) {
        INFO(id.toStdString());
        CHECK(id.startsWith(parent + QLatin1Char('.')));
        CHECK_FALSE(id.contains(QRegularExpression(QStringLiteral("[^a-z0-9.-]"))));
        ids.insert(id);
        ++count;
    };
    std::function<void(const std::vector<Item> &, const QString &)> walk
        = [&](const std::vector<Item> &items, const QString &parent) {
              for (const Item &item : items) {
                  record(item.id, parent);
                  walk(item.children, item.id);
              }
          };
    for (const Category &category : tmpl.categories) {
        ids.insert(category.id);
        ++count;
        for (const Section &section : category.sections) {
            record(section.id, category.id);
            walk(section.items, section.id);
        }
    }
    for (const SummaryGroup &group : tmpl.summary) {
        ids.insert(group.id);
        ++count;
        for (const SummaryItem &item : group.items)
            record(item.id, group.id);
    }
    CHECK(ids.size() == count);
    CHECK(count == 14 + 51 + 264 + 2 + 9); // categories, sections, items, summary groups and items
}

TEST_CASE("The built-in Appendix A is compiled in and equals the checked-in file", "[templates]")
{
    const TemplateRegistry registry;
    const Template *builtin = registry.find(QString::fromLatin1(TemplateRegistry::DefaultTemplateId));
    REQUIRE(builtin);
    CHECK(templateToJson(*builtin) == templateToJson(appendixA()));
    CHECK(registry.warnings().isEmpty());
}
