// Mis-encoded text: every test builds the broken form from good text here, the way the damage
// happens (UTF-8 bytes read through a single-byte code page, then saved as UTF-8 again).

#include "import/CodePage.h"
#include "import/MojibakeRepair.h"

#include <catch2/catch.hpp>

using namespace preflight::import;

namespace {

// What a tool does when it reads UTF-8 as `codePage`. Undefined bytes are either dropped or
// kept as the C1 control of the same number, depending on the tool.
enum class Undefined { Drop, KeepAsControl };

QString misdecode(const QString &good, CodePage codePage, Undefined undefined = Undefined::KeepAsControl)
{
    QString broken;
    for (const char byte : good.toUtf8()) {
        const auto ch = decodeByte(codePage, static_cast<unsigned char>(byte));
        if (ch)
            broken += QString::fromUcs4(&*ch, 1);
        else if (undefined == Undefined::KeepAsControl)
            broken += QChar(char16_t(static_cast<unsigned char>(byte)));
    }
    return broken;
}

} // namespace

TEST_CASE("code page tables agree with the published mappings at known points", "[import][mojibake]")
{
    // Spot checks independent of the tables' construction (values from the Unicode mapping files).
    CHECK(decodeByte(CodePage::Windows1252, 0x80) == U'€');
    CHECK(decodeByte(CodePage::Windows1252, 0x9F) == U'Ÿ');
    CHECK_FALSE(decodeByte(CodePage::Windows1252, 0x81).has_value());
    CHECK(decodeByte(CodePage::Windows1254, 0xF0) == U'ğ');
    CHECK(decodeByte(CodePage::Windows1254, 0xFD) == U'ı');
    CHECK_FALSE(decodeByte(CodePage::Windows1254, 0x9E).has_value());
    CHECK(decodeByte(CodePage::MacRoman, 0x8E) == U'é');
    CHECK(decodeByte(CodePage::MacRoman, 0xF0) == char32_t(0xF8FF));
    CHECK(decodeByte(CodePage::MacRoman, 0xDB) == U'€');
    CHECK(decodeByte(CodePage::Latin1, 0x94) == char32_t(0x94));
    CHECK(undefinedBytes(CodePage::Windows1252) == QByteArray("\x81\x8D\x8F\x90\x9D"));
    for (const CodePage codePage : AllCodePages) {
        for (int byte = 0x80; byte <= 0xFF; ++byte) {
            const auto ch = decodeByte(codePage, static_cast<unsigned char>(byte));
            if (ch)
                CHECK(encodeChar(codePage, *ch) == static_cast<unsigned char>(byte));
        }
    }
}

TEST_CASE("the seed's broken emoji are the Windows-1252 reading of 🔴 and 🟠", "[import][mojibake]")
{
    CHECK(misdecode(QStringLiteral("🔴"), CodePage::Windows1252)
          == QString::fromUtf8("\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xB4"));
    CHECK(misdecode(QStringLiteral("🟠"), CodePage::Windows1252)
          == QString::fromUtf8("\xC3\xB0\xC5\xB8\xC5\xB8\xC2\xA0"));
    CHECK(misdecode(QStringLiteral("✅"), CodePage::Windows1252) == QStringLiteral("âœ…"));
}

TEST_CASE("each mojibake family is repaired and reported per run", "[import][mojibake]")
{
    const QString good = QStringLiteral(
        "## 1. Code Quality 🔴 — “quoted” café ✅ naïve 🟠 🟡 🟢 Grüße ⚠️ 日本語");
    for (const CodePage codePage : AllCodePages) {
        INFO(codePageName(codePage).toStdString());
        const QString broken = misdecode(good, codePage);
        REQUIRE(broken != good);
        const RepairedText repaired = repairMojibake(broken);
        CHECK(repaired.text.toStdString() == good.toStdString());
        REQUIRE_FALSE(repaired.runs.empty());
        for (const MojibakeRun &run : repaired.runs) {
            CHECK(broken.contains(run.broken));
            CHECK(good.contains(run.repaired));
            CHECK_FALSE(run.guessed);
        }
    }
    const RepairedText seedLine
        = repairMojibake(misdecode(QStringLiteral("- [ ] All 🔴 critical items completed"), CodePage::Windows1252));
    REQUIRE(seedLine.runs.size() == 1);
    CHECK(seedLine.runs[0].broken == QString::fromUtf8("\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xB4"));
    CHECK(seedLine.runs[0].repaired == QStringLiteral("🔴"));
    CHECK(seedLine.runs[0].codePage == CodePage::Windows1252);
}

