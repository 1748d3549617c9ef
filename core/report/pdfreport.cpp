#include "pdfreport.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>

#include <algorithm>
#include <numeric>

namespace Trailscope::Core::Report {

namespace {

constexpr int Resolution = 300;
constexpr int CellLines = 4; // a table cell wraps to this many lines, then is cut with an ellipsis
const QColor Accent(0x1f, 0x4e, 0x79);
const QColor Muted(0x4b, 0x55, 0x63);
const QColor Stripe(0xf3, 0xf6, 0xf9);
const QColor Rule(0xd1, 0xd5, 0xdb);

enum class Face { Title, Subtitle, Heading, Body, Note, Cell, HeaderCell, Footer };

QFont fontOf(Face face)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    switch (face) {
    case Face::Title:
        font.setPointSizeF(26);
        font.setBold(true);
        break;
    case Face::Subtitle:
        font.setPointSizeF(12);
        break;
    case Face::Heading:
        font.setPointSizeF(14);
        font.setBold(true);
        break;
    case Face::Body:
        font.setPointSizeF(9.5);
        break;
    case Face::Note:
        font.setPointSizeF(8);
        font.setItalic(true);
        break;
    case Face::Cell:
        font.setPointSizeF(6);
        break;
    case Face::HeaderCell:
        font.setPointSizeF(6);
        font.setBold(true);
        break;
    case Face::Footer:
        font.setPointSizeF(7);
        break;
    }
    return font;
}

// One thing to paint on a page, at a place the layout chose.
struct PaintOp
{
    enum class Kind { Text, Fill, Line, Image };
    Kind kind = Kind::Text;
    QRectF rect;
    QString text;
    Face face = Face::Body;
    QColor color = Qt::black;
    const QImage* image = nullptr;
};

using Page = std::vector<PaintOp>;

// Wrapped text: its height in a width and, when it needs more than `maxLines`, the part that fits with an ellipsis.
struct WrappedText
{
    QString text;
    double height = 0;
};

class Layout
{
public:
    explicit Layout(QPdfWriter& writer) : m_device(writer)
    {
        const QRectF paint = writer.pageLayout().paintRectPixels(Resolution);
        m_width = paint.width();
        m_footer = QFontMetricsF(fontOf(Face::Footer), &m_device).height() * 2;
        m_bottom = paint.height() - m_footer;
        m_gap = QFontMetricsF(fontOf(Face::Body), &m_device).height() * 0.6;
        for (int i = 0; i <= static_cast<int>(Face::Footer); ++i)
            m_metrics.emplace_back(fontOf(static_cast<Face>(i)), &m_device);
    }

    std::vector<Page> pages(const ReportDocument& document, const std::atomic<bool>* cancelled)
    {
        titlePage(document);
        for (const ReportSection& section : document.sections) {
            if (cancelled && cancelled->load())
                return {};
            this->section(section);
        }
        return std::move(m_pages);
    }

    double width() const { return m_width; }
    double bottom() const { return m_bottom; }
    double footerHeight() const { return m_footer; }

private:
    const QFontMetricsF& metrics(Face face) const { return m_metrics[static_cast<std::size_t>(face)]; }

    void newPage()
    {
        m_pages.emplace_back();
        m_y = 0;
    }

    Page& page() { return m_pages.back(); }

    void ensureRoom(double height)
    {
        if (m_y > 0 && m_y + height > m_bottom)
            newPage();
    }

