#pragma once

#include "import/CodePage.h"

#include <QString>

#include <vector>

namespace preflight::import {

// One stretch of text that was repaired: UTF-8 that had been decoded once as `codePage` and
// saved again, e.g. "ðŸ”´" (the bytes of 🔴 read as Windows-1252) back to "🔴".
struct MojibakeRun
{
    QString broken;
    QString repaired;
    CodePage codePage = CodePage::Windows1252;
    // A byte the code page leaves undefined had been dropped and was restored by choosing the
    // most plausible candidate (emoji and symbols first); the result is a best guess.
    bool guessed = false;
};

struct RepairedText
{
    QString text;
    std::vector<MojibakeRun> runs;
};

// Repairs every mis-decoded run in `text` and leaves everything else exactly as it is.
//
// A run is a sequence of characters that all exist in one code page and whose bytes there form
// valid multi-byte UTF-8. Legitimate text almost never does: "café" ends in a lone lead byte,
// "Müller" and Turkish "ığüşöç" contain bytes that cannot start a sequence, and "™", "€",
// box-drawing characters and real emoji are not in the code pages' upper halves at all. To keep
// coincidences out, a decoded character must also be plausible: two-byte results must be Latin
// letters (or Greek, Cyrillic, Hebrew, Arabic for the Windows code pages), three-byte results
// must be punctuation or symbols unless they come in a row of at least two (CJK text), and
// nothing decodes to a control, surrogate or unassigned code point.
RepairedText repairMojibake(const QString &text);

} // namespace preflight::import
