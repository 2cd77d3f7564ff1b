"""A short self-check at the end of a lesson: pick an answer, see whether it is right, and why.

Every choice carries its own reason, so a wrong pick teaches as much as a right one, and a
learner who guessed right still reads why. The questions are data in toyqueue/quizzes.py
(tests/unit/test_quizzes.py checks their answers against the toy); this is only the view. Its
repr is one line naming the lesson and counting the questions, so a notebook stores nothing
that changes between runs.

    from toyqueue.widgets import quiz
    quiz("06")
"""
import html

import ipywidgets as W
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from toyqueue.i18n import mark, tr   # the questions too: toyqueue/korean.py holds their Korean

RIGHT, WRONG = mark("Right."), mark("Not quite.")


class Quiz(W.VBox):
    def __init__(self, questions, lesson=""):
        self.questions, self.lesson = list(questions), lesson
        self.buttons, self.feedback = [], []
        self.said = [""] * len(self.questions)      # the feedback as plain text, per question
        # One layout and one style shared by all children: a notebook saves every widget model,
        # and per-child defaults would triple what the quiz adds to it.
        layout, html_style = W.Layout(width="auto"), HTMLStyle()
        radio_style = DescriptionStyle()
        text = lambda value="": W.HTML(value, layout=layout, style=html_style)   # noqa: E731
        rows = [text(tr("<b>Check yourself</b>: pick an answer; the reason appears below it."))]
        for n, q in enumerate(self.questions, start=1):
            buttons = W.RadioButtons(options=[tr(c) for c, _ in q.choices], value=None,
                                     layout=layout, style=radio_style)
            feedback = text()
            feedback.add_class("toyqueue-quiz-feedback")
            buttons.observe(lambda change, i=n - 1: self._answered(i, change["new"]), names="index")
            self.buttons.append(buttons)
            self.feedback.append(feedback)
            rows += [text(f"<b>{n}.</b> {html.escape(tr(q.text))}"), buttons, feedback]
        super().__init__(children=rows, layout=layout)
        self.add_class("toyqueue-quiz")

    @staticmethod
    def verdict(q, index):
        """(right?, the words shown) for choosing `index` in question `q`."""
        right = index == q.answer
        return right, f"{tr(RIGHT) if right else tr(WRONG)} {tr(q.choices[index][1])}"

    def _answered(self, i, index):
        if index is None:
            self.said[i] = self.feedback[i].value = ""
            return
        right, words = self.verdict(self.questions[i], index)
        color, mark = ("#1a7f37", "&#10004;") if right else ("#b42318", "&#10008;")
        self.said[i] = words
        self.feedback[i].value = f'<span style="color:{color}">{mark} {html.escape(words)}</span>'

    def choose(self, question, choice):
        """Pick `choice` (an index) in question number `question` (from 0), as a click would;
        returns the feedback the learner sees."""
        self.buttons[question].index = choice
        return self.said[question]

    def __repr__(self):
        return f"Quiz({self.lesson!r}, {len(self.questions)} questions)"


def quiz(lesson):
    """The end-of-lesson quiz for lesson "NN"."""
    from toyqueue.quizzes import QUIZZES
    return Quiz(QUIZZES[lesson], lesson=lesson)
