#include "import/CodePage.h"

#include <QByteArray>

#include <array>
#include <unordered_map>

namespace preflight::import {
namespace {

using HighHalf = std::array<char16_t, 128>; // bytes 0x80..0xFF; 0 marks an undefined byte

constexpr HighHalf Windows1252Table = {
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x0000, 0x017D, 0x0000, 0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178, 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6,
    0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, 0x00B0, 0x00B1, 0x00B2, 0x00B3,
    0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, 0x00C0,
    0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD,
    0x00CE, 0x00CF, 0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA,
    0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF, 0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4,
    0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
};

// Windows-1254 is Windows-1252 with Turkish letters in six places and two fewer defined bytes.
constexpr HighHalf makeWindows1254()
{
    HighHalf table = Windows1252Table;
    table[0x8E - 0x80] = 0;
    table[0x9E - 0x80] = 0;
    table[0xD0 - 0x80] = 0x011E;
    table[0xDD - 0x80] = 0x0130;
    table[0xDE - 0x80] = 0x015E;
    table[0xF0 - 0x80] = 0x011F;
    table[0xFD - 0x80] = 0x0131;
    table[0xFE - 0x80] = 0x015F;
    return table;
}
constexpr HighHalf Windows1254Table = makeWindows1254();

constexpr HighHalf MacRomanTable = {
    0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5,
    0x00E7, 0x00E9, 0x00E8, 0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3, 0x00F2, 0x00F4,
    0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC, 0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6,
    0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8, 0x221E, 0x00B1, 0x2264, 0x2265,
    0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8, 0x00BF,
    0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB, 0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5,
    0x0152, 0x0153, 0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044,
    0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02, 0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1,
    0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4, 0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9,
    0x0131, 0x02C6, 0x02DC, 0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
};

constexpr HighHalf makeLatin1()
{
    HighHalf table {};
    for (int i = 0; i < 128; ++i)
        table[i] = char16_t(0x80 + i);
    return table;
}
constexpr HighHalf Latin1Table = makeLatin1();

const HighHalf &tableOf(CodePage codePage)
{
    switch (codePage) {
    case CodePage::Windows1252:
        return Windows1252Table;
    case CodePage::Windows1254:
        return Windows1254Table;
    case CodePage::MacRoman:
        return MacRomanTable;
    case CodePage::Latin1:
        break;
    }
    return Latin1Table;
}

using ReverseTable = std::unordered_map<char32_t, unsigned char>;

ReverseTable makeReverse(CodePage codePage)
{
    ReverseTable reverse;
    const HighHalf &table = tableOf(codePage);
    for (int i = 0; i < 128; ++i) {
        const auto byte = static_cast<unsigned char>(0x80 + i);
        // An undefined byte that survived a Windows decoder usually did so as the C1 control of
        // the same number (the "best fit" behaviour of many tools).
        reverse.emplace(table[i] != 0 ? char32_t(table[i]) : char32_t(byte), byte);
    }
    return reverse;
}

const ReverseTable &reverseOf(CodePage codePage)
{
    static const ReverseTable tables[] = { makeReverse(CodePage::Windows1252), makeReverse(CodePage::Windows1254),
                                           makeReverse(CodePage::MacRoman), makeReverse(CodePage::Latin1) };
    return tables[static_cast<int>(codePage)];
}

} // namespace

QString codePageName(CodePage codePage)
{
    switch (codePage) {
    case CodePage::Windows1252:
        return QStringLiteral("Windows-1252");
    case CodePage::Windows1254:
        return QStringLiteral("Windows-1254");
    case CodePage::MacRoman:
        return QStringLiteral("Mac Roman");
    case CodePage::Latin1:
        break;
    }
    return QStringLiteral("Latin-1");
}

std::optional<char32_t> decodeByte(CodePage codePage, unsigned char byte)
{
    if (byte < 0x80)
        return char32_t(byte);
    const char16_t ch = tableOf(codePage)[byte - 0x80];
    if (ch == 0)
        return std::nullopt;
    return char32_t(ch);
}

std::optional<unsigned char> encodeChar(CodePage codePage, char32_t ch)
{
    if (ch < 0x80)
        return static_cast<unsigned char>(ch);
    const ReverseTable &reverse = reverseOf(codePage);
    const auto it = reverse.find(ch);
    if (it == reverse.end())
        return std::nullopt;
    return it->second;
}

QByteArray undefinedBytes(CodePage codePage)
{
    QByteArray bytes;
    const HighHalf &table = tableOf(codePage);
    for (int i = 0; i < 128; ++i) {
        if (table[i] == 0)
            bytes.append(static_cast<char>(0x80 + i));
    }
    return bytes;
}

QString codePointText(char32_t ch)
{
    if (!QChar::requiresSurrogates(ch))
        return QString(QChar(char16_t(ch)));
    const QChar pair[] = { QChar(QChar::highSurrogate(ch)), QChar(QChar::lowSurrogate(ch)) };
    return QString(pair, 2);
}

} // namespace preflight::import
