"""An HTTP endpoint that makes a QueueService look like SQS to boto3, the AWS CLI and old SDKs.

boto3 (botocore >= 1.34.90) speaks AWS JSON 1.0 to SQS: `POST /` with
`X-Amz-Target: AmazonSQS.<Action>` and a JSON body whose keys are the action's parameters.
Older SDKs speak the Query protocol: form fields (`Action=SendMessage&QueueUrl=...`) in,
XML out. Both are decoded here into the same call, `service.dispatch(action, params)`, so the
protocol layer stays a thin translator and every rule of SQS lives in the service.

Shapes (which parameter is an integer, which a base64 blob, which list is flattened) come from
botocore's own SQS service model, the same file boto3 uses to build the requests we parse.

    from toyqueue import server
    ep = server.start()              # background thread, a free port on 127.0.0.1
    boto3.client("sqs", endpoint_url=ep.url, region_name="us-east-1",
                 aws_access_key_id="test", aws_secret_access_key="test")
    ep.stop()
"""

import base64
import binascii
import json
import re
import sys
import threading
import traceback
import uuid
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape as _xml_escape

from botocore.loaders import Loader
from botocore.model import ServiceModel

from toyqueue import errors, transport
from toyqueue.addresses import region_of_request
from toyqueue.service import DEFAULT_BASE_URL, QueueService

_INTEGER = re.compile(r"[+-]?[0-9]{1,19}")   # 19 digits: past any SQS limit, short of a bignum

XMLNS = "http://queue.amazonaws.com/doc/2012-11-05/"

# The loader and model alone: importing botocore.session would double the start-up time.
_MODEL = ServiceModel(Loader().load_service_model("sqs", "service-2"), "sqs")
OPERATIONS = frozenset(_MODEL.operation_names)


# ---------------------------------------------------------------- errors on the wire

class ProtocolError(Exception):
    """An error found before the service is called (bad JSON, unknown action, ...).

    It has the attributes of toyqueue.errors.SQSError that the wire needs, so both go out the
    same way. These errors come from AWS's front end (coral), not from SQS, hence `json_type`.
    """

    def __init__(self, code, message, query_code=None, status=400, json_name=None):
        super().__init__(message)
        self.code, self.message, self.status = code, message, status
        self.query_code = query_code
        self.json_type = "com.amazon.coral.service#" + (json_name or code)


def _invalid(message):
    return errors.InvalidParameterValue(message)


def _serialization(message):
    # What AWS's front end answers when the JSON does not fit the model's types.
    return ProtocolError("SerializationException", message)


def _invalid_action(message):
    # The `__type` is coral's name for it (as recorded against AWS in LocalStack's snapshots).
    return ProtocolError("InvalidAction", message, "InvalidAction",
                         json_name="UnknownOperationException")


def _internal(err):
    """A bug in the toy, not bad input: say so in the log and answer 500."""
    traceback.print_exc(file=sys.stderr)
    return ProtocolError("InternalError", f"{type(err).__name__}: {err}", "InternalError",
                         status=500)


def _wire_error(err):
    """(error, HTTP status, message, fault) of any failure: the service's and the protocol's
    errors go out as they are; anything else is a bug in the toy and becomes a 500."""
    if not isinstance(err, (errors.SQSError, ProtocolError)):
        err = _internal(err)
    status = int(err.status or 400)
    return err, status, str(err.message or err), "Receiver" if status >= 500 else "Sender"


def _input_shape(action):
    if action not in OPERATIONS:
        raise _invalid_action(f"The action {action} is not valid for this endpoint.")
    return _MODEL.operation_model(action).input_shape


# ---------------------------------------------------------------- JSON 1.0

