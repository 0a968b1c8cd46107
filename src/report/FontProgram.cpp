#include "FontProgram.h"

#include <QtEndian>

#include <algorithm>
#include <hb-subset.h>
#include <map>
#include <memory>

namespace preflight::pdf {

namespace {

void put16(QByteArray &out, quint16 value)
{
    out.append(char(value >> 8)).append(char(value & 0xff));
}

void put32(QByteArray &out, quint32 value)
{
    put16(out, quint16(value >> 16));
    put16(out, quint16(value & 0xffff));
}

quint32 checksum(QByteArrayView data)
{
    quint32 sum = 0;
    for (qsizetype i = 0; i < data.size(); i += 4)
        sum += u32(data, i); // past the end reads as the zero padding
    return sum;
}

// Name `id` from the name table: a Windows (UTF-16BE) record if there is one, else a Mac Roman one.
QString fontName(QByteArrayView name, quint16 id)
{
    const quint16 count = u16(name, 2), storage = u16(name, 4);
    QString fallback;
    for (quint16 i = 0; i < count; ++i) {
        const qsizetype record = 6 + 12 * qsizetype(i);
        if (u16(name, record + 6) != id)
            continue;
        const quint16 platform = u16(name, record), length = u16(name, record + 8);
        const qsizetype at = storage + u16(name, record + 10);
        if (at + length > name.size())
            continue;
        const QByteArrayView text = name.sliced(at, length);
        if (platform == 3) {
            QString out;
            for (qsizetype c = 0; c + 1 < text.size(); c += 2)
                out += QChar(u16(text, c));
            return out;
        }
        if (platform == 1)
            fallback = QString::fromLatin1(text);
    }
    return fallback;
}

// Whether a CFF program is CID-keyed: its Top DICT then starts with the ROS operator (12 30).
bool isCidKeyed(QByteArrayView cff)
{
    const auto byte = [&](qsizetype at) { return at >= 0 && at < cff.size() ? quint8(cff[at]) : 0; };
    const auto indexEnd = [&](qsizetype at) { // the first byte after the INDEX at `at`
        const quint16 count = u16(cff, at);
        if (count == 0)
            return at + 2;
        const int offSize = byte(at + 2);
        quint32 last = 0;
        for (int b = 0; b < offSize; ++b)
            last = last << 8 | byte(at + 3 + qsizetype(count) * offSize + b);
        return at + 3 + (qsizetype(count) + 1) * offSize + qsizetype(last) - 1;
    };
    const qsizetype topIndex = indexEnd(byte(2)); // after the header and the Name INDEX
    if (u16(cff, topIndex) == 0)
        return false;
    const int offSize = byte(topIndex + 2);
    qsizetype at = topIndex + 3 + 2 * qsizetype(offSize); // the first Top DICT's data
    // Operands (numbers) come before their operator; skip them to the first operator.
    while (at < cff.size()) {
        const int b0 = byte(at);
        if (b0 <= 21)
            return b0 == 12 && byte(at + 1) == 30;
        if (b0 == 28)
            at += 3;
        else if (b0 == 29)
            at += 5;
        else if (b0 == 30) { // a real: nibbles up to one of 0xf
            while (++at < cff.size() && (byte(at) & 0x0f) != 0x0f && (byte(at) >> 4) != 0x0f) { }
            ++at;
        } else if (b0 >= 247 && b0 <= 254)
            at += 2;
        else
            at += 1;
    }
    return false;
}

} // namespace

quint16 u16(QByteArrayView table, qsizetype at)
{
    return at >= 0 && at + 2 <= table.size() ? qFromBigEndian<quint16>(table.data() + at) : 0;
}

qint16 s16(QByteArrayView table, qsizetype at)
{
    return qint16(u16(table, at));
}

quint32 u32(QByteArrayView table, qsizetype at)
{
    if (at >= 0 && at + 4 <= table.size())
        return qFromBigEndian<quint32>(table.data() + at);
    return (quint32(u16(table, at)) << 16) | u16(table, at + 2);
}

TrueTypeMetrics readTrueTypeMetrics(const QRawFont &font)
{
    TrueTypeMetrics m;
    const QByteArray head = font.fontTable("head"), hhea = font.fontTable("hhea"), hmtx = font.fontTable("hmtx");
    const QByteArray maxp = font.fontTable("maxp"), os2 = font.fontTable("OS/2"), post = font.fontTable("post");
    if (head.size() < 54 || hhea.size() < 36 || hmtx.isEmpty() || maxp.size() < 6)
        return m;
    m.valid = true;
    m.postScriptName = fontName(font.fontTable("name"), 6);
    m.unitsPerEm = std::max<int>(16, u16(head, 18));
    m.box = QRect(QPoint(s16(head, 36), s16(head, 38)), QPoint(s16(head, 40), s16(head, 42)));
    m.ascent = s16(hhea, 4);
    m.descent = s16(hhea, 6);
    // sCapHeight exists from OS/2 version 2 on; before that the ascent is the usual stand-in.
    m.capHeight = os2.size() >= 90 && u16(os2, 0) >= 2 ? s16(os2, 88) : m.ascent;
    m.weightClass = os2.size() >= 6 ? u16(os2, 4) : 400;
    if (post.size() >= 16) {
        m.italicAngle = double(qint32(u32(post, 4))) / 65536.0;
        m.fixedPitch = u32(post, 12) != 0;
    }
    // hmtx: numberOfHMetrics (advance, bearing) pairs; later glyphs repeat the last advance.
    const int glyphCount = u16(maxp, 4);
    const int metricCount = std::max(1, int(u16(hhea, 34)));
    m.advances.resize(std::size_t(glyphCount));
    for (int g = 0; g < glyphCount; ++g)
        m.advances[std::size_t(g)] = u16(hmtx, 4 * std::min(g, metricCount - 1));
    return m;
}

FontOutlines outlinesOf(const QRawFont &font)
{
    if (!font.fontTable("glyf").isEmpty() && !font.fontTable("loca").isEmpty())
        return FontOutlines::TrueType;
    if (!font.fontTable("CFF ").isEmpty())
        return FontOutlines::Cff;
    return FontOutlines::None; // CFF2 (variable), bitmaps, colour layers
}

QByteArray sfntOf(const QRawFont &font, FontOutlines outlines)
{
    // What a PDF font program needs; cmap, name, post and the layout tables are left out (a PDF
    // addresses glyphs by id and names the font itself), which also keeps hb-subset from adding
    // the glyphs that GSUB substitutions could reach.
    std::map<QByteArray, QByteArray> tables;
    std::vector<const char *> tags = { "head", "hhea", "hmtx", "maxp", "OS/2" };
    if (outlines == FontOutlines::TrueType)
        tags.insert(tags.end(), { "loca", "glyf", "cvt ", "fpgm", "prep" });
    else if (outlines == FontOutlines::Cff)
        tags.push_back("CFF ");
    for (const char *tag : tags) {
        QByteArray data = font.fontTable(tag);
        if (!data.isEmpty())
            tables.emplace(tag, std::move(data));
    }

    // The table directory, sorted by tag (std::map already is), then the 4-byte aligned tables.
    const auto count = quint16(tables.size());
    quint16 power = 1, log2 = 0;
    while (power * 2 <= count) {
        power *= 2;
        ++log2;
    }
    QByteArray file;
    put32(file, outlines == FontOutlines::Cff ? 0x4F54544F /* OTTO */ : 0x00010000);
    put16(file, count);
    put16(file, quint16(power * 16));
    put16(file, log2);
    put16(file, quint16(count * 16 - power * 16));
    quint32 offset = 12 + 16 * quint32(count);
    for (const auto &[tag, data] : tables) {
        file.append(tag);
        put32(file, checksum(data));
        put32(file, offset);
        put32(file, quint32(data.size()));
        offset += quint32((data.size() + 3) & ~qsizetype(3));
    }
    for (const auto &[tag, data] : tables) {
        file.append(data);
        while (file.size() % 4)
            file.append('\0');
    }
    return file;
}

QByteArray subsetFont(const QRawFont &font, FontOutlines outlines, const std::set<quint32> &glyphs)
{
    if (outlines == FontOutlines::None)
        return {};
    const QByteArray sfnt = sfntOf(font, outlines);
    const auto blobDeleter = [](hb_blob_t *blob) { hb_blob_destroy(blob); };
    const auto faceDeleter = [](hb_face_t *face) { hb_face_destroy(face); };
    const std::unique_ptr<hb_blob_t, decltype(blobDeleter)> blob(
        hb_blob_create(sfnt.constData(), unsigned(sfnt.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr),
        blobDeleter);
    const std::unique_ptr<hb_face_t, decltype(faceDeleter)> face(hb_face_create(blob.get(), 0), faceDeleter);
    const std::unique_ptr<hb_subset_input_t, void (*)(hb_subset_input_t *)> input(hb_subset_input_create_or_fail(),
                                                                                  hb_subset_input_destroy);
    if (!input)
        return {};
    hb_set_t *const kept = hb_subset_input_glyph_set(input.get());
    for (const quint32 id : glyphs)
        hb_set_add(kept, id);
    // The content streams address glyphs by their ids in the whole font, so those ids must still
    // find them. A CID-keyed CFF font (Noto Sans CJK) is addressed by CID, which its charset maps
    // to the glyph and which the subset keeps, as in the whole font where they are the glyph ids:
    // its glyphs may be renumbered, which spares the subset an entry for each of 65,535 glyphs.
    // In any other font the glyph ids stay as they are.
    bool byCid = false;
    if (outlines == FontOutlines::Cff) {
        const std::unique_ptr<hb_blob_t, decltype(blobDeleter)> cff(
            hb_face_reference_table(face.get(), HB_TAG('C', 'F', 'F', ' ')), blobDeleter);
        unsigned length = 0;
        const char *data = hb_blob_get_data(cff.get(), &length);
        byCid = isCidKeyed(QByteArrayView(data, qsizetype(length)));
    }
    hb_subset_input_set_flags(input.get(), byCid ? HB_SUBSET_FLAGS_DEFAULT : HB_SUBSET_FLAGS_RETAIN_GIDS);
    const std::unique_ptr<hb_face_t, decltype(faceDeleter)> subset(hb_subset_or_fail(face.get(), input.get()),
                                                                   faceDeleter);
    if (!subset)
        return {};
    // A CFF font goes into the PDF as its bare CFF table (FontFile3 /CIDFontType0C), the most
    // widely read form; TrueType as the whole subset file (FontFile2).
    const std::unique_ptr<hb_blob_t, decltype(blobDeleter)> out(
        outlines == FontOutlines::Cff ? hb_face_reference_table(subset.get(), HB_TAG('C', 'F', 'F', ' '))
                                      : hb_face_reference_blob(subset.get()),
        blobDeleter);
    unsigned length = 0;
    const char *data = hb_blob_get_data(out.get(), &length);
    return QByteArray(data, qsizetype(length));
}

} // namespace preflight::pdf
