#include "destination.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace Trailscope::Core::Export {

Destination::Destination(const QString& path)
{
    if (path == QLatin1String("-"))
        m_out = std::make_unique<QFile>();
    else
        m_out = std::make_unique<QSaveFile>(path);
}

bool Destination::open()
{
    if (auto* file = dynamic_cast<QSaveFile*>(m_out.get()))
        return file->open(QIODevice::WriteOnly);
    return static_cast<QFile*>(m_out.get())->open(stdout, QIODevice::WriteOnly);
}

bool Destination::write(const QByteArray& bytes)
{
    return m_out->write(bytes) == bytes.size();
}

bool Destination::commit()
{
    if (auto* file = dynamic_cast<QSaveFile*>(m_out.get()))
        return file->commit();
    return static_cast<QFile*>(m_out.get())->flush();
}

void Destination::discard()
{
    if (auto* file = dynamic_cast<QSaveFile*>(m_out.get()))
        file->cancelWriting();
}

QString Destination::errorString() const
{
    return m_out->errorString();
}

} // namespace Trailscope::Core::Export
