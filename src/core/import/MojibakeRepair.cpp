#include "import/MojibakeRepair.h"

#include <QChar>

#include <optional>
#include <string>

namespace preflight::import {
namespace {

// How sure we are that a decoded character was the author's intent.
enum class Plausibility { No, InARow, Yes };

bool inRange(char32_t ch, char32_t first, char32_t last)
{
    return ch >= first && ch <= last;
}

bool isSymbolBlock(char32_t ch)
{
    return inRange(ch, 0x2000, 0x2BFF) // punctuation, currency, arrows, maths, boxes, dingbats
        || inRange(ch, 0x1E00, 0x1EFF) // Latin Extended Additional (Vietnamese)
        || ch == 0xFEFF || inRange(ch, 0x3000, 0x303F) || inRange(ch, 0xFE00, 0xFE0F);
}

Plausibility plausibility(char32_t ch, int length, CodePage codePage)
{
    if (QChar::category(ch) == QChar::Other_NotAssigned || inRange(ch, 0xD800, 0xDFFF) || inRange(ch, 0xE000, 0xF8FF)
        || ch < 0xA0)
        return Plausibility::No;
    if (length == 2) {
        if (inRange(ch, 0xA0, 0x17F))
            return Plausibility::Yes;
        // Mac Roman's upper half is mostly accented letters and quotes, so "«é" or "“é" would
        // otherwise turn legitimate French into Greek or Cyrillic.
        const bool otherScript = inRange(ch, 0x370, 0x4FF) || inRange(ch, 0x590, 0x6FF);
        return otherScript && codePage != CodePage::MacRoman ? Plausibility::Yes : Plausibility::No;
    }
    if (length == 3)
        return isSymbolBlock(ch) ? Plausibility::Yes : Plausibility::InARow;
    return Plausibility::Yes;
}

// Lower is better when a lost byte has to be guessed. The bytes a decoder drops are ambiguous
// (❌ and ⁌ differ only in the dropped byte), so the characters people actually paste into
// checklists come first, then emoji and dingbats, then other symbols.
int guessRank(char32_t ch)
{
    // clang-format 14 measures these emoji inconsistently and never settles on one layout.
    // clang-format off
    static const std::u32string preferred = U"🔴🟠🟡🟢🔵🟣🟤⚫⚪✅❌⚠❗❓✔✖➡⬅⬆⬇📝📌📋📊📈📉🔍🔒🔑🚀🎯💡🔥👍👎⭐🛑⏳"
                                            U"⏰"
                                            U"❤"
                                            U"”“’‘–—…•€™\uFE0F"; // U+FE0F: the emoji form of ⚠ and ❤
    // clang-format on
    if (preferred.find(ch) != std::u32string::npos)
        return 0;
    if (inRange(ch, 0x1F000, 0x1FAFF) || inRange(ch, 0x2600, 0x27BF))
        return 1;
    if (isSymbolBlock(ch))
        return 2;
    return 3;
}

int sequenceLength(unsigned char lead)
{
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    return 0;
}

// Strict UTF-8 decoding of one sequence: no overlongs, surrogates or values past U+10FFFF.
std::optional<char32_t> decodeSequence(const QByteArray &bytes)
{
    const auto lead = static_cast<unsigned char>(bytes[0]);
    const int length = sequenceLength(lead);
    if (length == 0 || bytes.size() != length)
        return std::nullopt;
    const auto second = static_cast<unsigned char>(bytes[1]);
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90)
        || (lead == 0xF4 && second > 0x8F))
        return std::nullopt;
    char32_t ch = lead & (0xFF >> (length + 1));
    for (int i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if ((byte & 0xC0) != 0x80)
            return std::nullopt;
        ch = (ch << 6) | (byte & 0x3F);
    }
    return ch;
}

struct Candidate
{
    qsizetype begin = 0; // index into the UCS-4 text
    qsizetype end = 0;
    char32_t decoded = 0;
    CodePage codePage = CodePage::Windows1252;
    Plausibility plausibility = Plausibility::No;
    bool guessed = false;
};

bool isContinuation(std::optional<unsigned char> byte)
{
    return byte && (*byte & 0xC0) == 0x80;
}

// Restores one byte that a Windows decoder dropped because the code page leaves it undefined, or
// a no-break space that a later tool turned into a plain space ("ðŸŸ\u00A0" → "ðŸŸ " for 🟠).
std::optional<Candidate> guessLostByte(const std::u32string &text, const QByteArray &present, Candidate base,
                                       int length)
{
    std::optional<Candidate> best;
    auto consider = [&](const QByteArray &bytes, qsizetype end) {
        const auto ch = decodeSequence(bytes);
        if (!ch || plausibility(*ch, length, base.codePage) != Plausibility::Yes)
            return;
        if (best && guessRank(*ch) >= guessRank(best->decoded))
            return;
        best = base;
        best->end = end;
        best->decoded = *ch;
        best->plausibility = Plausibility::Yes;
        best->guessed = true;
    };
    for (qsizetype gap = 1; gap < length; ++gap) {
        static const QByteArray windows1252 = undefinedBytes(CodePage::Windows1252);
        static const QByteArray windows1254 = undefinedBytes(CodePage::Windows1254);
        for (const char filler : base.codePage == CodePage::Windows1254 ? windows1254 : windows1252) {
            QByteArray bytes = present;
            consider(bytes.insert(gap, filler), base.end);
        }
    }
    // Eating a real space is worse than a wrong guess, so only the likeliest characters may.
    const std::optional<Candidate> dropped = best;
    if (base.end < qsizetype(text.size()) && text[base.end] == U' ') {
        consider(present + QByteArray(1, '\xA0'), base.end + 1);
        if (best && best->end > base.end && guessRank(best->decoded) != 0)
            best = dropped;
    }
    return best;
}

