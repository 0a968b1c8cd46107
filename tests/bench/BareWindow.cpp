// The baseline of the startup benchmark: the least a Qt Widgets + Qt Charts program does to put
// a window on screen. It links the same Qt modules as Preflight and quits once shown, exactly
// as `preflight --exit-when-shown` does.
#include <QApplication>
#include <QChartView>
#include <QLineSeries>
#include <QMainWindow>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto *series = new QLineSeries;
    series->append({ QPointF(0, 0), QPointF(1, 1), QPointF(2, 0.5) });
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->createDefaultAxes();
    window.setCentralWidget(new QChartView(chart));
    window.resize(1440, 900);
    window.show();
    QTimer::singleShot(0, &app, &QApplication::quit);
    return app.exec();
}
