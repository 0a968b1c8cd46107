#include "scoring/ItemRules.h"

#include "Error.h"

#include <QStringList>

namespace preflight {

ItemKind itemKind(const Item &item)
{
    return item.children.empty() ? ItemKind::Leaf : ItemKind::Parent;
}

ItemKind itemKind(const SummaryItem &item)
{
    return item.rule == SummaryRule::Manual ? ItemKind::ManualSummary : ItemKind::ComputedSummary;
}

ItemKind itemKind(const Template &tmpl, const QString &itemId)
{
    if (const Item *item = tmpl.findItem(itemId))
        return itemKind(*item);
    if (const SummaryItem *summary = tmpl.findSummaryItem(itemId))
        return itemKind(*summary);
    return ItemKind::Unknown;
}

bool statusIsSettable(ItemKind kind)
{
    return kind == ItemKind::Leaf || kind == ItemKind::ManualSummary;
}

bool detailsAreEditable(ItemKind kind)
{
    return kind == ItemKind::Leaf || kind == ItemKind::Parent || kind == ItemKind::ManualSummary;
}

void requireStatusSettable(const Template &tmpl, const QString &itemId)
{
    switch (itemKind(tmpl, itemId)) {
    case ItemKind::Leaf:
    case ItemKind::ManualSummary:
        return;
    case ItemKind::Parent: {
        QStringList children;
        for (const Item &child : tmpl.findItem(itemId)->children)
            children << child.id;
        throw Error(Error::Kind::Usage,
                    QStringLiteral("item \"%1\" has sub-items and its status follows them; set %2 instead")
                        .arg(itemId, children.join(QStringLiteral(", "))));
    }
    case ItemKind::ComputedSummary:
        throw Error(Error::Kind::Usage,
                    QStringLiteral("summary item \"%1\" is computed from the review (%2) and cannot be set by hand")
                        .arg(itemId, summaryRuleKey(tmpl.findSummaryItem(itemId)->rule)));
    case ItemKind::Unknown:
        break;
    }
    throw Error(Error::Kind::Data,
                QStringLiteral("unknown item \"%1\" in template %2 %3 (`preflight template show %2` lists the ids)")
                    .arg(itemId, tmpl.id, tmpl.version));
}

} // namespace preflight
