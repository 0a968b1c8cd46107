#include "import/MarkdownImport.h"

#include "Error.h"
#include "import/BlockAttributes.h"
#include "import/ChecklistReader.h"
#include "import/TextDecoding.h"
#include "templates/TemplateLoader.h"
#include "templates/TemplateRegistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace preflight::import {

ImportPreview importMarkdown(const QByteArray &bytes, const QString &sourceName)
{
    DecodedText decoded = decodeText(bytes, sourceName);
    ImportPreview preview = readChecklist(decoded.lines, sourceName);
    // Decoding warnings come first on a line: the repair explains what the reader then saw.
    decoded.warnings.insert(decoded.warnings.end(), preview.warnings.begin(), preview.warnings.end());
    preview.warnings = std::move(decoded.warnings);
    std::stable_sort(preview.warnings.begin(), preview.warnings.end(),
                     [](const ImportWarning &a, const ImportWarning &b) { return a.line < b.line; });
    return preview;
}

ImportPreview importMarkdownFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Error::Kind::Data, QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    // Checked before reading so that a huge file is never loaded into memory.
    if (file.size() > MaxImportFileSize) {
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: file is %2 bytes; the import limit is %3 bytes (10 MB)")
                        .arg(path)
                        .arg(file.size())
                        .arg(MaxImportFileSize));
    }
    return importMarkdown(file.readAll(), path);
}

QString saveImportedTemplate(const ImportPreview &preview, const QString &id, const QString &dir)
{
    Template tmpl = preview.tmpl;
    if (!id.isEmpty()) {
        static const QRegularExpression valid(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
        if (!valid.match(id).hasMatch()) {
            throw Error(
                Error::Kind::Usage,
                QStringLiteral("template id \"%1\" must be lowercase words joined by hyphens, e.g. \"my-review\"")
                    .arg(id));
        }
        tmpl.id = id;
    }
    TemplateRegistry registry;
    registry.loadUserTemplates(dir);
    // A higher version of an installed template goes beside the versions its projects follow.
    const Template *newest = registry.find(tmpl.id);
    if (newest && !TemplateRegistry::isNewer(tmpl.version, newest->version)) {
        throw Error(Error::Kind::Conflict,
                    QStringLiteral("%1: a template with id \"%2\" already exists; choose another with --id, or give "
                                   "the file a version above %3 in its \"%4\" comment to add a version")
                        .arg(preview.sourceName, tmpl.id, newest->version, QLatin1String(TemplateCommentTag)));
    }
    const QString name
        = newest ? QStringLiteral("%1-%2.json").arg(tmpl.id, tmpl.version) : tmpl.id + QStringLiteral(".json");
    const QString path = QDir(dir).filePath(name);
    if (QFileInfo::exists(path)) {
        throw Error(Error::Kind::Conflict,
                    QStringLiteral("%1: %2 exists already; choose another id with --id").arg(preview.sourceName, path));
    }
    const QByteArray json = QByteArray::fromStdString(templateToJson(tmpl).dump(2)) + '\n';
    // The written file must load back exactly as the registry will load it.
    parseTemplate(json, path);

    if (!QDir().mkpath(dir))
        throw Error(Error::Kind::Io, QStringLiteral("%1: cannot create the templates folder").arg(dir));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        throw Error(Error::Kind::Io, QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    return path;
}

} // namespace preflight::import
