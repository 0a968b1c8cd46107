// Linked with the whole preflight_core archive and nothing but Qt Core, nlohmann/json, SQLite and
// cmark-gfm: if any core object file used Qt Gui or Widgets, this program would fail to link.
// Running it also shows the core working with no GUI application object at all.
#include "templates/TemplateRegistry.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const preflight::TemplateRegistry registry;
    const preflight::Template *appendixA = registry.find(QStringLiteral("appendix-a"));
    QTextStream(stdout) << "appendix-a items: " << (appendixA ? appendixA->itemCount() : 0) << '\n';
    return appendixA ? 0 : 1;
}
