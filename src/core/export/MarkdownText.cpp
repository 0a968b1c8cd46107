#include "export/MarkdownText.h"

#include <QStringList>

namespace preflight {

namespace {

bool isSpecial(QChar c)
{
    static const QString special = QStringLiteral("\\`*_[]<>#|~&@");
    return special.contains(c);
}

bool needsReference(QChar c)
{
    // Control characters would be taken as line ends (CR) or dropped; NEL and the Unicode line
    // separators are left alone because GFM treats them as ordinary text.
    return (c.unicode() < 0x20 && c != u'\t' && c != u'\n') || c.unicode() == 0x7f;
}

QString reference(QChar c)
{
    return QStringLiteral("&#%1;").arg(c.unicode());
}

QString escapeLine(const QString &line)
{
    qsizetype first = 0;
    while (first < line.size() && (line[first] == u' ' || line[first] == u'\t'))
        ++first;
    qsizetype last = line.size();
    while (last > first && (line[last - 1] == u' ' || line[last - 1] == u'\t'))
        --last;

    QString out;
    out.reserve(line.size() + line.size() / 8 + 8);
    for (qsizetype i = 0; i < first; ++i)
        out += reference(line[i]);

    // A line that starts like a list item, a setext underline or an ordered list item would
    // become structure; escaping its first marker keeps it text.
    qsizetype digits = first;
    while (digits < last && line[digits].isDigit() && line[digits].unicode() < 0x80)
        ++digits;
    const bool orderedMarker = digits > first && digits < last && (line[digits] == u'.' || line[digits] == u')');

    for (qsizetype i = first; i < last; ++i) {
        const QChar c = line[i];
        const bool lineStartMarker = i == first && (c == u'-' || c == u'+' || c == u'=');
        // GFM's extended autolinks take "www.", "scheme://" and e-mail addresses verbatim,
        // backslashes included; breaking the trigger keeps them text that reads as typed.
        const bool autolinkTrigger = (c == u':' && QStringView(line).mid(i + 1, 2) == QLatin1String("//"))
            || (c == u'.' && i >= 3
                && QStringView(line).mid(i - 3, 3).compare(QLatin1String("www"), Qt::CaseInsensitive) == 0);
        if (needsReference(c))
            out += reference(c);
        else if (isSpecial(c) || lineStartMarker || autolinkTrigger || (orderedMarker && i == digits))
            out += u'\\' + QString(c);
        else
            out += c;
    }
    for (qsizetype i = last; i < line.size(); ++i)
        out += reference(line[i]);
    return out;
}

} // namespace

QString escapeMarkdown(const QString &text, MarkdownContext context, const QString &continuationIndent)
{
    if (context == MarkdownContext::TableCell) {
        QStringList lines = text.split(u'\n');
        for (QString &line : lines)
            line = escapeLine(line);
        return lines.join(QStringLiteral("<br>"));
    }

    qsizetype end = text.size();
    while (end > 0 && text[end - 1] == u'\n')
        --end;
    QStringList lines = text.left(end).split(u'\n');
    for (QString &line : lines)
        line = escapeLine(line);
    QString out = lines.join(QStringLiteral("\\\n") + continuationIndent);
    for (qsizetype i = end; i < text.size(); ++i)
        out += QStringLiteral("&#10;");
    return out;
}

QString unescapeMarkdown(const QString &markdown)
{
    QString out;
    out.reserve(markdown.size());
    for (qsizetype i = 0; i < markdown.size(); ++i) {
        const QChar c = markdown[i];
        if (c == u'\\' && i + 1 < markdown.size()) {
            const QChar next = markdown[i + 1];
            if (next == u'\n') {
                out += u'\n';
                i += 1;
                while (i + 1 < markdown.size() && (markdown[i + 1] == u' ' || markdown[i + 1] == u'\t'))
                    ++i;
                continue;
            }
            if (next.unicode() < 0x80 && (next.isPunct() || next.isSymbol())) {
                out += next;
                ++i;
                continue;
            }
        } else if (c == u'&' && markdown.mid(i, 2) == QLatin1String("&#")) {
            const qsizetype semicolon = markdown.indexOf(u';', i);
            if (semicolon > i + 2 && semicolon - i <= 10) {
                bool ok = false;
                const QStringView digits = QStringView(markdown).mid(i + 2, semicolon - i - 2);
                const uint code = digits.startsWith(u'x') || digits.startsWith(u'X') ? digits.mid(1).toUInt(&ok, 16)
                                                                                     : digits.toUInt(&ok, 10);
                if (ok) {
                    const char32_t ucs4 = code;
                    out += QString::fromUcs4(&ucs4, 1);
                    i = semicolon;
                    continue;
                }
            }
        } else if (c == u'<' && markdown.mid(i, 4) == QLatin1String("<br>")) {
            out += u'\n';
            i += 3;
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace preflight
