#pragma once

#include "model/Template.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace preflight {

// Applicability profiles. A project's profile is the set of template tags that apply to it:
// - no profile (nullopt, the default and every project from before profiles): every item applies;
// - a profile, even an empty one: an item without tags always applies, an item with tags applies
//   when any of its tags is in the profile. An empty profile thus leaves out every tagged item
//   (a Go batch job on Appendix A: none of llm, python, kubernetes, ... apply).
// A sub-item of an item the profile leaves out is left out with it.
using Profile = std::optional<QStringList>;

bool itemApplies(const QStringList &itemTags, const Profile &profile);

// Every tag the template's items carry, sorted, each once.
QStringList templateTags(const Template &tmpl);

// Sorted, without duplicates: the form stored, audited and compared.
Profile normalizedProfile(const Profile &profile);

// The profile as one line of text, as the audit trail records it: "" for no profile, "none" for
// the empty profile, else the tags joined by commas ("kubernetes,llm"). profileFromText inverts it.
QString profileText(const Profile &profile);
Profile profileFromText(const QString &text);

// "all" and "none", which `--profile` and profileText() give a meaning of their own: a template
// tag of either name could not be told from them, so templates may not use them.
bool isReservedTag(const QString &tag);

} // namespace preflight
