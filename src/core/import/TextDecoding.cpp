#include "import/TextDecoding.h"

#include "Error.h"
#include "import/CodePage.h"
#include "import/MojibakeRepair.h"

#include <QStringDecoder>

namespace preflight::import {
namespace {

Error dataError(const QString &sourceName, int line, const QString &what)
{
    return Error(Error::Kind::Data, QStringLiteral("%1:%2: %3").arg(sourceName).arg(line).arg(what));
}

QString hexByte(unsigned char byte)
{
    return QStringLiteral("0x") + QString::number(byte, 16).toUpper().rightJustified(2, u'0');
}

// Splits on CRLF, CR and LF alike: files travel between systems.
std::vector<QByteArrayView> splitLines(QByteArrayView bytes)
{
    std::vector<QByteArrayView> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] != '\n' && bytes[i] != '\r')
            continue;
        lines.push_back(bytes.sliced(start, i - start));
        if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n')
            ++i;
        start = i + 1;
    }
    if (start < bytes.size())
        lines.push_back(bytes.sliced(start));
    return lines;
}

QString decodeUtf8Strict(QByteArrayView line, bool *ok)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(line);
    *ok = !decoder.hasError();
    return text;
}

QString decodeWindows1252(QByteArrayView line, const QString &sourceName, int lineNumber)
{
    QString text;
    text.reserve(line.size());
    for (qsizetype i = 0; i < line.size(); ++i) {
        const auto byte = static_cast<unsigned char>(line[i]);
        const auto ch = decodeByte(CodePage::Windows1252, byte);
        if (!ch) {
            throw dataError(sourceName, lineNumber,
                            QStringLiteral("text cannot be decoded: byte %1 at column %2 is neither UTF-8 nor "
                                           "Windows-1252")
                                .arg(hexByte(byte))
                                .arg(i + 1));
        }
        text.append(QChar(static_cast<char16_t>(*ch)));
    }
    return text;
}

void addRepairWarnings(const RepairedText &repaired, int lineNumber, std::vector<ImportWarning> &warnings)
{
    for (const MojibakeRun &run : repaired.runs) {
        QString message = QStringLiteral("repaired mis-encoded text \"%1\" → \"%2\" (UTF-8 that was read as %3)")
                              .arg(run.broken, run.repaired, codePageName(run.codePage));
        if (run.guessed)
            message += QStringLiteral("; a byte lost in that conversion was restored by best guess");
        warnings.push_back({ lineNumber, message });
    }
}

// UTF-16 is rare for Markdown but some Windows editors write it; it continues as UTF-8.
QByteArray utf16ToUtf8(const QByteArray &bytes, const QString &sourceName)
{
    const bool littleEndian = bytes.startsWith("\xFF\xFE");
    QStringDecoder decoder(littleEndian ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
    const QString text = decoder.decode(QByteArrayView(bytes).sliced(2));
    if (decoder.hasError())
        throw dataError(sourceName, 1, QStringLiteral("text cannot be decoded: invalid UTF-16"));
    return text.toUtf8();
}

} // namespace

DecodedText decodeText(const QByteArray &bytes, const QString &sourceName)
{
    if (bytes.size() > MaxImportFileSize) {
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: file is %2 bytes; the import limit is %3 bytes (10 MB)")
                        .arg(sourceName)
                        .arg(bytes.size())
                        .arg(MaxImportFileSize));
    }
    QByteArray utf8;
    QByteArrayView content(bytes);
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        utf8 = utf16ToUtf8(bytes, sourceName);
        content = utf8;
    }
    if (content.startsWith("\xEF\xBB\xBF"))
        content = content.sliced(3);
    if (const qsizetype nul = content.indexOf('\0'); nul >= 0) {
        const int line = 1 + static_cast<int>(content.first(nul).count('\n'));
        throw dataError(sourceName, line, QStringLiteral("binary file (NUL byte), not a Markdown checklist"));
    }

    DecodedText result;
    int lineNumber = 0;
    for (const QByteArrayView line : splitLines(content)) {
        ++lineNumber;
        bool utf8 = false;
        QString text = decodeUtf8Strict(line, &utf8);
        if (!utf8) {
            text = decodeWindows1252(line, sourceName, lineNumber);
            result.warnings.push_back({ lineNumber, QStringLiteral("not valid UTF-8; read as Windows-1252") });
        }
        RepairedText repaired = repairMojibake(text);
        addRepairWarnings(repaired, lineNumber, result.warnings);
        result.lines.append(repaired.text);
    }
    return result;
}

} // namespace preflight::import
