// check, history, verify
#include "cli/Context.h"
#include "scoring/StatusJson.h"
#include "scoring/Wording.h"
#include "signing/SshSigning.h"
#include "storage/Store.h"

namespace preflight::cli {

namespace {

// The gate's own short words for a role that holds back sign-off (documented in the README);
// the same standings `status` and the reports word in full.
QString signOffProblem(const SignOffStatus &status)
{
    switch (status.standing) {
    case SignOffStanding::NotSigned:
        return QStringLiteral("missing");
    case SignOffStanding::Rejected:
        return QStringLiteral("rejected");
    case SignOffStanding::Stale:
        return QStringLiteral("stale");
    case SignOffStanding::ApprovedWithRisksOnly:
        return QStringLiteral("approved with risks, but the verdict is not Ready with Risks");
    case SignOffStanding::Counts:
        break;
    }
    return {};
}

int checkProject(Context &context)
{
    const QString minText = context.optionalValue(QStringLiteral("min")).value_or(QStringLiteral("ready"));
    Verdict required = Verdict::Ready;
    if (minText == QLatin1String("ready-with-risks"))
        required = Verdict::ReadyWithRisks;
    else if (minText != QLatin1String("ready"))
        throw usageError(QStringLiteral("--min: unknown value \"%1\" (one of ready|ready-with-risks)").arg(minText));
    const bool allowUnsigned = context.isSet(QStringLiteral("allow-unsigned"));

    const Review review = context.review(context.arg(0));
    const Assessment &a = review.assessment;
    // Verdicts are ordered worst first, so "at least" is a comparison of the enum values.
    const bool verdictMet = static_cast<int>(a.verdict) >= static_cast<int>(required);
    const bool signoffMet = a.signedOff || allowUnsigned;
    const bool met = verdictMet && signoffMet;

    QStringList reasons;
    if (!verdictMet)
        reasons << QStringLiteral("verdict %1, needs %2: %3")
                       .arg(verdictLabel(*review.tmpl, a.verdict), verdictLabel(*review.tmpl, required),
                            verdictReasonTexts(a).join(QStringLiteral("; ")));
    if (!signoffMet) {
        QStringList roles;
        for (const SignOffStatus &s : a.signoffs) {
            if (!s.counts)
                roles << QStringLiteral("%1 %2").arg(s.role, signOffProblem(s));
        }
        reasons << QStringLiteral("not signed off: %1").arg(roles.join(QStringLiteral(", ")));
    }
    if (context.json()) {
        context.printJson(document("preflight.check/1",
                                   { { "project", toJson(review.project.name) },
                                     { "met", met },
                                     { "verdict", toJson(verdictKey(a.verdict)) },
                                     { "required", toJson(verdictKey(required)) },
                                     { "signed_off", a.signedOff },
                                     { "signoff_required", !allowUnsigned },
                                     { "reasons", toJson(reasons) },
                                     { "verdict_shortfalls", shortfallsJson(a.verdictShortfalls) },
                                     { "signoff_shortfalls", shortfallsJson(a.signOffShortfalls) } }));
    } else if (met) {
        context.out() << review.project.name << ": met (" << verdictLabel(*review.tmpl, a.verdict)
                      << (a.signedOff ? ", signed off" : ", sign-offs not required") << ")\n";
    } else {
        context.out() << review.project.name << ": not met\n";
        for (const QString &reason : reasons)
            context.out() << "  - " << reason << '\n';
    }
    return met ? Success : NotMet;
}

int showHistory(Context &context)
{
    const Project project = context.project(context.arg(0));
    const std::vector<AuditEntry> entries = context.store().history(project.id);
    if (context.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const AuditEntry &e : entries)
            list.push_back({ { "seq", e.seq },
                             { "time", toJson(e.time) },
                             { "actor", toJson(e.actor) },
                             { "what", toJson(e.key.toString()) },
                             { "subject", toJson(auditSubjectKey(e.key.subject)) },
                             { "subject_id", e.key.id.isEmpty() ? nlohmann::json(nullptr) : toJson(e.key.id) },
                             { "field", e.key.field.isEmpty() ? nlohmann::json(nullptr) : toJson(e.key.field) },
                             { "old", toJson(e.oldValue) },
                             { "new", toJson(e.newValue) },
                             { "hash", toJson(e.hash) } });
        context.printJson(
            document("preflight.history/1", { { "project", toJson(project.name) }, { "entries", list } }));
        return Success;
    }
    std::vector<QStringList> rows { { QStringLiteral("SEQ"), QStringLiteral("TIME"), QStringLiteral("ACTOR"),
                                      QStringLiteral("CHANGE"), QStringLiteral("OLD -> NEW") } };
    for (const AuditEntry &e : entries)
        rows.push_back({ QString::number(e.seq), formatTime(e.time), e.actor, e.key.toString(),
                         QStringLiteral("%1 -> %2")
                             .arg(e.oldValue.isEmpty() ? QStringLiteral("-") : e.oldValue,
                                  e.newValue.isEmpty() ? QStringLiteral("-") : e.newValue) });
    printTable(context.out(), rows);
    return Success;
}

struct SignatureCheck
{
    QString project;
    SignOffStatus status;
    ssh::Verification verification;
};

// Every sign-off of every project, archived ones too: an auditor checks the whole file.
std::vector<SignatureCheck> checkSignatures(Context &context, const QString &allowedSigners)
{
    std::vector<SignatureCheck> checks;
    for (const Project &project : context.store().projects()) {
        for (const SignOffStatus &status : context.review(project).assessment.signoffs) {
            if (status.signoff)
                checks.push_back({ project.name, status, ssh::verify(project, *status.signoff, allowedSigners) });
        }
    }
    return checks;
}

nlohmann::json signaturesJson(const std::vector<SignatureCheck> &checks)
{
    nlohmann::json list = nlohmann::json::array();
    for (const SignatureCheck &check : checks) {
        const SignOff &s = *check.status.signoff;
        list.push_back(
            { { "project", toJson(check.project) },
              { "role", toJson(s.role) },
              { "name", toJson(s.name) },
              { "decision", toJson(decisionKey(s.decision)) },
              { "date", toJson(s.date) },
              { "stale", check.status.stale },
              { "key_fingerprint", s.keyFingerprint.isEmpty() ? nlohmann::json(nullptr) : toJson(s.keyFingerprint) },
              { "signature", toJson(ssh::resultKey(check.verification.result)) },
              { "detail",
                check.verification.detail.isEmpty() ? nlohmann::json(nullptr) : toJson(check.verification.detail) } });
    }
    return list;
}

int verifyDatabase(Context &context)
{
    const Store::Verification result = context.store().verify();
    const QString allowedSigners = context.value(QStringLiteral("allowed-signers"));
    const std::vector<SignatureCheck> checks = checkSignatures(context, allowedSigners);
    // A tampered signature always fails; an untrusted key only when the auditor named whom to trust.
    bool signaturesOk = true;
    for (const SignatureCheck &check : checks) {
        const ssh::Result r = check.verification.result;
        if (r == ssh::Result::Bad || (r == ssh::Result::UnknownKey && !allowedSigners.isEmpty()))
            signaturesOk = false;
    }
    if (context.json()) {
        context.printJson(
            document("preflight.verify/1",
                     { { "database", toJson(context.dbPath()) },
                       { "ok", result.ok },
                       { "integrity", toJson(result.integrity) },
                       { "rows_checked", result.rowsChecked },
                       { "broken_seq", result.brokenSeq ? nlohmann::json(*result.brokenSeq) : nullptr },
                       { "problem", result.problem.isEmpty() ? nlohmann::json(nullptr) : toJson(result.problem) },
                       { "signatures_ok", signaturesOk },
                       { "signoffs", signaturesJson(checks) } }));
    } else {
        context.out() << "Database:    " << context.dbPath() << '\n'
                      << "Integrity:   " << result.integrity << '\n'
                      << "Audit chain: " << result.rowsChecked << " rows checked, "
                      << (result.brokenSeq ? QStringLiteral("broken at row %1").arg(*result.brokenSeq)
                                           : QStringLiteral("intact"))
                      << '\n';
        if (!result.problem.isEmpty())
            context.out() << "Problem:     " << result.problem << '\n';
        if (!checks.empty())
            context.out() << "Sign-offs:\n";
        for (const SignatureCheck &check : checks) {
            const SignOff &s = *check.status.signoff;
            context.out() << "  " << check.project << " / " << s.role << " (" << s.name
                          << "): " << ssh::resultKey(check.verification.result);
            if (!s.keyFingerprint.isEmpty())
                context.out() << ", " << s.keyFingerprint;
            if (check.status.stale)
                context.out() << ", stale";
            if (!check.verification.detail.isEmpty())
                context.out() << " — " << check.verification.detail;
            context.out() << '\n';
        }
    }
    return result.ok && signaturesOk ? Success : NotMet;
}

const CommandGroup reportCommands { {
    { { QStringLiteral("check") },
      QStringLiteral("PROJECT [--min ready|ready-with-risks] [--allow-unsigned]"),
      QStringLiteral("CI gate: exit 0 when the verdict is at least --min (default ready) and signed off, else 1"),
      { makeOption("min", "Lowest acceptable verdict: ready (default) or ready-with-risks.", "VERDICT"),
        makeOption("allow-unsigned", "Do not require the sign-offs.") },
      1,
      1,
      &checkProject },
    { { QStringLiteral("history") },
      QStringLiteral("PROJECT [--json]"),
      QStringLiteral("The project's audit trail"),
      {},
      1,
      1,
      &showHistory },
    { { QStringLiteral("verify") },
      QStringLiteral("[--allowed-signers FILE] [--json]"),
      QStringLiteral("Check database integrity, the audit hash chain and every sign-off's SSH signature; exit 1 on "
                     "any break"),
      { makeOption("allowed-signers", "Trusted keys, in git's allowed-signers format (principal = sign-off name).",
                   "FILE") },
      0,
      0,
      &verifyDatabase },
} };

} // namespace

} // namespace preflight::cli
