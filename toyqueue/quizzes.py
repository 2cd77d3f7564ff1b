"""The end-of-lesson quizzes, as data: lesson "NN" -> its questions.

Each choice says why it is right or wrong, so a wrong pick still teaches. Answers that are
behaviour (a count, a timeout, an error code) are checked against the toy by
tests/unit/test_quizzes.py, so a quiz cannot drift from what the course shows running.
The view is toyqueue.widgets.quiz.
"""
from typing import NamedTuple


class Question(NamedTuple):
    id: str                   # short and stable: tests (and translations) refer to it
    text: str
    choices: tuple            # ((choice, why this choice is right or wrong), ...)
    answer: int               # index of the right choice


Q = Question

QUIZZES = {
    "01": [
        Q("shipping-down", "The shipping service is down. With a queue between purchase and "
          "shipping, what happens to a new purchase?", (
              ("It fails: shipping cannot be reached.",
               "The purchase service never calls shipping; it only sends a message to the queue."),
              ("It succeeds; the order waits in the queue until shipping is back.",
               "The queue holds the message until a consumer receives and deletes it."),
              ("It succeeds, but the order is lost.",
               "Nothing is lost: the message stays in the queue (for the retention period, "
               "lesson 03) until shipping deletes it."),
          ), 1),
        Q("spike-price", "In the spike simulation (capacity 100/s), what did the queue cost the "
          "async design?", (
              ("Failed requests.", "The async design failed none of the 6,150 requests."),
              ("Waiting: a request from the end of the spike waited up to 46 s.",
               "The backlog is worked off at 100/s, so the last requests of the spike wait "
               "their turn."),
              ("More capacity than the sync design.",
               "Both designs had the same capacity, 100 requests per second."),
          ), 1),
        Q("pubsub", "Which AWS service gives every subscriber its own copy of each message?", (
            ("SQS", "An SQS message goes to one consumer, which deletes it when done."),
            ("SNS", "Publish/subscribe: SNS delivers a copy to every subscriber."),
            ("Kinesis", "Kinesis keeps one ordered log that readers read at their own pace; it "
                        "does not push copies to subscribers."),
        ), 1),
    ],
    "02": [
        Q("crash", "A consumer receives a message and crashes before deleting it. What does SQS "
          "do with the message?", (
              ("Nothing more: receiving removed it from the queue.",
               "Receiving never removes a message; only DeleteMessage does."),
              ("It stays hidden for the visibility timeout (30 s by default), then another "
               "consumer can receive it.",
               "That is the visibility timeout: a received message is only hidden for a while."),
              ("It stays in flight forever, as in TinyQueue.",
               "TinyQueue had no timeout; SQS's visibility timeout makes the message visible "
               "again."),
          ), 1),
        Q("counts-after-receive", "Three orders are sent, then one ReceiveMessage with "
          "MaxNumberOfMessages=10 returns all three. What are the counts right after it?", (
              ("visible 3, in flight 0", "Received messages are hidden from other polls: they "
                                         "are no longer visible."),
              ("visible 0, in flight 3", "All three were received and none deleted yet: they "
                                         "are in flight."),
              ("visible 0, in flight 0", "Nothing was deleted, so the messages are still in "
                                         "the queue, in flight."),
          ), 1),
        Q("empty-poll", "What does receive_message return when the queue is empty?", (
            ("An error, QueueIsEmpty.", "An empty queue is not an error."),
            ("A reply without a \"Messages\" key.", "Hence reply.get(\"Messages\", []) in "
                                                      "careful code."),
            ("None.", "It is a dict, as always; only the \"Messages\" key is missing."),
        ), 1),
        Q("buffer-peak", "The shop sends 50 orders a second for 4 seconds; the consumer handles "
          "20 a second. How long does the queue get?", (
              ("120 orders", "Each second 30 more arrive than leave: 4 x 30 = 120."),
              ("200 orders", "That is everything sent; the consumer removed 80 meanwhile."),
              ("20 orders", "That is what the consumer handles per second, not the backlog."),
          ), 0),
    ],
    "03": [
        Q("retention-default", "A message is sent to a queue with default settings, and nobody "
          "ever receives it. Where is it 4 days and 1 second later?", (
              ("Still waiting, visible.", "The default retention is 4 days (345,600 s); after "
                                          "that SQS deletes the message for you."),
              ("Gone: SQS deleted it.", "Retention ran out: receive, process and delete within "
                                        "the retention period, or lose the message."),
              ("In a dead-letter queue.", "Dead-letter queues (lesson 10) catch messages received "
                                          "too often, not expired ones; this queue has none."),
          ), 1),
        Q("retention-max", "What is the longest MessageRetentionPeriod you can set?", (
            ("4 days", "That is the default, not the maximum."),
            ("14 days (1,209,600 s)", "One second more is refused with InvalidAttributeValue."),
            ("No limit", "14 days is a hard ceiling on SQS (LocalStack accepts more, SQS does "
                         "not)."),
        ), 1),
        Q("size-with-attribute", "A body of 1,048,570 bytes is sent with one attribute, OrderId "
          "(String, \"o-1\": 16 bytes). What happens?", (
              ("Accepted: the body is under 1 MiB.", "Attributes count toward the limit: "
                                                     "1,048,570 + 16 = 1,048,586 bytes."),
              ("Refused with InvalidParameterValue.", "Body and attributes together exceed "
                                                      "1,048,576 bytes."),
          ), 1),
        Q("size-lecture", "The lecture says a message must be smaller than 256 KB. What is the "
          "rule today?", (
              ("Still 256 KB.", "AWS raised the limit in August 2025."),
              ("1 MiB (1,048,576 bytes), attributes included.",
               "256 KiB is now only what you get if you set MaximumMessageSize=262144."),
              ("No limit for standard queues.", "Throughput and backlog are unlimited; message "
                                                "size is not."),
          ), 1),
    ],
    "04": [
        Q("md5-purpose", "What does MD5OfMessageBody in SendMessage's answer let a producer check?", (
            ("That SQS stored exactly the body it sent.",
             "It is the MD5 of the body's UTF-8 bytes: compute your own and compare."),
            ("That the message is encrypted.", "A checksum is not encryption; anyone can compute "
                                               "it from the body (lesson 09 is about encryption)."),
            ("That the message will be delivered only once.",
             "It says nothing about delivery; standard queues deliver at least once (lesson 06)."),
        ), 0),
        Q("attributes-unasked", "A consumer calls receive_message without MessageAttributeNames. "
          "Does the message it gets carry the attributes?", (
              ("Yes, always.", "Attributes come only when asked for, by name or with [\"All\"]."),
              ("No: it gets the body, its MD5, the MessageId and a ReceiptHandle.",
               "Ask with MessageAttributeNames=[\"All\"] to get them."),
          ), 1),
        Q("eleven-attributes", "A producer sends a message with 11 message attributes. What does "
          "SQS answer?", (
              ("It accepts the message.", "That is LocalStack; SQS allows at most 10."),
              ("InvalidParameterValue", "At most 10 attributes per message: the toy refuses "
                                        "the 11th as SQS does."),
              ("It keeps the first 10 and drops the rest.", "SQS never half-does a call: the "
                                                            "whole send is refused."),
          ), 1),
        Q("stays", "A consumer receives a message and does not delete it. Is the message still "
          "in the queue?", (
              ("Yes: only DeleteMessage removes it (or the retention period running out).",
               "Receiving hides a message for a while; it does not remove it."),
              ("No: receiving removed it.", "Receiving alone never removes a message."),
          ), 0),
    ],
    "05": [
        Q("max-eleven", "A consumer asks for MaxNumberOfMessages=11. What happens?", (
            ("It gets up to 11 messages.", "10 is the most one ReceiveMessage returns."),
            ("It gets up to 10; the rest wait.", "SQS does not trim the parameter; it refuses it."),
            ("InvalidParameterValue", "Must be between 1 and 10: the call is refused."),
        ), 2),
        Q("three-polls", "On the toy, 25 messages wait. A consumer polls three times with "
          "MaxNumberOfMessages=10 and deletes nothing. What do the polls return?", (
              ("10, 10 and 5 messages", "Each poll hides what it returns, so the next one gets "
                                        "other messages."),
              ("10, 10 and 10 messages", "Only 25 are there, and received ones are hidden."),
              ("10, then 0 and 0", "The first poll hides only the 10 it returned; 15 are still "
                                   "visible."),
          ), 0),
        Q("no-delete", "A consumer inserts 5 orders into the database but never calls "
          "DeleteMessage. 31 s later it runs again. How many rows does the table hold?", (
              ("5", "The messages came back after the 30 s visibility timeout and were inserted "
                    "again."),
              ("10", "Each order twice: without the delete, the queue hands every message out "
                     "again."),
              ("0", "The inserts happened; only the deletes were missing."),
          ), 1),
        Q("where", "Where can an SQS consumer run?", (
            ("Only on EC2 instances.", "EC2 is one place; any code that can call the API will "
                                       "do."),
            ("On EC2, on your own servers, or in Lambda.", "A consumer is just code that calls "
                                                           "ReceiveMessage and DeleteMessage."),
            ("Only in Lambda.", "Lambda is one option, where AWS polls for you."),
        ), 1),
    ],
    "06": [
        Q("slow-consumer", "Consumer B is still working on a message when its 30 s visibility "
          "timeout ends. What happens?", (
              ("The message stays hidden until B deletes it.",
               "The queue cannot tell a slow consumer from a dead one; the timeout decides."),
              ("The message is visible again; the next poll, by anyone, receives it.",
               "That is how a duplicate happens: at-least-once delivery."),
              ("SQS stops B's work.", "SQS knows nothing about B's work; it only hides and shows "
                                      "messages."),
          ), 1),
        Q("old-handle", "C has received the message again. Now B deletes it with its old receipt "
          "handle. On the toy, what happens?", (
              ("The call fails with ReceiptHandleIsInvalid.",
               "The handle is well formed and was valid once: the call succeeds."),
              ("The call succeeds and removes nothing; the message stays in flight with C.",
               "Only the newest handle is sure to delete (real SQS may or may not delete)."),
              ("The call succeeds and removes the message.",
               "That is what LocalStack did; the toy does not, and SQS does not promise it."),
          ), 1),
        Q("pumjeol", "The lecture's Korean says SQS \"may send 품절 메시지\". What does it mean?", (
            ("Messages for sold-out products.", "That is the literal reading of a mistranslation."),
            ("Out-of-order messages: ordering is best effort.",
             "\"Out of order\" was machine-translated as \"sold out\" (품절)."),
            ("Duplicate messages.", "Those are 중복 메시지, the other property of standard queues."),
        ), 1),
        Q("one-consumer-order", "One consumer receives one message at a time from a standard "
          "queue and deletes each before its next receive. Do the messages come in the order "
          "they were sent?", (
              ("Yes: with one consumer and no timeouts, nothing can reorder them.",
               "The queue's own servers can: on the realistic toy one consumer got order-5 "
               "before order-2."),
              ("Usually, but not always: a receive may not find the oldest message.",
               "A receive asks only some of the servers, so a later message can come first: "
               "best-effort ordering."),
              ("Never: a standard queue shuffles its messages.",
               "It tries to keep the send order and usually does; it only does not promise it."),
          ), 1),
        Q("change-visibility", "A consumer receives a message at t = 0 (timeout 30 s) and at "
          "t = 20 s calls ChangeMessageVisibility with 60. When is the message visible again?", (
              ("At t = 30 s", "The change replaced the original timeout."),
              ("At t = 80 s", "The new timeout counts from the call: 20 + 60."),
              ("At t = 90 s", "The 60 s are not added to the original 30 s."),
          ), 1),
        Q("idempotent-rows", "Six orders, eight deliveries (two duplicates), each inserted with "
          "INSERT OR IGNORE into a table keyed by order id. How many rows?", (
              ("8", "The primary key makes the second insert of an order a no-op."),
              ("6", "One row per order, whichever copy came first."),
              ("4", "Every order was shipped at least once."),
          ), 1),
        Q("fast-duplicate", "A consumer deletes every message within a second of receiving it, "
          "long before its visibility timeout ends, and every delete succeeds. Can it receive a "
          "message it has already deleted?", (
              ("No: a successful delete is final.",
               "Not on a standard queue: a server holding a copy may miss the delete."),
              ("Yes, rarely: a server that was down during the delete still holds a copy.",
               "At-least-once delivery without any timeout: on the realistic toy, 204 deliveries "
               "for 200 orders, and the idempotent consumer still shipped 200."),
              ("Only if the delete call returned an error.",
               "The call succeeded; the copy on the server that was down survived it."),
          ), 1),
    ],
    "07": [
        Q("metric-name", "You build the lecture's alarm in CloudWatch. Which metric holds the "
          "queue length?", (
              ("ApproximateNumberOfMessages", "That is the queue attribute (GetQueueAttributes); "
                                              "CloudWatch has no metric of that name."),
              ("ApproximateNumberOfMessagesVisible", "The same number as the attribute, under "
                                                     "its CloudWatch name, once a minute."),
              ("NumberOfMessagesSent", "That counts sends per period, not what waits in the "
                                       "queue."),
          ), 1),
        Q("alarm-datapoints", "An alarm fires when the queue length is above 1,000 for 2 "
          "datapoints in a row. The lengths, one a minute, are 200, 1200, 1500, 2500, 900. At "
          "which value is the alarm first in ALARM?", (
              ("1200", "One datapoint above is not enough: it needs two in a row."),
              ("1500", "1200 and 1500: the second datapoint in a row above 1,000."),
              ("2500", "It is already in ALARM one minute earlier."),
          ), 1),
        Q("backlog-target", "Orders may wait 10 s, and an instance processes one in 0.1 s. What "
          "backlog per instance should target tracking aim for?", (
              ("100", "Acceptable latency / processing time = 10 / 0.1."),
              ("10", "That is the latency, not a backlog."),
              ("1", "An instance can work off 100 orders within the 10 s."),
          ), 0),
        Q("eight-consumers", "120 orders take one consumer 2 s each (240 s in all). How long do "
          "8 consumers polling the same queue take?", (
              ("240 s", "Each receive hands out different messages, so they work in parallel."),
              ("30 s", "8 times the consumers, an eighth of the time."),
              ("2 s", "Each consumer still handles 15 orders, one after another."),
          ), 1),
        Q("lagging-alarm", "1,000 orders arrive at 9:30. The alarm needs 2 datapoints above 500, "
          "one a minute; on the exact toy it is in ALARM from minute 11. When is it, if the "
          "counts lag a minute as on the realistic toy?", (
              ("From minute 11 as well.", "The datapoint at minute 10 shows the queue of minute "
                                          "9, before the burst: only one datapoint above 500."),
              ("From minute 12.", "Each datapoint is a minute old, so the alarm reacts a minute "
                                  "late (and stays a minute too long)."),
              ("Never.", "The counts are late, not wrong: a minute later they catch up."),
          ), 1),
    ],
    "08": [
        Q("user-waits", "The front end sends a message per upload instead of encoding the video "
          "itself. What does the user wait for?", (
              ("The encoding, 6 s.", "That is the coupled design: the front end does the work."),
              ("Only the SendMessage call.", "The back-end tier encodes later, on its own "
                                             "schedule."),
              ("The GPU tier to start.", "The front end never waits for the back end."),
          ), 1),
        Q("cap-gpu", "The GPU tier is capped at 5 instances instead of 20. What changes for the "
          "web tier?", (
              ("Nothing: it scales exactly as before.", "The tiers share only the queue; the "
                                                        "queue just holds the work longer."),
              ("It rejects more uploads.", "Uploads are rejected only when the web tier itself "
                                           "is full."),
              ("It slows down while the queue is long.", "A long queue costs the front end "
                                                         "nothing: sending is as fast as ever."),
          ), 0),
        Q("lost-where", "With three times the spike, thousands of uploads were rejected although "
          "the queue had room. Why?", (
              ("The queue was full.", "A standard queue has no limit on waiting messages."),
              ("The web tier could not take them, or grow in time.",
               "The queue protects the back end; what never reaches it is not saved."),
              ("The GPU tier was too slow.", "A slow back end only makes the queue longer."),
          ), 1),
    ],
    "09": [
        Q("sse-protects", "A queue uses server-side encryption (SSE). Who can no longer read the "
          "messages?", (
              ("Anyone allowed to call ReceiveMessage.", "SSE is transparent: consumers receive "
                                                         "plaintext."),
              ("Someone who gets hold of the disks SQS stores them on.",
               "That is what encryption at rest (저장 시 암호화) protects."),
              ("Someone listening on the network.", "That is TLS, encryption in flight "
                                                    "(전송 중 암호화)."),
          ), 1),
        Q("client-side-key", "With client-side encryption, who needs the key?", (
            ("The producer and the consumer, never the queue.", "The queue only ever holds "
                                                                 "ciphertext."),
            ("SQS, to decrypt for consumers.", "That would be server-side encryption."),
            ("Nobody: GCM needs no key to decrypt.", "AES-GCM needs the same key to decrypt and "
                                                     "to check the message."),
        ), 0),
        Q("explicit-deny", "The queue policy denies sqs:PurgeQueue to everyone (NobodyPurges). Your "
          "admin role's IAM policy allows sqs:* on every queue. The admin purges the queue. The "
          "answer?", (
              ("Allow: its IAM policy allows it.", "A matching Deny beats any Allow."),
              ("Deny (NobodyPurges).", "Explicit deny wins."),
              ("Implicit deny.", "A statement does match, and it is an explicit Deny."),
          ), 1),
        Q("cross-account", "The queue policy allows account 999988887777 to receive, but that "
          "account's IAM policy does not allow sqs:ReceiveMessage. Can its role receive?", (
              ("Yes: the queue policy allows it.", "Cross-account, both sides must allow."),
              ("No: implicit deny.", "The other account's own IAM policy grants nothing."),
          ), 1),
        Q("source-arn", "Why does the EventBridge statement carry an aws:SourceArn condition?", (
            ("Without it, anyone's EventBridge rule could send to the queue.",
             "events.amazonaws.com acts for every AWS customer: the confused deputy problem."),
            ("EventBridge cannot send without it.", "It can; the condition limits it to our rule."),
            ("It makes EventBridge use HTTPS.", "That is aws:SecureTransport."),
        ), 0),
    ],
    "10": [
        Q("fifo-blocking", "In a FIFO queue, consumer 1 has received A1 (group A) and not deleted "
          "it. Group A also holds A2; group B holds B1. What can consumer 2 receive?", (
              ("A2", "While a message of group A is in flight, no later message of A is "
                     "delivered."),
              ("B1", "Group B is independent of group A."),
              ("Nothing until A1 is deleted.", "Only group A is blocked."),
          ), 1),
        Q("dedup-window", "A FIFO producer sends the same MessageDeduplicationId at t = 0 s and "
          "again at t = 301 s. How many messages are in the queue?", (
              ("1", "SQS remembers a deduplication id for 5 minutes only."),
              ("2", "301 s is past the 5-minute window, so the second send counts."),
          ), 1),
        Q("dlq-move", "A RedrivePolicy has maxReceiveCount 3, and a consumer never deletes. When "
          "does the message move to the dead-letter queue?", (
              ("On the 3rd receive.", "The 3rd receive still returns it (ApproximateReceiveCount "
                                      "3)."),
              ("On the 4th receive: it is moved instead of returned.",
               "Received more than maxReceiveCount times means the next receive moves it."),
              ("After its retention period.", "Retention deletes messages; it never moves them."),
          ), 1),
        Q("long-poll", "On an empty queue, a message delayed by 5 s is sent, then a receive with "
          "WaitTimeSeconds=20 starts. When does the receive answer?", (
              ("At once, empty.", "That is a short poll (WaitTimeSeconds=0)."),
              ("After 5 s, with the message.", "A long poll answers as soon as a message is "
                                               "there."),
              ("After 20 s.", "Only if nothing arrives in the meantime."),
          ), 1),
        Q("delay-901", "A message is sent with DelaySeconds=901. What does SQS answer?", (
            ("It delays the message 15 minutes and 1 second.", "900 s (15 minutes) is the "
                                                               "maximum."),
            ("InvalidParameterValue", "DelaySeconds is 0 to 900; LocalStack accepts 901, SQS "
                                      "does not."),
        ), 1),
        Q("batch-partial", "A SendMessageBatch of 10 entries has one body with a character SQS "
          "does not allow. What comes back?", (
              ("HTTP 400: the whole batch is refused.", "Entry problems do not fail the call."),
              ("HTTP 200, with 9 entries under Successful and 1 under Failed.",
               "A batch can partly fail: always check Failed."),
              ("HTTP 200, with all 10 Successful.", "The bad entry is reported, not sent."),
          ), 1),
        Q("false-empty", "A queue holds one visible message, yet a short poll returns nothing. "
          "Why?", (
              ("Another consumer has received it.", "Then it would be in flight, not visible."),
              ("The poll asked only servers that hold no copy; ask again, or long poll.",
               "A false empty response: a short poll samples servers, a long poll asks all."),
              ("The queue is broken.", "This is how SQS short polling works: repeat the request."),
          ), 1),
        Q("poll-cost", "Orders trickle in, one every 10 s. Polling for 620 s, short polls once a "
          "second make 620 requests. About how many do long polls of 20 s make?", (
              ("620: the same number of calls.", "A long poll waits for a message instead of "
                                                 "returning empty at once."),
              ("About 62: a tenth of the requests, and of the bill for receiving.",
               "SQS bills requests, empty ones too, and short polling is billed the same as "
               "long polling."),
              ("None: long polls are free while they wait.", "Every ReceiveMessage is a request, "
                                                            "however long it waited."),
          ), 1),
    ],
}
