#pragma once

#include "FontProgram.h"

#include <QByteArray>
#include <QRawFont>
#include <QStringView>

#include <memory>
#include <vector>

namespace preflight::pdf {

class PdfDocument;

// One font face as the PDF sees it: every size of it shares one embedded subset.
struct PdfFont
{
    QRawFont raw; // a size of the face, for its tables and outlines
    QByteArray resource; // the name content streams select it by ("/F1")
    int object = 0; // the Type0 font's object number
    TrueTypeMetrics metrics;
    FontOutlines outlines = FontOutlines::None;
    bool embeddable = false; // has outlines a PDF can embed; otherwise glyphs are drawn as paths
    std::vector<bool> used; // by glyph id
    std::vector<char32_t> unicode; // by glyph id, 0 = not known

    // Records the characters `text` (drawn with this face) maps to, for copying and searching.
    void learnText(QStringView text);
    bool knows(quint32 id) const { return id < unicode.size() && unicode[id] != 0; }
};

// The fonts a document's pages use, embedded at the end as Type0 fonts with Identity-H
// encoding (2-byte glyph ids in the content), a subset font program (TrueType or CFF) and a
// ToUnicode map.
class PdfFonts
{
public:
    explicit PdfFonts(PdfDocument &document);
    ~PdfFonts();

    PdfFont &font(const QRawFont &raw);
    // Writes every font object; `/Font` dictionary entries for the page resources.
    QByteArray write();

private:
    void writeFont(const PdfFont &font);

    PdfDocument &m_document;
    std::vector<std::unique_ptr<PdfFont>> m_fonts;
    // Raw fonts seen, by size, with the face they belong to: comparing QRawFonts is cheap.
    std::vector<std::pair<QRawFont, PdfFont *>> m_seen;
};

} // namespace preflight::pdf
