#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace preflight::import {

// The block structure of a GitHub-flavoured Markdown checklist, as far as the importer needs
// it. Everything that is not a heading or a task item is kept only to be counted or, for the
// few lines that carry review data (sign-off roles, dates, notes), to be read by the caller.
//
// cmark-gfm decides the structure, to the CommonMark/GFM spec. Texts stay inline Markdown as
// the file wrote them (template item text is Markdown by definition: `code`, **bold**), with
// one difference: character references (&nbsp; &amp; &#233;) are resolved as CommonMark resolves
// them (see resolveCharacterReferences).
struct MarkdownBlock
{
    enum class Kind {
        Heading, // ATX (#..######) or Setext (=== / ---); `level` 1..6
        Task, // - [ ] / * [x] / + [X] / 1. [ ] item, also [-] and [~]; `mark` holds the box's character
        Detail, // "- Note: ...", "- Owner: ..." etc. nested under a task item
        ListItem, // a list item without a check box
        Paragraph, // prose (and raw HTML blocks); `lines` holds the lines
        Table, // `cells` holds the header, `rows` the body
        Code, // fenced or indented code
        Break // thematic break (---, ***, ___)
    };
    Kind kind = Kind::Paragraph;
    int line = 0; // 1-based, of the block's first line
    int level = 0;
    int indent = 0; // list items: how many list items contain this one (0 at the top)
    QChar mark;
    QString label; // Detail: "Note", "Owner", "Evidence", "N/A" or "Reason"
    QString text; // Heading and ListItem: trimmed text; Task/Detail: text after the box or label,
                  // continuation lines joined (a hard break keeps its line feed)
    // Heading and Task: the inside of a trailing HTML comment, "<!-- id: x; rule: y -->", taken off
    // `text` (the attributes a template export writes; see BlockAttributes.h); empty when none.
    QString attributes;
    QStringList lines;
    QStringList cells;
    std::vector<QStringList> rows;
    std::vector<int> rowLines; // Table: the line of each of `rows`
};

std::vector<MarkdownBlock> scanMarkdown(const QStringList &lines);

} // namespace preflight::import
