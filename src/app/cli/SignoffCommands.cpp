// signoff
#include "cli/Context.h"
#include "scoring/StatusJson.h"
#include "storage/Store.h"

namespace preflight::cli {

namespace {

int signOff(Context &context)
{
    const Project project = context.project(context.arg(0));
    const Template &tmpl = context.templateOf(project);
    const QString role = context.requiredValue(QStringLiteral("role"));
    if (!tmpl.signoffRoles.contains(role))
        throw usageError(QStringLiteral("--role: unknown role \"%1\" for template %2 (roles: %3)")
                             .arg(role, tmpl.id, tmpl.signoffRoles.join(QStringLiteral(", "))));
    SignOff signoff;
    signoff.role = role;
    signoff.name = context.requiredValue(QStringLiteral("name")).trimmed();
    if (signoff.name.isEmpty())
        throw usageError(QStringLiteral("--name must not be empty"));
    signoff.decision = parseDecision(context.requiredValue(QStringLiteral("decision")), QStringLiteral("--decision"));
    signoff.comment = context.value(QStringLiteral("comment"));

    const SignOff stored = context.store().signOff(project.id, signoff);
    const Review review = context.review(project);
    if (context.json()) {
        context.printJson(document("preflight.signoff/1",
                                   { { "project", toJson(project.name) },
                                     { "role", toJson(stored.role) },
                                     { "name", toJson(stored.name) },
                                     { "decision", toJson(decisionKey(stored.decision)) },
                                     { "comment", toJson(stored.comment) },
                                     { "date", toJson(stored.date) },
                                     { "signed_off", review.assessment.signedOff } }));
        return Success;
    }
    context.out() << project.name << ": " << stored.role << " " << decisionKey(stored.decision) << " by " << stored.name
                  << " (" << formatTime(stored.date) << ")\n"
                  << "Signed off: " << (review.assessment.signedOff ? "yes" : "no") << '\n';
    return Success;
}

const CommandGroup signoffCommands { {
    { { QStringLiteral("signoff") },
      QStringLiteral("PROJECT --role ROLE --name NAME --decision approve|approve-with-risks|reject [--comment TEXT]"),
      QStringLiteral("Record a sign-off for one of the template's roles (replaces that role's previous one)"),
      { makeOption("role", "One of the template's sign-off roles.", "ROLE"), makeOption("name", "Who signs.", "NAME"),
        makeOption("decision", "approve, approve-with-risks or reject.", "DECISION"),
        makeOption("comment", "Why.", "TEXT") },
      1,
      1,
      &signOff },
} };

} // namespace

} // namespace preflight::cli
