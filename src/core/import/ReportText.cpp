#include "import/ReportText.h"

#include "import/CodePage.h"

#include <QRegularExpression>

namespace preflight::import {

QString unescapeReportText(const QString &markdown)
{
    static const QRegularExpression token(
        QStringLiteral("\\\\\\n[ \\t]*|\\\\([!-/:-@\\[-`{-~])|&#(\\d{1,7}|[xX][0-9a-fA-F]{1,6});|<br>"));
    QString out;
    qsizetype copied = 0;
    for (auto it = token.globalMatch(markdown); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(markdown).mid(copied, match.capturedStart() - copied);
        copied = match.capturedEnd();
        if (match.capturedLength(1) > 0) {
            out += match.captured(1);
        } else if (match.capturedLength(2) > 0) {
            const QString number = match.captured(2);
            bool ok = false;
            const uint code
                = number.startsWith(u'x', Qt::CaseInsensitive) ? number.mid(1).toUInt(&ok, 16) : number.toUInt(&ok, 10);
            const char32_t ch = ok && code > 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF)
                ? char32_t(code)
                : char32_t(0xFFFD);
            out += codePointText(ch);
        } else {
            out += u'\n';
        }
    }
    out += QStringView(markdown).mid(copied);
    return out;
}

} // namespace preflight::import
