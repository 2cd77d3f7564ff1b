"""toyqueue.i18n: the course language is what the notebook sets, never the machine's locale, and
every learner-facing string has its Korean, with the same fields and the same numbers."""
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from toyqueue import fonts, i18n
from toyqueue.i18n import tr

ROOT = Path(__file__).resolve().parents[2]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture
def korean():
    """Korean for one test, then English again (the language is process-wide)."""
    import matplotlib

    with matplotlib.rc_context():        # set_language("ko") adds a Korean font to matplotlib's
        i18n.set_language("ko")
        try:
            yield
        finally:
            i18n.set_language("en")


def test_the_korean_catalogue_is_complete_and_has_nothing_unused():
    assert i18n.problems("ko") == []


def test_the_korean_catalogue_has_each_english_string_once():
    """Translators add their lessons' strings side by side; a key written twice would silently
    keep only the last Korean of it, for every lesson that shows it."""
    import ast

    tree = ast.parse((ROOT / "toyqueue" / "korean.py").read_text(encoding="utf-8"))
    messages = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                    and node.targets[0].id == "MESSAGES")
    lines = {}
    for key in messages.keys:
        lines.setdefault(key.value, []).append(key.lineno)
    assert {text: at for text, at in lines.items() if len(at) > 1} == {}


def test_every_string_toyqueue_shows_is_found_by_the_scan():
    found = {text for _, _, text in i18n.strings()}
    assert {"visibility timeout (s)", "play / pause", "All set!", "{n:,} shipped"} <= found


def test_problems_name_missing_and_mismatched_translations(monkeypatch):
    monkeypatch.setattr(i18n, "catalogue", lambda code: {"deleted": "삭제됨", "{n:,} shipped": "{count}건 배송",
                                                          "gone": "사라짐"})
    found = i18n.problems("ko")
    assert any("no ko translation of 'visibility timeout (s)'" in p for p in found)
    assert any("'{n:,} shipped' fills in ['count'], the English ['n']" in p for p in found)
    assert any("'gone' is not used any more" in p for p in found)
    assert not any("'deleted'" in p for p in found)


def test_a_lessons_data_is_required_once_the_lesson_is_translated(monkeypatch):
    """Quiz questions are a lesson's text: required in Korean once its source is not pending."""
    monkeypatch.setattr(i18n, "data_strings", lambda: [("toyqueue/quizzes.py", 9, "Untranslated?", "01")])
    monkeypatch.setattr(i18n, "lesson_pending", lambda lesson, code: True)
    assert not any("Untranslated?" in p for p in i18n.problems("ko"))
    monkeypatch.setattr(i18n, "lesson_pending", lambda lesson, code: False)
    assert "toyqueue/quizzes.py:9: no ko translation of 'Untranslated?'" in i18n.problems("ko")


def test_a_string_two_lessons_share_is_required_when_either_is_translated(monkeypatch):
    """A shared answer ("10", say) is required once any lesson that shows it has Korean."""
    monkeypatch.setattr(i18n, "data_strings", lambda: [("toyqueue/quizzes.py", 9, "Shared?", "01"),
                                                       ("toyqueue/quizzes.py", 20, "Shared?", "02")])
    monkeypatch.setattr(i18n, "lesson_pending", lambda lesson, code: lesson == "01")
    assert "toyqueue/quizzes.py:9: no ko translation of 'Shared?'" in i18n.problems("ko")


def test_the_glossary_and_the_quizzes_are_translatable_data():
    lessons = {lesson for *_, lesson in i18n.data_strings()}
    assert lessons == {"11"} | {f"{n:02d}" for n in range(1, 11)}
    assert ("toyqueue/glossary.py", "Security") in {(path, text) for path, _, text, _ in i18n.data_strings()}
    assert not i18n.lesson_pending("11", "ko")


def test_a_lesson_is_pending_while_its_source_says_so(tmp_path, monkeypatch):
    lessons = tmp_path / "sources" / "lessons"
    lessons.mkdir(parents=True)
    (lessons / "98_waiting.py").write_text("# ko: pending\n\n# %% [markdown]\n# Untranslated.\n")
    (lessons / "99_done.py").write_text("# Translated.\n\n# %% [markdown]\n# Done.\n")
    monkeypatch.setattr(i18n, "ROOT", tmp_path)
    assert i18n.lesson_pending("98", "ko") and not i18n.lesson_pending("99", "ko")
    assert not i18n.lesson_pending("97", "ko"), "no such lesson: nothing waits for it"


def test_the_quiz_speaks_korean(korean):
    from toyqueue.quizzes import QUIZZES
    from toyqueue.widgets import quiz

    q = quiz("01")
    assert "스스로 확인하기" in q.children[0].value
    right = QUIZZES["01"][0].answer
    assert q.choose(0, right).startswith("맞습니다. ")


def test_english_by_default_and_korean_once_the_notebook_says_so(korean):
    assert i18n.language() == "ko"
    assert tr("visible (waiting)") == "표시됨 (대기 중)"
    assert tr("{n:,} shipped", n=1234) == "1,234건 배송"
    assert tr("a string no catalogue has, {x}", x=1) == "a string no catalogue has, 1"


