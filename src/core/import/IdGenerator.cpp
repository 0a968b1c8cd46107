#include "import/IdGenerator.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace preflight::import {
namespace {

constexpr qsizetype MaxWords = 8;
constexpr qsizetype MaxSourceLength = 300;

QString asciiWords(const QString &text)
{
    QString words;
    for (const QChar ch : text.normalized(QString::NormalizationForm_KD)) {
        if (ch.category() == QChar::Mark_NonSpacing)
            continue; // the accent of a decomposed "é"
        if (ch.unicode() < 0x80 && ch.isLetterOrNumber())
            words += ch.toLower();
        else if (ch == u'&')
            words += QStringLiteral(" and ");
        else if (ch == u'+')
            words += QStringLiteral(" plus ");
        else
            words += u' ';
    }
    return words;
}

} // namespace

QString IdGenerator::slug(const QString &text, const QString &fallback)
{
    static const QRegularExpression aside(QStringLiteral("\\([^()]*\\)"));
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]*)\\]\\([^)]*\\)"));
    // Only the first words make the id; a bound keeps pathological texts cheap.
    QString plain = text.left(MaxSourceLength);
    plain.replace(link, QStringLiteral("\\1"));
    QString withoutAsides = plain;
    withoutAsides.remove(aside);
    QStringList words = asciiWords(withoutAsides).split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty()) // the whole text was an aside, or had no letters we can spell
        words = asciiWords(plain).split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return fallback;
    return words.mid(0, MaxWords).join(u'-');
}

QString IdGenerator::make(const QString &parent, const QString &text, const QString &fallback)
{
    const QString base = (parent.isEmpty() ? QString() : parent + u'.') + slug(text, fallback);
    QString id = base;
    // Counting on from the last suffix used for this base keeps many repeats linear.
    int &next = m_nextSuffix[base];
    while (m_used.contains(id) || m_reserved.contains(id))
        id = base + u'-' + QString::number(next = std::max(next, 1) + 1);
    m_used.insert(id);
    return id;
}

void IdGenerator::reserve(const QString &id)
{
    m_reserved.insert(id);
}

bool IdGenerator::claim(const QString &id)
{
    static const QRegularExpression valid(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*")));
    if (m_used.contains(id) || !valid.match(id).hasMatch())
        return false;
    m_used.insert(id);
    return true;
}

} // namespace preflight::import
