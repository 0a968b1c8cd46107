#pragma once

#include "export/ReportInput.h"

#include <QStringList>

#include <memory>

namespace preflight::test {

// A complete report input that owns its parts (ReportInput only refers to them).
struct ReportFixture
{
    Template tmpl;
    ProjectState state;
    Assessment assessment;
    QDate reviewDate { 2026, 11, 25 };
    QDateTime generatedAt { QDate(2026, 11, 25), QTime(14, 30), Qt::UTC };
    QString actor = QStringLiteral("dana.reviewer");
    QString auditHead = QStringLiteral("9f2c4e1ab07d55e3c0ffee1234567890abcdef0123456789abcdef0123456789");

    ReportInput input() const { return { tmpl, state, assessment, reviewDate, generatedAt, actor, auditHead }; }
    void reassess(); // recomputes `assessment` with the real scoring after `state` changed
};

// Appendix A (checklists/appendix-a.json) as a realistic half-finished review: about half the
// items done, some N/A with reasons, owners, notes and evidence, four risks in every status, and
// sign-offs including a stale and a missing one.
std::unique_ptr<ReportFixture> halfFinishedReview();

// A generated template of `itemCount` items (categories of every severity, nested items) with
// a deterministic mix of states and long notes: the stress and benchmark input.
std::unique_ptr<ReportFixture> generatedReview(int itemCount);

// Strings a user might type that break naive writers: quotes, pipes, HTML, Markdown syntax, a
// right-to-left override, emoji, %1 placeholders, line breaks.
QStringList hostileStrings();

// The half-finished review with hostile strings in every user field and a 1 MB note.
std::unique_ptr<ReportFixture> hostileReview();

// Evidence a colleague or an imported file might carry: script and data links, other schemes,
// quotes and angle brackets in addresses, a right-to-left override, a host disguised by a user
// name, and two honest web addresses (the last two).
QStringList hostileLinks();
// Notes with hostile Markdown links: a right-to-left override in a web link's text, script and
// data links, raw HTML and images pointing at a tracker.
QStringList hostileLinkNotes();
// The half-finished review with hostileLinks() as its only evidence and hostileLinkNotes() as
// the notes of its first items.
std::unique_ptr<ReportFixture> hostileLinkReview();
QString oneMegabyteNote();

// The half-finished review in Japanese, Chinese and Korean: description, notes and an owner
// (the strings are cjkJapanese() and so on).
std::unique_ptr<ReportFixture> cjkReview();
QString cjkJapanese();
QString cjkChinese();
QString cjkKorean();

// The half-finished review with a Markdown note on its first item (strong text, code, lists, a
// task list, a code block, links of every kind, raw HTML) and Markdown project notes.
std::unique_ptr<ReportFixture> markdownReview();
ItemState &markdownNoteItem(ReportFixture &fixture);

// Every item text of the template (nested ones included), for "the report shows all items" checks.
QStringList allItemTexts(const Template &tmpl);

} // namespace preflight::test
