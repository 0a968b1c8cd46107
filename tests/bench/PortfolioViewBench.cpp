// preflight_portfolio_view_bench: the window's portfolio view over the portfolio bench's database.
// From Store::open to every row shown (listed, no scores yet) and to every row assessed, as the
// view does it: listed at once, then assessed between events in slices, on the GUI thread.
// Usage: QT_QPA_PLATFORM=offscreen preflight_portfolio_view_bench FOLDER/portfolio-bench.db
//        (write it first with preflight_portfolio_bench FOLDER)

#include "Workspace.h"
#include "models/PortfolioModel.h"
#include "storage/Store.h"
#include "widgets/PortfolioView.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace preflight;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() != 1 || !QFile::exists(args.front())) {
        std::fprintf(stderr, "usage: preflight_portfolio_view_bench FOLDER/portfolio-bench.db\n");
        return 2;
    }
    std::vector<double> shown;
    std::vector<double> assessed;
    int rows = 0;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer clock;
        clock.start();
        gui::Workspace workspace(Store::open(args.front(), QStringLiteral("bench")));
        gui::PortfolioView view;
        view.resize(1600, 900);
        view.show();
        view.refresh(workspace);
        QCoreApplication::processEvents(); // the first paint, with every row listed
        shown.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (!QTest::qWaitFor([&] { return view.isComplete(); }, 60000)) {
            std::fprintf(stderr, "the view did not finish assessing\n");
            return 1;
        }
        assessed.push_back(double(clock.nsecsElapsed()) / 1e6);
        rows = view.model()->rowCount();
    }
    const auto median = [](std::vector<double> samples) {
        std::sort(samples.begin(), samples.end());
        return samples[samples.size() / 2];
    };
    std::printf("| measurement (%d projects, median of 5) | wall | target |\n|---|---|---|\n", rows);
    std::printf("| open + every row shown (listed) | %.1f ms | 300 ms: %s |\n", median(shown),
                median(shown) <= 300 ? "met" : "NOT MET");
    std::printf("| open + every row assessed in the view | %.1f ms | |\n", median(assessed));
    return 0;
}
