#pragma once

#include "model/Project.h"
#include "model/Template.h"
#include "scoring/Assessment.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace preflight {

// Version of the `status --json` document; bump the number when a key changes meaning or goes
// away (adding keys keeps the version).
inline constexpr const char *StatusSchema = "preflight.status/1";

// The `preflight status --json` document (documented in the README), also the core of the JSON
// export. Keys are snake_case and stable; absent values are null, never missing.
nlohmann::json statusJson(const Template &tmpl, const ProjectState &state, const Assessment &assessment,
                          const QDate &today);

// Pieces of the document, reused by `projects`, `risks` and the exports.
nlohmann::json projectJson(const Project &project);
nlohmann::json riskJson(const Risk &risk, const QDate &today);
nlohmann::json scoreJson(const std::optional<double> &score); // one decimal, or null for n/a
nlohmann::json shortfallsJson(const std::vector<Shortfall> &shortfalls); // [{kind, severity, count, items}]
nlohmann::json toJson(const QString &text);
nlohmann::json toJson(const QStringList &texts);
nlohmann::json toJson(const std::optional<QDate> &date); // "YYYY-MM-DD" or null
nlohmann::json toJson(const QDateTime &time); // ISO 8601 UTC, or null when invalid

} // namespace preflight
