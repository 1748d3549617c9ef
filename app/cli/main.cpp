#include "climain.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trailscope-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Trailscope"));
    return Trailscope::Cli::runCli(QCoreApplication::arguments());
}