def _from_json(shape, value, where):
    """Check a decoded JSON value against a botocore shape; blobs become bytes.

    Unknown structure members are dropped, as AWS ignores them.
    """
    t = shape.type_name
    if t == "structure":
        if not isinstance(value, dict):
            raise _serialization(f"Expected an object for {where}.")
        out = {}
        for name, member in shape.members.items():
            if name in value and value[name] is not None:
                out[name] = _from_json(member, value[name], name)
        return out
    if t == "list":
        if not isinstance(value, list):
            raise _serialization(f"Expected a list for {where}.")
        return [_from_json(shape.member, v, where) for v in value]
    if t == "map":
        if not isinstance(value, dict):
            raise _serialization(f"Expected an object for {where}.")
        return {_from_json(shape.key, k, where): _from_json(shape.value, v, f"{where}.{k}")
                for k, v in value.items()}
    if t == "string":
        if not isinstance(value, str):
            raise _serialization(f"Expected a string for {where}, got {json.dumps(value)}.")
        return value
    if t in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _serialization(f"Expected an integer for {where}, got {json.dumps(value)}.")
        return value
    if t == "boolean":
        if not isinstance(value, bool):
            raise _serialization(f"Expected true or false for {where}, got {json.dumps(value)}.")
        return value
    if t == "blob":
        if not isinstance(value, str):
            raise _serialization(f"Expected a base64 string for {where}.")
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise _serialization(f"{where} is not valid base64.") from None
    return value  # float, timestamp: none in SQS requests


def _check_required(shape, params):
    for name in shape.required_members:
        if name not in params:
            raise errors.MissingParameter.named(name)


def _bytes_to_base64(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"cannot send {type(value).__name__} as JSON")


def json_body(result):
    return json.dumps(result, separators=(",", ":"), default=_bytes_to_base64).encode()


def json_error_body(json_type, message):
    return json.dumps({"__type": json_type, "message": message}, separators=(",", ":")).encode()


# ---------------------------------------------------------------- Query (form in, XML out)

# Where the Query protocol names things differently from JSON. Lists and maps are
# "flattened": `AttributeName.1=All`, `Attribute.1.Name=DelaySeconds&Attribute.1.Value=5`.
_LIST_ITEM = {
    "AWSAccountIdList": "AWSAccountId", "ActionNameList": "ActionName",
    "AttributeNameList": "AttributeName", "MessageAttributeNameList": "MessageAttributeName",
    "MessageSystemAttributeList": "MessageSystemAttributeName", "TagKeyList": "TagKey",
    "QueueUrlList": "QueueUrl", "StringList": "StringListValue", "BinaryList": "BinaryListValue",
}
_MAP_ENTRY = {  # map shape -> (entry element, key element, value element)
    "QueueAttributeMap": ("Attribute", "Name", "Value"),
    "MessageSystemAttributeMap": ("Attribute", "Name", "Value"),
    "MessageBodyAttributeMap": ("MessageAttribute", "Name", "Value"),
    "MessageBodySystemAttributeMap": ("MessageSystemAttribute", "Name", "Value"),
    "TagMap": ("Tag", "Key", "Value"),
}


def _wire_name(member_name, shape):
    """The name a structure member has in Query form fields and XML."""
    if shape.type_name == "list":
        if shape.name in _LIST_ITEM:
            return _LIST_ITEM[shape.name]
        return shape.member.name  # e.g. SendMessageBatchRequestEntry
    if shape.type_name == "map":
        return _MAP_ENTRY[shape.name][0]
    return member_name


