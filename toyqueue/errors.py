"""One exception per SQS error code, worded like SQS.

Each error carries what the wire needs: ``code`` (the AWS JSON 1.0 name, sent as
``__type``), ``query_code`` (the legacy Query-protocol code that botocore shows in
``Error.Code``, sent in the ``x-amzn-query-error`` header), ``status`` (HTTP) and
``message``. Codes come from botocore's SQS service model; the JSON-to-legacy mapping is
the one AWS uses (LocalStack's serializer records it, e.g. QueueDoesNotExist ->
AWS.SimpleQueueService.NonExistentQueue).
"""

_PREFIX = "AWS.SimpleQueueService."


class SQSError(Exception):
    code = "InternalError"
    query_code = None          # None: same as code
    status = 400
    default_message = ""

    def __init__(self, message=None):
        self.message = self.default_message if message is None else message
        super().__init__(self.message)
        if self.query_code is None:
            self.query_code = self.code

    @property
    def json_type(self):
        """The ``__type`` AWS puts in a JSON error body."""
        ns = "com.amazon.coral.service" if self.code.endswith("Exception") and self.code != "ResourceNotFoundException" else "com.amazonaws.sqs"
        return f"{ns}#{self.code}"

    @property
    def response(self):
        """What a boto3 ClientError carries for this error, so the same ``except`` code
        (``e.response["Error"]["Code"]``) works in-process and over HTTP."""
        return {"Error": {"Code": self.query_code, "Message": self.message, "Type": "Sender",
                          "QueryErrorCode": self.code},
                "ResponseMetadata": {"HTTPStatusCode": self.status}}

    def __str__(self):
        return f"{self.code}: {self.message}"

    def __reduce__(self):
        return (type(self), (self.message,))


class QueueDoesNotExist(SQSError):
    code = "QueueDoesNotExist"
    query_code = _PREFIX + "NonExistentQueue"
    default_message = "The specified queue does not exist."


class QueueNameExists(SQSError):
    code = "QueueNameExists"
    query_code = "QueueAlreadyExists"


class QueueDeletedRecently(SQSError):
    code = "QueueDeletedRecently"
    query_code = _PREFIX + "QueueDeletedRecently"
    default_message = ("You must wait 60 seconds after deleting a queue before you can create "
                       "another with the same name.")


class ReceiptHandleIsInvalid(SQSError):
    code = "ReceiptHandleIsInvalid"


class InvalidIdFormat(SQSError):
    code = "InvalidIdFormat"


class MessageNotInflight(SQSError):
    code = "MessageNotInflight"
    query_code = _PREFIX + "MessageNotInflight"
    default_message = "The message referred to isn't in flight."


class InvalidParameterValue(SQSError):
    code = "InvalidParameterValueException"
    query_code = "InvalidParameterValue"


class MissingParameter(SQSError):
    code = "MissingRequiredParameterException"
    query_code = "MissingParameter"

    @classmethod
    def named(cls, name):
        """SQS words every missing parameter alike; the service and the wire both say it."""
        return cls(f"The request must contain the parameter {name}.")


class InvalidAttributeValue(SQSError):
    code = "InvalidAttributeValue"


class InvalidAttributeName(SQSError):
    code = "InvalidAttributeName"


class InvalidMessageContents(SQSError):
    code = "InvalidMessageContents"
    default_message = ("Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | "
                       "#x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF")


class TooManyEntriesInBatchRequest(SQSError):
    code = "TooManyEntriesInBatchRequest"
    query_code = _PREFIX + "TooManyEntriesInBatchRequest"


class BatchEntryIdsNotDistinct(SQSError):
    code = "BatchEntryIdsNotDistinct"
    query_code = _PREFIX + "BatchEntryIdsNotDistinct"


class InvalidBatchEntryId(SQSError):
    code = "InvalidBatchEntryId"
    query_code = _PREFIX + "InvalidBatchEntryId"
    default_message = ("A batch entry id can only contain alphanumeric characters, hyphens and "
                       "underscores. It can be at most 80 letters long.")


class EmptyBatchRequest(SQSError):
    code = "EmptyBatchRequest"
    query_code = _PREFIX + "EmptyBatchRequest"


class BatchRequestTooLong(SQSError):
    code = "BatchRequestTooLong"
    query_code = _PREFIX + "BatchRequestTooLong"


class PurgeQueueInProgress(SQSError):
    code = "PurgeQueueInProgress"
    query_code = _PREFIX + "PurgeQueueInProgress"
    status = 403


class OverLimit(SQSError):
    code = "OverLimit"
    status = 403


class InvalidAddress(SQSError):
    code = "InvalidAddress"
    default_message = "The address is not valid for this endpoint."


class UnsupportedOperation(SQSError):
    code = "UnsupportedOperation"
    query_code = _PREFIX + "UnsupportedOperation"


class InvalidSecurity(SQSError):
    code = "InvalidSecurity"


class RequestThrottled(SQSError):
    code = "RequestThrottled"


class ResourceNotFoundException(SQSError):
    code = "ResourceNotFoundException"
    status = 404               # recorded against AWS (LocalStack's test_sqs_move_task.py)


class InvalidAction(SQSError):
    """An action name SQS does not know (not in the service model; the wire error)."""
    code = "InvalidAction"


class AccessDenied(SQSError):
    code = "AccessDeniedException"
    query_code = "AccessDenied"
    status = 403


#: every error class by its JSON code and by its legacy code
BY_CODE = {}
for _cls in list(globals().values()):
    if isinstance(_cls, type) and issubclass(_cls, SQSError) and _cls is not SQSError:
        BY_CODE[_cls.code] = _cls
        BY_CODE[_cls.query_code or _cls.code] = _cls
del _cls
