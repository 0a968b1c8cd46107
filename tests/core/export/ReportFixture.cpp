#include "ReportFixture.h"

#include "templates/TemplateLoader.h"

namespace preflight::test {

namespace {

ItemState stateFor(const QString &id, ItemStatus status)
{
    ItemState s;
    s.itemId = id;
    s.status = status;
    s.changedBy = QStringLiteral("alex");
    s.changedAt = QDateTime(QDate(2026, 11, 20), QTime(9, 15), Qt::UTC);
    return s;
}

void collect(const std::vector<Item> &items, QString Item::*field, QStringList &values)
{
    for (const Item &item : items) {
        values += item.*field;
        collect(item.children, field, values);
    }
}

// Every item's id or text in template order, nested items after their parent.
QStringList collectAll(const Template &tmpl, QString Item::*field)
{
    QStringList values;
    for (const Category &category : tmpl.categories) {
        for (const Section &section : category.sections)
            collect(section.items, field, values);
    }
    return values;
}

QStringList allItemIds(const Template &tmpl)
{
    return collectAll(tmpl, &Item::id);
}

const QStringList Owners { QStringLiteral("Priya"), QStringLiteral("Jonas"), QStringLiteral("Mei"), QString() };

// A deterministic spread: every third item open, every eleventh N/A, the rest done; owners,
// evidence and notes on some. Critical categories are further along than the others.
void fillStates(ReportFixture &f, double openShare)
{
    const QStringList ids = allItemIds(f.tmpl);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const Category *category = f.tmpl.categoryOfItem(ids[i]);
        const bool critical = category && category->severity == Severity::Critical;
        const double position = double((i * 37) % 100) / 100.0;
        ItemStatus status = position < openShare * (critical ? 0.7 : 1.3) ? ItemStatus::Open : ItemStatus::Done;
        if (i % 11 == 5)
            status = ItemStatus::NotApplicable;
        ItemState s = stateFor(ids[i], status);
        if (status == ItemStatus::NotApplicable)
            s.reason = QStringLiteral("We do not run this component in production; covered by the platform team.");
        s.owner = Owners[i % Owners.size()];
        if (i % 4 == 1)
            s.evidence = QStringLiteral("https://git.example.org/shop/checkout/-/merge_requests/%1").arg(1200 + i);
        if (i % 6 == 2)
            s.note = QStringLiteral("Checked on staging with the November traffic replay; the numbers are in the "
                                    "load-test report. Re-check after the cache change lands.");
        if (status != ItemStatus::Open || !s.owner.isEmpty() || !s.note.isEmpty())
            f.state.items[ids[i]] = s;
    }
}

Risk risk(qint64 id, const char *title, Severity severity, RiskStatus status, const char *mitigation)
{
    Risk r;
    r.id = id;
    r.title = QString::fromUtf8(title);
    r.severity = severity;
    r.status = status;
    r.mitigation = QString::fromUtf8(mitigation);
    r.owner = QStringLiteral("Jonas");
    return r;
}

void addRisksAndSignOffs(ReportFixture &f)
{
    f.state.risks.push_back(risk(1, "Payment provider rate limits at peak", Severity::High, RiskStatus::Mitigated,
                                 "Client-side backoff and a second provider behind a feature flag"));
    f.state.risks.push_back(risk(2, "Search index rebuild takes 40 minutes", Severity::Medium, RiskStatus::Accepted,
                                 "Rebuild runs off-peak; stale results for up to one hour are acceptable"));
    f.state.risks.back().acceptedBy = QStringLiteral("Mei");
    f.state.risks.back().acceptedUntil = QDate(2027, 1, 31);
    f.state.risks.push_back(risk(3, "No tested restore of the order database", Severity::Critical, RiskStatus::Open,
                                 "Restore drill scheduled for the week before launch"));
    f.state.risks.push_back(
        risk(4, "Old TLS ciphers on the legacy endpoint", Severity::Low, RiskStatus::Closed, "Endpoint removed"));
    if (f.tmpl.signoffRoles.size() >= 2) {
        SignOff eng { f.tmpl.signoffRoles[0],
                      QStringLiteral("Priya Raman"),
                      Decision::Approve,
                      QStringLiteral("Code and tests reviewed."),
                      QDateTime(QDate(2026, 11, 18), QTime(16, 5), Qt::UTC),
                      QStringLiteral("stale-digest"),
                      3,
                      {},
                      {},
                      {},
                      {},
                      0 };
        SignOff ops { f.tmpl.signoffRoles[1],
                      QStringLiteral("Jonas Weber"),
                      Decision::ApproveWithRisks,
                      QStringLiteral("OK once the restore drill is done."),
                      QDateTime(QDate(2026, 11, 24), QTime(11, 40), Qt::UTC),
                      QString(),
                      0,
                      {},
                      {},
                      {},
                      {},
                      0 };
        ops.stateDigest = f.state.reviewDigest();
        f.state.signoffs = { eng, ops };
    }
}

} // namespace

