"""The lessons' figures (toyqueue.widgets.plots): each draws its simulation's numbers, panel by
panel in the order the lesson's prose reads them, and shows itself in a notebook; no lesson
draws a figure of its own."""
import re
import subprocess
import sys
from pathlib import Path

from toyqueue.sim import autoscaling, sync_async, tiers
from toyqueue.widgets import plot_autoscaling, plot_buffer, plot_sync_async, plot_tiers

ROOT = Path(__file__).resolve().parents[2]


def lines(ax):
    """{legend label: y values} of an axes' lines."""
    return {line.get_label(): list(line.get_ydata()) for line in ax.get_lines()}


def test_no_lesson_draws_with_matplotlib_itself():
    """One way to draw a lesson's figure: a function of toyqueue.widgets.plots."""
    drawing = [p.name for p in sorted((ROOT / "sources" / "lessons").glob("*.py"))
               if re.search(r"^\s*(import|from) matplotlib|\bplt\.", p.read_text(encoding="utf-8"), re.M)]
    assert drawing == []


def test_lesson_01_sync_on_top_async_below():
    result = sync_async.simulate(ticks=60)
    top, bottom = plot_sync_async(result).axes
    assert lines(top)["sync: failed"] == result.sync.failed
    assert lines(top)["sync: handled"] == result.sync.served
    assert lines(bottom)["async: waiting in the queue"] == result.asynchronous.depth
    assert bottom.get_title(loc="left").endswith("drains it at 100/s")
    assert "drains it at 250/s" in plot_sync_async(sync_async.simulate(capacity=250)).axes[1].get_title(loc="left")


def test_lesson_02_buffer():
    (ax,) = plot_buffer([50, 50, 0], [30, 60, 40], 20).axes
    assert lines(ax)["orders waiting in the queue"] == [30, 60, 40]
    assert [bar.get_height() for bar in ax.patches if bar.get_label() != "spike"][-3:] == [50, 50, 0]


def test_lesson_07_queue_length_on_top_instances_below_one_line_per_policy():
    runs = autoscaling.compare()
    top, bottom = plot_autoscaling(runs.values(), "title").axes
    assert top.get_ylabel() == "ApproximateNumberOfMessagesVisible"
    assert lines(top)["step policy"] == runs["step"].visible
    assert lines(bottom)["target tracking"] == runs["target"].in_service
    only_target = plot_autoscaling([runs["target"]], "title").axes[0]
    assert "step alarm threshold" not in lines(only_target), "the alarm threshold belongs to the step policy"


def test_lesson_08_top_to_bottom_uploads_instances_queue_bucket():
    run = tiers.simulate()
    uploads, instances, queue, bucket = plot_tiers(run, "title").axes
    assert lines(uploads)["accepted by the web tier"] == run.accepted
    assert "rejected (503)" not in lines(uploads), "nothing was rejected: no line for it"
    assert lines(instances)["web tier"] == run.web_in_service
    assert lines(instances)["GPU tier"] == run.gpu_in_service
    assert lines(queue)["ApproximateNumberOfMessages"] == run.depth
    assert lines(bucket)["videos in the bucket"] == run.stored
    crowded = tiers.simulate(spike_rate=3000)
    assert lines(plot_tiers(crowded, "title").axes[0])["rejected (503)"] == crowded.rejected


def test_a_figure_shows_as_a_png_in_a_notebook_without_pyplot():
    """A lesson ends a cell with the figure; IPython must find a PNG for it even though nothing
    imported pyplot (which is what registers matplotlib's own display hook)."""
    code = ("import sys\n"
            "from IPython.core.formatters import DisplayFormatter\n"
            "from toyqueue.sim.tiers import simulate\n"
            "from toyqueue.widgets import plot_tiers\n"
            "data, _ = DisplayFormatter().format(plot_tiers(simulate(), 'title'))\n"
            "assert 'matplotlib.pyplot' not in sys.modules\n"
            "print(data['image/png'][:8] == b'\\x89PNG\\r\\n\\x1a\\n', data['text/plain'])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout
    assert out.split("\n")[0] == "True <LessonFigure size 900x800 with 4 Axes>"
