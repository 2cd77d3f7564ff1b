"""The views in a real JupyterLab: the lessons run, each view renders, its controls change it.

For each view: open the lesson that shows it (notebooks/01_*, 06_*, 07_*; a scratch notebook
if that lesson does not exist yet or does not use the view), Run All, find the view, work
its controls and check the picture changes each time, and save a screenshot: to
test-results/screenshots/ on every run, and to docs/img/ (the README's pictures) when
TOYQUEUE_UPDATE_SCREENSHOTS=1, so an ordinary test run leaves the working tree clean. One more
test shows QueueView in Korean (the Korean edition's labels, drawn with a Hangul font).
"""

import os
import re
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IMG = ROOT / ("docs/img" if os.environ.get("TOYQUEUE_UPDATE_SCREENSHOTS") == "1" else "test-results/screenshots")

# (screenshot name, lesson glob, view class, code for a scratch notebook)
VIEWS = {
    "sync_async_view": ("01_*.ipynb", "SyncAsyncView",
                        "from toyqueue.widgets import SyncAsyncView\nSyncAsyncView()"),
    "queue_view": ("06_*.ipynb", "QueueView", "from toyqueue.widgets import QueueView\nQueueView()"),
    "autoscaling_view": ("07_*.ipynb", "AutoscalingView",
                         "from toyqueue.widgets import AutoscalingView\nAutoscalingView()"),
}


def scratch_notebook(lab_dir, name, code):
    """A one-view notebook, for when the lesson that shows the view does not exist yet."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(f"# scratch: {name}"),
                nbformat.v4.new_code_cell(code)]
    nbformat.write(nb, lab_dir / f"scratch_{name}.ipynb")
    return f"scratch_{name}.ipynb"


def lesson_for(cls):
    """The lesson notebook that displays `cls`, or None."""
    glob = next(g for g, c, _ in VIEWS.values() if c == cls)
    for path in sorted((ROOT / "notebooks").glob(glob)):
        if re.search(rf"^\s*{cls}\(", path.read_text(encoding="utf-8"), re.M) or \
                f'"{cls}(' in path.read_text(encoding="utf-8"):
            return path
    return None


@pytest.fixture(scope="session")
def notebooks(lab_dir):
    """Screenshot name -> notebook file name inside the lab directory (copied or scratch)."""
    import shutil

    chosen = {}
    for name, (_, cls, code) in VIEWS.items():
        lesson = lesson_for(cls)
        if lesson is not None:
            shutil.copy(lesson, lab_dir / lesson.name)
            chosen[name] = lesson.name
        else:
            chosen[name] = scratch_notebook(lab_dir, name, code)
    return chosen


@pytest.fixture
def page(browser, notebooks, jupyterlab):
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, device_scale_factor=1)
    pg = context.new_page()
    yield pg
    context.close()
    shut_down_kernels(*jupyterlab)


def shut_down_kernels(base, token):
    """One lesson's kernel at a time: the next test starts on a quiet machine."""
    import json
    import urllib.request

    with urllib.request.urlopen(f"{base}/api/kernels?token={token}", timeout=10) as r:
        kernels = json.load(r)
    for k in kernels:
        req = urllib.request.Request(f"{base}/api/kernels/{k['id']}?token={token}", method="DELETE")
        urllib.request.urlopen(req, timeout=30).read()


def run_all(page, base, token, notebook):
    """Open the notebook, wait for its kernel, clear the stored outputs (they hold saved widget
    state, which would render without a kernel behind it), then Run All."""
    # A workspace of its own, reset: only this notebook open, nothing restored from earlier tests.
    workspace = re.sub(r"\W", "", notebook)
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{notebook}?token={token}&reset")
    ready = page.locator(".jp-StatusBar-Widget", has_text=re.compile(r"ipykernel\) \| Idle"))
    connected = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    deadline = time.monotonic() + 120
    while not (ready.count() and connected.count()):
        select = page.get_by_role("button", name="Select", exact=True)
        if select.count() and select.first.is_visible():   # "Select Kernel": the notebook's own
            select.first.click()
        if time.monotonic() > deadline:
            raise AssertionError(f"no kernel for {notebook} after 120 s")
        time.sleep(0.3)
    time.sleep(1)
    menu(page, "Edit", r"^Clear Outputs of All Cells")
    outputs = page.locator(".jp-Notebook .jp-OutputArea-output")
    deadline = time.monotonic() + 20
    while outputs.count() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert outputs.count() == 0, "the stored outputs were not cleared"
    menu(page, "Run", r"^Run All Cells")


