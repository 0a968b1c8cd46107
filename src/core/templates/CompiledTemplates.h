#pragma once

#include "model/Template.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace preflight {

// The built-in templates ship pre-parsed. At build time preflight_template_compiler runs the full
// JSON loader over checklists/*.json (so a broken built-in fails the build, not the app) and
// stores the result in this binary form; the registry reads it at startup for a small fraction
// of what parsing and validating the JSON costs. Templates from users never take this path.
QByteArray writeCompiledTemplates(const std::vector<Template> &templates);
// Throws preflight::Error(Data) naming `sourceName` when the bytes are not a complete compiled
// set of this format version (a build defect, but still reported rather than half-loaded).
std::vector<Template> readCompiledTemplates(const QByteArray &bytes, const QString &sourceName);

} // namespace preflight
