#include "templates/ProjectTemplates.h"

#include "Error.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

namespace preflight {

namespace {

const Template *installedVersion(const TemplateRegistry &registry, const QString &id, const QString &version)
{
    for (const Template &tmpl : registry.templates()) {
        if (tmpl.id == id && tmpl.version == version)
            return &tmpl;
    }
    return nullptr;
}

} // namespace

std::shared_ptr<const Template> resolveTemplate(Store &store, const TemplateRegistry &registry, const Project &project)
{
    if (auto stored = store.storedTemplate(project.templateId, project.templateVersion))
        return stored;
    const Template *installed = installedVersion(registry, project.templateId, project.templateVersion);
    if (!installed)
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: project \"%2\" uses template \"%3\" %4, which is neither stored in the "
                                   "database nor installed")
                        .arg(store.path(), project.name, project.templateId, project.templateVersion));
    store.storeTemplate(*installed);
    return store.storedTemplate(project.templateId, project.templateVersion);
}

int storeInstalledTemplates(Store &store, const TemplateRegistry &registry)
{
    int stored = 0;
    for (const Store::TemplateKey &key : store.missingTemplates()) {
        if (const Template *installed = installedVersion(registry, key.id, key.version)) {
            store.storeTemplate(*installed);
            ++stored;
        }
    }
    return stored;
}

Review loadReview(Store &store, const TemplateRegistry &registry, const Project &project, const QDate &today)
{
    Review review;
    review.tmpl = resolveTemplate(store, registry, project);
    review.state = store.loadState(project.id);
    review.project = review.state.project;
    review.today = today;
    review.assessment = assess(*review.tmpl, review.state, today);
    return review;
}

} // namespace preflight
