#include "ExportDialog.h"

#include "Error.h"
#include "LinkOpener.h"
#include "PageSize.h"
#include "ProjectSession.h"
#include "ReportFormats.h"
#include "export/ReportFile.h"
#include "ui_ExportDialog.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

namespace preflight::gui {

namespace {

const QString LastFolderKey = QStringLiteral("export/lastFolder");
const QString LastFormatKey = QStringLiteral("export/lastFormat");
const QString OpenWhenDoneKey = QStringLiteral("export/openWhenDone");

struct FormatChoice
{
    ReportFormat format;
    const char *label;
};

const FormatChoice Formats[] = {
    { ReportFormat::Markdown, QT_TRANSLATE_NOOP("ExportDialog", "Markdown") },
    { ReportFormat::Pdf, QT_TRANSLATE_NOOP("ExportDialog", "PDF") },
    { ReportFormat::Html, QT_TRANSLATE_NOOP("ExportDialog", "HTML") },
    { ReportFormat::Json, QT_TRANSLATE_NOOP("ExportDialog", "JSON") },
    { ReportFormat::Csv, QT_TRANSLATE_NOOP("ExportDialog", "CSV (one row per item)") },
    { ReportFormat::JUnit, QT_TRANSLATE_NOOP("ExportDialog", "JUnit XML") },
};

QString safeFileName(QString name)
{
    static const QString Forbidden = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : name) {
        if (Forbidden.contains(c) || c.unicode() < 0x20)
            c = u'-';
    }
    return name.trimmed().isEmpty() ? QStringLiteral("report") : name.trimmed();
}

// The folder to suggest: the last one used while it exists, else the documents folder. A fresh
// account may not have that yet (a missing folder made the first export fail); the desktop creates
// it on first use, and so do we.
QString suggestedFolder(const QSettings &settings)
{
    const QString last = settings.value(LastFolderKey).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QDir().mkpath(documents))
        return documents;
    return QDir::homePath();
}

} // namespace

ExportDialog::ExportDialog(const ProjectSession &session, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ExportDialog>())
    , m_session(session)
{
    ui->setupUi(this);
    ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    setWindowTitle(tr("Export “%1”").arg(session.state().project.name));
    const QSettings settings;
    for (const FormatChoice &choice : Formats)
        ui->formatCombo->addItem(tr(choice.label), int(choice.format));
    ui->pageSizeCombo->addItem(tr("A4"), int(QPageSize::A4));
    ui->pageSizeCombo->addItem(tr("Letter"), int(QPageSize::Letter));
    // QLocale() is the system's unless the application chose another.
    ui->pageSizeCombo->setCurrentIndex(ui->pageSizeCombo->findData(int(defaultPageSize(QLocale()))));
    ui->openWhenDoneCheck->setChecked(settings.value(OpenWhenDoneKey, false).toBool());

    const QString folder = suggestedFolder(settings);
    const int lastFormat
        = ui->formatCombo->findData(settings.value(LastFormatKey, int(ReportFormat::Markdown)).toInt());
    ui->formatCombo->setCurrentIndex(std::max(0, lastFormat));
    ui->fileEdit->setText(QDir(folder).filePath(safeFileName(session.state().project.name)));
    formatChanged();

    connect(ui->formatCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(ui->browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(ui->buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(ui->fileEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
}

ExportDialog::~ExportDialog() = default;

ReportFormat ExportDialog::format() const
{
    return ReportFormat(ui->formatCombo->currentData().toInt());
}

QString ExportDialog::path() const
{
    return ui->fileEdit->text().trimmed();
}

QPageSize::PageSizeId ExportDialog::pageSize() const
{
    return QPageSize::PageSizeId(ui->pageSizeCombo->currentData().toInt());
}

CsvFormulas ExportDialog::csvFormulas() const
{
    return ui->csvRawCheck->isChecked() ? CsvFormulas::Raw : CsvFormulas::Neutralised;
}

// Keeps the file's extension in step with the format, so switching to PDF does not write a
// PDF into "report.md".
void ExportDialog::formatChanged()
{
    const bool pdf = format() == ReportFormat::Pdf;
    ui->pageSizeCombo->setEnabled(pdf);
    ui->pageSizeLabel->setEnabled(pdf);
    ui->csvRawCheck->setEnabled(format() == ReportFormat::Csv);
    QString file = path();
    for (const FormatChoice &choice : Formats) {
        const QString extension = u'.' + reportFormatExtension(choice.format);
        if (file.endsWith(extension, Qt::CaseInsensitive)) {
            file.chop(extension.size());
            break;
        }
    }
    if (file.isEmpty())
        file = safeFileName(m_session.state().project.name);
    ui->fileEdit->setText(file + u'.' + reportFormatExtension(format()));
}

void ExportDialog::browse()
{
    const QString extension = reportFormatExtension(format());
    const QString chosen
        = QFileDialog::getSaveFileName(this, tr("Export Report"), path(),
                                       tr("%1 files (*.%2)").arg(ui->formatCombo->currentText(), extension)
                                           + QStringLiteral(";;") + tr("All files (*)"));
    if (!chosen.isEmpty())
        ui->fileEdit->setText(QDir::toNativeSeparators(chosen));
}

bool ExportDialog::exportReport()
{
    const QString file = path();
    // Rendering runs on this thread (the PDF writer paints with fonts, which belong to the GUI
    // thread); the busy dialog tells the user a large report is on its way.
    QProgressDialog progress(tr("Writing %1…").arg(QFileInfo(file).fileName()), QString(), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setValue(0);
    try {
        const ReportInput input { m_session.tmpl(),
                                  m_session.state(),
                                  m_session.assessment(),
                                  QDate::currentDate(),
                                  QDateTime::currentDateTimeUtc(),
                                  m_session.store().actor(),
                                  m_session.store().auditHead(),
                                  m_session.store().removedAnswers(m_session.projectId()) };
        ReportOptions options;
        options.pageSize = pageSize();
        options.csvFormulas = csvFormulas();
        saveReportFile(file, makeReportWriter(format(), options)->write(input));
    } catch (const std::exception &error) {
        progress.close();
        // The error names the file already.
        QMessageBox::warning(this, tr("Export Failed"),
                             tr("Could not export the report.\n\n%1").arg(QString::fromUtf8(error.what())));
        return false;
    }
    return true;
}

void ExportDialog::accept()
{
    if (path().isEmpty() || !exportReport())
        return;
    QSettings settings;
    settings.setValue(LastFolderKey, QFileInfo(path()).absolutePath());
    settings.setValue(LastFormatKey, int(format()));
    settings.setValue(OpenWhenDoneKey, ui->openWhenDoneCheck->isChecked());
    if (ui->openWhenDoneCheck->isChecked())
        LinkOpener::openOwnFile(path());
    QDialog::accept();
}

} // namespace preflight::gui
