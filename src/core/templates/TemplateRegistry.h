#pragma once

#include "model/Template.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace preflight {

// The built-in templates (compiled-in resources) plus those in the user's templates folder.
// A broken user file is reported in warnings() and skipped, never fatal.
class TemplateRegistry
{
public:
    TemplateRegistry(); // built-ins only
    static QString userTemplatesDir(); // QStandardPaths::AppDataLocation/templates
    void loadUserTemplates(const QString &dir = userTemplatesDir());

    const std::vector<Template> &templates() const { return m_templates; }
    // The newest version of `id` (ids are stable across versions); nullptr when unknown.
    const Template *find(const QString &id) const;
    // That exact version of `id`; nullptr when it is not installed.
    const Template *find(const QString &id, const QString &version) const;
    bool isBuiltin(const Template &tmpl) const { return &tmpl < m_templates.data() + m_builtinCount; }
    // Semantic-version order: numeric parts first, then a release ranks above its pre-releases.
    static bool isNewer(const QString &candidate, const QString &current);
    const QStringList &warnings() const { return m_warnings; }

    static constexpr const char *DefaultTemplateId = "appendix-a";

private:
    void add(Template tmpl, const QString &source);
    std::vector<Template> m_templates;
    QStringList m_warnings;
    std::size_t m_builtinCount = 0; // m_templates[0, m_builtinCount) are built-ins; reloading keeps them
};

} // namespace preflight
