"""ipywidgets views that draw what toyqueue.sim returns, the lessons' static figures, and the
end-of-lesson quiz. See toyqueue/widgets/README.md.

    from toyqueue.widgets import SyncAsyncView, QueueView, AutoscalingView, plot_tiers, quiz
"""
from .autoscaling_view import AutoscalingView
from .plots import plot_autoscaling, plot_buffer, plot_sync_async, plot_tiers
from .queue_view import LiveQueueView, QueueView
from .quiz import Quiz, quiz
from .sync_async import SyncAsyncView

__all__ = ["SyncAsyncView", "QueueView", "LiveQueueView", "AutoscalingView", "plot_sync_async",
           "plot_buffer", "plot_autoscaling", "plot_tiers", "Quiz", "quiz"]