def menu(page, top, item):
    page.get_by_role("menuitem", name=top, exact=True).click()
    page.get_by_role("menuitem", name=re.compile(item)).click()


def wait_idle(page, timeout=120):
    """Until the kernel has run every cell (no cell shows [*] and the kernel is idle)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = page.locator(".jp-InputArea-prompt", has_text="[*]").count()
        idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").count()
        if not busy and idle:
            return
        time.sleep(0.25)
    raise AssertionError("the notebook was still running after %s s" % timeout)


def picture(view):
    return view.locator(".toyqueue-picture").inner_html()


def changes(view, action, what, timeout=15):
    """Do `action`; the picture must change within `timeout` seconds."""
    before = picture(view)
    action()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if picture(view) != before:
            return
        time.sleep(0.1)
    raise AssertionError(f"the picture did not change after: {what}")


def settles(view, shows, what, timeout=15):
    """The picture must come to show `what` within `timeout` seconds. `changes` alone is not
    enough here: on a loaded machine the change it sees can be the previous action's last
    redraw (the "start" button draws more than once), arriving before this action's own."""
    deadline = time.monotonic() + timeout
    while not shows(picture(view)):
        if time.monotonic() > deadline:
            raise AssertionError(f"the picture never showed: {what}")
        time.sleep(0.1)


def set_slider(view, description, value):
    """Type a value into an ipywidgets slider's readout (as a learner can)."""
    label = re.compile(rf"^{re.escape(description)}( \(.*\))?$")   # "spike" = "spike (messages/s)"
    box = view.locator(".widget-slider", has=view.page.locator(".widget-label", has_text=label))
    readout = box.locator(".widget-readout")
    readout.click()
    readout.press("Control+a")
    readout.type(str(value))
    readout.press("Enter")
    view.page.evaluate("document.activeElement && document.activeElement.blur()")


def click_button(view, text):
    view.locator("button", has_text=text).first.click()
    view.page.evaluate("document.activeElement && document.activeElement.blur()")


def play_a_little(view):
    view.locator(".widget-play button").first.click()   # play
    time.sleep(1.5)
    view.locator(".widget-play button").nth(1).click()  # pause


def open_view(page, jupyterlab, notebooks, name, cls, lab_dir):
    base, token = jupyterlab
    run_all(page, base, token, notebooks[name])
    view = page.locator(f".toyqueue-{cls.lower()}").first
    try:
        view.locator(".toyqueue-picture svg").wait_for(timeout=90_000)
        wait_idle(page)
    except Exception:
        page.screenshot(path=str(lab_dir / f"failed_{name}.png"))
        raise AssertionError(f"{cls} did not render in {notebooks[name]}; the page is in "
                             f"{lab_dir / f'failed_{name}.png'}")
    errors = page.locator("[data-mime-type='application/vnd.jupyter.error']")
    assert errors.count() == 0, errors.first.inner_text()[:2000]
    view.scroll_into_view_if_needed()
    return view


def shoot(view, name):
    IMG.mkdir(parents=True, exist_ok=True)
    view.page.mouse.move(0, 0)
    time.sleep(0.3)
    view.screenshot(path=str(IMG / f"{name}.png"), animations="disabled")
    assert (IMG / f"{name}.png").stat().st_size > 10_000


def test_sync_async_view(page, jupyterlab, notebooks, lab_dir):
    view = open_view(page, jupyterlab, notebooks, "sync_async_view", "SyncAsyncView", lab_dir)
    changes(view, lambda: set_slider(view, "spike", 600), "spike slider to 600")
    changes(view, lambda: set_slider(view, "spike", 1000), "spike slider back to 1000")
    changes(view, lambda: set_slider(view, "second", 14), "moving to second 14")
    changes(view, lambda: play_a_little(view), "play / pause")
    set_slider(view, "second", 13)
    time.sleep(0.5)
    shoot(view, "sync_async_view")


