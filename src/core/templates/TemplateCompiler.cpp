// Build step behind the built-in templates (see CompiledTemplates.h):
//
//   preflight_template_compiler OUTPUT TEMPLATE.json...
//
// Loads each template with the same full loader users' templates go through, so a built-in that
// does not validate stops the build with the loader's message, then writes them pre-parsed.
#include "Error.h"
#include "templates/CompiledTemplates.h"
#include "templates/TemplateLoader.h"

#include <QSaveFile>

#include <cstdio>

int main(int argc, char *argv[])
{
    using namespace preflight;
    if (argc < 3) {
        std::fputs("usage: preflight_template_compiler OUTPUT TEMPLATE.json...\n", stderr);
        return 2;
    }
    std::vector<Template> templates;
    try {
        for (int i = 2; i < argc; ++i)
            templates.push_back(loadTemplateFile(QString::fromLocal8Bit(argv[i])));
    } catch (const Error &error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 1;
    }
    const QByteArray bytes = writeCompiledTemplates(templates);
    QSaveFile output(QString::fromLocal8Bit(argv[1]));
    if (!output.open(QIODevice::WriteOnly) || output.write(bytes) != bytes.size() || !output.commit()) {
        std::fprintf(stderr, "%s: cannot write: %s\n", argv[1], output.errorString().toLocal8Bit().constData());
        return 1;
    }
    return 0;
}
