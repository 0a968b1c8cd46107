#include "export/XmlText.h"

namespace preflight {

QString xmlSafe(const QString &text)
{
    QString out = text;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const char16_t c = out[i].unicode();
        const bool control = c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r';
        bool invalid = control || c == 0xfffe || c == 0xffff;
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 < out.size() && QChar::isLowSurrogate(out[i + 1].unicode()))
                ++i; // a valid pair
            else
                invalid = true;
        } else if (QChar::isLowSurrogate(c)) {
            invalid = true;
        }
        if (invalid)
            out[i] = QChar::ReplacementCharacter;
    }
    return out;
}

QString xmlEscaped(const QString &text)
{
    return xmlSafe(text).toHtmlEscaped();
}

} // namespace preflight