TEST_CASE("Turkish mojibake is recognised as Windows-1254", "[import][mojibake]")
{
    const QString good = QStringLiteral("Güvenlik 🔴 ışık");
    const QString broken = misdecode(good, CodePage::Windows1254);
    CHECK(broken.contains(QStringLiteral("ğŸ”´"))); // ğ only exists in Windows-1254
    const RepairedText repaired = repairMojibake(broken);
    CHECK(repaired.text.toStdString() == good.toStdString());
    REQUIRE(repaired.runs.size() >= 1);
    const auto emoji = std::find_if(repaired.runs.begin(), repaired.runs.end(),
                                    [](const MojibakeRun &r) { return r.repaired == QStringLiteral("🔴"); });
    REQUIRE(emoji != repaired.runs.end());
    CHECK(emoji->codePage == CodePage::Windows1254);
}

TEST_CASE("bytes dropped by a Windows decoder are restored", "[import][mojibake]")
{
    // ❌ is E2 9D 8C and 📝 is F0 9F 93 9D: 0x9D is undefined in Windows-1252 and gets dropped.
    const QString good = QStringLiteral("Status ❌ failed, see 📝 and “quotes” ⚠️");
    const QString broken = misdecode(good, CodePage::Windows1252, Undefined::Drop);
    CHECK(broken == QStringLiteral("Status âŒ failed, see ðŸ“ and â€œquotesâ€ âš\u00A0ï¸"));
    const RepairedText repaired = repairMojibake(broken);
    CHECK(repaired.text.toStdString() == good.toStdString());
    const auto guessed
        = std::count_if(repaired.runs.begin(), repaired.runs.end(), [](const MojibakeRun &r) { return r.guessed; });
    CHECK(guessed == 4);
}

TEST_CASE("a no-break space turned into a plain space still repairs 🟠", "[import][mojibake]")
{
    const RepairedText repaired = repairMojibake(QStringLiteral("## 6. Cost Management ðŸŸ "));
    CHECK(repaired.text == QStringLiteral("## 6. Cost Management 🟠"));
    CHECK(repairMojibake(QStringLiteral("## 6. Cost Management ðŸŸ x")).text
          == QStringLiteral("## 6. Cost Management 🟠x"));
}

TEST_CASE("legitimate non-ASCII text is never changed", "[import][mojibake]")
{
    const QString samples[] = {
        QStringLiteral("café"),
        QStringLiteral("Müller"),
        QStringLiteral("naïve"),
        QStringLiteral("Øresund"),
        QStringLiteral("ığüşöç ĞÜŞİÖÇ"),
        QStringLiteral("Trademark™ costs 5 € or £3"),
        QStringLiteral("┌──┬──┐ │a │b │ └──┴──┘ ═ ║ ╔"),
        QStringLiteral("🔴 🟠 🟡 🟢 ✅ ❌ ⚠️ 👍🏽 👨‍👩‍👧"),
        QStringLiteral("«élan» “école” — Œuvre, façade, Ærø, smörgåsbord"),
        QStringLiteral("Señor Ñandú ¿qué? ¡sí! São Paulo ÀÉÎÕÜ"),
        QStringLiteral("π ≈ 3.14, ∑ ≤ ∞, √2, 10°C, ±5 µs, ½ ¼"),
        QStringLiteral("日本語のテキスト 한국어 中文 Ελληνικά русский עברית العربية"),
        QStringLiteral("é» « à ‘quote’ ±é ©é"),
        QStringLiteral("\uFEFFzero-width no-break space at the start, \uFEFF and inside"), // found by the fuzzer
    };
    for (const QString &sample : samples) {
        INFO(sample.toStdString());
        const RepairedText repaired = repairMojibake(sample);
        CHECK(repaired.text.toStdString() == sample.toStdString());
        CHECK(repaired.runs.empty());
    }
}
