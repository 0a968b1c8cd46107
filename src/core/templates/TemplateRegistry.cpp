#include "templates/TemplateRegistry.h"

#include "Error.h"
#include "templates/TemplateLoader.h"

#include <QDir>
#include <QStandardPaths>
#include <QVersionNumber>

namespace preflight {

namespace {

QStringList templateFiles(const QString &dir);

} // namespace

bool TemplateRegistry::isNewer(const QString &candidate, const QString &current)
{
    qsizetype candidateSuffix = 0;
    qsizetype currentSuffix = 0;
    const QVersionNumber a = QVersionNumber::fromString(candidate, &candidateSuffix);
    const QVersionNumber b = QVersionNumber::fromString(current, &currentSuffix);
    if (const int order = QVersionNumber::compare(a, b); order != 0)
        return order > 0;
    const bool candidateIsRelease = candidateSuffix == candidate.size() || candidate.at(candidateSuffix) == u'+';
    const bool currentIsRelease = currentSuffix == current.size() || current.at(currentSuffix) == u'+';
    return candidateIsRelease && !currentIsRelease;
}

namespace {

QStringList templateFiles(const QString &dir)
{
    QStringList paths;
    const QDir folder(dir);
    const QStringList names = folder.entryList({ QStringLiteral("*.json") }, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names)
        paths.append(folder.filePath(name));
    return paths;
}

} // namespace

TemplateRegistry::TemplateRegistry()
{
    // Built-ins are part of the binary: if one does not load, the build itself is broken, so
    // the error propagates instead of becoming a warning.
    for (const QString &path : templateFiles(QStringLiteral(":/templates")))
        add(loadTemplateFile(path), path);
    if (m_templates.empty())
        throw Error(Error::Kind::Io, QStringLiteral(":/templates: the built-in templates are missing from this build"));
    m_builtinCount = m_templates.size();
}

QString TemplateRegistry::userTemplatesDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/templates");
}

void TemplateRegistry::loadUserTemplates(const QString &dir)
{
    m_templates.erase(m_templates.begin() + static_cast<std::ptrdiff_t>(m_builtinCount), m_templates.end());
    m_warnings.clear();
    for (const QString &path : templateFiles(dir)) {
        try {
            add(loadTemplateFile(path), path);
        } catch (const Error &error) {
            m_warnings.append(QStringLiteral("Skipped template: %1").arg(error.message()));
        }
    }
}

const Template *TemplateRegistry::find(const QString &id) const
{
    const Template *newest = nullptr;
    for (const Template &tmpl : m_templates) {
        if (tmpl.id == id && (!newest || isNewer(tmpl.version, newest->version)))
            newest = &tmpl;
    }
    return newest;
}

const Template *TemplateRegistry::find(const QString &id, const QString &version) const
{
    for (const Template &tmpl : m_templates) {
        if (tmpl.id == id && tmpl.version == version)
            return &tmpl;
    }
    return nullptr;
}

void TemplateRegistry::add(Template tmpl, const QString &source)
{
    for (const Template &existing : m_templates) {
        if (existing.id == tmpl.id && existing.version == tmpl.version) {
            m_warnings.append(QStringLiteral("Skipped template: %1: template \"%2\" version %3 is already loaded")
                                  .arg(source, tmpl.id, tmpl.version));
            return;
        }
    }
    m_templates.push_back(std::move(tmpl));
}

} // namespace preflight
