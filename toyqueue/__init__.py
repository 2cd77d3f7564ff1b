"""toyqueue: a small, faithful, in-process Amazon SQS for learning.

Start with ``QueueService`` (service.py): it looks like a boto3 SQS client. The data
structures are in queue.py; time comes from clock.py.
"""
from . import errors
from .clock import RealClock, VirtualClock
from .errors import SQSError
from .history import History, check
from .i18n import set_language
from .service import QueueService

__all__ = ["QueueService", "VirtualClock", "RealClock", "errors", "SQSError", "History", "check",
           "set_language"]
