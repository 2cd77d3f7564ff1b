"""MD5OfMessageBody and MD5OfMessageAttributes, computed exactly as SQS does.

Clients check these to detect corruption in transit. The body digest is the plain MD5 of
the UTF-8 body. The attributes digest hashes the attributes sorted by name, each as:
length-prefixed name, length-prefixed data type, one transport byte (1 for String and
Number, 2 for Binary), length-prefixed value; lengths are 4-byte big-endian.
"""
import hashlib
import struct


def md5_of_body(body):
    return hashlib.md5(body.encode("utf-8")).hexdigest()


def _with_length(data):
    return struct.pack(">I", len(data)) + data


def md5_of_attributes(attributes):
    """Digest of a MessageAttributes (or MessageSystemAttributes) dict; None when empty."""
    if not attributes:
        return None
    h = hashlib.md5()
    for name in sorted(attributes):
        attr = attributes[name]
        h.update(_with_length(name.encode("utf-8")))
        h.update(_with_length(attr["DataType"].encode("utf-8")))
        if "StringValue" in attr and attr["StringValue"] is not None:
            h.update(b"\x01" + _with_length(attr["StringValue"].encode("utf-8")))
        else:
            value = attr["BinaryValue"]
            if isinstance(value, str):
                value = value.encode("utf-8")
            h.update(b"\x02" + _with_length(bytes(value)))
    return h.hexdigest()
