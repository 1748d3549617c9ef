#pragma once

#include <QByteArray>
#include <QDialog>
#include <QList>
#include <QString>

#include <utility>

class QCheckBox;
class QLabel;
class QTableView;

namespace Trailscope::Ui {

class CompareModel;

/// Up to five events side by side (as the CloudTrail console offers), differing fields highlighted.
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    /// Each event as a label (its time and name, say) and its raw record; events past the fifth are left out.
    explicit CompareDialog(const QList<std::pair<QString, QByteArray>>& events, QWidget* parent = nullptr);

    CompareModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QCheckBox* onlyDifferencesBox() const { return m_onlyDifferences; }

private:
    void updateSummary();

    CompareModel* m_model;
    QTableView* m_view;
    QCheckBox* m_onlyDifferences;
    QLabel* m_summary;
};

} // namespace Trailscope::Ui
