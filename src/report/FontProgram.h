#pragma once

#include <QByteArray>
#include <QRawFont>
#include <QRect>

#include <set>
#include <vector>

namespace preflight::pdf {

// Big-endian numbers in an sfnt table; reads past the end give 0, so a truncated table
// yields a wrong value, never a crash.
quint16 u16(QByteArrayView table, qsizetype at);
qint16 s16(QByteArrayView table, qsizetype at);
quint32 u32(QByteArrayView table, qsizetype at);

// What a PDF font descriptor and width array need, read from the font's own tables.
struct TrueTypeMetrics
{
    bool valid = false; // head, hhea and hmtx present
    QString postScriptName; // from the name table; empty when it has none
    int unitsPerEm = 1000;
    QRect box; // font units, y up
    int ascent = 0, descent = 0, capHeight = 0;
    double italicAngle = 0;
    int weightClass = 400;
    bool fixedPitch = false;
    std::vector<quint16> advances; // by glyph id
};
TrueTypeMetrics readTrueTypeMetrics(const QRawFont &font);

// How a font's glyphs are drawn, which decides how it is embedded in a PDF.
enum class FontOutlines {
    None, // no outlines a PDF can embed (CFF2, bitmaps): glyphs are filled as paths
    TrueType, // glyf: FontFile2, CIDFontType2
    Cff, // CFF (OpenType .otf, e.g. Noto Sans CJK): FontFile3 /CIDFontType0C, CIDFontType0
};
FontOutlines outlinesOf(const QRawFont &font);

// The face's tables a PDF font program needs, as one sfnt file: QRawFont gives a face's tables,
// not its file, which for a collection (.ttc) holds several faces.
QByteArray sfntOf(const QRawFont &font, FontOutlines outlines);

// The font program for a PDF holding the outlines of `glyphs` only (plus glyph 0 and what
// composite glyphs are built from), subset by HarfBuzz with glyph ids unchanged so the content
// can address glyphs by id (CIDToGIDMap /Identity; for CFF the CIDs are the glyph ids). A
// TrueType subset is a whole TrueType file, a CFF subset the bare CFF table. Empty when the font
// has no embeddable outlines or HarfBuzz cannot subset it.
QByteArray subsetFont(const QRawFont &font, FontOutlines outlines, const std::set<quint32> &glyphs);

} // namespace preflight::pdf
