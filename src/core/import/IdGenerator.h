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

    // Ids a file names explicitly (a template export's "<!-- id: … -->"): reserved before reading,
    // so that no generated id takes one; claim() hands each out once and returns false for a
    // repeat or an id that is not lowercase kebab-case with dots.
    void reserve(const QString &id);
    bool claim(const QString &id);

private:
    QSet<QString> m_used;
    QSet<QString> m_reserved;
    QHash<QString, int> m_nextSuffix;
};

} // namespace preflight::import
