#!/usr/bin/env python3
"""scripts/dask_extract.py — `whosaid extract` on a Dask cluster: the same
bytes as one run (issue 13; docs/partial.md).

The JSON Lines input is cut at line boundaries into byte ranges; a dask.bag
of those ranges is mapped, one task per range, by `whosaid extract --partial
--first-ordinal OFFSET` (OFFSET: the range's byte offset in the whole input,
so ordinals increase in input order across ranges); each task writes its
partials to a file; then `whosaid merge` combines them into the output of
one `whosaid extract` over the whole input.

    python3 scripts/dask_extract.py -o quotes.jsonl articles.jsonl
    python3 scripts/dask_extract.py --workers 4 --partitions 16 -o q.jsonl a.jsonl b.jsonl
    python3 scripts/dask_extract.py --scheduler tcp://10.0.0.5:8786 \
        --partials /shared/tmp/run1 -o q.jsonl /shared/articles.jsonl

Without --scheduler it starts a distributed.LocalCluster (--workers
processes, one thread each). With --scheduler ADDRESS it runs on that
cluster unchanged: the inputs, --partials and the whosaid binary (and its
rules) must then be at the same paths on every worker (a shared
filesystem). Needs Debian's python3-distributed (scripts/setup.sh).

Exit status: whosaid's (0 ok; 1 some documents failed or the merge failed;
2 usage).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def default_whosaid():
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "build", "whosaid")
    return os.path.abspath(built) if os.path.exists(built) else (shutil.which("whosaid") or "whosaid")


def byte_ranges(paths, partitions):
    """[(path, start, end, offset)]: about `partitions` ranges over all inputs,
    each ending after a newline (or at the end of its file); `offset` is the
    range's start counted over the inputs in order."""
    sizes = [os.path.getsize(p) for p in paths]
    total = sum(sizes)
    step = max(1, -(-total // max(1, partitions)))
    ranges, base = [], 0
    for path, size in zip(paths, sizes):
        with open(path, "rb") as f:
            start = 0
            while start < size:
                end = min(size, start + step)
                if end < size:
                    f.seek(end)
                    rest = f.readline()  # to the end of the line the cut falls in
                    end += len(rest)
                ranges.append((path, start, end, base + start))
                start = end
        base += size
    return ranges


def map_range(task, whosaid, rules, outdir):
    """The mapper: one byte range through `whosaid extract --partial`; returns
    (partial file, exit status, standard error)."""
    path, start, end, offset = task
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read(end - start)
    out = os.path.join(outdir, "part-%020d.partial" % offset)
    cmd = [whosaid, "extract", "--partial", "--first-ordinal", str(offset),
           "--input-format", "jsonl", "--threads", "1", "-o", out, "-"]
    if rules:
        cmd[2:2] = ["--rules", rules]
    done = subprocess.run(cmd, input=data, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return out, done.returncode, done.stderr.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", metavar="JSONL", help="JSON Lines inputs, in order")
    ap.add_argument("-o", "--output", help="output file (default: standard output)")
    ap.add_argument("--whosaid", default=default_whosaid(), help="the whosaid binary")
    ap.add_argument("--rules", help="rules directory (as whosaid --rules)")
    ap.add_argument("--format", default="jsonl", choices=["jsonl", "table"])
    ap.add_argument("--explain", action="store_true")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://HOST:8786)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (2)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="input ranges (default: 2 per worker)")
    ap.add_argument("--partials", help="directory for the partial files (default: a temporary "
                    "one; with --scheduler, give one every worker can write)")
    args = ap.parse_args()

    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        print("dask_extract: needs dask and distributed (Debian: python3-distributed)",
              file=sys.stderr)
        return 2
    for p in args.inputs:
        if not os.path.isfile(p):
            print("dask_extract: %s: not a file" % p, file=sys.stderr)
            return 2

    inputs = [os.path.abspath(p) for p in args.inputs]
    whosaid = os.path.abspath(args.whosaid) if os.path.exists(args.whosaid) else args.whosaid
    rules = os.path.abspath(args.rules) if args.rules else None
    partitions = args.partitions or 2 * max(1, args.workers)
    outdir = args.partials or tempfile.mkdtemp(prefix="whosaid_dask.")
    os.makedirs(outdir, exist_ok=True)
    cluster = None
    try:
        if args.scheduler:
            client = Client(args.scheduler)
        else:
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
        tasks = byte_ranges(inputs, partitions)
        bag = db.from_sequence(tasks, npartitions=max(1, len(tasks)))
        results = bag.map(map_range, whosaid, rules, outdir).compute()
        client.close()
        status = 0
        for _, code, err in results:
            sys.stderr.write(err)
            status = max(status, code)
        cmd = [whosaid, "merge", "--format", args.format] + [r[0] for r in results]
        if rules:
            cmd[2:2] = ["--rules", rules]
        if args.explain:
            cmd.append("--explain")
        if args.output:
            cmd += ["-o", args.output]
        merged = subprocess.run(cmd)
        return max(status, merged.returncode)
    finally:
        if cluster is not None:
            cluster.close()
        if not args.partials:
            shutil.rmtree(outdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
