#pragma once

#include <QString>

#include <stdexcept>

namespace preflight {

// Errors raised by the core carry a kind so the command line can map them to exit codes
// (usage 2, data 3) and the GUI can word them; the message always names the file, field,
// project or item at fault.
class Error : public std::runtime_error
{
public:
    // ConnectionLost: an input/output error of its own, the team server's connection gone; the
    // window reconnects rather than report each call that failed for want of it.
    enum class Kind { Usage, Data, Io, Conflict, ConnectionLost };

    Error(Kind kind, const QString &message)
        : std::runtime_error(message.toStdString())
        , m_kind(kind)
        , m_message(message)
    { }

    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }

private:
    Kind m_kind;
    QString m_message;
};

} // namespace preflight
