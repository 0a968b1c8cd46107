#include "import/BlockAttributes.h"

#include <QRegularExpression>

namespace preflight::import {

BlockAttributes parseAttributes(const QString &text)
{
    static const QRegularExpression key(QStringLiteral("^[a-z][a-z-]*$"));
    BlockAttributes attributes;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype colon = part.indexOf(u':');
        const QString name = (colon < 0 ? part : part.left(colon)).trimmed();
        // A comment written for people ("<!-- TODO: check this -->") is not ours: nothing of it counts.
        if (!key.match(name).hasMatch())
            return {};
        attributes[name] = colon < 0 ? QString() : part.mid(colon + 1).trimmed();
    }
    return attributes;
}

} // namespace preflight::import
