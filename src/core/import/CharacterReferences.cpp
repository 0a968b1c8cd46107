#include "import/CharacterReferences.h"

#include <QRegularExpression>
#include <QSet>

#include <cmark-gfm.h>

namespace preflight::import {
namespace {

// What CommonMark makes of one reference, asked of cmark-gfm itself: the reference parsed as a
// paragraph of its own. Unknown names come back unchanged.
QString decodeReference(const QString &reference)
{
    const QByteArray utf8 = reference.toUtf8();
    cmark_node *document = cmark_parse_document(utf8.constData(), size_t(utf8.size()), CMARK_OPT_DEFAULT);
    QString decoded;
    if (cmark_node *paragraph = cmark_node_first_child(document)) {
        for (cmark_node *node = cmark_node_first_child(paragraph); node; node = cmark_node_next(node)) {
            if (const char *literal = cmark_node_get_literal(node))
                decoded += QString::fromUtf8(literal);
        }
    }
    cmark_node_free(document);
    return decoded;
}

// The resolved character as inline Markdown that means that character, with as few escapes as
// possible: "&lt;200 ms" reads "<200 ms", but "&lt;b>" becomes "\<b>", not a tag.
QString asMarkdown(const QString &decoded, QStringView following, BlankReferences blanks)
{
    if (decoded.size() != 1 || decoded[0].unicode() >= 0x80)
        return decoded;
    const char16_t c = decoded[0].unicode();
    const bool blank = c == u' ' || c == u'\t';
    if (blank && blanks == BlankReferences::Resolve)
        return decoded;
    if (c <= 0x20 || c == 0x7f)
        return QStringLiteral("&#%1;").arg(int(c)); // a literal line feed would end the line or item
    static const QRegularExpression startsReference(QStringLiteral("^[#A-Za-z0-9]+;"));
    static const QRegularExpression startsTag(QStringLiteral("^[A-Za-z/!?]"));
    if (c == u'&')
        return startsReference.match(following).hasMatch() ? QStringLiteral("\\&") : decoded;
    if (c == u'<')
        return startsTag.match(following).hasMatch() ? QStringLiteral("\\<") : decoded;
    if (QStringView(u"\\`*_[]~|").contains(QChar(c)))
        return u'\\' + decoded;
    return decoded;
}

qsizetype backtickRun(const QString &text, qsizetype from)
{
    qsizetype end = from;
    while (end < text.size() && text[end] == u'`')
        ++end;
    return end - from;
}

} // namespace

QString resolveCharacterReferences(const QString &markdown, BlankReferences blanks)
{
    if (!markdown.contains(u'&'))
        return markdown;
    static const QRegularExpression reference(
        QStringLiteral("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"));
    QString out;
    out.reserve(markdown.size());
    QSet<qsizetype> unclosedRuns; // backtick-run lengths with no closing run further on
    for (qsizetype i = 0; i < markdown.size();) {
        const QChar c = markdown[i];
        if (c == u'\\' && i + 1 < markdown.size()) {
            out += QStringView(markdown).mid(i, 2);
            i += 2;
            continue;
        }
        if (c == u'`') {
            // A code span runs to the next run of exactly as many backticks; without one the
            // backticks are text. Either way no reference inside is resolved.
            const qsizetype run = backtickRun(markdown, i);
            qsizetype end = i + run;
            if (!unclosedRuns.contains(run)) {
                qsizetype j = end;
                while (j < markdown.size() && (markdown[j] != u'`' || backtickRun(markdown, j) != run))
                    j += markdown[j] == u'`' ? backtickRun(markdown, j) : 1;
                if (j < markdown.size())
                    end = j + run;
                else
                    unclosedRuns.insert(run);
            }
            out += QStringView(markdown).mid(i, end - i);
            i = end;
            continue;
        }
        if (c == u'&') {
            const auto match = reference.match(markdown, i, QRegularExpression::NormalMatch,
                                               QRegularExpression::AnchorAtOffsetMatchOption);
            if (match.hasMatch()) {
                const QString decoded = decodeReference(match.captured());
                if (!decoded.isEmpty() && decoded != match.captured()) {
                    out += asMarkdown(decoded, QStringView(markdown).mid(match.capturedEnd()), blanks);
                    i = match.capturedEnd();
                    continue;
                }
            }
        }
        out += c;
        ++i;
    }
    return out;
}

} // namespace preflight::import
