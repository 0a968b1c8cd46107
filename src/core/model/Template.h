#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace preflight {

enum class Severity { Low, Medium, High, Critical };

// "low", "medium", "high", "critical"; the spelling used in JSON, the CLI and the database.
QString severityKey(Severity severity);
std::optional<Severity> severityFromKey(const QString &key);

struct Item
{
    QString id; // stable, human-readable, unique within the template; never derived from position
    QString text; // Markdown inline text, exactly as in the source checklist
    std::vector<Item> children;
    // Applicability: the kinds of project the item is for ("llm", "python", "kubernetes"); empty
    // when it applies to every project. Lowercase kebab-case words, each once.
    QStringList tags = {}; // a default, so {id, text, children} still initialises an Item
};

struct Section
{
    QString id;
    QString title;
    std::vector<Item> items;
};

struct Category
{
    QString id;
    int number = 0; // the "1." of "1. Code Quality", for display only
    QString title;
    Severity severity = Severity::High;
    std::optional<double> weight; // overrides the severity's default weight in the overall score
    std::vector<Section> sections;
};

// Rules the app can evaluate for a summary item; Manual means a person ticks it.
enum class SummaryRule {
    Manual,
    AllCriticalDone, // every item of every critical category done or N/A
    AllHighDone, // every item of every high category done or N/A
    HighRisksMitigated, // no high/critical risk open or accepted
    SignedOff // every sign-off role approved and none stale
};
QString summaryRuleKey(SummaryRule rule);
std::optional<SummaryRule> summaryRuleFromKey(const QString &key);

struct SummaryItem
{
    QString id;
    QString text;
    SummaryRule rule = SummaryRule::Manual;
};

// "Executive Summary" and "Acceptance Criteria" in Appendix A.
struct SummaryGroup
{
    QString id;
    QString title;
    std::vector<SummaryItem> items;
};

struct Template
{
    QString id; // e.g. "appendix-a"
    QString version; // semantic version, e.g. "1.0.0"
    QString title;
    QString description;
    std::vector<Category> categories;
    std::vector<SummaryGroup> summary;
    QStringList signoffRoles; // "Engineering Lead", ...
    QStringList riskColumns; // "Risk", "Severity", "Mitigation", "Owner"
    QStringList statusValues; // "Not Ready", "Ready with Risks", "Ready for Production"
    QStringList projectFields; // "target_launch_date", "actual_launch_date", "notes"

    // Lookups over the whole tree (categories → sections → items → children).
    const Item *findItem(const QString &itemId) const;
    const Category *categoryOfItem(const QString &itemId) const;
    const SummaryItem *findSummaryItem(const QString &itemId) const;
    int itemCount() const; // every checklist item including nested children, excluding summary items
};

} // namespace preflight
