#include "model/LinkPolicy.h"

#include <catch2/catch.hpp>

using namespace preflight;
using Verdict = LinkPolicy::Verdict;
using Reason = LinkPolicy::Reason;

namespace {

Verdict verdictOf(const char *link)
{
    return LinkPolicy::decide(QString::fromUtf8(link)).verdict;
}

bool isEvidenceLink(const QString &typed)
{
    return LinkPolicy::evidenceLink(typed).has_value();
}

} // namespace

TEST_CASE("Web addresses and mailto open directly", "[links]")
{
    for (const char *link : { "https://github.com/acme/shop/pull/42", "HTTP://Example.org/a?b=c#d",
                              "http://127.0.0.1:8080/", "mailto:ops@example.org", "  https://example.org  " }) {
        INFO(link);
        CHECK(verdictOf(link) == Verdict::Open);
    }
    CHECK(LinkPolicy::decide(QStringLiteral("https://example.org")).reason == Reason::Web);
}

TEST_CASE("Script and data links never open", "[links]")
{
    for (const char *link :
         { "javascript:alert(document.cookie)", "JavaScript:alert(1)", " javascript:void(0)", "vbscript:msgbox(1)",
           "data:text/html,<script>alert(1)</script>", "DATA:image/png;base64,iVBORw0KGgo=" }) {
        INFO(link);
        const LinkPolicy::Decision decision = LinkPolicy::decide(QString::fromUtf8(link));
        CHECK(decision.verdict == Verdict::Refuse);
        CHECK(decision.reason == Reason::Forbidden);
    }
}

TEST_CASE("Other schemes need the user's confirmation of the full target", "[links]")
{
    for (const char *link : { "file:///etc/passwd", "smb://fileserver/share/evidence.xlsx", "ftp://example.org/a",
                              "slack://channel?team=T1", "vscode://file/etc/hosts", "https:///no-host" }) {
        INFO(link);
        const LinkPolicy::Decision decision = LinkPolicy::decide(QString::fromUtf8(link));
        CHECK(decision.verdict == Verdict::Confirm);
        CHECK(decision.reason == Reason::OtherScheme);
    }
    // A user name in front of the host is the classic disguise: the host is what follows the '@'.
    const LinkPolicy::Decision disguised = LinkPolicy::decide(QStringLiteral("https://bank.example@evil.example/"));
    CHECK(disguised.verdict == Verdict::Confirm);
    CHECK(disguised.reason == Reason::HiddenHost);
    CHECK(disguised.target == QLatin1String("https://bank.example@evil.example/"));
}

TEST_CASE("The target a confirmation shows hides nothing", "[links]")
{
    // A right-to-left override would show "file:///home/me/exe.pdf" for ".../fdp.exe".
    const LinkPolicy::Decision reversed = LinkPolicy::decide(QStringLiteral("file:///home/me/\u202Efdp.exe"));
    CHECK(reversed.verdict == Verdict::Confirm);
    CHECK(reversed.target == QLatin1String("file:///home/me/%E2%80%AEfdp.exe"));
    // Look-alike letters in a host show as their ASCII (punycode) form.
    const LinkPolicy::Decision lookAlike = LinkPolicy::decide(QStringLiteral("smb://\u0440aypal.example/share"));
    CHECK(lookAlike.target.startsWith(QLatin1String("smb://xn--")));
    CHECK(lookAlike.target.toLatin1() == lookAlike.target.toUtf8());
}

TEST_CASE("Text that is no absolute address is no link", "[links]")
{
    for (const char *link : { "", "   ", "x.png", "docs/runbook.md", "#section", "//example.org/path",
                              "www.example.org", "http://exa mple.org" }) {
        INFO(link);
        CHECK(verdictOf(link) != Verdict::Open);
    }
    CHECK(verdictOf("x.png") == Verdict::Refuse);
    CHECK(LinkPolicy::decide(QStringLiteral("#section")).reason == Reason::NotAnAddress);
}

TEST_CASE("Evidence is a link only when it is an absolute http(s) address", "[links][evidence]")
{
    CHECK(isEvidenceLink(QStringLiteral("https://github.com/acme/shop/pull/42")));
    CHECK(isEvidenceLink(QStringLiteral("http://grafana.internal:3000/d/abc?orgId=1&from=now-7d")));
    CHECK(isEvidenceLink(QStringLiteral("  https://example.org/a  ")));
    CHECK(isEvidenceLink(QStringLiteral("https://de.wikipedia.org/wiki/M%C3%BCller")));
    CHECK(LinkPolicy::evidenceLink(QStringLiteral(" https://example.org/a "))->toString()
          == QLatin1String("https://example.org/a"));

    for (const QString &typed : {
             QStringLiteral("javascript:alert(document.cookie)"),
             QStringLiteral("data:text/html,<script>alert(1)</script>"),
             QStringLiteral("file:///etc/passwd"),
             QStringLiteral("smb://host/share"),
             QStringLiteral("mailto:ops@example.org"),
             QStringLiteral("www.example.org/pr/1"),
             QStringLiteral("PR #42, see the dashboard"),
             QStringLiteral("https://example.org/a\"onmouseover=\"alert(1)"),
             QStringLiteral("https://example.org/<script>"),
             QStringLiteral("https://example.org/\u202Efdp.exe"),
             QStringLiteral("https://example.org/a\u200Bb"),
             QStringLiteral("https://example.org/a b"),
             QStringLiteral("https://example.org/a\nb"),
             QStringLiteral("https://bank.example@evil.example/"),
             QStringLiteral("https://"),
             QString(),
         }) {
        INFO(typed.toStdString());
        CHECK_FALSE(isEvidenceLink(typed));
    }
}

TEST_CASE("A report's href is the address fully encoded", "[links]")
{
    const auto link = LinkPolicy::evidenceLink(QStringLiteral("https://example.org/a?q=x'y&z=1"));
    REQUIRE(link);
    const QString href = LinkPolicy::href(*link);
    CHECK(href.startsWith(QLatin1String("https://example.org/a?q=x")));
    for (const QChar c : href)
        CHECK(c.unicode() < 0x7f);
    CHECK_FALSE(href.contains(u'"'));
    CHECK_FALSE(href.contains(u'<'));
}
