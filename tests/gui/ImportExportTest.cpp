// File → Export and File → Import Markdown driven through their real dialogs.
#include "WindowTestSupport.h"
#include "dialogs/ExportDialog.h"
#include "dialogs/ImportDialog.h"
#include "export/ReportWriter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <nlohmann/json.hpp>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// Chooses the format by its label and the file, as a user would, and presses Export.
void fillAndExport(ExportDialog *dialog, const QString &formatLabel, const QString &path)
{
    auto *format = dialog->findChild<QComboBox *>(QStringLiteral("formatCombo"));
    REQUIRE(format);
    const int index = format->findText(formatLabel);
    REQUIRE(index >= 0);
    format->setCurrentIndex(index);
    auto *file = dialog->findChild<QLineEdit *>(QStringLiteral("fileEdit"));
    REQUIRE(file->text().endsWith(u'.' + reportFormatExtension(dialog->format()))); // suggested name follows the format
    file->setText(path);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
}

// The report with its generation time blanked, which differs between two renders.
QString withoutTimestamps(const QByteArray &markdown)
{
    static const QRegularExpression time(QStringLiteral("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"));
    return QString::fromUtf8(markdown).replace(time, QStringLiteral("<time>"));
}

// What the dialog hands the writers, made here independently of it.
ReportInput sessionReport(const ProjectSession &session)
{
    return { session.tmpl(),
             session.state(),
             session.assessment(),
             QDate::currentDate(),
             QDateTime::currentDateTimeUtc(),
             session.store().actor(),
             session.store().auditHead() };
}

} // namespace

TEST_CASE("Ctrl+E exports the project's report as Markdown through the dialog", "[gui][export]")
{
    ProjectWindow w;
    ProjectSession *session = w.open.window.currentSession();
    REQUIRE(session);
    session->setItemStatus(styleGuideItem, ItemStatus::Done);
    const QString path = w.db.dir.filePath(QStringLiteral("report.md"));
    bool answered = false;
    whenDialogOpens<ExportDialog>([&](ExportDialog *dialog) {
        fillAndExport(dialog, QStringLiteral("Markdown"), path);
        answered = true;
    });
    QTest::keyClick(&w.open.window, Qt::Key_E, Qt::ControlModifier);
    REQUIRE(QTest::qWaitFor([&] { return answered; }));

    const QByteArray expected = makeTextReportWriter(ReportFormat::Markdown)->write(sessionReport(*session));
    CHECK(withoutTimestamps(readAll(path)) == withoutTimestamps(expected));
}

TEST_CASE("The export dialog writes JSON that reports the session's assessment", "[gui][export]")
{
    OpenSession s;
    s.session->setItemStatus(styleGuideItem, ItemStatus::Done);
    ExportDialog dialog(*s.session);
    dialog.show();
    const QString path = s.db.dir.filePath(QStringLiteral("report.json"));
    fillAndExport(&dialog, QStringLiteral("JSON"), path);
    REQUIRE(dialog.result() == QDialog::Accepted);

    nlohmann::json report = nlohmann::json::parse(readAll(path).toStdString());
    CHECK(report.at("report").at("generated_by") == "tester");
    // The same document the core writer makes, but for the moment it was generated.
    nlohmann::json expected = nlohmann::json::parse(
        makeTextReportWriter(ReportFormat::Json)->write(sessionReport(*s.session)).toStdString());
    report["report"].erase("generated_at");
    expected["report"].erase("generated_at");
    CHECK(report == expected);
}

TEST_CASE("A failed export names the file and leaves the dialog open", "[gui][export]")
{
    OpenSession s;
    ExportDialog dialog(*s.session);
    dialog.show();
    const QString path = s.db.dir.filePath(QStringLiteral("missing-folder/report.csv"));
    QString shown;
    whenDialogOpens<QMessageBox>([&](QMessageBox *box) {
        shown = box->text();
        box->accept();
    });
    fillAndExport(&dialog, QStringLiteral("CSV (one row per item)"), path);
    CHECK(shown.count(path) == 1);
    CHECK(dialog.isVisible());
    CHECK_FALSE(QFile::exists(path));
}

