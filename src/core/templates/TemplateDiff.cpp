#include "templates/TemplateDiff.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <tuple>

namespace preflight {

namespace {

const QString TitleSeparator = QStringLiteral(" › ");

// Every unmatched old item against every unmatched new one costs a bigram merge each; past this
// many pairs (two versions that share almost no ids) only equal texts are matched.
constexpr qint64 MaxFuzzyPairs = 1'000'000;

struct Entry
{
    bool summary = false;
    QString id;
    QString text;
    QString place;
    QString placeTitle;
    std::optional<Severity> severity;
    std::optional<SummaryRule> rule;
    QStringList tags;
};

void flattenItems(const std::vector<Item> &items, const Category &category, const Section &section,
                  const QString &parentId, const QString &parentTitle, std::vector<Entry> &out)
{
    for (const Item &item : items) {
        Entry entry;
        entry.id = item.id;
        entry.text = item.text;
        entry.place = category.id + u'/' + section.id + (parentId.isEmpty() ? QString() : u'/' + parentId);
        entry.placeTitle = category.title + TitleSeparator + section.title
            + (parentTitle.isEmpty() ? QString() : TitleSeparator + parentTitle);
        entry.severity = category.severity;
        entry.tags = item.tags;
        out.push_back(entry);
        flattenItems(item.children, category, section, item.id, item.text, out);
    }
}

std::vector<Entry> flatten(const Template &tmpl)
{
    std::vector<Entry> entries;
    for (const Category &category : tmpl.categories) {
        for (const Section &section : category.sections)
            flattenItems(section.items, category, section, {}, {}, entries);
    }
    for (const SummaryGroup &group : tmpl.summary) {
        for (const SummaryItem &item : group.items) {
            Entry entry;
            entry.summary = true;
            entry.id = item.id;
            entry.text = item.text;
            entry.place = group.id;
            entry.placeTitle = group.title;
            entry.rule = item.rule;
            entries.push_back(entry);
        }
    }
    return entries;
}

QString normalized(const QString &text)
{
    static const QRegularExpression marks(QStringLiteral("[*_`~\\\\]"));
    return QString(text).remove(marks).toLower().simplified();
}

// The text's character bigrams, sorted, as a multiset.
std::vector<quint32> bigrams(const QString &text)
{
    const QString plain = normalized(text);
    std::vector<quint32> result;
    for (qsizetype i = 0; i + 1 < plain.size(); ++i)
        result.push_back((quint32(plain[i].unicode()) << 16) | plain[i + 1].unicode());
    if (plain.size() == 1) // a one-letter text is its own gram, so "x" and "" differ
        result.push_back(quint32(plain[0].unicode()) << 16);
    std::sort(result.begin(), result.end());
    return result;
}

double dice(const std::vector<quint32> &a, const std::vector<quint32> &b)
{
    if (a.empty() && b.empty())
        return 1.0;
    size_t common = 0;
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) {
            ++common, ++i, ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return 2.0 * double(common) / double(a.size() + b.size());
}

ItemDiff makeDiff(const Entry *old, const Entry *now, double similarity)
{
    ItemDiff diff;
    diff.summary = (old ? old : now)->summary;
    diff.similarity = similarity;
    if (old) {
        diff.oldId = old->id;
        diff.oldText = old->text;
        diff.oldPlace = old->place;
        diff.oldPlaceTitle = old->placeTitle;
        diff.oldSeverity = old->severity;
        diff.oldRule = old->rule;
        diff.oldTags = old->tags;
    }
    if (now) {
        diff.newId = now->id;
        diff.newText = now->text;
        diff.newPlace = now->place;
        diff.newPlaceTitle = now->placeTitle;
        diff.newSeverity = now->severity;
        diff.newRule = now->rule;
        diff.newTags = now->tags;
    }
    return diff;
}

// Pairs unmatched old and new entries of one kind by text: equal normalised texts, then the most
// similar pairs above the threshold. `match[newIndex]` receives the old index.
void matchByText(const std::vector<Entry> &olds, const std::vector<Entry> &news, std::vector<bool> &oldTaken,
                 std::vector<std::optional<size_t>> &match, std::vector<double> &similarity, bool summary)
{
    std::vector<size_t> freeOld;
    std::vector<size_t> freeNew;
    for (size_t i = 0; i < olds.size(); ++i) {
        if (!oldTaken[i] && olds[i].summary == summary)
            freeOld.push_back(i);
    }
    for (size_t j = 0; j < news.size(); ++j) {
        if (!match[j] && news[j].summary == summary)
            freeNew.push_back(j);
    }
    QHash<QString, std::vector<size_t>> byText;
    for (auto it = freeOld.rbegin(); it != freeOld.rend(); ++it)
        byText[normalized(olds[*it].text)].push_back(*it);
    for (size_t j : freeNew) {
        auto found = byText.find(normalized(news[j].text));
        if (found == byText.end() || found->empty())
            continue;
        match[j] = found->back();
        oldTaken[found->back()] = true;
        similarity[j] = 1.0;
        found->pop_back();
    }
    std::erase_if(freeOld, [&](size_t i) { return oldTaken[i]; });
    std::erase_if(freeNew, [&](size_t j) { return match[j].has_value(); });
    if (freeOld.empty() || freeNew.empty() || qint64(freeOld.size()) * qint64(freeNew.size()) > MaxFuzzyPairs)
        return;

    std::vector<std::vector<quint32>> oldGrams;
    for (size_t i : freeOld)
        oldGrams.push_back(bigrams(olds[i].text));
    std::vector<std::tuple<double, size_t, size_t>> candidates; // similarity, new, old
    for (size_t j : freeNew) {
        const std::vector<quint32> grams = bigrams(news[j].text);
        for (size_t k = 0; k < freeOld.size(); ++k) {
            const size_t total = grams.size() + oldGrams[k].size();
            // The score cannot exceed 2·min/total; most pairs are ruled out by length alone.
            if (total > 0
                && 2.0 * double(std::min(grams.size(), oldGrams[k].size())) / double(total) < ReidentifyThreshold)
                continue;
            if (const double score = dice(grams, oldGrams[k]); score >= ReidentifyThreshold)
                candidates.emplace_back(score, j, freeOld[k]);
        }
    }
    // Best pairs first; ties in document order, so the same two versions always pair the same way.
    std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) {
        if (std::get<0>(a) != std::get<0>(b))
            return std::get<0>(a) > std::get<0>(b);
        return std::tie(std::get<1>(a), std::get<2>(a)) < std::tie(std::get<1>(b), std::get<2>(b));
    });
    for (const auto &[score, j, i] : candidates) {
        if (match[j] || oldTaken[i])
            continue;
        match[j] = i;
        oldTaken[i] = true;
        similarity[j] = score;
    }
}

} // namespace