def test_queue_view(page, jupyterlab, notebooks, lab_dir):
    view = open_view(page, jupyterlab, notebooks, "queue_view", "QueueView", lab_dir)
    changes(view, lambda: click_button(view, "step"), "the step button")
    changes(view, lambda: play_a_little(view), "play / pause")
    changes(view, lambda: set_slider(view, "visibility timeout", 4), "visibility timeout to 4 s")
    changes(view, lambda: set_slider(view, "consumers", 4), "4 consumers")
    changes(view, lambda: click_button(view, "step"), "the step button again")
    changes(view, lambda: click_button(view, "start"), "back to the start")
    realistic = view.locator(".widget-checkbox", has_text="realistic SQS").locator("input")
    changes(view, lambda: realistic.click(), "realistic mode on")
    settles(view, lambda svg: 'data-server="5"' in svg, "five servers drawn in realistic mode")
    changes(view, lambda: realistic.click(), "realistic mode off")
    settles(view, lambda svg: "data-server=" not in svg, "no servers drawn in exact mode")
    for _ in range(9):
        click_button(view, "step")
    time.sleep(0.8)
    shoot(view, "queue_view")


def test_autoscaling_view(page, jupyterlab, notebooks, lab_dir):
    view = open_view(page, jupyterlab, notebooks, "autoscaling_view", "AutoscalingView", lab_dir)
    changes(view, lambda: view.get_by_role("button", name="step (lecture)").click(), "step only")
    changes(view, lambda: view.get_by_role("button", name="both").click(), "both policies")
    changes(view, lambda: set_slider(view, "spike", 150), "spike slider to 150")
    changes(view, lambda: set_slider(view, "start-up time", 300), "start-up to 300 s")
    changes(view, lambda: set_slider(view, "start-up time", 120), "start-up back to 120 s")
    changes(view, lambda: set_slider(view, "spike", 100), "spike back to 100")
    shoot(view, "autoscaling_view")


def test_quiz_tells_right_from_wrong(page, jupyterlab, notebooks, lab_dir):
    """Lesson 01's end-of-lesson quiz: a wrong pick says so with its reason, then the right one."""
    from toyqueue.quizzes import QUIZZES

    open_view(page, jupyterlab, notebooks, "sync_async_view", "SyncAsyncView", lab_dir)
    box = page.locator(".toyqueue-quiz").first
    box.scroll_into_view_if_needed()
    q = QUIZZES["01"][0]
    wrong = next(i for i in range(len(q.choices)) if i != q.answer)
    feedback = box.locator(".toyqueue-quiz-feedback").first
    for choice, verdict in [(wrong, "Not quite."), (q.answer, "Right.")]:
        box.locator(".widget-radio-box label", has_text=q.choices[choice][0]).first.click()
        expected = f"{verdict} {q.choices[choice][1]}"
        deadline = time.monotonic() + 15
        while expected not in feedback.inner_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert expected in feedback.inner_text()


KOREAN_VIEW = ("import toyqueue\n"
               "toyqueue.set_language(\"ko\")   # what the Korean edition's notebooks do first\n"
               "from toyqueue.widgets import QueueView\n"
               "QueueView()")


def test_queue_view_in_korean(page, jupyterlab, lab_dir):
    """The Korean edition's labels in a real browser, drawn with a font that has Hangul."""
    notebook = scratch_notebook(lab_dir, "queue_view_ko", KOREAN_VIEW)
    view = open_view(page, jupyterlab, {"queue_view_ko": notebook}, "queue_view_ko", "QueueView", lab_dir)
    assert "소비자" in picture(view) and "가시성 제한 시간" in picture(view)
    changes(view, lambda: click_button(view, "한 단계"), "the step button (한 단계)")
    changes(view, lambda: set_slider(view, "가시성 제한 시간", 4), "visibility timeout to 4 s")
    # Chromium draws with NanumGothic (CI installs fonts-nanum): Latin text set in it is wider
    # than in the fallback font, which is what Chromium would use if the font were missing.
    widths = page.evaluate("""() => {
        const ctx = document.createElement('canvas').getContext('2d');
        const width = font => { ctx.font = font; return ctx.measureText('visibility timeout').width; };
        return [width("40px 'NanumGothic', monospace"), width('40px monospace')];
    }""")
    assert widths[0] != widths[1], "Chromium has no NanumGothic: the Korean labels would be boxes"
    for _ in range(6):
        click_button(view, "한 단계")
    time.sleep(0.8)
    shoot(view, "queue_view_ko")
