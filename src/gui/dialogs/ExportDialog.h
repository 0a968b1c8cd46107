#pragma once

#include "export/CsvWriter.h"
#include "export/ReportWriter.h"

#include <QDialog>
#include <QPageSize>

#include <memory>

namespace Ui {
class ExportDialog;
}

namespace preflight::gui {

class ProjectSession;

// File → Export: picks a format, a file (named after the project), for PDF the paper and for CSV
// whether formulas stay as typed (off by default, like `preflight export --csv-raw`); on
// OK renders the report through the same writers as `preflight export` and saves it atomically.
// The dialog stays open when the export fails, with a message naming the file.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const ProjectSession &session, QWidget *parent = nullptr);
    ~ExportDialog() override;

    ReportFormat format() const;
    QString path() const;
    QPageSize::PageSizeId pageSize() const;
    CsvFormulas csvFormulas() const;

    void accept() override;

private:
    void formatChanged();
    void browse();
    bool exportReport();

    std::unique_ptr<Ui::ExportDialog> ui;
    const ProjectSession &m_session;
};

} // namespace preflight::gui
