#include "Error.h"
#include "storage/StoreImpl.h"
#include "storage/TimeFormat.h"
#include "templates/TemplateLoader.h"

#include <nlohmann/json.hpp>

namespace preflight {

namespace {

QString cacheKey(const QString &id, const QString &version)
{
    return id + QLatin1Char('\n') + version;
}

} // namespace

void Store::Impl::insertTemplate(const Template &tmpl, const QString &now)
{
    // Compact, with keys in sorted order (nlohmann's default object map): the same template
    // always gives the same bytes, so two databases can be compared by their stored text.
    const QString json = QString::fromStdString(templateToJson(tmpl).dump());
    sql::Statement insert(
        *db, "INSERT INTO templates(id, version, json, stored) VALUES(?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING");
    insert.bind(1, tmpl.id).bind(2, tmpl.version).bind(3, json).bind(4, now).run();
}

std::shared_ptr<const Template> Store::storedTemplate(const QString &id, const QString &version) const
{
    const QString key = cacheKey(id, version);
    if (const auto it = d->parsedTemplates.find(key); it != d->parsedTemplates.end())
        return it->second;
    sql::Statement query(*d->db, "SELECT json FROM templates WHERE id = ?1 AND version = ?2");
    query.bind(1, id).bind(2, version);
    if (!query.step())
        return nullptr;
    const QString source = QStringLiteral("%1: stored template \"%2\" %3").arg(d->db->location(), id, version);
    auto parsed = std::make_shared<const Template>(parseTemplate(query.text(0).toUtf8(), source));
    if (parsed->id != id || parsed->version != version)
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: holds template \"%2\" %3 instead").arg(source, parsed->id, parsed->version));
    d->parsedTemplates.emplace(key, parsed);
    return parsed;
}

void Store::storeTemplate(const Template &tmpl)
{
    if (tmpl.id.trimmed().isEmpty() || tmpl.version.trimmed().isEmpty())
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1: a stored template needs an id and a version").arg(d->db->location()));
    sql::Transaction transaction(*d->db);
    d->insertTemplate(tmpl, d->db->transactionTime());
    transaction.commit();
}

std::vector<Store::TemplateKey> Store::missingTemplates() const
{
    sql::Statement query(*d->db,
                         "SELECT DISTINCT template_id, template_version FROM projects p WHERE NOT EXISTS "
                         "(SELECT 1 FROM templates t WHERE t.id = p.template_id AND t.version = p.template_version) "
                         "ORDER BY template_id, template_version");
    std::vector<TemplateKey> missing;
    while (query.step())
        missing.push_back({ query.text(0), query.text(1) });
    return missing;
}

} // namespace preflight