def test_english_text_is_its_own_key():
    assert i18n.language() == "en"
    assert tr("visible (waiting)") == "visible (waiting)"
    assert tr("{n:,} shipped", n=1234) == "1,234 shipped"
    assert tr("{braces} stay as written without fields") == "{braces} stay as written without fields"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown course language 'fr'"):
        i18n.set_language("fr")
    assert i18n.language() == "en"


def test_the_machine_locale_does_not_choose_the_language():
    env = {**os.environ, "LANG": "ko_KR.UTF-8", "LC_ALL": "ko_KR.UTF-8", "LANGUAGE": "ko",
           "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", "from toyqueue import i18n; "
                          "print(i18n.language(), i18n.tr('deleted'))"],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["en", "deleted"]


def test_notebook_finds_the_edition_of_the_course_language(korean, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT / "notebooks" / "ko")
    assert i18n.course_root() == ROOT
    assert i18n.notebook("notebooks", "00_setup") == ROOT / "notebooks" / "ko" / "00_setup.ipynb"
    # A lesson with no translation yet (made up here: every lesson of the course has its Korean).
    course = tmp_path.resolve() / "course"
    (course / "notebooks" / "ko").mkdir(parents=True)
    (course / "notebooks" / "99_new_lesson.ipynb").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(course / "notebooks" / "ko")
    assert i18n.notebook("notebooks", "99_new_lesson") == course / "notebooks" / "99_new_lesson.ipynb", \
        "no translation yet: the English one"


# ------------------------------------------------------------------ the widgets in Korean

def _svg_numbers(svg):
    return re.findall(r'data-(?:lane|count|state|consumer|message)="([^"]*)"', svg)


def test_queue_view_speaks_korean_with_the_same_numbers(korean):
    from toyqueue.widgets import QueueView

    view = QueueView()
    korean_svg = view.svg
    labels = [view.visibility.description, view.step_button.description, view.play.description]
    assert labels == ["가시성 제한 시간 (초)", "한 단계 ▶|", "재생 / 일시 정지"]
    assert "소비자" in korean_svg and "표시됨 (대기 중)" in korean_svg
    assert "visible (waiting)" not in korean_svg
    i18n.set_language("en")
    english_svg = QueueView().svg
    assert "visible (waiting)" in english_svg and not HANGUL.search(
        english_svg.replace("소비자", "").replace("Nanum", "")), "English stays English"
    assert _svg_numbers(korean_svg) == _svg_numbers(english_svg)


def test_every_view_has_korean_labels(korean):
    from toyqueue.widgets import AutoscalingView, SyncAsyncView

    sync = SyncAsyncView()
    assert sync.spike.description == "급증 (요청/초)" and "구매" in sync.svg
    scaling = AutoscalingView()
    assert [label for label, _ in scaling.policy.options] == ["둘 다", "단계 조정 (강의)", "대상 추적 (AWS)"]
    assert scaling.policy.value == "both", "the policy's value stays the English key"
    assert "경보 임계값" in scaling.svg


def english_left(view):
    """Texts of a view (its picture's <text> elements, its controls' labels and options) that still
    read as English: two or more lowercase English words."""
    import html

    def labels(widget):
        out = [getattr(widget, "description", "") or ""]
        out += [o[0] if isinstance(o, tuple) else str(o) for o in getattr(widget, "options", ()) or ()]
        for child in getattr(widget, "children", ()):
            out += labels(child)
        return out

    texts = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", view.svg)] + labels(view)
    return [t for t in texts if len(re.findall(r"\b[a-z]{3,}\b", t)) >= 2]


def test_no_english_left_in_the_korean_views(korean):
    """A label added later without tr() shows up here, in whichever view it is."""
    from toyqueue.widgets import AutoscalingView, QueueView, SyncAsyncView

    for view in (QueueView(), QueueView(messages=1000), QueueView(realistic=True), SyncAsyncView(),
                 AutoscalingView()):
        if isinstance(view, QueueView):
            view.show(5)                  # consumers busy, events in the log
        assert english_left(view) == [], type(view).__name__


def test_svg_pictures_name_a_font_with_hangul():
    from toyqueue.widgets import QueueView

    assert "'NanumGothic'" in QueueView().svg
    assert "NanumGothicCoding" in QueueView().svg, "the event log's monospace font too"


def test_matplotlib_figures_draw_hangul(korean):
    """No 'Glyph missing' warning: a Korean font is installed (CI installs fonts-nanum) and used."""
    if fonts.hangul_font() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("no Korean font for matplotlib: .ci/run installs fonts-nanum")
        pytest.skip("no Korean font installed here (apt-get install fonts-nanum); CI has one")
    import io

    from toyqueue.sim.tiers import simulate
    from toyqueue.widgets import plot_tiers

    fig = plot_tiers(simulate(), tr("The spike: web tier, queue, GPU tier"))
    assert fig.get_suptitle() == "급증: 웹 계층, 대기열, GPU 계층"
    assert "계층 사이의 대기열이 급증을 흡수" in [ax.get_title(loc="left") for ax in fig.axes]
    with warnings.catch_warnings():
        warnings.simplefilter("error")            # "Glyph ... missing from font(s)" is a UserWarning
        fig.savefig(io.BytesIO(), format="png")