void ReportFixture::reassess()
{
    assessment = assess(tmpl, state, reviewDate);
}

std::unique_ptr<ReportFixture> halfFinishedReview()
{
    auto f = std::make_unique<ReportFixture>();
    f->tmpl = loadTemplateFile(QStringLiteral(PREFLIGHT_SOURCE_DIR "/checklists/appendix-a.json"));
    Project &p = f->state.project;
    p.id = 1;
    p.name = QStringLiteral("Checkout service v2");
    p.description = QStringLiteral("New checkout flow with the second payment provider.");
    p.templateId = f->tmpl.id;
    p.templateVersion = f->tmpl.version;
    p.targetDate = QDate(2026, 12, 8);
    p.notes = QStringLiteral("Launch window agreed with support.\nFreeze starts 2026-12-01.");
    fillStates(*f, 0.45);
    ItemState rollback = stateFor(QStringLiteral("executive-summary.rollback-plan-tested"), ItemStatus::Done);
    rollback.owner = QStringLiteral("Jonas");
    f->state.items[rollback.itemId] = rollback;
    addRisksAndSignOffs(*f);
    f->reassess();
    return f;
}

std::unique_ptr<ReportFixture> generatedReview(int itemCount)
{
    auto f = std::make_unique<ReportFixture>();
    Template &t = f->tmpl;
    t.id = QStringLiteral("generated");
    t.version = QStringLiteral("1.0.0");
    t.title = QStringLiteral("Generated checklist");
    t.signoffRoles = { QStringLiteral("Engineering Lead"), QStringLiteral("DevOps Lead") };
    t.statusValues
        = { QStringLiteral("Not Ready"), QStringLiteral("Ready with Risks"), QStringLiteral("Ready for Production") };
    const Severity severities[] = { Severity::Critical, Severity::High, Severity::Medium, Severity::Low };
    constexpr int PerSection = 25, SectionsPerCategory = 8;
    int made = 0;
    for (int c = 0; made < itemCount; ++c) {
        Category category;
        category.id = QStringLiteral("cat-%1").arg(c + 1);
        category.number = c + 1;
        category.title = QStringLiteral("Category %1 of the generated checklist").arg(c + 1);
        category.severity = severities[c % 4];
        for (int s = 0; s < SectionsPerCategory && made < itemCount; ++s) {
            Section section { QStringLiteral("%1.sec-%2").arg(category.id).arg(s + 1),
                              QStringLiteral("Section %1.%2").arg(c + 1).arg(s + 1),
                              {} };
            for (int i = 0; i < PerSection && made < itemCount; ++i, ++made) {
                Item item { QStringLiteral("%1.item-%2").arg(section.id).arg(i + 1),
                            QStringLiteral("Generated item %1: the service degrades gracefully when dependency %2 is "
                                           "slow, and the alert for it routes to the on-call rotation")
                                .arg(made + 1)
                                .arg(i + 1),
                            {} };
                if (i % 10 == 9 && made + 1 < itemCount) {
                    item.children.push_back({ item.id + QStringLiteral(".a"),
                                              QStringLiteral("Generated item %1, nested check").arg(made + 2),
                                              {} });
                    ++made;
                }
                section.items.push_back(std::move(item));
            }
            category.sections.push_back(std::move(section));
        }
        t.categories.push_back(std::move(category));
    }
    f->state.project.id = 7;
    f->state.project.name = QStringLiteral("Generated project (%1 items)").arg(itemCount);
    f->state.project.templateId = t.id;
    f->state.project.templateVersion = t.version;
    fillStates(*f, 0.4);
    addRisksAndSignOffs(*f);
    f->reassess();
    return f;
}

QStringList hostileStrings()
{
    return {
        QStringLiteral("<script>alert(1)</script>"),
        QStringLiteral("a | b || c \\| d"),
        QStringLiteral("# not a heading"),
        QStringLiteral("`code` and ``` fences"),
        QStringLiteral("[link](javascript:alert(1)) ![img](x.png)"),
        QStringLiteral("**bold** _em_ ~~strike~~ <b>tag</b> &amp; &#60;"),
        QStringLiteral("- [x] fake task"),
        QStringLiteral("\"double\" 'single', comma; semicolon"),
        QStringLiteral("1. ordered\n---\n=== setext\n> quote"),
        QStringLiteral("right\u202Eto-left override"),
        QStringLiteral("emoji 🔴🚀👩‍💻 and ünïcödé"),
        QStringLiteral("%1 %2 placeholders"),
        QStringLiteral("  leading and trailing spaces  "),
        QStringLiteral("line one\nline two\n\nline four"),
    };
}

QString oneMegabyteNote()
{
    const QString sentence = QStringLiteral("Forty-two <tags> & | pipes in a very long note. ");
    QString note;
    note.reserve(1 << 20);
    while (note.size() < (1 << 20))
        note += sentence;
    return note;
}

