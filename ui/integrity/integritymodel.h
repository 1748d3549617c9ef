#pragma once

#include "integrity/integrityjob.h"
#include "integrity/integrityreport.h"

#include <QAbstractTableModel>

#include <vector>

namespace Trailscope::Ui {

/// The lines of a validation, in validate-logs' order (newest digest first, each followed by its log files, then the
/// files no digest lists): kind, file, result (the AWS CLI's words), chain, where the file lies. Invalid lines are
/// red; "problems only" keeps the invalid lines and the gaps.
class IntegrityModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Kind, File, Result, Chain, Location, ColumnCount };

    explicit IntegrityModel(QObject* parent = nullptr);

    void setReport(SharedIntegrityReport report);
    void setProblemsOnly(bool problemsOnly);
    const Core::Integrity::IntegrityEntry* entryAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// A line's text as the table shows it, for the CSV export.
    QString text(const Core::Integrity::IntegrityEntry& entry, int column) const;

private:
    void refilter();

    SharedIntegrityReport m_report;
    bool m_problemsOnly = false;
    std::vector<std::size_t> m_shown; ///< indices into the report's entries
};

} // namespace Trailscope::Ui
