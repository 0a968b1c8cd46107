#pragma once

#include "import/HeadingMapping.h"
#include "import/MarkdownBlocks.h"
#include "import/MarkdownImport.h"

namespace preflight::import {

// Reads the parts of a checklist that are not checklist items but still belong to a review:
// sign-off roles ("**Engineering Lead:** ____" lines or a Role table), the risk table's columns,
// the status line, launch dates, notes, the template a Preflight report names, the risk register
// (ReviewTables.h) and the sign-offs a file records.
class ReviewMetadata
{
public:
    // `role` is the role of the heading the block sits under (Context when there is none).
    // Returns true when the block was review data rather than prose.
    bool readParagraph(const MarkdownBlock &block, HeadingRole role);
    void readTable(const MarkdownBlock &block, HeadingRole role);

    // Fills in what was found, and Preflight's defaults (with one warning) for what the schema
    // requires but the file does not say.
    void apply(ImportPreview &preview) const;

private:
    bool readLabelledLine(const QString &line, int lineNumber);
    void readSignatureLine(const QString &role, const QString &value, int lineNumber);

    QStringList m_roles;
    QStringList m_riskColumns;
    QStringList m_statusValues;
    QStringList m_projectFields;
    QStringList m_notes;
    std::optional<QDate> m_targetDate;
    std::optional<QDate> m_actualDate;
    QString m_templateId;
    std::vector<ImportedRisk> m_risks;
    std::vector<SignOffRow> m_signoffs;
    std::vector<ImportWarning> m_warnings;
};

} // namespace preflight::import