std::unique_ptr<ReportFixture> hostileReview()
{
    auto f = halfFinishedReview();
    const QStringList hostile = hostileStrings();
    const QString all = hostile.join(QStringLiteral(" / "));
    f->state.project.name = QStringLiteral("<script>alert(1)</script> | # Project");
    f->state.project.description = all;
    f->state.project.notes = all;
    const QStringList ids = allItemIds(f->tmpl);
    for (qsizetype i = 0; i < hostile.size(); ++i) {
        ItemState s = stateFor(ids[i], i % 2 ? ItemStatus::NotApplicable : ItemStatus::Open);
        s.reason = hostile[i];
        s.owner = hostile[(i + 1) % hostile.size()];
        s.note = hostile[(i + 2) % hostile.size()];
        s.evidence = hostile[(i + 3) % hostile.size()];
        if (s.status == ItemStatus::Open)
            s.reason.clear();
        f->state.items[ids[i]] = s;
    }
    ItemState big = stateFor(ids[hostile.size()], ItemStatus::Done);
    big.note = oneMegabyteNote();
    f->state.items[big.itemId] = big;
    f->state.risks[0].title = hostile[0];
    f->state.risks[1].mitigation = hostile[1];
    f->state.risks[2].owner = hostile[9];
    f->state.signoffs[0].comment = hostile[5];
    f->state.signoffs[1].name = hostile[10];
    f->reassess();
    return f;
}

QStringList hostileLinks()
{
    return {
        QStringLiteral("javascript:alert(document.cookie)"),
        QStringLiteral("data:text/html,<script>alert(1)</script>"),
        QStringLiteral("file:///etc/passwd"),
        QStringLiteral("smb://fileserver/share/evidence.xlsx"),
        QStringLiteral("https://example.org/a\"onmouseover=\"alert(1)"),
        QStringLiteral("https://example.org/<script>alert(1)</script>"),
        QStringLiteral("https://example.org/\u202Efdp.exe"),
        QStringLiteral("https://bank.example@evil.example/login"),
        QStringLiteral("https://github.com/acme/shop/pull/42"),
        QStringLiteral("https://grafana.example.org/d/slo?from=now-7d&to=now"),
    };
}

QStringList hostileLinkNotes()
{
    return {
        QStringLiteral("[\u202Efdp.exe](https://example.org/report) and then the rest"),
        QStringLiteral("[click me](javascript:alert(1)) or [this](data:text/html;base64,PHNjcmlwdD4=)"),
        QStringLiteral("![pixel](https://tracker.example/pixel.gif) <img src=\"https://tracker.example/p.gif\">"),
        QStringLiteral("[\u202Ekcilc](file:///etc/passwd) <a href=\"javascript:alert(1)\">raw</a>"),
    };
}

std::unique_ptr<ReportFixture> hostileLinkReview()
{
    auto f = halfFinishedReview();
    const QStringList ids = allItemIds(f->tmpl);
    const QStringList links = hostileLinks(), notes = hostileLinkNotes();
    for (auto &[id, state] : f->state.items)
        state.evidence.clear(); // the only evidence is the hostile links
    for (qsizetype i = 0; i < links.size(); ++i) {
        ItemState s = stateFor(ids[i], ItemStatus::Done);
        s.evidence = links[i];
        s.note = notes.value(i);
        f->state.items[ids[i]] = s;
    }
    f->state.project.notes = notes.join(QStringLiteral("\n\n"));
    f->reassess();
    return f;
}

QString cjkJapanese()
{
    return QStringLiteral("本番環境への移行準備：データベースのバックアップを毎日確認すること。");
}

QString cjkChinese()
{
    return QStringLiteral("中文说明：数据库迁移已经完成，回滚方案已验证。");
}

QString cjkKorean()
{
    return QStringLiteral("한국어 메모: 배포 준비가 완료되었습니다.");
}

std::unique_ptr<ReportFixture> cjkReview()
{
    auto f = halfFinishedReview();
    f->state.project.description = cjkJapanese();
    f->state.project.notes = cjkChinese() + QStringLiteral("\n\n") + cjkKorean();
    f->state.items.begin()->second.owner = QStringLiteral("山田太郎");
    return f;
}

ItemState &markdownNoteItem(ReportFixture &fixture)
{
    return fixture.state.items.begin()->second;
}

std::unique_ptr<ReportFixture> markdownReview()
{
    auto f = halfFinishedReview();
    markdownNoteItem(*f).note
        = QStringLiteral("**Decision:** keep `retry=3`\n\n- first point\n- [x] checked point\n\n"
                         "3. third\n4. fourth\n\n```\nif (a < b) {}\n```\n\n"
                         "[runbook](https://example.org/run?a=1&b=2) [evil](javascript:alert(1)) <b>raw</b>");
    f->state.project.notes = QStringLiteral("Launch *window* agreed.\n\n- support\n- ops");
    return f;
}

QStringList allItemTexts(const Template &tmpl)
{
    return collectAll(tmpl, &Item::text);
}

} // namespace preflight::test
