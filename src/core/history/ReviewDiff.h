#pragma once

#include "model/Project.h"
#include "model/Template.h"
#include "scoring/Assessment.h"

#include <QDate>
#include <QDateTime>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace preflight {

// What changed between two states of a review: one project at two moments (replayed from its
// audit trail) or two projects of one template. Data only; the CLI, the GUI and JSON word it.
struct ItemChange
{
    QString itemId;
    QString categoryId; // empty for manual summary items
    ItemState before;
    ItemState after; // changedBy/changedAt: who made the latest change, and when
    bool statusChanged() const { return before.status != after.status; }
    bool noteChanged() const { return before.note != after.note; }
    bool evidenceChanged() const { return before.evidence != after.evidence; }
    bool ownerChanged() const { return before.owner != after.owner; }
    bool reasonChanged() const { return before.reason != after.reason; }
};

enum class RiskChangeKind { Opened, Reopened, Mitigated, Closed, Accepted, Expired, Removed, Edited };
QString riskChangeKindKey(RiskChangeKind kind); // "opened", "reopened", ..., "edited"

struct RiskChange
{
    RiskChangeKind kind = RiskChangeKind::Edited;
    std::optional<Risk> before; // nullopt when opened
    std::optional<Risk> after; // nullopt when removed
    const Risk &risk() const { return after ? *after : *before; }
};

enum class SignOffChangeKind { Given, Withdrawn, WentStale };
QString signOffChangeKindKey(SignOffChangeKind kind); // "given", "withdrawn", "stale"

struct SignOffChange
{
    SignOffChangeKind kind = SignOffChangeKind::Given;
    QString role;
    SignOff signoff; // the new one when given, else the one withdrawn or gone stale
};

struct ScoreDelta
{
    QString categoryId;
    QString title;
    Severity severity = Severity::High;
    std::optional<double> before;
    std::optional<double> after;
    // nullopt unless both are numbers
    std::optional<double> delta() const { return before && after ? std::optional(*after - *before) : std::nullopt; }
};

struct ReviewDiff
{
    Verdict verdictBefore = Verdict::NotReady;
    Verdict verdictAfter = Verdict::NotReady;
    ScoreDelta overall; // categoryId empty
    std::vector<ItemChange> items; // in template order, then ids the template does not know
    std::vector<RiskChange> risks;
    std::vector<SignOffChange> signoffs; // in template role order
    std::vector<ScoreDelta> categories; // every category of the later template, in its order
    bool hasChanges() const;
};

// How risks of the two states are paired: by id within one project, by title across projects
// (their ids are numbered per database, not per review).
enum class RiskMatch { ById, ByTitle };

struct ReviewSide
{
    const Template &tmpl;
    const ProjectState &state;
    QDate day; // the day each side is assessed for: acceptances expire by date
};

ReviewDiff diffReviews(const ReviewSide &before, const ReviewSide &after, RiskMatch match = RiskMatch::ById);

// One project between two moments, replayed from `history` (Store::history): the states after the
// rows stamped up to `since` and up to `until`.
struct ReviewDiffOverTime
{
    ProjectState before;
    ProjectState after;
    ReviewDiff diff;
};
// The template a state of the project was on (its templateId and templateVersion then): a
// migration between the two moments scores each side on its own version.
using TemplateOf = std::function<std::shared_ptr<const Template>(const Project &)>;
ReviewDiffOverTime diffOverTime(const TemplateOf &templateOf, const Project &project,
                                const std::vector<AuditEntry> &history, const QDateTime &since, const QDateTime &until);

} // namespace preflight