TEST_CASE("CSV from the export dialog neutralises formulas unless the exact box is ticked", "[gui][export][csv]")
{
    OpenSession s;
    s.session->setItemText(styleGuideItem, ItemTextField::Note, QStringLiteral("=1+2"));
    const auto exportCsv = [&](bool exact, const QString &name) {
        ExportDialog dialog(*s.session);
        dialog.show();
        auto *box = dialog.findChild<QCheckBox *>(QStringLiteral("csvRawCheck"));
        REQUIRE(box);
        auto *format = dialog.findChild<QComboBox *>(QStringLiteral("formatCombo"));
        format->setCurrentIndex(format->findText(QStringLiteral("PDF")));
        CHECK_FALSE(box->isEnabled()); // a CSV-only choice
        format->setCurrentIndex(format->findText(QStringLiteral("CSV (one row per item)")));
        REQUIRE(box->isEnabled());
        CHECK_FALSE(box->isChecked()); // safe by default, every time the dialog opens
        box->setChecked(exact);
        const QString path = s.db.dir.filePath(name);
        fillAndExport(&dialog, QStringLiteral("CSV (one row per item)"), path);
        REQUIRE(dialog.result() == QDialog::Accepted);
        return QString::fromUtf8(readAll(path));
    };
    const QString safe = exportCsv(false, QStringLiteral("safe.csv"));
    CHECK(safe.contains(QStringLiteral(",\"'=1+2\",")));
    const QString exact = exportCsv(true, QStringLiteral("exact.csv"));
    CHECK(exact.contains(QStringLiteral(",=1+2,")));
    CHECK_FALSE(exact.contains(QStringLiteral("'=1+2")));
}

TEST_CASE("The PDF page size defaults from the locale", "[gui][export]")
{
    OpenSession s;
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    CHECK(ExportDialog(*s.session).pageSize() == QPageSize::Letter);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    CHECK(ExportDialog(*s.session).pageSize() == QPageSize::A4);
    QLocale::setDefault(saved);
}

