"""How many messages a queue holds, asked the way you ask SQS: GetQueueAttributes.

Most lessons watch these three numbers. They read them through the API (not by looking inside
the toy) so the same line works on a boto3 client for LocalStack or AWS and on QueueService.
On real SQS the numbers are approximate, as their names say; on the toy they are exact, unless
it runs in realistic mode (toyqueue/realistic.py), where they show the queue a minute ago.
"""

ATTRIBUTES = {                        # our short name -> the queue attribute SQS reports
    "visible": "ApproximateNumberOfMessages",            # waiting to be received
    "in flight": "ApproximateNumberOfMessagesNotVisible",  # received, not yet deleted
    "delayed": "ApproximateNumberOfMessagesDelayed",     # not visible yet (DelaySeconds)
}


def counts(sqs, queue_url):
    """{"visible": n, "in flight": n, "delayed": n} for one queue."""
    got = sqs.get_queue_attributes(QueueUrl=queue_url,
                                   AttributeNames=list(ATTRIBUTES.values()))["Attributes"]
    return {short: int(got[name]) for short, name in ATTRIBUTES.items()}
