#include "settingswriter.h"

#include <QSettings>

namespace Trailscope::Ui {

SettingsWriter::SettingsWriter()
{
    m_thread.setMaxThreadCount(1); // one thread: writes land in the order they were asked for
}

SettingsWriter::~SettingsWriter()
{
    waitForWrites();
}

void SettingsWriter::setValue(const QString& key, const QVariant& value)
{
    // QSettings is reentrant: a separate object on this thread writes the file every object in the process reads,
    // and the value is visible to them at once.
    m_thread.start([key, value] {
        QSettings settings;
        settings.setValue(key, value);
    });
}

void SettingsWriter::waitForWrites()
{
    m_thread.waitForDone();
}

} // namespace Trailscope::Ui
