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

// A TrueType font holding the outlines of `glyphs` only (plus glyph 0 and the components of
// composite glyphs), with glyph ids unchanged so a PDF can keep CIDToGIDMap /Identity. Returns
// an empty array when the font has no glyf outlines (CFF or bitmap fonts).
QByteArray subsetTrueType(const QRawFont &font, const std::set<quint32> &glyphs);

} // namespace preflight::pdf