def _from_form(shape, form, prefix, where):
    """Rebuild the JSON-shaped parameters from flat form fields (None when absent)."""
    t = shape.type_name
    if t == "structure":
        out = {}
        for name, member in shape.members.items():
            key = f"{prefix}.{_wire_name(name, member)}" if prefix else _wire_name(name, member)
            value = _from_form(member, form, key, name)
            if value is not None:
                out[name] = value
        return out if out or not prefix else None
    if t == "list":
        items, i = [], 1
        while True:
            item = _from_form(shape.member, form, f"{prefix}.{i}", where)
            if item is None:
                return items or None
            items.append(item)
            i += 1
    if t == "map":
        _, key_name, value_name = _MAP_ENTRY[shape.name]
        out, i = {}, 1
        while f"{prefix}.{i}.{key_name}" in form:
            k = form[f"{prefix}.{i}.{key_name}"]
            v = _from_form(shape.value, form, f"{prefix}.{i}.{value_name}", f"{where}.{k}")
            if v is None:                    # a name and no value: an empty one, of its shape
                v = {} if shape.value.type_name == "structure" else ""
            out[k] = v
            i += 1
        return out or None
    if prefix not in form:
        return None
    raw = form[prefix]
    if t in ("integer", "long"):
        # Python's int() also takes " 5", "1_000" and non-ASCII digits; a Query form field is
        # plain ASCII digits with an optional sign (what the JSON protocol's numbers are, too).
        if not _INTEGER.fullmatch(raw):
            raise _invalid(f"Value {raw} for parameter {where} is invalid. "
                           "Reason: Must be an integer.")
        return int(raw)
    if t == "boolean":
        if raw.lower() not in ("true", "false"):
            raise _invalid(f"Value {raw} for parameter {where} is invalid. "
                           "Reason: Must be true or false.")
        return raw.lower() == "true"
    if t == "blob":
        try:
            return base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError):
            raise _invalid(f"Value for parameter {where} is invalid. "
                           "Reason: Must be base64 encoded.") from None
    return raw


def _xml_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    # SQS escapes quotes and carriage returns too, so \r survives an XML parser.
    return _xml_escape(str(value), {'"': "&quot;", "\r": "&#xD;"})


def _to_xml(shape, value, out):
    """Append the XML of a structure's members (the element itself is the caller's)."""
    for name, member in shape.members.items():
        if name not in value or value[name] is None:
            continue
        v, tag = value[name], _wire_name(name, member)
        if member.type_name == "list":
            for item in v:
                _xml_element(tag, member.member, item, out)
        elif member.type_name == "map":
            _, key_name, value_name = _MAP_ENTRY[member.name]
            for k, item in v.items():
                out.append(f"<{tag}><{key_name}>{_xml_text(k)}</{key_name}>")
                _xml_element(value_name, member.value, item, out)
                out.append(f"</{tag}>")
        else:
            _xml_element(tag, member, v, out)


def _xml_element(tag, shape, value, out):
    out.append(f"<{tag}>")
    if shape.type_name == "structure":
        _to_xml(shape, value, out)
    else:
        out.append(_xml_text(value))
    out.append(f"</{tag}>")


def xml_body(action, result, request_id):
    out = [f'<?xml version="1.0"?><{action}Response xmlns="{XMLNS}">']
    shape = _MODEL.operation_model(action).output_shape
    if shape is not None and shape.members:
        inner = []
        _to_xml(shape, result, inner)
        # an empty result is one self-closing element, as AWS writes it (<ReceiveMessageResult/>)
        out.append(f"<{action}Result>{''.join(inner)}</{action}Result>" if inner
                   else f"<{action}Result/>")
    out.append(f"<ResponseMetadata><RequestId>{request_id}</RequestId></ResponseMetadata>"
               f"</{action}Response>")
    return "".join(out).encode()


def query_json_body(action, result, request_id):
    """A Query request that asks for JSON (``Accept: application/json``) gets the XML answer's
    structure as JSON, as AWS does; the result's members start lower-case there (AWS answers
    ReceiveMessage with ``ReceiveMessageResult.messages[0].Body``, recorded in LocalStack's
    test_marker_serialization_json_protocol)."""
    inner = {k[:1].lower() + k[1:]: v for k, v in result.items()}
    return json_body({f"{action}Response": {f"{action}Result": inner,
                                            "ResponseMetadata": {"RequestId": str(request_id)}}})


def xml_error_body(code, query_code, message, request_id, fault="Sender"):
    return (f'<?xml version="1.0"?><ErrorResponse xmlns="{XMLNS}"><Error><Type>{fault}</Type>'
            f"<Code>{_xml_text(query_code or code)}</Code><Message>{_xml_text(message)}</Message>"
            f"<Detail/></Error><RequestId>{request_id}</RequestId></ErrorResponse>").encode()


