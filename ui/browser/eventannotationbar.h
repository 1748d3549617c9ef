#pragma once

#include <QWidget>

#include <cstdint>

class QLineEdit;
class QToolButton;

namespace Trailscope::Ui {

/// Above the detail pane: the selected event's star and note. Edits are requested, not applied: the window sends
/// them to the case's analyst worker and shows what it confirms.
class EventAnnotationBar : public QWidget
{
    Q_OBJECT

public:
    explicit EventAnnotationBar(QWidget* parent = nullptr);

    /// Shows the event's mark; -1 disables the bar.
    void setEvent(std::int64_t eventRowId, bool starred, const QString& note);
    std::int64_t eventRowId() const { return m_rowId; }
    bool isStarred() const;
    QString note() const;
    QToolButton* starButton() const { return m_star; }
    QLineEdit* noteEdit() const { return m_note; }

Q_SIGNALS:
    void starToggled(std::int64_t eventRowId, bool starred);
    void noteEdited(std::int64_t eventRowId, const QString& note);

private:
    std::int64_t m_rowId = -1;
    QString m_savedNote;
    QToolButton* m_star = nullptr;
    QLineEdit* m_note = nullptr;
};

} // namespace Trailscope::Ui
