#include "ReportFonts.h"

#include <QFontDatabase>

namespace preflight::pdf {

const std::vector<ReportFont> &reportFonts()
{
    static const std::vector<ReportFont> fonts = {
        { QStringLiteral("DejaVu Sans"), QStringLiteral("fonts-dejavu-core"),
          QStringLiteral("Latin, Greek, Cyrillic, Hebrew, Arabic and most symbols") },
        { QStringLiteral("Symbola"), QStringLiteral("fonts-symbola"), QStringLiteral("emoji and pictographs") },
    };
    return fonts;
}

QFont reportFont(qreal points, bool bold)
{
    QStringList families;
    for (const ReportFont &font : reportFonts())
        families.push_back(font.family);
    QFont font;
    font.setFamilies(families);
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
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