double textSimilarity(const QString &a, const QString &b)
{
    return dice(bigrams(a), bigrams(b));
}

TemplateDiff diffTemplates(const Template &from, const Template &to)
{
    TemplateDiff diff;
    diff.templateId = to.id;
    diff.fromVersion = from.version;
    diff.toVersion = to.version;
    const std::vector<Entry> olds = flatten(from);
    const std::vector<Entry> news = flatten(to);

    QHash<QString, size_t> oldIndex; // "s:" or "c:" + id: summary and checklist ids are apart
    const auto key = [](const Entry &e) { return (e.summary ? QStringLiteral("s:") : QStringLiteral("c:")) + e.id; };
    for (size_t i = 0; i < olds.size(); ++i)
        oldIndex.insert(key(olds[i]), i);
    std::vector<bool> oldTaken(olds.size(), false);
    std::vector<std::optional<size_t>> match(news.size());
    std::vector<double> similarity(news.size(), 1.0);
    for (size_t j = 0; j < news.size(); ++j) {
        if (const auto found = oldIndex.constFind(key(news[j])); found != oldIndex.cend()) {
            match[j] = *found;
            oldTaken[*found] = true;
        }
    }
    for (bool summary : { false, true })
        matchByText(olds, news, oldTaken, match, similarity, summary);

    for (size_t j = 0; j < news.size(); ++j) {
        const Entry *old = match[j] ? &olds[*match[j]] : nullptr;
        // A pair matched by id reports how far its wording moved; one matched by text, its score.
        const double score = old && old->id == news[j].id ? textSimilarity(old->text, news[j].text) : similarity[j];
        diff.items.push_back(makeDiff(old, &news[j], old ? score : 0.0));
    }
    for (size_t i = 0; i < olds.size(); ++i) {
        if (!oldTaken[i])
            diff.items.push_back(makeDiff(&olds[i], nullptr, 0.0));
    }

    for (const Category &category : to.categories) {
        const auto old = std::find_if(from.categories.begin(), from.categories.end(),
                                      [&](const Category &c) { return c.id == category.id; });
        if (old == from.categories.end())
            diff.categories.push_back(
                { category.id, category.title, std::nullopt, category.severity, std::nullopt, category.weight });
        else if (old->severity != category.severity || old->weight != category.weight)
            diff.categories.push_back(
                { category.id, category.title, old->severity, category.severity, old->weight, category.weight });
    }
    for (const Category &category : from.categories) {
        const bool kept = std::any_of(to.categories.begin(), to.categories.end(),
                                      [&](const Category &c) { return c.id == category.id; });
        if (!kept)
            diff.categories.push_back(
                { category.id, category.title, category.severity, std::nullopt, category.weight, std::nullopt });
    }
    return diff;
}

TemplateDiff::Counts TemplateDiff::counts() const
{
    Counts counts;
    for (const ItemDiff &item : items) {
        counts.added += item.added();
        counts.removed += item.removed();
        counts.moved += item.moved();
        counts.reworded += item.reworded();
        counts.reidentified += item.reidentified();
        counts.severityChanged += item.severityChanged();
        counts.ruleChanged += item.ruleChanged();
        counts.tagsChanged += item.tagsChanged();
        counts.unchanged += item.unchanged();
    }
    return counts;
}

bool TemplateDiff::empty() const
{
    return categories.empty()
        && std::all_of(items.begin(), items.end(), [](const ItemDiff &item) { return item.unchanged(); });
}

std::optional<QString> TemplateDiff::newIdOf(const QString &oldId) const
{
    for (const ItemDiff &item : items) {
        if (item.oldId == oldId)
            return item.newId.isEmpty() ? std::nullopt : std::optional(item.newId);
    }
    return std::nullopt;
}

} // namespace preflight
