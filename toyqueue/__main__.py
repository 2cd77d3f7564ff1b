"""Command line: `python -m toyqueue serve` runs the toy SQS endpoint; `differences` prints
the table of where LocalStack departs from SQS (generated from the contract tests' markers).

    python -m toyqueue serve --port 9324
    python -m toyqueue serve --realistic --seed 7     # standard queues behave like distributed SQS
    aws --endpoint-url http://127.0.0.1:9324 sqs create-queue --queue-name orders
"""

import argparse
import sys


def _serve(args):
    from toyqueue import server

    host = args.host
    loopback = host in ("localhost", "::1") or host.startswith("127.")
    if not loopback and not args.public:
        sys.exit(f"toyqueue: listening on {host or 'every interface'} needs --public "
                 "(anyone on your network could then read and write your queues).")
    if args.public:
        host = "0.0.0.0" if host == "127.0.0.1" else host
        print("WARNING: toyqueue is listening on all interfaces: anyone who can reach this "
              "machine can read, send and delete messages. It has no authentication.",
              file=sys.stderr)
    if args.seed is not None and not args.realistic:
        sys.exit("toyqueue: --seed only matters with --realistic (the exact queue has no randomness).")
    service = None
    if args.realistic:
        from toyqueue.service import QueueService
        service = QueueService(realistic=True, seed=args.seed)
    try:
        endpoint = server.make(port=args.port, host=host, service=service)
    except OSError as err:
        sys.exit(f"toyqueue: cannot listen on {host}:{args.port}: {err.strerror or err}")
    print(f"toyqueue SQS endpoint on {endpoint.url}  (Ctrl-C stops it; queues and messages "
          "live in memory only and are gone when it stops)", flush=True)
    if service is not None:
        r = service.realism
        print(f"  realistic mode (seed {args.seed}): standard queues on {r.servers} servers, a short "
              f"poll asks {r.sample}; see toyqueue/realistic.py", flush=True)
    print(f"  boto3.client('sqs', endpoint_url='{endpoint.url}', region_name='us-east-1',\n"
          "               aws_access_key_id='test', aws_secret_access_key='test')", flush=True)
    try:
        endpoint.serve_forever()
    except KeyboardInterrupt:
        print("\nstopped.", flush=True)
    finally:
        endpoint.stop()


def _differences(args):
    from toyqueue import differences

    print(differences.markdown(), end="")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m toyqueue",
                                     description="The toy SQS: serve it, or compare it.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser(
        "serve", help="run the SQS-compatible HTTP endpoint",
        description="Run the toy SQS over HTTP, for boto3, the AWS CLI and old SDKs. Its queues "
                    "and messages live in memory only: stopping it loses them all.")
    serve.add_argument("--port", type=int, default=9324, help="TCP port (default 9324; 0 = any)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--public", action="store_true",
                       help="listen on all interfaces (0.0.0.0); prints a warning")
    serve.add_argument("--realistic", action="store_true",
                       help="standard queues behave like distributed SQS: sampled short polls, "
                            "reordering, duplicates after delete, lagging counters")
    serve.add_argument("--seed", type=int, default=None,
                       help="seed for --realistic: the same seed and calls give the same answers")
    serve.set_defaults(run=_serve)
    diff = sub.add_parser("differences", help="print the SQS / toy / LocalStack table (Markdown)")
    diff.set_defaults(run=_differences)
    args = parser.parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main()
