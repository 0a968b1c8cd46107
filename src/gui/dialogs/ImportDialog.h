#pragma once

#include "import/MarkdownImport.h"

#include <QDialog>

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QComboBox;
QT_END_NAMESPACE

namespace Ui {
class ImportDialog;
}

namespace preflight {
class Store;
struct Template;
class TemplateRegistry;
} // namespace preflight

namespace preflight::gui {

// The preview of a Markdown import: what the file holds (categories, sections, items and their
// ticks, risks, and sign-offs, which are shown but never imported), every warning with its line
// and what was skipped. Nothing is written until Import is
// pressed; then it creates either a project (on a known template, or on the file's own, which is
// saved to the user's templates folder) or only the template. A failure keeps the dialog open.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(import::ImportPreview preview, Store &store, const TemplateRegistry &templates,
                 QWidget *parent = nullptr);
    ~ImportDialog() override;

    qint64 createdProjectId() const { return m_projectId; } // 0 unless a project was created
    // True when a template file was written, so the caller reloads its templates.
    bool createdTemplate() const { return !m_savedTemplatePath.isEmpty(); }

    void accept() override;

private:
    void fillSummary();
    void fillContent();
    void fillReviewData();
    void fillWarnings();
    void updateButtons();

    std::unique_ptr<Ui::ImportDialog> ui;
    import::ImportPreview m_preview;
    Store &m_store;
    const TemplateRegistry &m_templates;
    const Template *m_match = nullptr; // the registered template a project import would use
    qint64 m_projectId = 0;
    QString m_savedTemplatePath;
    std::vector<QComboBox *> m_severityCombos; // one per category, in template order
};

} // namespace preflight::gui
