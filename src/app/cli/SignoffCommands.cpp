// signoff
#include "cli/Context.h"
#include "scoring/StatusJson.h"
#include "signing/SshSigning.h"
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

    // The key is found before anything is written: a missing agent refuses the sign-off whole.
    std::optional<ssh::SigningKey> key;
    const auto keyFile = context.optionalValue(QStringLiteral("key"));
    if (keyFile && !context.isSet(QStringLiteral("sign")))
        throw usageError(QStringLiteral("--key only makes sense with --sign"));
    if (context.isSet(QStringLiteral("sign")))
        key.emplace(keyFile ? ssh::SigningKey::fromFile(*keyFile) : ssh::SigningKey::fromAgent());
    Store::StatementSigner sign;
    if (key)
        sign = [&key](const QString &statement) { return key->sign(statement); };

    const SignOff stored = context.store().signOff(project.id, signoff, sign);
    const Review review = context.review(project);
    if (context.json()) {
        context.printJson(document(
            "preflight.signoff/1",
            { { "project", toJson(project.name) },
              { "role", toJson(stored.role) },
              { "name", toJson(stored.name) },
              { "decision", toJson(decisionKey(stored.decision)) },
              { "comment", toJson(stored.comment) },
              { "date", toJson(stored.date) },
              { "signed_off", review.assessment.signedOff },
              { "key_fingerprint",
                stored.keyFingerprint.isEmpty() ? nlohmann::json(nullptr) : toJson(stored.keyFingerprint) } }));
        return Success;
    }
    context.out() << project.name << ": " << stored.role << " " << decisionKey(stored.decision) << " by " << stored.name
                  << " (" << formatTime(stored.date) << ")\n";
    if (!stored.keyFingerprint.isEmpty())
        context.out() << "Signed with: " << stored.keyFingerprint << '\n';
    context.out() << "Signed off: " << (review.assessment.signedOff ? "yes" : "no") << '\n';
    return Success;
}

const CommandGroup signoffCommands { {
    { { QStringLiteral("signoff") },
      QStringLiteral("PROJECT --role ROLE --name NAME --decision approve|approve-with-risks|reject [--comment TEXT] "
                     "[--sign [--key FILE]]"),
      QStringLiteral("Record a sign-off for one of the template's roles (replaces that role's previous one)"),
      { makeOption("role", "One of the template's sign-off roles.", "ROLE"), makeOption("name", "Who signs.", "NAME"),
        makeOption("decision", "approve, approve-with-risks or reject.", "DECISION"),
        makeOption("comment", "Why.", "TEXT"),
        makeOption("sign", "Sign the sign-off with your SSH key (ssh-agent's first key, or --key)."),
        makeOption("key", "The SSH key to sign with: a .pub file whose key is in ssh-agent, or a private key file.",
                   "FILE") },
      1,
      1,
      &signOff },
} };

} // namespace

} // namespace preflight::cli
