#pragma once

#include "templates/TemplateLoader.h"

#include <QDir>
#include <QSaveFile>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace preflight::test {

// tests/data/templates/valid-minimal.json as "team-review" at `version`; version 2 adds a
// critical item, so a review scored with the wrong version of its template gets another score.
inline Template teamTemplate(const QString &version)
{
    Template tmpl = loadTemplateFile(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/valid-minimal.json"));
    tmpl.id = QStringLiteral("team-review");
    tmpl.version = version;
    if (version.startsWith(u'2'))
        tmpl.categories[0].sections[0].items.push_back(
            { QStringLiteral("security.secrets.audited"), QStringLiteral("Secrets access audited"), {} });
    return tmpl;
}

// Installs `tmpl` as a user template file in `dir`.
inline void installTemplate(const Template &tmpl, const QString &dir)
{
    REQUIRE(QDir().mkpath(dir));
    QSaveFile file(dir + QStringLiteral("/%1-%2.json").arg(tmpl.id, tmpl.version));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(templateToJson(tmpl).dump(2)));
    REQUIRE(file.commit());
}

} // namespace preflight::test
