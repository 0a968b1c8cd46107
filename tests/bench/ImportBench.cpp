// preflight_import_bench: the Markdown import timing from the README ("Importing Markdown").
//
// Imports each file (default: the Appendix A seed in tests/data) `runs` times and prints the
// median and fastest wall time of importMarkdown (decoding, parsing, mapping; no file I/O).
// With --dump it prints instead, per file, everything the import produced (template JSON, item
// states, warnings, skipped counts) as one JSON document, to compare two versions of the reader.
// Usage: preflight_import_bench [--dump] [--runs N] [FILE...]

#include "Error.h"
#include "import/MarkdownImport.h"
#include "templates/TemplateLoader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace preflight;
using namespace preflight::import;

namespace {

nlohmann::json dump(const ImportPreview &preview)
{
    nlohmann::json ticks = nlohmann::json::array();
    for (const ItemTick &tick : preview.ticks) {
        ticks.push_back({ { "item", tick.itemId.toStdString() },
                          { "line", tick.line },
                          { "status", itemStatusKey(tick.status).toStdString() },
                          { "reason", tick.reason.toStdString() },
                          { "note", tick.note.toStdString() },
                          { "owner", tick.owner.toStdString() },
                          { "evidence", tick.evidence.toStdString() } });
    }
    nlohmann::json warnings = nlohmann::json::array();
    for (const ImportWarning &warning : preview.warnings)
        warnings.push_back({ { "line", warning.line }, { "message", warning.message.toStdString() } });
    return { { "template", templateToJson(preview.tmpl) },
             { "ticks", ticks },
             { "warnings", warnings },
             { "skipped",
               { preview.skipped.tables, preview.skipped.paragraphs, preview.skipped.listItems,
                 preview.skipped.codeBlocks } },
             { "notes", preview.notes.toStdString() },
             { "declared_template", preview.declaredTemplateId.toStdString() } };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool dumping = args.removeAll(QStringLiteral("--dump")) > 0;
    int runs = 200;
    if (const qsizetype at = args.indexOf(QStringLiteral("--runs")); at >= 0 && at + 1 < args.size()) {
        runs = std::max(1, args.at(at + 1).toInt());
        args.remove(at, 2);
    }
    if (args.isEmpty())
        args << QStringLiteral(PREFLIGHT_SOURCE_DIR "/tests/data/appendix-a-seed.md");

    nlohmann::json dumped = nlohmann::json::object();
    for (const QString &path : args) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(path), qPrintable(file.errorString()));
            return 1;
        }
        const QByteArray bytes = file.readAll();
        if (dumping) {
            try {
                dumped[path.toStdString()] = dump(importMarkdown(bytes, path));
            } catch (const Error &error) {
                dumped[path.toStdString()] = { { "error", error.message().toStdString() } };
            }
            continue;
        }
        std::vector<qint64> nanoseconds;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            const ImportPreview preview = importMarkdown(bytes, path);
            nanoseconds.push_back(timer.nsecsElapsed());
            Q_UNUSED(preview);
        }
        std::sort(nanoseconds.begin(), nanoseconds.end());
        std::printf("%s: %lld bytes, median %.3f ms, fastest %.3f ms over %d runs\n", qPrintable(path),
                    static_cast<long long>(bytes.size()), double(nanoseconds[nanoseconds.size() / 2]) / 1e6,
                    double(nanoseconds.front()) / 1e6, runs);
    }
    if (dumping)
        std::printf("%s\n", dumped.dump(1).c_str());
    return 0;
}
