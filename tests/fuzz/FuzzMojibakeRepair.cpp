// libFuzzer target: decoding and mojibake repair. Text without repairs must come back unchanged,
// and every reported run must really have been replaced.

#include "Error.h"
#include "import/MojibakeRepair.h"
#include "import/TextDecoding.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QString text = QString::fromUtf8(bytes);
    const preflight::import::RepairedText repaired = preflight::import::repairMojibake(text);
    if (repaired.runs.empty() && repaired.text != text)
        std::abort();
    for (const preflight::import::MojibakeRun &run : repaired.runs) {
        if (!text.contains(run.broken) || !repaired.text.contains(run.repaired) || run.broken == run.repaired)
            std::abort();
    }
    try {
        preflight::import::decodeText(bytes, QStringLiteral("fuzz.md"));
    } catch (const preflight::Error &) { }
    return 0;
}
