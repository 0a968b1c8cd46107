#pragma once

#include "model/Template.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json_fwd.hpp>

namespace preflight {

// Parses the JSON template format described by checklists/template.schema.json. Throws
// preflight::Error(Data) naming `sourceName` and the JSON path of the problem, e.g.
// "my.json: $.categories[2].severity: unknown severity \"urgent\"".
Template parseTemplate(const QByteArray &bytes, const QString &sourceName);
Template loadTemplateFile(const QString &path); // also refuses files over 10 MB
nlohmann::json templateToJson(const Template &tmpl);

// The "schema" key `template show --json` adds to the template format (which accepts it).
inline constexpr const char *TemplateJsonSchema = "preflight.template/1";

constexpr qint64 MaxTemplateFileSize = 10 * 1024 * 1024;

} // namespace preflight
