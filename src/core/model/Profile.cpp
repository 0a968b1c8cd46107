#include "model/Profile.h"

#include <algorithm>

namespace preflight {

namespace {

void collectTags(const std::vector<Item> &items, QStringList &tags)
{
    for (const Item &item : items) {
        tags += item.tags;
        collectTags(item.children, tags);
    }
}

} // namespace

bool itemApplies(const QStringList &itemTags, const Profile &profile)
{
    if (!profile || itemTags.isEmpty())
        return true;
    return std::any_of(itemTags.begin(), itemTags.end(), [&](const QString &tag) { return profile->contains(tag); });
}

QStringList templateTags(const Template &tmpl)
{
    QStringList tags;
    for (const Category &category : tmpl.categories) {
        for (const Section &section : category.sections)
            collectTags(section.items, tags);
    }
    tags.sort();
    tags.removeDuplicates();
    return tags;
}

Profile normalizedProfile(const Profile &profile)
{
    if (!profile)
        return std::nullopt;
    QStringList tags = *profile;
    tags.sort();
    tags.removeDuplicates();
    return tags;
}

QString profileText(const Profile &profile)
{
    if (!profile)
        return {};
    return profile->isEmpty() ? QStringLiteral("none") : profile->join(QLatin1Char(','));
}

bool isReservedTag(const QString &tag)
{
    return tag == QLatin1String("all") || tag == QLatin1String("none");
}

Profile profileFromText(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    if (text == QLatin1String("none"))
        return QStringList();
    return text.split(QLatin1Char(','));
}

} // namespace preflight
