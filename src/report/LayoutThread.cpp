#include "LayoutThread.h"

#include <thread>

namespace preflight::pdf {

LayoutThread &LayoutThread::shared()
{
    // Never deleted, and its thread never joined: at exit it must not free font engines after
    // the application object has taken Qt's font system down.
    static LayoutThread *const thread = new LayoutThread;
    return *thread;
}

LayoutThread::LayoutThread()
{
    std::thread(&LayoutThread::loop, this).detach();
}

std::future<void> LayoutThread::run(std::function<void()> job)
{
    std::packaged_task<void()> task(std::move(job));
    std::future<void> done = task.get_future();
    {
        const std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(task));
    }
    m_wake.notify_one();
    return done;
}

void LayoutThread::loop()
{
    for (;;) {
        std::packaged_task<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return !m_jobs.empty(); });
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job(); // an exception is kept in the job's future
    }
}

} // namespace preflight::pdf
