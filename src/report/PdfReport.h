#pragma once

#include "LayoutThread.h"
#include "PdfLayout.h"
#include "export/ReportInput.h"

#include <QColor>
#include <QMap>

#include <memory>

namespace preflight::pdf {

// The report's content, laid out on a PageFlow. Split over two files: the first page, scores,
// chart and actions (PdfReport.cpp), and the checklist, sign-offs, risks and notes
// (PdfChecklist.cpp).
class PdfReport
{
public:
    // With a `layoutThread`, half the checklist is laid out there while the rest flows here.
    PdfReport(const ReportModel &model, PageFlow &flow, LayoutThread *layoutThread = nullptr);
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
    };
    // The styles with fonts for use on another thread.
    static Styles detachedCopy(Styles styles);

    void firstPage();
    void tableOfContents();
    void scores();
    void chart();
    void actions();
    void checklist();
    void summaryGroup(const SummaryGroup &group);
    // A paragraph with a marker (a bullet, a status label) in a column to its left, and an item
    // (a marked paragraph with its details), laid out on either thread but not yet placed.
    struct Marked
    {
        std::shared_ptr<TextBlock> mark, body;
        QColor markColor, bodyColor;
        qreal indent = 0, markerWidth = 0;
    };
    struct Item
    {
        Marked text;
        std::vector<std::shared_ptr<TextBlock>> details;
        QColor detailColor;
        qreal detailIndent = 0;
    };
    Marked layOutMarked(const QString &marker, const TextStyle &markerStyle, const QString &text,
                        const TextStyle &textStyle, qreal indent, qreal markerWidth) const;
    Item layOutItem(const Styles &styles, const QString &text, const ItemState &state, int depth,
                    const SummaryResult *computed = nullptr) const;
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
    LayoutThread *m_layoutThread;
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
