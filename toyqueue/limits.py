"""Every SQS number in one place, as SQS has it today (see /work/shared/sqs-facts.md).

Sources: the SQS Developer Guide quota pages and API reference, botocore's SQS service
model, and LocalStack's snapshot tests recorded against AWS.
"""

# Message size: 1 MiB since August 2025 (it was 256 KiB, which older material says).
MAX_MESSAGE_SIZE = 1_048_576          # bytes; body + attribute names, types and values
MIN_MAXIMUM_MESSAGE_SIZE = 1_024      # the queue attribute MaximumMessageSize: 1 KiB..1 MiB
MAX_BATCH_ENTRIES = 10
MAX_BATCH_SIZE = 1_048_576            # all entries of one SendMessageBatch together

# Retention: 60 s .. 14 days, default 4 days.
DEFAULT_RETENTION = 345_600
MIN_RETENTION, MAX_RETENTION = 60, 1_209_600

# Visibility timeout: 0 .. 12 h, default 30 s; a message's total may not exceed 12 h.
DEFAULT_VISIBILITY_TIMEOUT = 30
MAX_VISIBILITY_TIMEOUT = 43_200

# Delay: 0 .. 15 min, per queue and (standard queues only) per message.
MAX_DELAY = 900

# Receive: 1..10 messages, long polling 0..20 s.
MAX_RECEIVE = 10
MAX_WAIT = 20

# In flight: about 120,000 per queue (standard and FIFO), then OverLimit on a short poll.
MAX_INFLIGHT = 120_000

# Message attributes.
MAX_MESSAGE_ATTRIBUTES = 10
MAX_ATTRIBUTE_NAME = 256
MAX_ATTRIBUTE_TYPE = 256               # DataType, custom label included

# Names and ids.
MAX_QUEUE_NAME = 80                   # ".fifo" counts toward the 80
MAX_BATCH_ENTRY_ID = 80
MAX_FIFO_ID = 128                     # MessageGroupId, MessageDeduplicationId

# FIFO deduplication window.
DEDUP_WINDOW = 300

# Redrive: maxReceiveCount 1..1000.
MIN_MAX_RECEIVE_COUNT, MAX_MAX_RECEIVE_COUNT = 1, 1000

# The 60-second rules.
PURGE_INTERVAL = 60                   # one PurgeQueue per 60 s
RECREATE_DELAY = 60                   # a deleted queue's name is free again after 60 s

# Message move tasks (DLQ redrive): MaxNumberOfMessagesPerSecond 1..500; ListMessageMoveTasks
# returns the most recent ones, up to 10 per source (MaxResults 1..10, default 1).
MAX_MOVE_RATE = 500
MAX_MOVE_TASKS = 10

# Tags.
MAX_TAGS = 50

# ListQueues pages.
MAX_LIST_RESULTS = 1000
