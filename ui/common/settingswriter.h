#pragma once

#include <QString>
#include <QThreadPool>
#include <QVariant>

namespace Trailscope::Ui {

/// Writes settings on a thread of its own, one write after another in the order given. QSettings saves its file
/// through QSaveFile, which syncs it to disk: while an import writes hundreds of megabytes that took 50-110 ms on
/// the GUI thread, once per search (the search history). The destructor waits for the writes still queued.
class SettingsWriter
{
public:
    SettingsWriter();
    ~SettingsWriter();
    SettingsWriter(const SettingsWriter&) = delete;
    SettingsWriter& operator=(const SettingsWriter&) = delete;

    void setValue(const QString& key, const QVariant& value);
    /// Blocks until every queued write is on disk (tests, shutdown).
    void waitForWrites();

private:
    QThreadPool m_thread;
};

} // namespace Trailscope::Ui
