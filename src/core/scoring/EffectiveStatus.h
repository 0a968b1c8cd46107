#pragma once

#include "model/Project.h"
#include "model/Template.h"

namespace preflight {

// Whether the project's profile leaves the item out by its own tags (model/Profile.h). Its
// sub-items go with it: forEachItem and Assessment::outsideProfile account for that.
bool outsideProfile(const Item &item, const ProjectState &state);

// The status scoring uses for an item. An item the profile leaves out is N/A whatever was stored
// for it; the stored answer is kept and counts again when the profile takes the item back. A
// leaf's status is otherwise its stored status. A parent's follows its children only, so a parent
// ticked by hand over open children still counts as open: it is done when every child is done or
// N/A (and at least one is done), N/A when every child is N/A, and open otherwise. A parent's own
// stored status is ignored; its note, owner and evidence are kept.
ItemStatus effectiveStatus(const Item &item, const ProjectState &state);

// Calls visit(item, effectiveStatus, isLeaf, outsideProfile) for every item of the category,
// parents before their children, in template order; `outsideProfile` is true for an item the
// profile leaves out and for every sub-item of one.
template<typename Visit>
void forEachItem(const std::vector<Item> &items, const ProjectState &state, Visit &&visit, bool parentOutside = false)
{
    for (const Item &item : items) {
        const bool outside = parentOutside || outsideProfile(item, state);
        visit(item, outside ? ItemStatus::NotApplicable : effectiveStatus(item, state), item.children.empty(), outside);
        forEachItem(item.children, state, visit, outside);
    }
}

template<typename Visit> void forEachItem(const Category &category, const ProjectState &state, Visit &&visit)
{
    for (const Section &section : category.sections)
        forEachItem(section.items, state, visit);
}

} // namespace preflight
