#pragma once

#include <QString>

#include <optional>

namespace preflight::import {

// The single-byte code pages that UTF-8 text is most often mis-decoded as on its way through
// editors, wikis and mail tools. The tables are our own: Qt 6.4's QStringConverter only knows the
// UTF encodings and Latin-1, and ICU-backed named decoders are not available on every build.
enum class CodePage { Windows1252, Windows1254, MacRoman, Latin1 };

inline constexpr CodePage AllCodePages[]
    = { CodePage::Windows1252, CodePage::Windows1254, CodePage::MacRoman, CodePage::Latin1 };

QString codePageName(CodePage codePage); // "Windows-1252", ...

// The character a byte decodes to; nullopt for bytes the code page leaves undefined
// (e.g. 0x81 in Windows-1252). Bytes below 0x80 are ASCII in every table.
std::optional<char32_t> decodeByte(CodePage codePage, unsigned char byte);

// The byte that decodes to `ch`. Windows code pages also map the C1 control U+0081 back to the
// undefined byte 0x81 (and so on), because many tools keep undefined bytes that way.
std::optional<unsigned char> encodeChar(CodePage codePage, char32_t ch);

// The bytes a code page leaves undefined: the ones a mis-decoding tool may have dropped.
QByteArray undefinedBytes(CodePage codePage);

// One code point as text. QString::fromUcs4 would swallow a U+FEFF, taking it for a byte-order
// mark, and so change text that is only being copied.
QString codePointText(char32_t ch);

} // namespace preflight::import
