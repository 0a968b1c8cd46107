// Startup benchmark: time from process start until the main window is shown (the program quits
// right after), and peak resident memory, for Preflight opening a realistic half-finished
// review next to a bare Qt Widgets + Qt Charts window, run alternately in the same session.
//
//   preflight_startup_bench [runs]        (needs a display: xvfb-run, or QT_QPA_PLATFORM=offscreen)
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

extern char **environ;

namespace {

struct Sample
{
    double milliseconds = 0;
    long peakKilobytes = 0;
};

Sample runOnce(const QStringList &command)
{
    std::vector<QByteArray> args;
    for (const QString &arg : command)
        args.push_back(arg.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    QElapsedTimer clock;
    clock.start();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        qFatal("cannot start %s", argv[0]);
    int status = 0;
    rusage usage {};
    wait4(pid, &status, 0, &usage); // ru_maxrss of this one child, in kilobytes on Linux
    const double elapsed = double(clock.nsecsElapsed()) / 1e6;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        qFatal("%s failed with status %d", argv[0], status);
    return { elapsed, usage.ru_maxrss };
}

// A review part way through: about half the items ticked, some N/A with reasons, notes, risks
// and one sign-off, so that loading it costs what a real review costs.
void populate(const QString &path)
{
    using namespace preflight;
    auto store = Store::open(path, QStringLiteral("bench"));
    const TemplateRegistry registry;
    const Template *tmpl = registry.find(QString::fromLatin1(TemplateRegistry::DefaultTemplateId));
    Project draft;
    draft.name = QStringLiteral("Checkout service");
    draft.templateId = tmpl->id;
    draft.templateVersion = tmpl->version;
    const Project project = store->createProject(draft, *tmpl);
    int n = 0;
    for (const Category &category : tmpl->categories) {
        for (const Section &section : category.sections) {
            for (const Item &item : section.items) {
                Store::ItemPatch patch;
                if (n % 2 == 0)
                    patch.status = ItemStatus::Done;
                if (n % 11 == 0) {
                    patch.status = ItemStatus::NotApplicable;
                    patch.reason = QStringLiteral("Not used by this service");
                }
                if (n % 7 == 0)
                    patch.note = QStringLiteral("See **runbook** and the [dashboard](https://example.org).");
                if (patch.status || patch.note)
                    store->setItem(project.id, item.id, patch);
                ++n;
            }
        }
    }
    for (int i = 0; i < 6; ++i) {
        Risk risk;
        risk.title = QStringLiteral("Risk %1").arg(i + 1);
        risk.severity = Severity(i % 4);
        store->addRisk(project.id, risk);
    }
}

Sample median(std::vector<Sample> samples)
{
    std::sort(samples.begin(), samples.end(),
              [](const Sample &a, const Sample &b) { return a.milliseconds < b.milliseconds; });
    Sample result = samples[samples.size() / 2];
    for (const Sample &sample : samples)
        result.peakKilobytes = std::max(result.peakKilobytes, sample.peakKilobytes);
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = std::max(1, app.arguments().value(1, QStringLiteral("10")).toInt());
    QTemporaryDir home;
    // The children get their own config and data folders: the benchmark must not leave a
    // "last database" pointing into a deleted temporary folder in the user's settings.
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    const QString database = home.filePath(QStringLiteral("review.db"));
    populate(database);

    const QStringList app1 { QStringLiteral(PREFLIGHT_BINARY), QStringLiteral("--db"), database,
                             QStringLiteral("--exit-when-shown") };
    const QStringList bare { QStringLiteral(BARE_WINDOW_BINARY) };
    runOnce(app1); // warm the file cache for both before measuring
    runOnce(bare);
    std::vector<Sample> appSamples;
    std::vector<Sample> bareSamples;
    for (int i = 0; i < runs; ++i) {
        appSamples.push_back(runOnce(app1));
        bareSamples.push_back(runOnce(bare));
    }
    const Sample a = median(appSamples);
    const Sample b = median(bareSamples);
    QTextStream out(stdout);
    out << "runs: " << runs << " each, alternating; time is the median, memory the peak\n";
    out << QStringLiteral("%1 %2 %3\n")
               .arg(QStringLiteral("program"), -34)
               .arg(QStringLiteral("time (ms)"), 10)
               .arg(QStringLiteral("peak RSS (MiB)"), 15);
    out << QStringLiteral("%1 %2 %3\n")
               .arg(QStringLiteral("preflight (last project loaded)"), -34)
               .arg(a.milliseconds, 10, 'f', 1)
               .arg(a.peakKilobytes / 1024.0, 15, 'f', 1);
    out << QStringLiteral("%1 %2 %3\n")
               .arg(QStringLiteral("bare Qt Widgets + Qt Charts"), -34)
               .arg(b.milliseconds, 10, 'f', 1)
               .arg(b.peakKilobytes / 1024.0, 15, 'f', 1);
    out << QStringLiteral("ratio: time %1x (target 1.5x), memory %2x (target 1.5x)\n")
               .arg(a.milliseconds / b.milliseconds, 0, 'f', 2)
               .arg(double(a.peakKilobytes) / double(b.peakKilobytes), 0, 'f', 2);
    return 0;
}
