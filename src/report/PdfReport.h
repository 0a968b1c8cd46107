#pragma once

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
    PdfReport(const ReportModel &model, PageFlow &flow);
    void layOut();

    // Page (zero-based) on which each table-of-contents entry starts, filled during layOut().
    const std::shared_ptr<QMap<QString, int>> &sectionPages() const { return m_sectionPages; }

private:
    struct Styles
    {
        TextStyle title, section, category, subsection, body, bold, small, label;
    };

    void firstPage();
    void tableOfContents();
    void scores();
    void chart();
    void actions();
    void checklist();
    void summaryGroup(const SummaryGroup &group);
    void item(const QString &text, const ItemState &state, int depth, const SummaryResult *computed = nullptr);
    void signoffs();
    void risks();
    void notes();

    void sectionHeading(const QString &title, bool newPage);
    void categoryHeading(const Category &category);
    void subheading(const QString &title);
    // A paragraph with a marker (a bullet, a status label) in a column to its left, baselines aligned.
    void marked(const QString &marker, const TextStyle &markerStyle, const QString &text, const TextStyle &textStyle,
                qreal indent, qreal markerWidth);

    const ReportModel &m;
    PageFlow &f;
    Styles s;
    std::shared_ptr<QMap<QString, int>> m_sectionPages = std::make_shared<QMap<QString, int>>();
    struct TocEntry
    {
        QString key;
        QString label;
        bool indented = false;
    };
    std::vector<TocEntry> m_toc;
    void markSection(const QString &key) { m_sectionPages->insert(key, f.page()); }
};

QColor severityQColor(Severity severity);

} // namespace preflight::pdf
