#include "model/Template.h"

#include "model/EnumKeys.h"

#include <array>
#include <utility>

namespace preflight {

namespace {

// One table per enum keeps the key spelling and its parse in a single place.
constexpr std::array<std::pair<Severity, const char *>, 4> SeverityKeys { {
    { Severity::Low, "low" },
    { Severity::Medium, "medium" },
    { Severity::High, "high" },
    { Severity::Critical, "critical" },
} };

constexpr std::array<std::pair<SummaryRule, const char *>, 5> SummaryRuleKeys { {
    { SummaryRule::Manual, "manual" },
    { SummaryRule::AllCriticalDone, "all-critical-done" },
    { SummaryRule::AllHighDone, "all-high-done" },
    { SummaryRule::HighRisksMitigated, "high-risks-mitigated" },
    { SummaryRule::SignedOff, "signed-off" },
} };

const Item *findIn(const std::vector<Item> &items, const QString &itemId)
{
    for (const Item &item : items) {
        if (item.id == itemId)
            return &item;
        if (const Item *child = findIn(item.children, itemId))
            return child;
    }
    return nullptr;
}

int countIn(const std::vector<Item> &items)
{
    int count = 0;
    for (const Item &item : items)
        count += 1 + countIn(item.children);
    return count;
}

} // namespace

QString severityKey(Severity severity)
{
    return keyOf(SeverityKeys, severity);
}

std::optional<Severity> severityFromKey(const QString &key)
{
    return valueOf(SeverityKeys, key);
}

QString summaryRuleKey(SummaryRule rule)
{
    return keyOf(SummaryRuleKeys, rule);
}

std::optional<SummaryRule> summaryRuleFromKey(const QString &key)
{
    return valueOf(SummaryRuleKeys, key);
}

const Item *Template::findItem(const QString &itemId) const
{
    for (const Category &category : categories) {
        for (const Section &section : category.sections) {
            if (const Item *item = findIn(section.items, itemId))
                return item;
        }
    }
    return nullptr;
}

const Category *Template::categoryOfItem(const QString &itemId) const
{
    for (const Category &category : categories) {
        for (const Section &section : category.sections) {
            if (findIn(section.items, itemId))
                return &category;
        }
    }
    return nullptr;
}

const SummaryItem *Template::findSummaryItem(const QString &itemId) const
{
    for (const SummaryGroup &group : summary) {
        for (const SummaryItem &item : group.items) {
            if (item.id == itemId)
                return &item;
        }
    }
    return nullptr;
}

int Template::itemCount() const
{
    int count = 0;
    for (const Category &category : categories) {
        for (const Section &section : category.sections)
            count += countIn(section.items);
    }
    return count;
}

} // namespace preflight
