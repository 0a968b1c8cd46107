#include "model/LinkPolicy.h"

namespace preflight {

namespace {

bool isWebScheme(const QString &scheme)
{
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

} // namespace

LinkPolicy::Decision LinkPolicy::decide(const QUrl &url)
{
    Decision decision;
    decision.url = url;
    decision.target = url.toString(QUrl::FullyEncoded);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || scheme.isEmpty())
        return decision; // Refuse, NotAnAddress
    if (scheme == QLatin1String("javascript") || scheme == QLatin1String("vbscript")
        || scheme == QLatin1String("data")) {
        decision.reason = Reason::Forbidden;
        return decision;
    }
    decision.verdict = Verdict::Confirm;
    decision.reason = Reason::OtherScheme;
    if (isWebScheme(scheme)) {
        if (url.host().isEmpty())
            return decision;
        if (!url.userInfo().isEmpty()) {
            decision.reason = Reason::HiddenHost;
            return decision;
        }
        decision.verdict = Verdict::Open;
        decision.reason = Reason::Web;
    } else if (scheme == QLatin1String("mailto") && !url.path().isEmpty()) {
        decision.verdict = Verdict::Open;
        decision.reason = Reason::Web;
    }
    return decision;
}

std::optional<QUrl> LinkPolicy::evidenceLink(const QString &evidence)
{
    const QString typed = evidence.trimmed();
    for (const QChar c : typed) {
        const QChar::Category category = c.category();
        if (c.isSpace() || category == QChar::Other_Control || category == QChar::Other_Format)
            return std::nullopt;
    }
    const QUrl url(typed, QUrl::StrictMode);
    if (!url.isValid() || !isWebScheme(url.scheme().toLower()) || url.host().isEmpty() || !url.userInfo().isEmpty())
        return std::nullopt;
    return url;
}

} // namespace preflight
