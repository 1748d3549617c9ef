#include "htmlreport.h"

#include <QBuffer>

namespace Trailscope::Core::Report {

namespace {

// Print-friendly and plain: an incident lead opens it in a browser, prints it, or forwards it.
constexpr auto Style = R"(
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 13px; color: #1d2125;
       margin: 2em auto; max-width: 1400px; padding: 0 1.5em; }
h1 { font-size: 26px; margin-bottom: 0.2em; }
.titleLines { color: #4b5563; margin-top: 0; }
h2 { font-size: 18px; border-bottom: 2px solid #1f4e79; padding-bottom: 0.2em; margin-top: 2em; color: #1f4e79; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th { background: #1f4e79; color: #fff; text-align: left; padding: 4px 6px; }
td { border-bottom: 1px solid #d1d5db; padding: 3px 6px; vertical-align: top; word-break: break-word; }
tr:nth-child(even) td { background: #f3f6f9; }
.note { color: #4b5563; font-style: italic; }
img { max-width: 100%; border: 1px solid #d1d5db; }
footer { color: #6b7280; font-size: 11px; margin-top: 3em; border-top: 1px solid #d1d5db; padding-top: 0.5em; }
@media print { thead { display: table-header-group; } tr { page-break-inside: avoid; } }
)";

QString pngDataUrl(const QImage& image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

void appendTable(QString& html, const ReportTable& table)
{
    if (!table.caption.isEmpty())
        html += QStringLiteral("<p>") + htmlText(table.caption) + QStringLiteral("</p>\n");
    html += QStringLiteral("<table>\n<thead><tr>");
    for (const QString& title : table.header)
        html += QStringLiteral("<th>") + htmlText(title) + QStringLiteral("</th>");
    html += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const QStringList& row : table.rows) {
        html += QStringLiteral("<tr>");
        for (const QString& cell : row)
            html += QStringLiteral("<td>") + htmlText(cell) + QStringLiteral("</td>");
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</tbody>\n</table>\n");
    if (!table.note.isEmpty())
        html += QStringLiteral("<p class=\"note\">") + htmlText(table.note) + QStringLiteral("</p>\n");
}

void appendSection(QString& html, const ReportSection& section)
{
    html += QStringLiteral("<section id=\"%1\">\n<h2>").arg(htmlText(section.id)) + htmlText(section.heading) +
            QStringLiteral("</h2>\n");
    for (const QString& paragraph : section.paragraphs)
        html += QStringLiteral("<p>") + htmlText(paragraph) + QStringLiteral("</p>\n");
    if (!section.image.isNull())
        html +=
            QStringLiteral("<figure><img src=\"%1\" alt=\"%2\"><figcaption class=\"note\">%2</figcaption></figure>\n")
                .arg(pngDataUrl(section.image), htmlText(section.imageCaption));
    for (const ReportTable& table : section.tables)
        appendTable(html, table);
    html += QStringLiteral("</section>\n");
}

} // namespace

QString htmlText(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            escaped += QStringLiteral("&amp;");
            break;
        case u'<':
            escaped += QStringLiteral("&lt;");
            break;
        case u'>':
            escaped += QStringLiteral("&gt;");
            break;
        case u'"':
            escaped += QStringLiteral("&quot;");
            break;
        case u'\'':
            escaped += QStringLiteral("&#39;");
            break;
        case u'\t':
        case u'\n':
        case u'\r':
            escaped += c;
            break;
        default:
            escaped += c.unicode() < 0x20 || c.unicode() == 0x7f ? QChar(QChar::ReplacementCharacter) : c;
        }
    }
    return escaped;
}

QByteArray renderHtml(const ReportDocument& document)
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                  "img-src data:; style-src 'unsafe-inline'\">\n"
                                  "<meta name=\"generator\" content=\"Trailscope\">\n<title>");
    html += htmlText(document.title) + QStringLiteral("</title>\n<style>") + QLatin1String(Style) +
            QStringLiteral("</style>\n</head>\n<body>\n<header>\n<h1>") + htmlText(document.title) +
            QStringLiteral("</h1>\n");
    for (const QString& line : document.titleLines)
        html += QStringLiteral("<p class=\"titleLines\">") + htmlText(line) + QStringLiteral("</p>\n");
    html += QStringLiteral("</header>\n");
    for (const ReportSection& section : document.sections)
        appendSection(html, section);
    html += QStringLiteral("<footer>") +
            htmlText(QStringLiteral("Made by Trailscope on %1.").arg(document.generatedAt)) +
            QStringLiteral("</footer>\n</body>\n</html>\n");
    return html.toUtf8();
}

} // namespace Trailscope::Core::Report