# ---------------------------------------------------------------- the HTTP handler

class Handler(BaseHTTPRequestHandler):
    """One connection; kept alive across requests (HTTP/1.1), one thread each."""

    protocol_version = "HTTP/1.1"
    server_version = "toyqueue"
    sys_version = ""
    disable_nagle_algorithm = True   # otherwise kept-alive calls stall 40 ms (delayed ACK)
    service = None                   # set on the subclass made by make()
    base_url = ""

    def log_message(self, format, *args):  # quiet: tests and notebooks read stdout
        pass

    # -- entry points

    def do_POST(self):
        body = self._read_body()
        if body is None:
            return
        target = self.headers.get("X-Amz-Target")
        ctype = self.headers.get("Content-Type", "")
        if target is not None or "json" in ctype:
            self._handle_json(target, body)
        else:
            self._handle_query(body.decode("utf-8", "replace"))

    def do_GET(self):
        if not self.server.working(self.connection):
            self.close_connection = True
            return
        query = urlsplit(self.path).query
        if "Action=" in query:
            self._handle_query(query)
        else:
            # AWS's answer to a GET without an action, even when JSON is asked for
            # (LocalStack's test_get_without_query_returns_unknown_operation)
            self._send(404, b"<UnknownOperationException/>", "text/xml", uuid.uuid4())

    def do_PUT(self):
        if self._read_body() is None:
            return
        self._send_json_error(_invalid_action(
            f"SQS accepts POST (and GET for Query), not {self.command}."))

    do_DELETE = do_PATCH = do_PUT

    # -- plumbing

    def handle_one_request(self):
        self.server.waiting(self.connection)       # the client's time to send a request runs
        super().handle_one_request()

    def _read_body(self):
        """The body, or None when the request was refused (answered, connection closing) or
        its connection was closed to make room for others (nothing to answer)."""
        try:
            body = transport.read_body(self.rfile, self.headers)
        except transport.BadRequest as err:
            self.close_connection = True
            self._send_json_error(_invalid(str(err)))
            return None
        if not self.server.working(self.connection):
            self.close_connection = True
            return None
        return body

    def _send(self, status, body, content_type, request_id, extra=""):
        head = (f"HTTP/1.1 {status} {self.responses.get(status, ('',))[0]}\r\n"
                f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
                f"x-amzn-RequestId: {request_id}\r\n{extra}")
        if self.close_connection:
            head += "Connection: close\r\n"
        self.wfile.write(head.encode("latin-1") + b"\r\n" + body)

    def _call(self, action, shape, params, query_credential=None):
        """Run the action once both protocols have decoded it into the same parameters, in the
        region the request is signed for, with its X-Ray trace header."""
        _check_required(shape, params)
        service = self.service
        if hasattr(service, "in_region"):      # any object with dispatch() may stand behind us
            service = service.in_region(
                region_of_request(self.headers.get("Authorization"), query_credential),
                self.headers.get("X-Amzn-Trace-Id"))
        result = service.dispatch(action, params)
        result.pop("ResponseMetadata", None)
        return result

    # -- AWS JSON 1.0

    def _handle_json(self, target, body):
        try:
            if not target or not target.startswith("AmazonSQS."):
                raise _invalid_action("Missing or malformed X-Amz-Target header; "
                                      "expected AmazonSQS.<Action>.")
            action = target[len("AmazonSQS."):]
            shape = _input_shape(action)
            try:
                raw = json.loads(body) if body.strip() else {}
            except (ValueError, UnicodeDecodeError, RecursionError):
                raise _serialization("The request body is not valid JSON.") from None
            params = _from_json(shape, raw, "the request body")
            out = json_body(self._call(action, shape, params))
        except Exception as err:  # noqa: BLE001 - every failure becomes an answer
            self._send_json_error(err)
            return
        self._send(200, out, "application/x-amz-json-1.0", uuid.uuid4())

    def _send_json_error(self, err):
        err, status, message, fault = _wire_error(err)
        if 400 < status < 500 and self.headers.get("x-amzn-query-mode") != "true":
            status = 400  # SQS keeps the Query-era 403s only for clients that ask (botocore does)
        extra = f"x-amzn-query-error: {err.query_code};{fault}\r\n" if err.query_code else ""
        self._send(status, json_error_body(err.json_type, message),
                   "application/x-amz-json-1.0", uuid.uuid4(), extra)

    # -- Query

    def _handle_query(self, text):
        request_id = uuid.uuid4()
        as_json = "application/json" in self.headers.get("Accept", "")
        try:
            form = {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}
            action = form.get("Action")
            if not action:
                raise ProtocolError("MissingAction", "The request must contain the parameter "
                                    "Action.", "MissingAction")
            shape = _input_shape(action)
            params = _from_form(shape, form, "", "") or {}
            path = urlsplit(self.path).path
            if path not in ("", "/"):                      # old SDKs post to the queue URL
                if action in ("CreateQueue", "ListQueues"):
                    raise _invalid_action(f"The action {action} is not valid for this endpoint.")
                if "QueueUrl" in shape.members and "QueueUrl" not in params:
                    params["QueueUrl"] = self.base_url + path
            if "Entries" in shape.members and "Entries" not in params:
                params["Entries"] = []                     # a batch without entries is empty
            result = self._call(action, shape, params, form.get("X-Amz-Credential"))
            out = (query_json_body if as_json else xml_body)(action, result, request_id)
        except Exception as err:  # noqa: BLE001
            err, status, message, fault = _wire_error(err)
            if isinstance(err, errors.QueueDoesNotExist) and message == err.default_message:
                message = "The specified queue does not exist for this wsdl version."  # Query's words
            self._send(status, xml_error_body(err.code, err.query_code, message, request_id, fault),
                       "text/xml", request_id)
            return
        self._send(200, out, "application/json" if as_json else "text/xml", request_id)


