#include "casedialogs.h"

#include "window/casefiles.h"

#include "casedb/caseschema.h"

#include <QFileDialog>

namespace Trailscope::Ui {

QFileDialog* CaseDialogs::dialog(QWidget* parent, const QString& title, const QString& folder)
{
    auto* dialog = new QFileDialog(parent, title, folder);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

QFileDialog* CaseDialogs::openCase(QWidget* parent)
{
    QFileDialog* open = dialog(parent, tr("Open Case"), CaseFiles::dataFolder());
    open->setNameFilter(tr("Trailscope cases (*.%1);;All files (*)").arg(QLatin1String(Core::CaseSchema::FileSuffix)));
    open->setFileMode(QFileDialog::ExistingFile);
    return open;
}

QFileDialog* CaseDialogs::importTrail(QWidget* parent)
{
    QFileDialog* import = dialog(parent, tr("Import Trail Files"));
    import->setFileMode(QFileDialog::ExistingFiles);
    import->setNameFilter(
        tr("CloudTrail logs (*.json.gz *.json *.jsonl *.gz *.zip *.tar *.tar.gz *.tgz);;All files (*)"));
    return import;
}

QFileDialog* CaseDialogs::newCase(QWidget* parent)
{
    QFileDialog* create = dialog(parent, tr("New Case"), CaseFiles::dataFolder());
    create->setNameFilter(tr("Trailscope cases (*.%1)").arg(QLatin1String(Core::CaseSchema::FileSuffix)));
    create->setAcceptMode(QFileDialog::AcceptSave);
    create->setDefaultSuffix(QLatin1String(Core::CaseSchema::FileSuffix));
    return create;
}

} // namespace Trailscope::Ui
