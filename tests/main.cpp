#define CATCH_CONFIG_RUNNER
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
    // Tests never need a real display: widgets and the PDF painter run offscreen.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    TestApplication app(argc, argv);
    TestApplication::setOrganizationName(QStringLiteral("preflight-tests"));
    TestApplication::setApplicationName(QStringLiteral("preflight-tests"));
    return Catch::Session().run(argc, argv);
}
