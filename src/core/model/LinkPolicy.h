#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace preflight {

// What a link in text someone else typed may do. Notes, evidence and risk texts come from
// colleagues and imported files, so the one question "may this be opened?" is answered here and
// nowhere else:
//  - http and https addresses with a host, and mailto, open directly;
//  - javascript:, vbscript: and data: never open: they run or show content chosen by whoever
//    typed them, with nothing for the user to check;
//  - anything else (file, smb, ftp, custom schemes, a web address with a user name in front of
//    its host) opens only after the user has seen the full target and agreed;
//  - text that is not an absolute address (relative paths, fragments, invalid URLs) is no link.
class LinkPolicy
{
public:
    enum class Verdict { Open, Confirm, Refuse };
    enum class Reason {
        Web, // http, https or mailto
        OtherScheme, // Confirm: file, smb, custom schemes
        HiddenHost, // Confirm: "https://bank.example@evil.example" leads to evil.example
        Forbidden, // Refuse: javascript:, vbscript:, data:
        NotAnAddress, // Refuse: relative, empty or invalid
    };
    struct Decision
    {
        Verdict verdict = Verdict::Refuse;
        Reason reason = Reason::NotAnAddress;
        QUrl url;
        // The full address as it would be handed over, percent-encoded and with the host in
        // ASCII, so that no direction override, invisible character or look-alike letter can
        // hide where it leads. This is what a confirmation shows.
        QString target;
    };

    static Decision decide(const QUrl &url);
    static Decision decide(const QString &link) { return decide(QUrl(link.trimmed())); }
    static bool opensDirectly(const QString &link) { return decide(link).verdict == Verdict::Open; }

    // Evidence is a link only when it is an absolute http(s) address: valid in strict parsing,
    // with a host and no user name, without white space, control or format characters (such as
    // right-to-left overrides). Anything else is kept, but as text.
    static std::optional<QUrl> evidenceLink(const QString &evidence);
    // The address a report's link to evidence points at: `link` fully percent-encoded (ASCII).
    static QString href(const QUrl &link) { return QString::fromLatin1(link.toEncoded()); }
};

} // namespace preflight
