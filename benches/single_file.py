#!/usr/bin/env python3
"""Time per MB of one large file: policykg build of a single document of
1, 5, 10, 25 and 50 MB.

A long document must cost time in proportion to its size. The file of each
size is the corpus documents (`--corpus`, default `$POLICYKG_CORPUS` or
`../shared/corpus`) concatenated in order, over and over, until the size is
reached, cut at a line end. Reported per size: MB (10^6 bytes), median wall
seconds of `--runs` builds (each into a fresh store), seconds per MB, the
ratio of seconds per MB to that of the smallest size (the floor: 1.00 is
perfectly linear), peak RSS in MiB and triples. Standard library only.

    cargo build --release
    python3 benches/single_file.py                  # 1 5 10 25 50 MB, 1 run each
    python3 benches/single_file.py --mb 1 10 --runs 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BINARY = ROOT / "target" / "release" / "policykg"
DEFAULT_CORPUS = Path(os.environ.get("POLICYKG_CORPUS", ROOT.parent / "shared" / "corpus"))


def make_file(corpus: Path, megabytes: float, dest: Path) -> int:
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))
    if not files:
        raise SystemExit(f"error: no documents in {corpus}")
    texts = [f.read_bytes() for f in files]
    target = int(megabytes * 1_000_000)
    out = bytearray()
    i = 0
    while len(out) < target:
        out += texts[i % len(texts)]
        if not out.endswith(b"\n"):
            out += b"\n"
        i += 1
    cut = out.rfind(b"\n", 0, target)
    dest.write_bytes(bytes(out[: cut + 1 if cut > 0 else target]))
    return dest.stat().st_size


def run(argv: list[str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(err)
        raise SystemExit(f"error: {' '.join(argv)} exited with {code}")
    return seconds, usage.ru_maxrss, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1, 5, 10, 25, 50])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--binary", type=Path, default=DEFAULT_BINARY)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--tmpdir", type=Path)
    args = parser.parse_args()
    if not args.binary.exists():
        print(f"error: no binary at {args.binary}; run cargo build --release", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="policykg-single-", dir=args.tmpdir))
    rows = []
    try:
        for mb in sorted(args.mb):
            path = tmp / f"one-{mb:g}mb.txt"
            size = make_file(args.corpus, mb, path)
            times, peak, triples = [], 0, "?"
            for r in range(args.runs):
                store = tmp / f"store-{mb:g}-{r}"
                seconds, rss, out = run(
                    [str(args.binary), "--store", str(store), "--quiet", "build", str(path)]
                )
                times.append(seconds)
                peak = max(peak, rss)
                for line in out.splitlines():
                    if line.startswith("triples"):
                        triples = line.split()[1]
                shutil.rmtree(store, ignore_errors=True)
            median = statistics.median(times)
            rows.append((size / 1e6, median, median / (size / 1e6), peak / 1024, triples))
            print(f"  {size / 1e6:6.1f} MB  {median:8.2f} s", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    floor = rows[0][2]
    print(f"{'MB':>7} {'seconds':>9} {'s/MB':>7} {'vs floor':>9} {'peak MiB':>9} {'triples':>9}")
    for mb, secs, per, rss, triples in rows:
        print(f"{mb:7.1f} {secs:9.2f} {per:7.3f} {per / floor:9.2f} {rss:9.0f} {triples:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