TEST_CASE("Importing the Appendix A seed as a project through the dialog creates it", "[gui][import]")
{
    TempDatabase db;
    OpenWindow open(db);
    bool answered = false;
    QStringList warnings;
    whenDialogOpens<ImportDialog>([&](ImportDialog *dialog) {
        CHECK(dialog->findChild<QTreeWidget *>(QStringLiteral("contentTree"))->topLevelItemCount() > 5);
        auto *list = dialog->findChild<QListWidget *>(QStringLiteral("warningsList"));
        for (int row = 0; row < list->count(); ++row)
            warnings << list->item(row)->text();
        dialog->findChild<QRadioButton *>(QStringLiteral("asProjectRadio"))->setChecked(true);
        dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Seeded review"));
        // Nothing is written while the preview is up.
        CHECK(db.open(QStringLiteral("reader"))->projects().empty());
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        answered = true;
    });
    open.window.importMarkdown(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/appendix-a-seed.md"));
    REQUIRE(answered);

    const std::vector<Project> projects = db.open(QStringLiteral("reader"))->projects();
    REQUIRE(projects.size() == 1);
    CHECK(projects.front().name == QStringLiteral("Seeded review"));
    CHECK(projects.front().templateId == QString::fromLatin1(TemplateRegistry::DefaultTemplateId));
    REQUIRE(open.window.currentSession());
    CHECK(open.window.currentSession()->projectId() == projects.front().id);
    // The seed's mis-decoded emoji are repaired and said so, with the line.
    REQUIRE_FALSE(warnings.isEmpty());
    CHECK(warnings.front().startsWith(QStringLiteral("Line ")));
}

TEST_CASE("The import preview hides what the file's own template lacks while a registered one is used", "[gui][import]")
{
    TempDatabase db;
    OpenWindow open(db);
    // The seed without its risk table: its own template would fall back to Appendix A's columns.
    QByteArray seed = readAll(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/appendix-a-seed.md"));
    seed.replace("| Risk | Severity | Mitigation | Owner |", "");
    const QString path = db.dir.filePath(QStringLiteral("no-risks.md"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(seed);
    file.close();

    auto mentionsRiskColumns = [](const QListWidget *list) {
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->text().contains(QStringLiteral("does not define risk table columns")))
                return true;
        }
        return false;
    };
    bool answered = false;
    whenDialogOpens<ImportDialog>([&](ImportDialog *dialog) {
        auto *list = dialog->findChild<QListWidget *>(QStringLiteral("warningsList"));
        dialog->findChild<QRadioButton *>(QStringLiteral("asTemplateRadio"))->setChecked(true);
        CHECK(mentionsRiskColumns(list));
        dialog->findChild<QRadioButton *>(QStringLiteral("asProjectRadio"))->setChecked(true);
        CHECK_FALSE(mentionsRiskColumns(list));
        CHECK(list->count() > 0); // the repaired emoji are still reported
        dialog->reject();
        answered = true;
    });
    open.window.importMarkdown(path);
    CHECK(answered);
}

TEST_CASE("The import preview lists the file's risks and says its sign-offs are not imported", "[gui][import]")
{
    TempDatabase db;
    OpenWindow open(db);
    QByteArray seed = readAll(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/appendix-a-seed.md"));
    seed.replace("|  |  |  |  |\n|  |  |  |  |", "| Vendor outage | High | Second provider | Ops |");
    seed.replace("**DevOps Lead:** ________________________ Date: __________",
                 "**DevOps Lead:** Bo Berg Date: 2026-03-01");
    const QString path = db.dir.filePath(QStringLiteral("filled.md"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(seed);
    file.close();

    QString review;
    whenDialogOpens<ImportDialog>([&](ImportDialog *dialog) {
        auto *label = dialog->findChild<QLabel *>(QStringLiteral("reviewLabel"));
        REQUIRE(label);
        CHECK(label->isVisibleTo(dialog));
        review = label->text();
        dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Filled"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    open.window.importMarkdown(path);
    CHECK(review.contains(QStringLiteral("<b>Risks</b> from the file's risk table, created with a project")));
    CHECK(review.contains(QStringLiteral("“Vendor outage” (high)")));
    CHECK(review.contains(QStringLiteral("Sign-offs in the file, shown but never imported")));
    CHECK(review.contains(QStringLiteral("DevOps Lead: Bo Berg (2026-03-01)")));

    auto reader = db.open(QStringLiteral("reader"));
    REQUIRE(reader->projects().size() == 1);
    const ProjectState state = reader->loadState(reader->projects().front().id);
    REQUIRE(state.risks.size() == 1);
    CHECK(state.risks.front().title == QStringLiteral("Vendor outage"));
    CHECK(state.signoffs.empty());
}

TEST_CASE("Cancelling the import preview creates nothing", "[gui][import]")
{
    TempDatabase db;
    OpenWindow open(db);
    whenDialogOpens<ImportDialog>([](ImportDialog *dialog) { dialog->reject(); });
    open.window.importMarkdown(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/appendix-a-seed.md"));
    CHECK(db.open(QStringLiteral("reader"))->projects().empty());
    CHECK_FALSE(open.window.currentSession());
}

TEST_CASE("Importing as a template saves it and the window can start projects from it", "[gui][import]")
{
    TempDatabase db;
    // The user's templates folder lives under XDG_DATA_HOME: keep it inside the test's folder.
    const QByteArray savedDataHome = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", db.dir.filePath(QStringLiteral("data")).toUtf8());
    OpenWindow open(db);
    whenDialogOpens<ImportDialog>([](ImportDialog *dialog) {
        dialog->findChild<QRadioButton *>(QStringLiteral("asTemplateRadio"))->setChecked(true);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    open.window.importMarkdown(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/appendix-a-seed.md"));
    const QStringList saved = QDir(TemplateRegistry::userTemplatesDir()).entryList({ QStringLiteral("*.json") });
    qputenv("XDG_DATA_HOME", savedDataHome);
    REQUIRE(saved.size() == 1);
    const Template *tmpl = open.window.workspace()->templates().find(QFileInfo(saved.front()).completeBaseName());
    REQUIRE(tmpl);
    CHECK(tmpl->itemCount() == 264);
    CHECK(db.open(QStringLiteral("reader"))->projects().empty());
}

TEST_CASE("Dropping a Markdown file on the window opens the import preview", "[gui][import]")
{
    TempDatabase db;
    OpenWindow open(db);
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/appendix-a-seed.md")) });
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&open.window, &enter);
    REQUIRE(enter.isAccepted());
    bool previewed = false;
    whenDialogOpens<ImportDialog>([&](ImportDialog *dialog) {
        previewed = true;
        dialog->reject();
    });
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&open.window, &drop);
    REQUIRE(QTest::qWaitFor([&] { return previewed; }));
    CHECK(db.open(QStringLiteral("reader"))->projects().empty());
}

TEST_CASE("A file that is not a checklist is refused with its name and line", "[gui][import]")
{
    TempDatabase db;
    OpenWindow open(db);
    const QString path = db.dir.filePath(QStringLiteral("notes.md"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("# Notes\n\nJust prose, no check boxes.\n");
    file.close();
    open.window.importMarkdown(path);
    auto *box = open.window.findChild<QMessageBox *>();
    REQUIRE(box);
    CHECK(box->text().startsWith(path + u':'));
    CHECK(db.open(QStringLiteral("reader"))->projects().empty());
}

TEST_CASE("On a fresh account the export suggests a folder that exists, and the status bar offers the file",
          "[gui][export]")
{
    // A new user: a home folder with no Documents in it, and no export remembered.
    const QTemporaryDir home;
    const QByteArray realHome = qgetenv("HOME");
    qputenv("HOME", home.path().toLocal8Bit());
    const auto restoreHome = qScopeGuard([&] { qputenv("HOME", realHome); });
    ProjectWindow w;

    QString suggested;
    const QPointer<QTimer> onFailure = whenDialogOpens<QMessageBox>([](QMessageBox *box) { box->accept(); });
    const auto stopWatching = qScopeGuard([&] { delete onFailure; });
    whenDialogOpens<ExportDialog>([&](ExportDialog *dialog) {
        suggested = dialog->path();
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        if (dialog->isVisible())
            dialog->reject();
    });
    w.open.window.exportReport();
    INFO(suggested.toStdString());
    REQUIRE(QFileInfo(suggested).absolutePath().startsWith(home.path()));
    CHECK(QFileInfo(QFileInfo(suggested).absolutePath()).isDir());
    CHECK(QFile::exists(suggested));

    auto *status = w.open.window.findChild<QLabel *>(QStringLiteral("exportedStatus"));
    REQUIRE(status);
    CHECK(status->isVisible());
    CHECK(status->text().contains(QFileInfo(suggested).fileName()));
    CHECK(status->text().contains(QUrl::fromLocalFile(QFileInfo(suggested).absolutePath()).toString()));
}

TEST_CASE("The import preview shows every item with its tick, and the severity chosen there is imported",
          "[gui][import]")
{
    TempDatabase db;
    OpenWindow open(db);
    const QString path = db.dir.filePath(QStringLiteral("plain.md"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("# Launch list\n\n## Docs\n\n### Basics\n\n- [x] README explains the setup\n- [ ] Runbook written\n"
               "  - [ ] Failover steps\n\n## Extras\n\n### Nice to have\n\n- [ ] Blog post drafted\n");
    file.close();

    bool answered = false;
    whenDialogOpens<ImportDialog>([&](ImportDialog *dialog) {
        auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("contentTree"));
        QStringList rows;
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            rows << (*it)->text(0) + u'|' + (*it)->text(1) + u'|' + QString::number(int((*it)->checkState(0)));
        INFO(rows.join(QStringLiteral("\n")).toStdString());
        CHECK(rows.contains(QStringLiteral("README explains the setup|Done|2")));
        CHECK(rows.contains(QStringLiteral("Runbook written|Open|0")));
        CHECK(rows.contains(QStringLiteral("Failover steps|Open|0")));
        CHECK(rows.contains(QStringLiteral("Blog post drafted|Open|0")));

        // "Extras" is optional work: the user marks it Low before importing it as a template.
        auto *extras = dialog->findChild<QComboBox *>(QStringLiteral("severityCombo:extras"));
        REQUIRE(extras);
        extras->setCurrentIndex(extras->findData(int(Severity::Low)));
        dialog->findChild<QRadioButton *>(QStringLiteral("asTemplateRadio"))->setChecked(true);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        answered = true;
    });
    open.window.importMarkdown(path);
    REQUIRE(answered);
    const Template *imported = open.window.workspace()->templates().find(QStringLiteral("launch-list"));
    REQUIRE(imported);
    const auto extras = std::find_if(imported->categories.begin(), imported->categories.end(),
                                     [](const Category &c) { return c.id == QLatin1String("extras"); });
    REQUIRE(extras != imported->categories.end());
    CHECK(extras->severity == Severity::Low);
}
