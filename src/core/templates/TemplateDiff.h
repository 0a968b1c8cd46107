#pragma once

#include "model/Template.h"

#include <QString>

#include <optional>
#include <vector>

namespace preflight {

// What changed between two versions of a template, item by item: what `template diff` prints and
// what `project migrate` follows. Pure data; the command line and the GUI word it.
//
// Items are matched by id first (ids are stable across versions and never derived from
// position). What is left on either side is then matched by text: equal text after
// normalisation first, then near-same text by similarity (textSimilarity ≥ ReidentifyThreshold),
// best pairs first. Checklist items and summary items are matched within their own kind.
struct ItemDiff
{
    bool summary = false; // a summary item (Executive Summary, Acceptance Criteria)
    QString oldId; // empty: added in the new version
    QString newId; // empty: removed
    QString oldText;
    QString newText;
    // Where the item sits: category id, section id and parent item id joined by '/', and the same
    // in titles for people ("Testing › Unit Tests"); for a summary item its group.
    QString oldPlace;
    QString newPlace;
    QString oldPlaceTitle;
    QString newPlaceTitle;
    std::optional<Severity> oldSeverity; // the category's; none for summary items
    std::optional<Severity> newSeverity;
    QStringList oldTags; // applicability tags
    QStringList newTags;
    std::optional<SummaryRule> oldRule; // summary items only
    std::optional<SummaryRule> newRule;
    double similarity = 1.0; // of the texts; what matched a re-identified pair

    bool added() const { return oldId.isEmpty(); }
    bool removed() const { return newId.isEmpty(); }
    bool matched() const { return !added() && !removed(); }
    bool reidentified() const { return matched() && oldId != newId; }
    bool moved() const { return matched() && oldPlace != newPlace; }
    bool reworded() const { return matched() && oldText != newText; }
    bool severityChanged() const { return matched() && oldSeverity != newSeverity; }
    bool ruleChanged() const { return matched() && oldRule != newRule; }
    bool tagsChanged() const { return matched() && oldTags != newTags; }
    bool unchanged() const
    {
        return matched() && !reidentified() && !moved() && !reworded() && !severityChanged() && !ruleChanged()
            && !tagsChanged();
    }
};

// A category whose severity or weight changed, or that one version lacks.
struct CategoryDiff
{
    QString id;
    QString title; // the new version's, else the old one's
    std::optional<Severity> oldSeverity; // none: the category is new
    std::optional<Severity> newSeverity; // none: the category was removed
    std::optional<double> oldWeight; // none: the severity's default weight
    std::optional<double> newWeight;
};

struct TemplateDiff
{
    QString templateId;
    QString fromVersion;
    QString toVersion;
    // Every item of both versions: the new version's in its order (with their old counterpart
    // when there is one), then the removed ones in the old version's order.
    std::vector<ItemDiff> items;
    std::vector<CategoryDiff> categories;

    struct Counts
    {
        int added = 0;
        int removed = 0;
        int moved = 0;
        int reworded = 0;
        int reidentified = 0;
        int severityChanged = 0;
        int ruleChanged = 0;
        int tagsChanged = 0;
        int unchanged = 0;
    };
    Counts counts() const;
    bool empty() const; // nothing changed at all
    // The new version's id for an old item id, or nullopt when the item was removed.
    std::optional<QString> newIdOf(const QString &oldId) const;
};

inline constexpr double ReidentifyThreshold = 0.75;

TemplateDiff diffTemplates(const Template &from, const Template &to);

// Sørensen–Dice coefficient over the character bigrams of the two texts, after lowercasing,
// dropping Markdown emphasis and code marks and collapsing blanks: 1 for equal texts, 0 for texts
// without a bigram in common. Cheap enough to compare every unmatched pair of two large versions.
double textSimilarity(const QString &a, const QString &b);

} // namespace preflight
