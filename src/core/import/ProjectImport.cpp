#include "import/ProjectImport.h"

#include "Error.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <iterator>
#include <map>

namespace preflight::import {
namespace {

const QChar KeySeparator = u'\x1f';

// Every item and manual summary item of a template under a key that says where it stands.
class ItemIndex
{
public:
    explicit ItemIndex(const Template &tmpl)
    {
        for (const Category &category : tmpl.categories) {
            for (const Section &section : category.sections)
                addItems(section.items, category.title + KeySeparator + section.title);
        }
        for (const SummaryGroup &group : tmpl.summary) {
            for (const SummaryItem &item : group.items)
                add(QStringLiteral("summary") + KeySeparator + group.title + KeySeparator + item.text, item.id);
        }
    }

    const std::map<QString, QString> &byKey() const { return m_ids; }
    const std::map<QString, QString> &keyById() const { return m_keys; }

private:
    void addItems(const std::vector<Item> &items, const QString &path)
    {
        for (const Item &item : items) {
            const QString key = add(path + KeySeparator + item.text, item.id);
            addItems(item.children, key);
        }
    }

    QString add(const QString &base, const QString &id)
    {
        QString key = base;
        for (int n = 2; m_ids.count(key) > 0; ++n) // a repeated text matches in order
            key = base + KeySeparator + QString::number(n);
        m_ids[key] = id;
        m_keys[id] = key;
        return key;
    }