std::optional<Candidate> decodeAt(const std::u32string &text, qsizetype begin, CodePage codePage)
{
    const auto lead = encodeChar(codePage, text[begin]);
    const int length = lead ? sequenceLength(*lead) : 0;
    if (length == 0)
        return std::nullopt;
    QByteArray bytes(1, static_cast<char>(*lead));
    qsizetype pos = begin + 1;
    while (bytes.size() < length && pos < qsizetype(text.size())) {
        const auto byte = encodeChar(codePage, text[pos]);
        if (!isContinuation(byte))
            break;
        bytes.append(static_cast<char>(*byte));
        ++pos;
    }
    Candidate candidate { begin, pos, 0, codePage, Plausibility::No, false };
    if (bytes.size() == length) {
        const auto ch = decodeSequence(bytes);
        if (!ch)
            return std::nullopt;
        candidate.decoded = *ch;
        candidate.plausibility = plausibility(*ch, length, codePage);
        return candidate.plausibility == Plausibility::No ? std::nullopt : std::optional(candidate);
    }
    // A three- or four-byte sequence missing exactly one byte: only Windows decoders drop bytes,
    // and only bytes they leave undefined. Two-byte sequences are too short to tell from text.
    const bool canGuess = codePage == CodePage::Windows1252 || codePage == CodePage::Windows1254;
    if (!canGuess || length < 3 || bytes.size() != length - 1)
        return std::nullopt;
    return guessLostByte(text, bytes, candidate, length);
}

std::optional<Candidate> bestCandidateAt(const std::u32string &text, qsizetype begin)
{
    // Windows-1252 first: it is by far the most common culprit, and where it and Latin-1 agree
    // the report names the more likely one.
    for (const CodePage codePage :
         { CodePage::Windows1252, CodePage::Windows1254, CodePage::Latin1, CodePage::MacRoman }) {
        if (auto candidate = decodeAt(text, begin, codePage))
            return candidate;
    }
    return std::nullopt;
}

// UTF-16 offsets of each code point, so that untouched text is copied from the original.
std::vector<qsizetype> utf16Offsets(const std::u32string &text)
{
    std::vector<qsizetype> offsets;
    offsets.reserve(text.size() + 1);
    qsizetype offset = 0;
    for (const char32_t ch : text) {
        offsets.push_back(offset);
        offset += QChar::requiresSurrogates(ch) ? 2 : 1;
    }
    offsets.push_back(offset);
    return offsets;
}

} // namespace

RepairedText repairMojibake(const QString &text)
{
    const std::u32string ucs4 = text.toStdU32String();
    std::vector<Candidate> candidates;
    for (qsizetype i = 0; i < qsizetype(ucs4.size());) {
        if (ucs4[i] < 0x80) {
            ++i;
            continue;
        }
        if (auto candidate = bestCandidateAt(ucs4, i)) {
            candidates.push_back(*candidate);
            i = candidate->end;
        } else {
            ++i;
        }
    }

    const std::vector<qsizetype> offsets = utf16Offsets(ucs4);
    auto slice
        = [&](qsizetype begin, qsizetype end) { return text.mid(offsets[begin], offsets[end] - offsets[begin]); };

    // Chains of adjacent candidates form the runs; a chain made only of weak candidates needs
    // at least two of them (a lone CJK character is more likely a coincidence).
    RepairedText result;
    qsizetype copied = 0; // UCS-4 index up to which the text has been copied
    for (size_t first = 0; first < candidates.size();) {
        size_t last = first;
        bool strong = candidates[first].plausibility == Plausibility::Yes;
        while (last + 1 < candidates.size() && candidates[last + 1].begin == candidates[last].end) {
            ++last;
            strong = strong || candidates[last].plausibility == Plausibility::Yes;
        }
        const bool accept = strong || last > first;
        if (accept) {
            MojibakeRun run;
            run.codePage = candidates[first].codePage;
            for (size_t c = first; c <= last; ++c) {
                run.repaired.append(codePointText(candidates[c].decoded));
                run.guessed = run.guessed || candidates[c].guessed;
            }
            const qsizetype begin = candidates[first].begin;
            const qsizetype end = candidates[last].end;
            result.text.append(slice(copied, begin));
            run.broken = slice(begin, end);
            result.text.append(run.repaired);
            copied = end;
            result.runs.push_back(run);
        }
        first = last + 1;
    }
    result.text.append(slice(copied, qsizetype(ucs4.size())));
    return result;
}

} // namespace preflight::import
