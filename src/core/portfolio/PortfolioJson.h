#pragma once

#include "portfolio/Portfolio.h"

#include <nlohmann/json.hpp>

namespace preflight {

// Version of the `portfolio --json` document; bumped when a key changes meaning or goes away.
inline constexpr const char *PortfolioSchema = "preflight.portfolio/1";

// {"schema", "today", "projects": [one object per row]}; snake_case keys, absent values null.
nlohmann::json portfolioJson(const std::vector<PortfolioRow> &rows, const QDate &today);
nlohmann::json portfolioRowJson(const PortfolioRow &row);

} // namespace preflight
