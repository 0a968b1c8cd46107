#pragma once

#include "model/Project.h"

#include <QString>

#include <optional>

namespace preflight {

// The canonical text a reviewer signs with `ssh-keygen -Y sign -n preflight-signoff`. It is
// UTF-8, one "key: value" line per field in this fixed order, each line ending in "\n":
//
//   preflight-signoff/1
//   project: <project name>
//   template: <template id>
//   template-version: <template version>
//   role: <sign-off role>
//   name: <who signs>
//   decision: approve | approve-with-risks | reject
//   date: <UTC, ISO 8601 with milliseconds, e.g. 2026-11-29T21:30:00.000Z>
//   state-digest: <ProjectState::reviewDigest() at signing>
//
// A backslash in a value is written "\\" and a line break "\n", so every field is one line.
// The comment is not part of it: it explains, the statement attests.
struct SignOffStatement
{
    QString project;
    QString templateId;
    QString templateVersion;
    QString role;
    QString name;
    QString decision; // decisionKey()
    QString date;
    QString stateDigest;

    static SignOffStatement of(const Project &project, const SignOff &signoff);
    static std::optional<SignOffStatement> parse(const QString &text); // nullopt: not this format
    QString text() const;

    // The field names where `this` (what was signed) and `row` (what the database says now)
    // differ. A digest the template migration marked stale still matches what was signed.
    QStringList differences(const SignOffStatement &row) const;

    bool operator==(const SignOffStatement &) const = default;
};

} // namespace preflight
