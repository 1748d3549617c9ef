#pragma once

#include <QPlainTextEdit>
#include <QStringList>

class QCompleter;
class QStringListModel;

namespace Trailscope::Ui {

class SqlHighlighter;
class Kf6SqlHighlighter;

/// A Lake SQL editor: highlighting, completion of keywords, functions, fields and the case's key paths (as you
/// type a word of two characters or after a dot, or on Ctrl+Space), Ctrl+Enter to run, and an error marked where it
/// is in the text.
class SqlEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit SqlEditor(QWidget* parent = nullptr);

    /// The text to run: the selection when there is one, else everything; `offset` is where it starts.
    QString textToRun(int* offset = nullptr) const;
    /// The case's collected key paths (`requestParameters.bucketName`, arrays as `[*]`), offered and coloured.
    void setKeyPaths(const QStringList& keyPaths);
    /// Every word completion offers, in the order shown.
    QStringList completionWords() const;
    QCompleter* completer() const { return m_completer; }
    /// The help of the Lake function named by the word at `position` (its tooltip), or an empty string.
    QString helpAt(int position) const;
    SqlHighlighter* highlighter() const { return m_highlighter; }

    /// Underlines the word at `position` (a character offset of the document), moves the cursor there and keeps
    /// `message` as its tooltip, until the text changes.
    void showError(int position, const QString& message);
    void clearError();
    bool hasError() const { return m_errorPosition >= 0; }
    int errorPosition() const { return m_errorPosition; }

Q_SIGNALS:
    void runRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    QString wordBeforeCursor() const;
    void insertCompletion(const QString& word);
    void updateCompletion(bool forced);
    void rebuildWords();

    SqlHighlighter* m_highlighter;
    Kf6SqlHighlighter* m_kdeHighlighter = nullptr; // only where KF6 SyntaxHighlighting is built in
    QCompleter* m_completer;
    QStringListModel* m_words;
    QStringList m_keyPaths;
    int m_errorPosition = -1;
    QString m_errorMessage;
};

} // namespace Trailscope::Ui
