#pragma once

#include "model/Project.h"
#include "model/Template.h"

#include <QDate>
#include <QSet>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace preflight {

enum class Verdict { NotReady, ReadyWithRisks, Ready };
QString verdictKey(Verdict verdict); // "not-ready", "ready-with-risks", "ready"
QString verdictLabel(const Template &tmpl, Verdict verdict); // the template's wording

struct Counts
{
    int done = 0;
    int na = 0;
    int open = 0;
    // Of `na`: items N/A because the project's profile leaves them out, not because someone said so.
    int outsideProfile = 0;
    int total() const { return done + na + open; }
};

struct CategoryScore
{
    QString id;
    QString title;
    Severity severity = Severity::High;
    Counts counts;
    std::optional<double> score; // percent; nullopt ("n/a") when every item is N/A
};

// Something that keeps a verdict or a computed summary item from being better: data, never words.
// The front-ends word it (Wording.h for the command line, JSON and reports; tr() in the GUI).
enum class ShortfallKind {
    OpenItems, // checklist items of categories of `severity` open (parents included, as counted)
    OpenSummaryItems, // manual summary items not ticked
    OpenSevereRisks, // high or critical risks open
    OpenMinorRisks, // low or medium risks open
    AcceptedRisks, // risks of any severity accepted rather than mitigated
    AcceptedSevereRisks, // high or critical risks accepted rather than mitigated
    SignOffsRejected, // roles whose current decision is reject
    SignOffsMissing, // roles nobody signed for
    SignOffsStale, // roles whose approval predates later changes
    SignOffsApprovedWithRisksOnly, // roles that approved with risks while the verdict is not Ready with Risks
};
QString shortfallKindKey(ShortfallKind kind); // "open-items", "signoffs-missing", ...

struct Shortfall
{
    ShortfallKind kind = ShortfallKind::OpenItems;
    std::optional<Severity> severity; // the items' category severity, the worst risk's; none for sign-offs
    int count = 0;
    QStringList items; // item ids, risk ids or roles, in template (or risk) order
};

struct SummaryResult
{
    QString id;
    QString groupId;
    QString text;
    SummaryRule rule = SummaryRule::Manual;
    bool met = false;
    bool computed = false; // false: ticked by a person
    std::vector<Shortfall> shortfalls; // why a computed item is not met; empty when met or manual
    ItemStatus manualStatus = ItemStatus::Open; // a manual item's stored status
    QString naReason; // a manual item's N/A reason
};

// Where a role's sign-off stands under the present review and verdict. A current reject is
// Rejected even when stale: it holds back sign-off until the role signs again either way.
enum class SignOffStanding {
    NotSigned,
    Counts, // a current approval valid for the verdict
    Rejected,
    Stale, // an approval given before later item or risk changes
    ApprovedWithRisksOnly, // a current approve-with-risks while the verdict is not Ready with Risks
};
QString signOffStandingKey(SignOffStanding standing); // "not-signed", "counts", "rejected", ...
SignOffStanding signOffStanding(const std::optional<SignOff> &signoff, bool stale, Verdict verdict);

struct SignOffStatus
{
    QString role;
    std::optional<SignOff> signoff; // nullopt: nobody signed for this role
    bool stale = false;
    SignOffStanding standing = SignOffStanding::NotSigned;
    bool counts = false; // standing == Counts
};

struct Action
{
    QString kind; // "risk", "item" or "summary"
    QString id; // item id, summary item id, or the risk id as text
    QString text;
    Severity severity = Severity::High;
    QString categoryId; // empty for risks and summary items
};

// Everything the GUI, the command line and the reports show about a project's readiness.
// They never compute numbers of their own.
struct Assessment
{
    Verdict verdict = Verdict::NotReady;
    std::vector<Shortfall> verdictShortfalls; // why the verdict is not better, most serious first
    std::optional<double> score; // overall, percent, severity-weighted
    Counts counts;
    std::map<Severity, Counts> bySeverity;
    std::vector<CategoryScore> categories;
    std::vector<SummaryResult> summary;
    int openHighOrCriticalRisks = 0;
    int acceptedRisks = 0;
    std::vector<SignOffStatus> signoffs; // one per template role, in template order
    bool signedOff = false;
    std::vector<Shortfall> signOffShortfalls; // why not signed off, by standing; empty when signed off
    std::vector<Action> actions;
    // Items the project's profile leaves out (sub-items of such items included): N/A in every count
    // above, whatever answer is stored for them. Empty when the project has no profile.
    QSet<QString> outsideProfile;
};

// Default category weights by severity; a category's own weight overrides them.
double defaultWeight(Severity severity);

Assessment assess(const Template &tmpl, const ProjectState &state, const QDate &today);

} // namespace preflight