    WrappedText wrap(const QString& text, Face face, double width, int maxLines) const
    {
        QString flat = text;
        flat.replace(u'\n', u' ').replace(u'\r', u' ').replace(u'\t', u' ');
        QTextLayout layout(flat, fontOf(face), const_cast<QPdfWriter*>(&m_device));
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        layout.beginLayout();
        int lines = 0;
        int end = 0;
        bool cut = false;
        for (;;) {
            QTextLine line = layout.createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(width);
            if (lines == maxLines) {
                cut = true;
                break;
            }
            ++lines;
            end = line.textStart() + line.textLength();
        }
        layout.endLayout();
        WrappedText wrapped{flat, std::max(1, lines) * metrics(face).height()};
        if (cut) {
            // The last line gives room for the ellipsis by losing as many characters as the ellipsis is wide.
            const int room = std::max(1, static_cast<int>(metrics(face).horizontalAdvance(QStringLiteral("\u2026")) /
                                                          std::max(1.0, metrics(face).averageCharWidth())) +
                                             1);
            wrapped.text = flat.left(std::max(0, end - room)) + QStringLiteral("\u2026");
        }
        return wrapped;
    }

    void text(const QString& text, Face face, QColor color = Qt::black, double indent = 0)
    {
        const WrappedText wrapped = wrap(text, face, m_width - indent, 40);
        ensureRoom(wrapped.height);
        page().push_back({PaintOp::Kind::Text, QRectF(indent, m_y, m_width - indent, wrapped.height), wrapped.text,
                          face, color, nullptr});
        m_y += wrapped.height;
    }

    void titlePage(const ReportDocument& document)
    {
        newPage();
        m_y = m_bottom * 0.28;
        text(document.title, Face::Title, Accent);
        m_y += m_gap;
        page().push_back({PaintOp::Kind::Line, QRectF(0, m_y, m_width * 0.6, 0), {}, Face::Body, Accent, nullptr});
        m_y += m_gap * 2;
        for (const QString& line : document.titleLines)
            text(line, Face::Subtitle, Muted);
        m_y += m_gap * 3;
        text(QStringLiteral("Contents"), Face::Heading, Accent);
        for (const ReportSection& section : document.sections)
            text(section.heading, Face::Body, Qt::black, m_width * 0.02);
        newPage();
    }

    void section(const ReportSection& section)
    {
        // A heading is never the last thing on a page.
        ensureRoom(metrics(Face::Heading).height() * 1.5 + metrics(Face::Body).height() * 3);
        if (m_y > 0)
            m_y += m_gap * 2;
        text(section.heading, Face::Heading, Accent);
        page().push_back({PaintOp::Kind::Line, QRectF(0, m_y + 2, m_width, 0), {}, Face::Body, Accent, nullptr});
        m_y += m_gap;
        for (const QString& paragraph : section.paragraphs) {
            text(paragraph, Face::Body);
            m_y += m_gap * 0.5;
        }
        if (!section.image.isNull())
            image(section.image, section.imageCaption);
        for (const ReportTable& table : section.tables)
            this->table(table);
    }

    void image(const QImage& image, const QString& caption)
    {
        const double height = m_width * image.height() / std::max(1, image.width());
        ensureRoom(height + metrics(Face::Note).height());
        page().push_back({PaintOp::Kind::Image, QRectF(0, m_y, m_width, height), {}, Face::Body, Qt::black, &image});
        m_y += height + m_gap * 0.3;
        text(caption, Face::Note, Muted);
        m_y += m_gap;
    }

