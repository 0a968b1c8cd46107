#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>

namespace preflight::pdf {

// A second thread to lay text out on while the first goes on with the page flow. QTextLayout is
// reentrant and every thread has its own font engines (Qt's font cache and FreeType library are
// per thread), so the two never share an engine while both lay out. Layouts made here go on
// using this thread's engines when drawn, and the thread would free them when it ends: so it
// never ends (shared() makes one for the process, kept warm between exports). Drawing reads
// those engines while this thread is idle: exportLock() keeps PDF exports one at a time.
class LayoutThread
{
public:
    static LayoutThread &shared();

    std::future<void> run(std::function<void()> job);
    std::mutex &exportLock() { return m_exportLock; }

private:
    LayoutThread();
    void loop();

    std::mutex m_exportLock;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::packaged_task<void()>> m_jobs;
};

} // namespace preflight::pdf
