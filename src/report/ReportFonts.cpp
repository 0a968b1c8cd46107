#include "ReportFonts.h"

#include <QFontDatabase>

namespace preflight::pdf {

namespace {

QFont fontOf(const QStringList &families, qreal points, bool bold)
{
    QFont font;
    font.setFamilies(families);
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

QStringList textFamilies()
{
    QStringList families;
    for (const ReportFont &font : reportFonts()) {
        if (!font.monospace)
            families.push_back(font.family);
    }
    return families;
}

} // namespace

const std::vector<ReportFont> &reportFonts()
{
    // Noto Sans CJK comes before Symbola so that CJK punctuation and symbols Symbola also has
    // are drawn in the same font as the text around them. Its Japanese variant is the one
    // chosen: one family covers Japanese, Chinese and Korean, with Japanese forms of the
    // ideographs that the languages share.
    static const std::vector<ReportFont> fonts = {
        { QStringLiteral("DejaVu Sans"), QStringLiteral("fonts-dejavu-core"),
          QStringLiteral("Latin, Greek, Cyrillic, Hebrew, Arabic and most symbols") },
        { QStringLiteral("Noto Sans CJK JP"), QStringLiteral("fonts-noto-cjk"),
          QStringLiteral("Chinese, Japanese and Korean") },
        { QStringLiteral("Symbola"), QStringLiteral("fonts-symbola"), QStringLiteral("emoji and pictographs") },
        { QStringLiteral("DejaVu Sans Mono"), QStringLiteral("fonts-dejavu-core"),
          QStringLiteral("code in Markdown notes and item texts"), true },
    };
    return fonts;
}

QFont reportFont(qreal points, bool bold)
{
    return fontOf(textFamilies(), points, bold);
}

QFont reportCodeFont(qreal points)
{
    QStringList families = textFamilies();
    for (const ReportFont &font : reportFonts()) {
        if (font.monospace)
            families.prepend(font.family);
    }
    return fontOf(families, points, false);
}

QStringList missingReportFonts()
{
    const QStringList installed = QFontDatabase::families();
    QStringList missing;
    for (const ReportFont &font : reportFonts()) {
        if (!installed.contains(font.family))
            missing.push_back(QStringLiteral("%1 (%2)").arg(font.family, font.debianPackage));
    }
    return missing;
}

} // namespace preflight::pdf
