#pragma once

#include "model/Project.h"
#include "model/Template.h"

namespace preflight {

// The status scoring uses for an item. A leaf's is its stored status. A parent's follows its
// children only, so a parent ticked by hand over open children still counts as open: it is done
// when every child is done or N/A (and at least one is done), N/A when every child is N/A, and
// open otherwise. A parent's own stored status is ignored; its note, owner and evidence are kept.
ItemStatus effectiveStatus(const Item &item, const ProjectState &state);

// Calls visit(item, effectiveStatus, isLeaf) for every item of the category, parents before
// their children, in template order.
template<typename Visit> void forEachItem(const std::vector<Item> &items, const ProjectState &state, Visit &&visit)
{
    for (const Item &item : items) {
        visit(item, effectiveStatus(item, state), item.children.empty());
        forEachItem(item.children, state, visit);
    }
}

template<typename Visit> void forEachItem(const Category &category, const ProjectState &state, Visit &&visit)
{
    for (const Section &section : category.sections)
        forEachItem(section.items, state, visit);
}

} // namespace preflight