    std::map<QString, QString> m_ids; // key → id
    std::map<QString, QString> m_keys; // id → key
};

QString describeKey(const QString &key)
{
    QStringList parts = key.split(KeySeparator);
    const QString text = parts.takeLast();
    return QStringLiteral("\"%1\" (%2)").arg(text, parts.join(QStringLiteral(" › ")));
}

bool sameStructure(const ImportPreview &preview, const Template &candidate)
{
    if (candidate.itemCount() != preview.tmpl.itemCount())
        return false;
    try {
        mapTicks(preview, candidate);
        return true;
    } catch (const Error &) {
        return false;
    }
}

} // namespace

std::vector<ItemTick> mapTicks(const ImportPreview &preview, const Template &target)
{
    const ItemIndex source(preview.tmpl);
    const ItemIndex destination(target);
    std::vector<ItemTick> mapped;
    mapped.reserve(preview.ticks.size());
    for (const ItemTick &tick : preview.ticks) {
        const QString &key = source.keyById().at(tick.itemId);
        const auto found = destination.byKey().find(key);
        if (found == destination.byKey().end()) {
            throw Error(Error::Kind::Data,
                        QStringLiteral("%1:%2: item %3 is not in template \"%4\"")
                            .arg(preview.sourceName)
                            .arg(tick.line)
                            .arg(describeKey(key), target.id));
        }
        ItemTick moved = tick;
        moved.itemId = found->second;
        mapped.push_back(moved);
    }
    return mapped;
}

const Template *chooseTemplate(const ImportPreview &preview, const TemplateRegistry &registry,
                               const QString &requestedId)
{
    if (!requestedId.isEmpty()) {
        const Template *requested = registry.find(requestedId);
        if (!requested)
            throw Error(Error::Kind::Usage, QStringLiteral("unknown template \"%1\"").arg(requestedId));
        return requested;
    }
    if (const Template *declared = registry.find(preview.declaredTemplateId);
        declared && sameStructure(preview, *declared))
        return declared;
    for (const Template &candidate : registry.templates()) {
        if (sameStructure(preview, candidate))
            return registry.find(candidate.id);
    }
    return nullptr;
}

ProjectImportResult importProject(Store &store, const ImportPreview &preview, const QString &name,
                                  const Template &target)
{
    ProjectImportResult result;
    if (name.trimmed().isEmpty())
        throw Error(Error::Kind::Usage, QStringLiteral("%1: the project needs a name").arg(preview.sourceName));
    if (store.findProject(name)) {
        throw Error(Error::Kind::Conflict,
                    QStringLiteral("%1: a project named \"%2\" already exists").arg(store.path(), name));
    }
    std::vector<ItemTick> ticks = mapTicks(preview, target);
    std::erase_if(ticks, [&](const ItemTick &tick) {
        const SummaryItem *summary = target.findSummaryItem(tick.itemId);
        if (!summary || summary->rule == SummaryRule::Manual)
            return false;
        result.warnings.push_back({ tick.line,
                                    QStringLiteral("\"%1\" is computed by Preflight; its tick was not "
                                                   "imported")
                                        .arg(summary->text) });
        return true;
    });

    Project draft;
    draft.name = name;
    draft.description = preview.description;
    draft.templateId = target.id;
    draft.templateVersion = target.version;
    draft.notes = preview.notes;
    draft.targetDate = preview.targetDate;
    draft.actualDate = preview.actualDate;
    std::vector<Store::ItemEdit> edits;
    for (const ItemTick &tick : ticks) {
        const bool untouched
            = tick.status == ItemStatus::Open && tick.note.isEmpty() && tick.owner.isEmpty() && tick.evidence.isEmpty();
        if (untouched)
            continue;
        Store::ItemPatch patch;
        patch.status = tick.status;
        patch.reason = tick.status == ItemStatus::NotApplicable ? tick.reason : QString();
        patch.note = tick.note;
        patch.owner = tick.owner;
        patch.evidence = tick.evidence;
        edits.push_back({ tick.itemId, patch });
    }
    std::vector<Risk> risks;
    for (const ImportedRisk &imported : preview.risks) {
        Risk risk = imported.risk;
        for (const QString &id : std::as_const(risk.linkedItems)) {
            if (!target.findItem(id)) {
                result.warnings.push_back({ imported.line,
                                            QStringLiteral("risk \"%1\": linked item \"%2\" is not in template "
                                                           "\"%3\"; link left out")
                                                .arg(risk.title, id, target.id) });
            }
        }
        risk.linkedItems.removeIf([&](const QString &id) { return !target.findItem(id); });
        risks.push_back(std::move(risk));
    }
    // One transaction: a failed import leaves no half-filled project behind.
    result.project = store.createProjectWithItems(draft, target, edits, risks);
    result.itemsSet = int(edits.size());
    result.risksCreated = int(risks.size());
    return result;
}

namespace {

// An id for the file's own template that is free in the registry and in the folder.
QString freeTemplateId(const TemplateRegistry &registry, const QString &dir, const QString &base)
{
    QString id = base;
    for (int n = 2; registry.find(id) || QFileInfo::exists(dir + u'/' + id + QStringLiteral(".json")); ++n)
        id = base + u'-' + QString::number(n);
    return id;
}

} // namespace

ImportedProject importProjectWithTemplate(Store &store, const TemplateRegistry &registry, const ImportPreview &preview,
                                          const QString &name, const QString &requestedTemplateId,
                                          const QString &templatesDir)
{
    if (store.findProject(name))
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: a project named \"%2\" already exists").arg(store.path(), name));
    ImportedProject imported;
    const Template *known = chooseTemplate(preview, registry, requestedTemplateId);
    imported.tmpl = known ? *known : preview.tmpl;
    if (!known) {
        imported.tmpl.id = freeTemplateId(registry, templatesDir, imported.tmpl.id);
        mapTicks(preview, imported.tmpl); // validates before anything is written
        imported.savedTemplatePath = saveImportedTemplate(preview, imported.tmpl.id, templatesDir);
    }
    try {
        imported.result = importProject(store, preview, name, imported.tmpl);
    } catch (...) {
        if (!imported.savedTemplatePath.isEmpty())
            QFile::remove(imported.savedTemplatePath);
        throw;
    }
    std::copy_if(preview.warnings.begin(), preview.warnings.end(), std::back_inserter(imported.warnings),
                 [&](const ImportWarning &warning) { return !known || !warning.aboutOwnTemplate; });
    imported.warnings.insert(imported.warnings.end(), imported.result.warnings.begin(), imported.result.warnings.end());
    return imported;
}

} // namespace preflight::import
