#pragma once

#include "model/Project.h"
#include "storage/Sql.h"

namespace preflight::rows {

// Private to the storage module: the columns of a project, an item state, a risk and a sign-off,
// and the readers that turn one row of them into the model. Reading one project and reading many
// at once (Store::loadStates) go through these, so the two can never read a row differently.
// Each reader reads its columns from column 0 on; a query for many projects appends project_id.

inline constexpr const char *projectColumns
    = "id, name, description, template_id, template_version, target_date, "
      "actual_date, notes, created, updated, archived, require_signatures, profile";
inline constexpr int projectColumnCount = 13;
Project readProject(const sql::Statement &row);

inline constexpr const char *itemColumns = "item_id, status, reason, note, owner, evidence, changed_by, changed_at";
// The same shape with empty text for note, changed_by and changed_at (Store::StateDetail::Scoring).
inline constexpr const char *itemScoringColumns = "item_id, status, reason, '', owner, evidence, '', ''";
inline constexpr int itemColumnCount = 8;
ItemState readItem(const sql::Statement &row);

inline constexpr const char *riskColumns = "id, title, severity, mitigation, owner, status, linked_items, "
                                           "accepted_by, accepted_until, created, updated";
inline constexpr int riskColumnCount = 11;
Risk readRisk(const sql::Statement &row);

// Everything but changesSince, which is counted from the audit trail. Only a server records the
// login (server schema step 3); a file's rows have no such column.
inline constexpr const char *signOffColumns
    = "role, name, decision, comment, date, state_digest, statement, signature, key_fingerprint, audit_seq, ";
inline constexpr const char *signOffLoginOnServer = "coalesce(login, '')";
inline constexpr const char *signOffLoginInFile = "''";
inline constexpr int signOffColumnCount = 11;
SignOff readSignOff(const sql::Statement &row);

// "Wording changed - re-check" flags a template migration left.
inline constexpr const char *recheckColumns = "item_id, old_text, since_version";
inline constexpr int recheckColumnCount = 3;

} // namespace preflight::rows
