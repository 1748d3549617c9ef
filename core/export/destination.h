#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>

#include <memory>

namespace Trailscope::Core::Export {

/// Where an export's bytes go: a file written whole or not at all (a temporary file renamed on commit(), so a failed
/// or cancelled export leaves nothing and an existing file is replaced only by a whole one), or standard output
/// for `-`.
class Destination
{
public:
    explicit Destination(const QString& path);

    bool open();
    bool write(const QByteArray& bytes);
    bool commit();
    void discard();
    QString errorString() const;

private:
    std::unique_ptr<QFileDevice> m_out;
};

} // namespace Trailscope::Core::Export
