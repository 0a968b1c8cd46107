#include "scoring/EffectiveStatus.h"

namespace preflight {

bool outsideProfile(const Item &item, const ProjectState &state)
{
    return !itemApplies(item.tags, state.project.profile);
}

ItemStatus effectiveStatus(const Item &item, const ProjectState &state)
{
    if (outsideProfile(item, state))
        return ItemStatus::NotApplicable;
    if (item.children.empty())
        return state.itemStatus(item.id);
    bool anyDone = false;
    for (const Item &child : item.children) {
        switch (effectiveStatus(child, state)) {
        case ItemStatus::Open:
            return ItemStatus::Open;
        case ItemStatus::Done:
            anyDone = true;
            break;
        case ItemStatus::NotApplicable:
            break;
        }
    }
    return anyDone ? ItemStatus::Done : ItemStatus::NotApplicable;
}

} // namespace preflight
