#pragma once

#include <QString>

#include <map>

namespace preflight::import {

// The attributes a template export writes in a trailing HTML comment, invisible where the file is
// rendered, so that an exported template imports back equal:
//   ## 1. Code Quality 🔴 <!-- id: code-quality; weight: 2.5 -->
//   - [ ] All critical items done <!-- id: summary.all-critical; rule: all-critical-done -->
//   ## Launch Gates <!-- id: launch-gates; summary -->
// and, as its own block under the title, <!-- preflight-template id: appendix-a; version: 1.1.0 -->.
// Pairs are "key: value" separated by ';'; a key alone is a flag (its value is empty). Keys are
// lowercase; values are trimmed. Text that is not in this form yields no attributes.
using BlockAttributes = std::map<QString, QString>;
BlockAttributes parseAttributes(const QString &text);

// The comment that carries the template's own id and version.
inline constexpr const char *TemplateCommentTag = "preflight-template";

} // namespace preflight::import
