#pragma once

#include "PdfLayout.h"
#include "PdfMarkdown.h"
#include "export/ReportInput.h"

#include <QColor>
#include <QMap>

#include <map>
#include <memory>

namespace preflight::pdf {

// The report's content, laid out on a PageFlow. Split over two files: the first page, scores,
// chart and actions (PdfReport.cpp), and the checklist, sign-offs, risks and notes
// (PdfChecklist.cpp).
class PdfReport
{
public:
    PdfReport(const ReportModel &model, PageFlow &flow);
    void layOut();

    // The table of contents as a document outline (bookmarks): sections, with the categories
    // under "Checklist". Complete after layOut().
    struct OutlineEntry
    {
        QString title;
        int page = 0; // zero-based
        qreal top = 0; // device units from the top of the page
        bool child = false;
    };
    std::vector<OutlineEntry> outline() const;

private:
    struct Styles
    {
        TextStyle title, section, category, subsection, body, bold, small, label;
        QFont code, smallCode; // for Markdown code, beside body and small
        // Status labels ("DONE", "OPEN") by text and width, laid out once for thousands of items.
        using Labels = std::map<std::pair<QString, qreal>, std::shared_ptr<TextBlock>>;
        std::shared_ptr<Labels> labels = std::make_shared<Labels>();
    };

    void firstPage();
    void tableOfContents();
    void scores();
    void chart();
    void actions();
    void checklist();
    void summaryGroup(const SummaryGroup &group);
    void removedAnswers();
    // An item (its text with the status label as its marker, and its details), laid out but not
    // yet placed.
    using Marked = MarkedParagraph;
    struct Item
    {
        Marked text;
        std::vector<Marked> details;
    };
    Marked layOutMarked(std::shared_ptr<TextBlock> marker, const QColor &markerColor, FormattedParagraph text,
                        const TextStyle &textStyle, qreal indent, qreal markerWidth) const;
    Item layOutItem(const QString &text, const ItemState &state, int depth,
                    const SummaryResult *computed = nullptr) const;
    // An item's text (inline Markdown) in the body style.
    FormattedParagraph itemText(const QString &markdown) const;
    void place(const Marked &marked);
    void place(const Item &item);
    void signoffs();
    void risks();
    void notes();

    void sectionHeading(const QString &title, bool newPage);
    void categoryHeading(const Category &category);
    void subheading(const QString &title);

    const ReportModel &m;
    PageFlow &f;
    Styles s;
    // Where each table-of-contents entry's heading starts, filled during layOut() and read when
    // the contents page is painted (its page numbers and links).
    struct Place
    {
        int page = 0;
        qreal top = 0;
    };
    std::shared_ptr<QMap<QString, Place>> m_places = std::make_shared<QMap<QString, Place>>();
    Place m_heading; // where the last heading started
    struct TocEntry
    {
        QString key;
        QString label;
        bool indented = false;
    };
    std::vector<TocEntry> m_toc;
    void markHeading() { m_heading = { f.page(), f.y() }; }
    void markSection(const QString &key) { m_places->insert(key, m_heading); }
};

QColor severityQColor(Severity severity);

} // namespace preflight::pdf
