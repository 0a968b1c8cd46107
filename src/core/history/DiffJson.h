#pragma once

#include "history/ReviewDiff.h"

#include <nlohmann/json.hpp>

namespace preflight {

// Versions of the `diff --json` and `compare --json` documents.
inline constexpr const char *DiffSchema = "preflight.diff/1";
inline constexpr const char *CompareSchema = "preflight.compare/1";

// The changes as JSON: verdict, score, categories, items, risks and sign-offs (snake_case keys,
// absent values null). The caller adds the schema and what was compared.
nlohmann::json reviewDiffJson(const ReviewDiff &diff, const QDate &today);

} // namespace preflight
