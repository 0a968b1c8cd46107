#define CATCH_CONFIG_RUNNER
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#ifdef PREFLIGHT_TEST_WIDGETS
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QGuiApplication>
using TestApplication = QGuiApplication;
#endif

int main(int argc, char *argv[])
{
    // Tests never need a real display: widgets and the PDF painter run offscreen. A few GUI tests
    // also run on X11 (under Xvfb), where window activation and key bindings are the desktop's.
    qputenv("QT_QPA_PLATFORM",
            qgetenv("PREFLIGHT_TEST_PLATFORM").isEmpty() ? "offscreen" : qgetenv("PREFLIGHT_TEST_PLATFORM"));
    // CTest runs every test case in a process of its own, several at once: each process gets
    // its own settings folder, so a window state saved by one test never reaches another.
    const QTemporaryDir settings;
    if (!settings.isValid())
        return 2;
    qputenv("XDG_CONFIG_HOME", settings.path().toLocal8Bit());
    TestApplication app(argc, argv);
    TestApplication::setOrganizationName(QStringLiteral("preflight-tests"));
    TestApplication::setApplicationName(QStringLiteral("preflight-tests"));
    return Catch::Session().run(argc, argv);
}
