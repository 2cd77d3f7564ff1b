"""Message attributes: SQS's rules for the ones a producer sends, their size, and which ones a
receive asks for (``MessageAttributeNames``).

Error messages are SQS's, as recorded against AWS in LocalStack's tests where there is a
recording (e.g. an empty String value).
"""
import decimal
import re

from . import errors as E
from . import limits as L

# Allowed characters: SQS's docs say "alphanumeric, hyphen, underscore, period", and AWS accepts
# letters beyond ASCII (recorded: "attr.1øßä"); the toy takes Unicode's letters and digits (\w).
_NAME = re.compile(r"[\w.\-]+")
BAD_CHARS = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,9})?")
_SMALLEST, _LARGEST = decimal.Decimal("1e-128"), decimal.Decimal("1e126")


def _is_number(text):
    """SQS's Number: decimal digits (an exponent allowed), up to 38 significant digits, zero
    or between 10^-128 and 10^+126. Not recorded against AWS: these are the Developer Guide's
    words (sqs-message-metadata). float() would also take nan, inf, 1e400 and 1_000."""
    if not _NUMBER.fullmatch(text):
        return False
    n = decimal.Decimal(text)
    digits = "".join(map(str, n.as_tuple().digits)).strip("0")   # (normalize() would round)
    return n.is_zero() or (len(digits) <= 38 and _SMALLEST <= abs(n) <= _LARGEST)


def check(attrs):
    """Validate MessageAttributes; return the bytes they add to the message size."""
    if not attrs:
        return 0
    if len(attrs) > L.MAX_MESSAGE_ATTRIBUTES:
        raise E.InvalidParameterValue(f"Number of message attributes [{len(attrs)}] exceeds the "
                                      f"allowed maximum [{L.MAX_MESSAGE_ATTRIBUTES}].")
    size = 0
    for name, attr in attrs.items():
        if not isinstance(attr, dict):          # a Query attribute with a name and no value
            attr = {}
        if len(name) > L.MAX_ATTRIBUTE_NAME:
            raise E.InvalidParameterValue("Message (user) attribute names must be shorter than 256 Bytes")
        if not _NAME.fullmatch(name):
            raise E.InvalidParameterValue("Message (user) attributes name can only contain upper and "
                                          "lower score characters, digits, periods, hyphens and underscores. ")
        if name.lower().startswith(("aws.", "amazon.")) or name.startswith(".") or name.endswith(".") or ".." in name:
            raise E.InvalidParameterValue(
                "You can't use message attribute names beginning with 'AWS.' or 'Amazon.'. These "
                "strings are reserved for internal use. Additionally, they cannot start or end with '.'.")
        dtype = attr.get("DataType")
        if not dtype:
            raise E.InvalidParameterValue(f"The message attribute '{name}' must contain non-empty "
                                          "message attribute type.")
        # Not recorded against AWS; the Developer Guide (sqs-message-metadata) says a type
        # is up to 256 characters, with the characters a body may have (spaces included).
        if len(dtype) > L.MAX_ATTRIBUTE_TYPE:
            raise E.InvalidParameterValue("Message (user) attribute types must be shorter than 256 Bytes")
        if BAD_CHARS.search(dtype):
            raise E.InvalidParameterValue(E.InvalidMessageContents.default_message)
        base = dtype.split(".", 1)[0]
        if base not in ("String", "Number", "Binary"):
            raise E.InvalidParameterValue(f"The type of message (user) attribute '{name}' is invalid. "
                                          "You must use only the following supported type prefixes: "
                                          "Binary, Number, String.")
        if base == "Binary":
            value = attr.get("BinaryValue")
            if not value:
                raise E.InvalidParameterValue(f"The message attribute '{name}' with type 'Binary' must "
                                              "use field 'Binary'.")
            vsize = len(value)
        else:
            value = attr.get("StringValue")
            if value is None:
                raise E.InvalidParameterValue(f"The message attribute '{name}' with type '{base}' must "
                                              "use field 'String'.")
            if value == "":
                raise E.InvalidParameterValue(f"Message (user) attribute '{name}' must contain a "
                                              f"non-empty value of type '{base}'.")
            if BAD_CHARS.search(value):
                raise E.InvalidParameterValue(E.InvalidMessageContents.default_message)
            if base == "Number" and not _is_number(value):
                raise E.InvalidParameterValue(f"Can't cast the value of message (user) attribute "
                                              f"'{name}' to a number.")
            vsize = len(value.encode("utf-8"))
        size += len(name.encode("utf-8")) + len(dtype.encode("utf-8")) + vsize
    return size


def size(attrs):
    """The bytes attributes add to a message, without validating them (a batch adds up its
    entries before checking each)."""
    total = 0
    for name, a in (attrs or {}).items():
        value = a.get("StringValue") if a.get("StringValue") is not None else a.get("BinaryValue") or b""
        total += len(name.encode("utf-8", "surrogatepass")) + len(str(a.get("DataType", "")).encode()) + \
            len(value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value)
    return total


def wanted(name, filters):
    """Does a receive's MessageAttributeNames ask for attribute ``name``? "All", "*" and ".*"
    ask for every one; "prefix.*" for those starting with "prefix" ("Hel.*" gives "Hello" and
    "Help.Me", as recorded in LocalStack's test_receive_message_message_attribute_names_filters)."""
    for w in filters:
        if w in ("All", "*", ".*") or w == name or (w.endswith(".*") and name.startswith(w[:-2])):
            return True
    return False
