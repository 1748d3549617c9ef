#pragma once

#include <QImage>
#include <QString>
#include <QStringList>

#include <vector>

namespace Trailscope::Core::Report {

/// A table of a report: a header and rows of text; each renderer sizes the columns to their text.
struct ReportTable
{
    QString caption; ///< said above the table
    QStringList header;
    std::vector<QStringList> rows;
    QString note; ///< said under the table: "the first 10,000 of 52,113 events", "and 412 more files"
};

/// One section of a report: a heading, paragraphs, an image, tables, in that order.
struct ReportSection
{
    QString id; ///< `summary`, `sources`, `scope`, `timeline`, `findings`, `starred`, `events`
    QString heading;
    QStringList paragraphs;
    QImage image; ///< the timeline; null elsewhere
    QString imageCaption;
    std::vector<ReportTable> tables;
};

/// What a report says, whatever it is written as: the HTML and the PDF renderers take the same document, so the two
/// say the same thing.
struct ReportDocument
{
    QString title;
    QStringList titleLines; ///< under the title on the title page: the case, the scope, when it was made
    QString generatedAt;    ///< UTC, as the footer of each PDF page and the HTML's head say it
    std::vector<ReportSection> sections;
};

} // namespace Trailscope::Core::Report
