// libFuzzer target: the JSON template loader. Any input either fails with preflight::Error or
// loads; a loaded template written back as JSON must load again.

#include "Error.h"
#include "templates/TemplateLoader.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    preflight::Template loaded;
    try {
        loaded = preflight::parseTemplate(bytes, QStringLiteral("fuzz.json"));
    } catch (const preflight::Error &) {
        return 0;
    }
    try {
        preflight::parseTemplate(QByteArray::fromStdString(preflight::templateToJson(loaded).dump()),
                                 QStringLiteral("again.json"));
    } catch (const preflight::Error &) {
        std::abort(); // a template that loads must survive being written back
    }
    return 0;
}
