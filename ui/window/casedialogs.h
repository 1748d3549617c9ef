#pragma once

#include <QCoreApplication>

class QFileDialog;
class QWidget;

namespace Trailscope::Ui {

/// The file dialogs of the File menu, set up but not yet open: the caller connects what a choice does, then opens
/// it (window-modal, deleted on close).
class CaseDialogs
{
    Q_DECLARE_TR_FUNCTIONS(CaseDialogs)

public:
    /// File > Open Case: an existing case, or a trail archive (which then gets a case of its own).
    static QFileDialog* openCase(QWidget* parent);
    /// File > Import: trail files and archives, several at once.
    static QFileDialog* importTrail(QWidget* parent);
    /// File > New Case: a new case file name in the data folder.
    static QFileDialog* newCase(QWidget* parent);

private:
    static QFileDialog* dialog(QWidget* parent, const QString& title, const QString& folder = {});
};

} // namespace Trailscope::Ui
