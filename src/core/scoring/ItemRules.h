#pragma once

#include "model/Template.h"

#include <QString>

namespace preflight {

// What an id of a template names, as far as editing it is concerned.
enum class ItemKind {
    Unknown, // not an item or summary item of the template
    Leaf, // a checklist item without sub-items
    Parent, // a checklist item whose status follows its sub-items
    ManualSummary, // a summary item a person ticks
    ComputedSummary, // a summary item worked out from the review; never stored
};

ItemKind itemKind(const Item &item);
ItemKind itemKind(const SummaryItem &item);
ItemKind itemKind(const Template &tmpl, const QString &itemId);

// A person sets the status of leaves and manual summary items only: a parent's follows its
// sub-items (scoring's rule) and a computed summary item follows the review.
bool statusIsSettable(ItemKind kind);
// Owner, evidence and note belong to every stored item, parents included.
bool detailsAreEditable(ItemKind kind);

// Throws Error(Usage) for a parent (naming the sub-items to set instead) or a computed summary
// item, and Error(Data) for an id the template does not have; every message names the item.
void requireStatusSettable(const Template &tmpl, const QString &itemId);

} // namespace preflight
