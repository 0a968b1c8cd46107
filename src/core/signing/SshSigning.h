#pragma once

#include "model/Project.h"
#include "storage/Store.h"

#include <QString>

#include <memory>

class QTemporaryDir;

namespace preflight::ssh {

// The signature namespace: a signature made for Preflight cannot be replayed as a git commit
// signature or a file signature, and the other way round.
inline constexpr const char *signatureNamespace = "preflight-signoff";

// The public half of the key that signs. ssh-keygen does the signing: given a public key file
// it asks ssh-agent for the matching private key (so hardware keys work); given a private key
// file it reads that itself. Preflight never reads a private key.
class SigningKey
{
public:
    // Who asks, so that an error says what to do in their words: the command line's options or
    // the window's controls.
    enum class Caller { CommandLine, Window };

    static SigningKey fromFile(const QString &path, Caller caller = Caller::CommandLine); // private or .pub
    // The agent's first key; throws with what to do when there is none.
    static SigningKey fromAgent(Caller caller = Caller::CommandLine);
    SigningKey(SigningKey &&) noexcept;
    ~SigningKey();

    const QString &fingerprint() const { return m_fingerprint; }
    Store::Signature sign(const QString &statement) const; // runs ssh-keygen to completion

    // sign() in parts, for a caller that runs ssh-keygen itself without waiting on it (the
    // window): the program and arguments to start, the statement written to its input, and
    // the signature read from what it printed. Throws as sign() does.
    static QString program(); // "ssh-keygen", found on PATH
    QStringList signArguments() const;
    Store::Signature signatureFrom(int exitCode, const QByteArray &out, const QByteArray &err) const;

private:
    SigningKey() = default;
    QString m_path;
    QString m_fingerprint;
    std::unique_ptr<QTemporaryDir> m_temp; // holds the agent's public key while it is used
};

enum class Result { Unsigned, Good, Bad, UnknownKey };
QString resultKey(Result result); // "unsigned", "good", "bad", "unknown-key"

struct Verification
{
    Result result = Result::Unsigned;
    QString detail; // why, one line; empty for good and unsigned
};

// Checks one stored sign-off of `project`: the signature over its stored statement (with
// ssh-keygen -Y verify against `allowedSigners`, git's allowed-signers format, principal = the
// sign-off's name), the stored fingerprint against the signature's key, and that the statement
// still says what the row says. Without an allowed-signers file no key is trusted: an intact
// signature is reported as an unknown key.
Verification verify(const Project &project, const SignOff &signoff, const QString &allowedSigners);

// For reports, which have no allowed-signers file: "unsigned", "SHA256:… (signature intact; …)"
// or "SHA256:… (signature BAD: …)", and for a replayed sign-off whose signature was replaced
// since, "SHA256:… (signed; …not kept)". Never throws: a missing ssh-keygen is reported in the text.
QString signatureSummary(const Project &project, const SignOff &signoff);

} // namespace preflight::ssh