    // CSS's automatic table layout: each column between its narrowest (its longest word, so an event ID or an
    // account id never breaks; at most a sixth of the page, so an ARN may) and its natural width (the text on one
    // line), the room beyond the narrowest shared in proportion to what each column would still take. Both are the
    // 95th percentile of the first rows, so one odd value does not make every row wrap.
    std::vector<double> columnWidths(const ReportTable& table) const
    {
        constexpr std::size_t SampledRows = 2000;
        const std::size_t columns = static_cast<std::size_t>(table.header.size());
        const std::size_t sampled = std::min(SampledRows, table.rows.size());
        std::vector<double> narrowest(columns, 0), natural(columns, 0);
        const auto percentile = [](std::vector<double>& values) {
            if (values.empty())
                return 0.0;
            const auto at = values.begin() + static_cast<std::ptrdiff_t>(values.size() * 95 / 100);
            std::nth_element(values.begin(), at, values.end());
            return *at;
        };
        for (std::size_t i = 0; i < columns; ++i) {
            for (const QString& word : table.header[static_cast<qsizetype>(i)].split(u' '))
                narrowest[i] = std::max(narrowest[i], metrics(Face::HeaderCell).horizontalAdvance(word));
            std::vector<double> lines, words;
            for (std::size_t r = 0; r < sampled; ++r) {
                const QStringList& cells = table.rows[r];
                if (i >= static_cast<std::size_t>(cells.size()))
                    continue;
                const QString& cell = cells[static_cast<qsizetype>(i)];
                lines.push_back(metrics(Face::Cell).horizontalAdvance(cell));
                double longest = 0;
                for (const QString& word : cell.split(u' ', Qt::SkipEmptyParts))
                    longest = std::max(longest, metrics(Face::Cell).horizontalAdvance(word));
                words.push_back(longest);
            }
            // A character's width of slack: the layout's line breaking and the metrics' advance differ a little.
            const double slack = 2 * padding() + metrics(Face::Cell).averageCharWidth();
            narrowest[i] = std::max(narrowest[i], std::min(percentile(words), m_width / 6)) + slack;
            natural[i] = std::max(narrowest[i], percentile(lines) + slack);
        }
        const double least = std::accumulate(narrowest.begin(), narrowest.end(), 0.0);
        const double most = std::accumulate(natural.begin(), natural.end(), 0.0);
        if (least > m_width)
            return cappedAt(narrowest, m_width);
        std::vector<double> widths(columns);
        for (std::size_t i = 0; i < columns; ++i) {
            widths[i] = most <= m_width
                            ? natural[i] * m_width / most
                            : narrowest[i] + (natural[i] - narrowest[i]) * (m_width - least) / (most - least);
        }
        return widths;
    }

    // The widths capped at the one level where they add up to `total`: the narrow columns keep their width, the
    // widest ones (an ARN, a long name) give way.
    static std::vector<double> cappedAt(std::vector<double> widths, double total)
    {
        std::vector<double> sorted = widths;
        std::sort(sorted.begin(), sorted.end());
        double cap = total / static_cast<double>(sorted.size());
        double below = 0;
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            const double level = (total - below) / static_cast<double>(sorted.size() - i);
            if (sorted[i] > level) {
                cap = level;
                break;
            }
            below += sorted[i];
            cap = sorted[i];
        }
        for (double& width : widths)
            width = std::min(width, cap);
        return widths;
    }

    // A row's cells wrapped in their widths; its height the tallest cell's plus padding.
    std::pair<std::vector<WrappedText>, double> row(const QStringList& cells, const std::vector<double>& widths,
                                                    Face face) const
    {
        std::vector<WrappedText> wrapped;
        double height = metrics(face).height();
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const QString cell =
                i < static_cast<std::size_t>(cells.size()) ? cells[static_cast<qsizetype>(i)] : QString();
            wrapped.push_back(wrap(cell, face, widths[i] - 2 * padding(), CellLines));
            height = std::max(height, wrapped.back().height);
        }
        return {std::move(wrapped), height + 2 * padding()};
    }

    double padding() const { return metrics(Face::Cell).height() * 0.2; }

    void placeRow(const std::vector<WrappedText>& cells, const std::vector<double>& widths, double height, Face face,
                  QColor background, QColor color)
    {
        if (background.isValid())
            page().push_back({PaintOp::Kind::Fill, QRectF(0, m_y, m_width, height), {}, face, background, nullptr});
        double x = 0;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            page().push_back({PaintOp::Kind::Text,
                              QRectF(x + padding(), m_y + padding(), widths[i] - 2 * padding(), height - 2 * padding()),
                              cells[i].text, face, color, nullptr});
            x += widths[i];
        }
        m_y += height;
        page().push_back({PaintOp::Kind::Line, QRectF(0, m_y, m_width, 0), {}, face, Rule, nullptr});
    }

    void table(const ReportTable& table)
    {
        if (!table.caption.isEmpty()) {
            ensureRoom(metrics(Face::Body).height() * 4);
            text(table.caption, Face::Body);
            m_y += m_gap * 0.5;
        }
        const std::vector<double> widths = columnWidths(table);
        const auto [header, headerHeight] = row(table.header, widths, Face::HeaderCell);
        bool striped = false;
        bool headed = false;
        for (const QStringList& cells : table.rows) {
            const auto [wrapped, height] = row(cells, widths, Face::Cell);
            if (!headed || m_y + height > m_bottom) {
                ensureRoom(headerHeight + height);
                placeRow(header, widths, headerHeight, Face::HeaderCell, Accent, Qt::white);
                headed = true;
            }
            placeRow(wrapped, widths, height, Face::Cell, striped ? Stripe : QColor(), Qt::black);
            striped = !striped;
        }
        if (!headed) {
            ensureRoom(headerHeight);
            placeRow(header, widths, headerHeight, Face::HeaderCell, Accent, Qt::white);
        }
        m_y += m_gap * 0.3;
        if (!table.note.isEmpty())
            text(table.note, Face::Note, Muted);
        m_y += m_gap;
    }

    QPdfWriter& m_device;
    std::vector<QFontMetricsF> m_metrics;
    std::vector<Page> m_pages;
    double m_width = 0, m_bottom = 0, m_footer = 0, m_gap = 0, m_y = 0;
};

