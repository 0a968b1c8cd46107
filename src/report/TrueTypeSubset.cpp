#include "TrueTypeSubset.h"

#include <QtEndian>

#include <algorithm>
#include <map>

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

// Glyph `id`'s bytes in glyf, from loca in its short or long format.
QByteArrayView glyphData(QByteArrayView glyf, QByteArrayView loca, bool longLoca, quint32 id)
{
    const qsizetype start = longLoca ? qsizetype(u32(loca, id * 4)) : qsizetype(u16(loca, id * 2)) * 2;
    const qsizetype end = longLoca ? qsizetype(u32(loca, (id + 1) * 4)) : qsizetype(u16(loca, (id + 1) * 2)) * 2;
    if (start >= end || end > glyf.size())
        return {};
    return glyf.sliced(start, end - start);
}

// Adds the glyphs a composite glyph is built from (recursively: components may be composite).
void addComponents(QByteArrayView glyf, QByteArrayView loca, bool longLoca, quint32 id, std::set<quint32> &glyphs)
{
    const QByteArrayView data = glyphData(glyf, loca, longLoca, id);
    if (data.size() < 10 || s16(data, 0) >= 0)
        return; // empty or a simple glyph
    constexpr quint16 ArgsAreWords = 0x0001, HaveScale = 0x0008, MoreComponents = 0x0020, HaveXYScale = 0x0040,
                      HaveTwoByTwo = 0x0080;
    qsizetype at = 10;
    quint16 flags = MoreComponents;
    while ((flags & MoreComponents) && at + 4 <= data.size()) {
        flags = u16(data, at);
        const quint32 component = u16(data, at + 2);
        at += 4 + ((flags & ArgsAreWords) ? 4 : 2);
        at += (flags & HaveScale) ? 2 : (flags & HaveXYScale) ? 4 : (flags & HaveTwoByTwo) ? 8 : 0;
        if (glyphs.insert(component).second)
            addComponents(glyf, loca, longLoca, component, glyphs);
    }
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

QByteArray subsetTrueType(const QRawFont &font, const std::set<quint32> &used)
{
    const QByteArray head = font.fontTable("head"), maxp = font.fontTable("maxp");
    const QByteArray glyf = font.fontTable("glyf"), loca = font.fontTable("loca");
    if (glyf.isEmpty() || loca.isEmpty() || head.size() < 54 || maxp.size() < 6)
        return {};
    const bool longLoca = s16(head, 50) == 1;
    const quint32 glyphCount = u16(maxp, 4);

    std::set<quint32> glyphs = used;
    glyphs.insert(0); // .notdef, which a PDF viewer draws for anything missing
    for (const quint32 id : used)
        addComponents(glyf, loca, longLoca, id, glyphs);

    // glyf with the kept glyphs only; loca in the long format, empty entries for the rest.
    QByteArray newGlyf, newLoca;
    auto next = glyphs.begin();
    for (quint32 id = 0; id < glyphCount; ++id) {
        put32(newLoca, quint32(newGlyf.size()));
        if (next != glyphs.end() && *next == id) {
            newGlyf.append(glyphData(glyf, loca, longLoca, id));
            while (newGlyf.size() % 4)
                newGlyf.append('\0');
            ++next;
        }
    }
    put32(newLoca, quint32(newGlyf.size()));

    QByteArray newHead = head;
    qToBigEndian<quint32>(0, newHead.data() + 8); // checkSumAdjustment, set once the file is complete
    qToBigEndian<qint16>(1, newHead.data() + 50); // indexToLocFormat: long

    // cmap, name and post are left out: a PDF addresses glyphs by id and names the font itself.
    std::map<QByteArray, QByteArray> tables = { { "head", newHead }, { "loca", newLoca }, { "glyf", newGlyf } };
    for (const char *tag : { "hhea", "hmtx", "maxp", "cvt ", "fpgm", "prep", "OS/2" }) {
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
    put32(file, 0x00010000);
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
    qsizetype headAt = 0;
    for (const auto &[tag, data] : tables) {
        if (tag == "head")
            headAt = file.size();
        file.append(data);
        while (file.size() % 4)
            file.append('\0');
    }
    qToBigEndian<quint32>(0xB1B0AFBA - checksum(file), file.data() + headAt + 8);
    return file;
}

} // namespace preflight::pdf
