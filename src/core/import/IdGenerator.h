#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace preflight::import {

// Readable ids made from text ("Code Review completed by 2+ engineers" → "code-review-completed-
// by-2-plus-engineers"), the same convention as checklists/appendix-a.json: parenthesised
// asides are left out, "&" reads "and", "+" reads "plus", accents are dropped, and at most eight
// words are kept. Ids are unique within one generator (one template): a repeat gets "-2", "-3".
class IdGenerator
{
public:
    static QString slug(const QString &text, const QString &fallback);

    // `parent` is the dotted id of the enclosing category/section/item, empty at the top.
    QString make(const QString &parent, const QString &text, const QString &fallback);

private:
    QSet<QString> m_used;
    QHash<QString, int> m_nextSuffix;
};

} // namespace preflight::import
