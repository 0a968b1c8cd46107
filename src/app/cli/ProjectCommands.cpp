// projects, project create|rename|archive|unarchive|delete|set
#include "cli/Context.h"
#include "export/ReportInput.h"
#include "scoring/StatusJson.h"
#include "scoring/Wording.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

namespace preflight::cli {

namespace {

int listProjects(Context &context)
{
    std::vector<Project> projects;
    // A fresh install has no database yet: that is an empty list, not an error.
    if (context.databaseExists())
        projects = context.store().projects();
    nlohmann::json list = nlohmann::json::array();
    std::vector<QStringList> rows { { QStringLiteral("PROJECT"), QStringLiteral("TEMPLATE"), QStringLiteral("VERDICT"),
                                      QStringLiteral("SCORE"), QStringLiteral("TARGET"), QStringLiteral("STATE") } };
    for (const Project &project : projects) {
        nlohmann::json entry = projectJson(project);
        QString verdict;
        QString score;
        try {
            const Review review = context.review(project);
            const Assessment &a = review.assessment;
            entry["verdict"] = verdictKey(a.verdict).toStdString();
            entry["score"] = scoreJson(a.score);
            entry["signed_off"] = a.signedOff;
            verdict = verdictLabel(*review.tmpl, a.verdict);
            score = scoreText(a.score);
        } catch (const Error &error) {
            // One project that cannot be assessed (its template is missing) must not hide the
            // others: it is listed with the reason, and the listing still succeeds.
            entry["verdict"] = nullptr;
            entry["score"] = nullptr;
            entry["signed_off"] = nullptr;
            entry["error"] = error.message().toStdString();
            verdict = QStringLiteral("(template missing)");
            score = QStringLiteral("-");
            if (!context.json())
                context.warn(error.message());
        }
        list.push_back(entry);
        rows.push_back({ project.name, project.templateId + QLatin1Char(' ') + project.templateVersion, verdict, score,
                         formatDate(project.targetDate),
                         project.archived ? QStringLiteral("archived") : QStringLiteral("active") });
    }
    if (context.json())
        context.printJson(document("preflight.projects/1", { { "projects", list } }));
    else if (projects.empty())
        context.out() << "No projects in " << context.dbPath() << '\n';
    else
        printTable(context.out(), rows);
    return Success;
}

void report(Context &context, const Project &project, const QString &what)
{
    if (context.json())
        context.printJson(document("preflight.project/1", { { "project", projectJson(project) } }));
    else
        context.out() << what << '\n';
}

// --profile TAG,TAG; "all" removes the profile (every item applies) and "none" is the empty
// profile (only untagged items apply). The store checks the tags against the template.
std::optional<Profile> profileOption(Context &context)
{
    const std::optional<QString> value = context.optionalValue(QStringLiteral("profile"));
    if (!value)
        return std::nullopt;
    const QString text = value->trimmed();
    if (text == QLatin1String("all"))
        return Profile(std::nullopt);
    if (text == QLatin1String("none"))
        return Profile(QStringList());
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString tag = part.trimmed();
        if (tag.isEmpty())
            throw usageError(QStringLiteral("--profile: expected TAG,TAG (or all, or none), got \"%1\"").arg(*value));
        tags << tag;
    }
    return Profile(tags);
}

QString profileNote(const Project &project)
{
    return project.profile ? QStringLiteral("; profile: %1").arg(profileDescription(project.profile)) : QString();
}

int createProject(Context &context)
{
    Project draft;
    draft.name = context.arg(0).trimmed();
    if (draft.name.isEmpty())
        throw usageError(QStringLiteral("the project name must not be empty"));
    const QString templateId = context.optionalValue(QStringLiteral("template"))
                                   .value_or(QString::fromLatin1(TemplateRegistry::DefaultTemplateId));
    const std::optional<QString> version = context.optionalValue(QStringLiteral("version"));
    const Template &tmpl = version ? context.templateVersion(templateId, *version) : context.templateById(templateId);
    draft.description = context.value(QStringLiteral("description"));
    if (const auto date = context.optionalValue(QStringLiteral("target-date")))
        draft.targetDate = parseDate(*date, QStringLiteral("--target-date"));
    if (const std::optional<Profile> profile = profileOption(context))
        draft.profile = *profile;
    if (context.store().findProject(draft.name))
        throw dataError(
            QStringLiteral("a project named \"%1\" already exists in %2").arg(draft.name, context.dbPath()));
    const Project created = context.store().createProject(draft, tmpl);
    report(context, created,
           QStringLiteral("Created project \"%1\" (template %2 %3, %4 items%5)")
               .arg(created.name, tmpl.id, tmpl.version)
               .arg(tmpl.itemCount())
               .arg(profileNote(created)));
    return Success;
}

int renameProject(Context &context)
{
    const Project project = context.project(context.arg(0));
    const QString newName = context.arg(1).trimmed();
    if (newName.isEmpty())
        throw usageError(QStringLiteral("the new project name must not be empty"));
    if (newName != project.name && context.store().findProject(newName))
        throw dataError(QStringLiteral("a project named \"%1\" already exists in %2").arg(newName, context.dbPath()));
    Store::ProjectPatch patch;
    patch.name = newName;
    const Project renamed = context.store().updateProject(project.id, patch);
    report(context, renamed, QStringLiteral("Renamed \"%1\" to \"%2\"").arg(project.name, renamed.name));
    return Success;
}

int setArchived(Context &context, bool archived)
{
    const Project project = context.project(context.arg(0));
    Store::ProjectPatch patch;
    patch.archived = archived;
    const Project updated = context.store().updateProject(project.id, patch);
    report(context, updated,
           QStringLiteral("%1 \"%2\"")
               .arg(archived ? QStringLiteral("Archived") : QStringLiteral("Unarchived"), project.name));
    return Success;
}

int archiveProject(Context &context)
{
    return setArchived(context, true);
}

int unarchiveProject(Context &context)
{
    return setArchived(context, false);
}

int deleteProject(Context &context)
{
    const Project project = context.project(context.arg(0));
    if (!context.isSet(QStringLiteral("yes")))
        throw usageError(QStringLiteral("deleting \"%1\" removes its items, risks and sign-offs: add --yes to confirm")
                             .arg(project.name));
    context.store().deleteProject(project.id);
    report(context, project, QStringLiteral("Deleted \"%1\" (its audit trail is kept)").arg(project.name));
    return Success;
}

int setProject(Context &context)
{
    const Project project = context.project(context.arg(0));
    Store::ProjectPatch patch;
    if (const auto date = context.optionalValue(QStringLiteral("target-date")))
        patch.targetDate = parseOptionalDate(*date, QStringLiteral("--target-date"));
    if (const auto date = context.optionalValue(QStringLiteral("actual-date")))
        patch.actualDate = parseOptionalDate(*date, QStringLiteral("--actual-date"));
    patch.description = context.optionalValue(QStringLiteral("description"));
    patch.notes = context.optionalValue(QStringLiteral("notes"));
    if (const auto require = context.optionalValue(QStringLiteral("require-signatures"))) {
        if (*require != QLatin1String("yes") && *require != QLatin1String("no"))
            throw usageError(QStringLiteral("--require-signatures: expected yes or no, got \"%1\"").arg(*require));
        patch.requireSignatures = *require == QLatin1String("yes");
    }
    patch.profile = profileOption(context);
    if (!patch.targetDate && !patch.actualDate && !patch.description && !patch.notes && !patch.requireSignatures
        && !patch.profile)
        throw usageError(QStringLiteral("nothing to change\n%1").arg(context.usage()));
    const Project updated = context.store().updateProject(project.id, patch);
    report(context, updated, QStringLiteral("Updated \"%1\"%2").arg(updated.name, profileNote(updated)));
    return Success;
}

QCommandLineOption profileOptionDefinition()
{
    return makeOption("profile",
                      "Template tags that apply (TAG,TAG); items tagged otherwise count as N/A. none: only "
                      "untagged items apply; all: no profile, every item applies.",
                      "TAG,TAG");
}

const CommandGroup projectCommands { {
    { { QStringLiteral("projects") },
      QStringLiteral("[--json]"),
      QStringLiteral("List projects with verdict and score"),
      {},
      0,
      0,
      &listProjects },
    { { QStringLiteral("project"), QStringLiteral("create") },
      QStringLiteral("NAME [--template ID] [--version V] [--target-date YYYY-MM-DD] [--description TEXT] "
                     "[--profile TAG,TAG|none]"),
      QStringLiteral("Start a review from a template"),
      { makeOption("template", "Template id (default appendix-a).", "ID"),
        makeOption("version", "Template version (default: the newest installed).", "V"),
        makeOption("target-date", "Target launch date.", "YYYY-MM-DD"),
        makeOption("description", "What is launched.", "TEXT"), profileOptionDefinition() },
      1,
      1,
      &createProject,
      /*createsDatabase=*/true },
    { { QStringLiteral("project"), QStringLiteral("rename") },
      QStringLiteral("NAME NEW_NAME"),
      QStringLiteral("Rename a project"),
      {},
      2,
      2,
      &renameProject },
    { { QStringLiteral("project"), QStringLiteral("archive") },
      QStringLiteral("NAME"),
      QStringLiteral("Archive a project (kept, listed as archived)"),
      {},
      1,
      1,
      &archiveProject },
    { { QStringLiteral("project"), QStringLiteral("unarchive") },
      QStringLiteral("NAME"),
      QStringLiteral("Make an archived project active again"),
      {},
      1,
      1,
      &unarchiveProject },
    { { QStringLiteral("project"), QStringLiteral("delete") },
      QStringLiteral("NAME --yes"),
      QStringLiteral("Delete a project (its audit trail stays)"),
      { makeOption("yes", "Confirm the deletion.") },
      1,
      1,
      &deleteProject },
    { { QStringLiteral("project"), QStringLiteral("set") },
      QStringLiteral("NAME [--target-date DATE|none] [--actual-date DATE|none] [--description TEXT] [--notes TEXT] "
                     "[--require-signatures yes|no] [--profile TAG,TAG|none|all]"),
      QStringLiteral("Change a project's dates, description, notes, profile or whether sign-offs must be signed"),
      { makeOption("target-date", "Target launch date, or none.", "YYYY-MM-DD"),
        makeOption("actual-date", "Actual launch date, or none.", "YYYY-MM-DD"),
        makeOption("description", "What is launched.", "TEXT"), makeOption("notes", "Notes (Markdown).", "TEXT"),
        makeOption("require-signatures", "yes: refuse sign-offs without an SSH signature.", "yes|no"),
        profileOptionDefinition() },
      1,
      1,
      &setProject },
} };

} // namespace

} // namespace preflight::cli