# ---------------------------------------------------------------- start / stop

class Endpoint:
    """A running endpoint: `.url` for boto3's endpoint_url, `.service`, `.stop()`."""

    def __init__(self, httpd, service, url):
        self._httpd, self.service, self.url = httpd, service, url
        self.host, self.port = httpd.server_address[:2]
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"toyqueue-endpoint-{self.port}", daemon=True)
        self._stopped = False

    def serve_forever(self):
        """Serve in the calling thread (the CLI); returns after stop()."""
        self._httpd.serve_forever(poll_interval=0.1)

    def stop(self):
        if self._stopped:
            return
        self._stopped = True
        if self._thread.is_alive():
            self._httpd.shutdown()
        self._httpd.server_close()
        self._httpd.close_connections()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def __repr__(self):
        return f"<toyqueue endpoint {self.url}>"


def make(port=0, service=None, host="127.0.0.1", **limits):
    """Bind (but do not start serving) an endpoint; the service gets the endpoint's URL.
    ``limits``: ``max_connections``, ``idle_timeout`` (see toyqueue.transport)."""
    handler = type("BoundHandler", (Handler,), {})
    httpd = transport.Server((host, port), handler, **limits)
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    url = f"http://{shown}:{httpd.server_address[1]}"
    if service is None:
        service = QueueService(base_url=url)
    elif getattr(service, "base_url", None) == DEFAULT_BASE_URL:
        # A service made without a base_url mints URLs for this endpoint from now on; one made
        # with an explicit base_url keeps it (URLs resolve by their last segments either way).
        service.base_url = url
    handler.service, handler.base_url = service, url
    return Endpoint(httpd, service, url)


def start(port=0, service=None, host="127.0.0.1", **limits):
    """Serve a QueueService over HTTP from a background thread; returns the Endpoint."""
    endpoint = make(port, service, host, **limits)
    endpoint._thread.start()
    return endpoint
