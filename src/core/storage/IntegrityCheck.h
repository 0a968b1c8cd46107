#pragma once

#include <QString>

#include <functional>
#include <future>
#include <memory>

namespace preflight::sqlite {
class Connection;
}

namespace preflight::integrity {

// PRAGMA quick_check over its own read-only connection on a background thread. Reading a large
// file through takes most of a second (0.6–0.8 s for 250 MB), which must not delay the first
// paint; the store waits for the result only before its first write, so a corrupt file is still
// refused before anything is written to it. `afterPass` runs on that thread, with that
// connection, once the file passed (the store takes the day's backup there).
class BackgroundCheck
{
public:
    BackgroundCheck(const QString &path, std::function<void(const sqlite::Connection &)> afterPass);
    ~BackgroundCheck(); // interrupts a check still running, and waits for the thread
    BackgroundCheck(const BackgroundCheck &) = delete;
    BackgroundCheck &operator=(const BackgroundCheck &) = delete;

    // Waits for the check and `afterPass`; throws Error(Data) naming the file when it is corrupt.
    void require();

private:
    QString m_path;
    std::unique_ptr<sqlite::Connection> m_db;
    std::shared_future<QString> m_result; // shared: every refused write reads it again
};

// The same check, run now: before a migration, whose writes must not touch a corrupt file, or
// before the first write of a store that checks then (Store::FileCheck::BeforeFirstWrite).
void requireIntact(const QString &path, const std::function<void(const sqlite::Connection &)> &afterPass = {});

} // namespace preflight::integrity
