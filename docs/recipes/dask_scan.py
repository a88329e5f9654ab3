#!/usr/bin/env python3
"""Map `zhdoc scan` over partitions of a JSONL corpus with Dask distributed; rows come back in input order.

    python3 dask_scan.py INPUT.jsonl OUTPUT.jsonl [--workers 2] [--blocksize 64MB] [--scheduler ADDRESS]
                         [--zhdoc PATH_TO_CLI_JS] [-- extra zhdoc scan flags]

Without --scheduler a LocalCluster of --workers processes (one thread each) is started. Each partition is a
byte range of the input that Dask cuts on line boundaries; the worker pipes its lines through `zhdoc scan` and
returns the output lines and any `line N: ...` messages (N counted from the partition's start).
"""
import argparse
import shutil
import subprocess
import sys

import dask.bag as db
from distributed import Client, LocalCluster


def scan_partition(lines, command):
    data = "".join(line if line.endswith("\n") else line + "\n" for line in lines).encode("utf-8", "surrogateescape")
    done = subprocess.run(command, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"zhdoc scan failed ({done.returncode}): {done.stderr.decode('utf-8', 'replace')}")
    out = done.stdout.decode("utf-8").splitlines()
    errors = [e for e in done.stderr.decode("utf-8", "replace").splitlines() if e.startswith("line ")]
    return [{"rows": out, "errors": errors}]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--blocksize", default="64MB")
    parser.add_argument("--scheduler")
    parser.add_argument("--zhdoc", help="path to zhdoc's dist/cli.js (default: zhdoc on PATH)")
    args, extra = parser.parse_known_args(argv)
    flags = [f for f in extra if f != "--"]
    base = ["node", args.zhdoc] if args.zhdoc else [shutil.which("zhdoc") or "zhdoc"]
    command = base + ["scan", "--quiet", *flags]

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        bag = db.read_text(args.input, blocksize=args.blocksize, encoding="utf-8", errors="surrogateescape", linedelimiter="\n")
        parts = bag.map_partitions(scan_partition, command).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    failed = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for index, part in enumerate(parts):
            for row in part["rows"]:
                out.write(row + "\n")
            for error in part["errors"]:
                failed += 1
                print(f"partition {index}: {error}", file=sys.stderr)
    print(f"dask_scan: {len(parts)} partitions, {failed} bad lines", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
