#include "eventannotationbar.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace Trailscope::Ui {

EventAnnotationBar::EventAnnotationBar(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    m_star = new QToolButton(this);
    m_star->setObjectName(QStringLiteral("starButton"));
    m_star->setCheckable(true);
    m_star->setAutoRaise(true);
    m_star->setText(QStringLiteral("☆"));
    m_star->setToolTip(tr("Star this event (Ctrl+M); starred events can be shown alone and feed reports"));
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setPlaceholderText(tr("Add a note to this event…"));
    m_note->setClearButtonEnabled(true);
    layout->addWidget(m_star);
    layout->addWidget(m_note, 1);
    connect(m_star, &QToolButton::toggled, this,
            [this](bool on) { m_star->setText(on ? QStringLiteral("★") : QStringLiteral("☆")); });
    connect(m_star, &QToolButton::clicked, this, [this](bool on) {
        if (m_rowId >= 0)
            Q_EMIT starToggled(m_rowId, on);
    });
    connect(m_note, &QLineEdit::editingFinished, this, [this] {
        if (m_rowId >= 0 && m_note->text() != m_savedNote) {
            m_savedNote = m_note->text();
            Q_EMIT noteEdited(m_rowId, m_savedNote);
        }
    });
    setEvent(-1, false, {});
}

void EventAnnotationBar::setEvent(std::int64_t eventRowId, bool starred, const QString& note)
{
    m_rowId = eventRowId;
    m_savedNote = note;
    const QSignalBlocker blockStar(m_star);
    m_star->setChecked(starred);
    m_star->setText(starred ? QStringLiteral("★") : QStringLiteral("☆"));
    if (!m_note->hasFocus() || m_note->text() != note)
        m_note->setText(note);
    m_star->setEnabled(eventRowId >= 0);
    m_note->setEnabled(eventRowId >= 0);
}

bool EventAnnotationBar::isStarred() const
{
    return m_star->isChecked();
}

QString EventAnnotationBar::note() const
{
    return m_note->text();
}

} // namespace Trailscope::Ui