void paintOp(QPainter& painter, const PaintOp& op)
{
    switch (op.kind) {
    case PaintOp::Kind::Text: {
        painter.setFont(fontOf(op.face));
        painter.setPen(op.color);
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        painter.drawText(op.rect, op.text, option);
        break;
    }
    case PaintOp::Kind::Fill:
        painter.fillRect(op.rect, op.color);
        break;
    case PaintOp::Kind::Line:
        painter.setPen(QPen(op.color, 2));
        painter.drawLine(op.rect.topLeft(), op.rect.topRight());
        break;
    case PaintOp::Kind::Image:
        painter.drawImage(op.rect, *op.image);
        break;
    }
}

void paintFooter(QPainter& painter, const Layout& layout, const ReportDocument& document, int page, int pages)
{
    const QRectF footer(0, layout.bottom() + layout.footerHeight() * 0.4, layout.width(), layout.footerHeight() * 0.6);
    painter.setFont(fontOf(Face::Footer));
    painter.setPen(Muted);
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom,
                     QStringLiteral("%1 \u2014 %2").arg(document.title, document.generatedAt));
    painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom, QStringLiteral("Page %1 of %2").arg(page).arg(pages));
}

} // namespace

Result<int> writePdf(const ReportDocument& document, QIODevice& device, const PdfOptions& options)
{
    QPdfWriter writer(&device);
    writer.setResolution(Resolution);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(12, 12, 12, 10), QPageLayout::Millimeter);
    writer.setTitle(document.title);
    writer.setCreator(QStringLiteral("Trailscope"));
    Layout layout(writer);
    const std::vector<Page> pages = layout.pages(document, options.cancelled);
    if (pages.empty())
        return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("report cancelled")});
    QPainter painter;
    if (!painter.begin(&writer))
        return std::unexpected(Error{ErrorCode::Io, QStringLiteral("cannot start the PDF")});
    const int count = static_cast<int>(pages.size());
    for (int i = 0; i < count; ++i) {
        if (options.cancelled && options.cancelled->load()) {
            painter.end();
            return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("report cancelled")});
        }
        if (i > 0)
            writer.newPage();
        for (const PaintOp& op : pages[static_cast<std::size_t>(i)])
            paintOp(painter, op);
        if (i > 0)
            paintFooter(painter, layout, document, i + 1, count);
        if (options.progress)
            options.progress(i + 1, count);
    }
    if (!painter.end())
        return std::unexpected(Error{ErrorCode::Io, QStringLiteral("cannot finish the PDF")});
    return count;
}

} // namespace Trailscope::Core::Report
