#!/usr/bin/env python3
"""Query latency benchmark: every bundled query and export view, one process
each (store open included), on the corpus replicated N times.

    cargo build --release
    python3 benches/queries.py                 # scale 1, 5 runs each
    python3 benches/queries.py --scale 1 10 --runs 7

For each scale N the corpus is replicated N times (copy i of file f named
f"{i:03d}_{f}"), built once with `--keep-duplicates`, and each bundled query
(`policykg query NAME --format tsv`; a CONSTRUCT as N-Triples) and each
export view (`policykg export VIEW --format json`) is run --runs times. The
table gives the median and the slowest run per query, and a line per
target of issue 14: median of the medians <= 20 ms and none over 200 ms at
1x, none over 2 s at 100x. A federated query (SERVICE) is skipped: it
measures the remote endpoint. Standard library only.
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

REPO = Path(__file__).resolve().parent.parent
VIEWS = ["blocks", "positions", "recommendations", "citations"]


def binary(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    for p in (
        REPO / "target" / "x86_64-unknown-linux-gnu" / "release" / "policykg",
        REPO / "target" / "release" / "policykg",
    ):
        if p.exists():
            return p
    raise SystemExit("queries: no release binary; run `cargo build --release` first")


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    r = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if r.returncode != 0:
        raise SystemExit(f"queries: {' '.join(argv)} failed: {r.stderr.decode()[:300]}")
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, nargs="+", default=[1])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--binary")
    ap.add_argument(
        "--corpus",
        default=os.environ.get("POLICYKG_CORPUS", str(REPO.parent / "shared" / "corpus")),
    )
    args = ap.parse_args()
    if args.runs < 1 or any(s < 1 for s in args.scale):
        ap.error("--runs and --scale take positive numbers")
    exe = binary(args.binary)
    corpus = Path(args.corpus)
    files = sorted(p for p in corpus.iterdir() if p.suffix.lower() in (".txt", ".md"))
    if not files:
        raise SystemExit(f"queries: no documents in {corpus}")
    names = []
    for q in sorted((REPO / "queries").glob("*.rq")):
        text = q.read_text(encoding="utf-8")
        if "SERVICE" in text:
            continue
        fmt = "ntriples" if ("CONSTRUCT" in text or "DESCRIBE" in text) else "tsv"
        names.append((q.stem, ["query", q.stem, "--format", fmt]))
    for v in VIEWS:
        names.append((f"view:{v}", ["export", v, "--format", "json"]))
    for scale in args.scale:
        with tempfile.TemporaryDirectory(prefix="policykg-queries-") as tmp:
            tmp = Path(tmp)
            src = tmp / "input"
            src.mkdir()
            for i in range(scale):
                for f in files:
                    shutil.copyfile(f, src / f"{i:03d}_{f.name}")
            store = tmp / "store"
            env = dict(os.environ, POLICYKG_STORE=str(store))
            subprocess.run(
                [str(exe), "--quiet", "build", "--keep-duplicates", str(src)],
                env=env, check=True, stdout=subprocess.DEVNULL,
            )
            print(f"\nscale {scale}x ({len(files) * scale} files), {args.runs} runs each\n")
            print(f"| {'query':<28} | median ms | max ms |")
            print(f"|{'-' * 30}|-----------|--------|")
            medians = []
            slowest = 0.0
            for name, argv in names:
                times = [timed([str(exe), *argv], env) for _ in range(args.runs)]
                med = statistics.median(times) * 1000
                mx = max(times) * 1000
                medians.append(med)
                slowest = max(slowest, mx)
                print(f"| {name:<28} | {med:9.1f} | {mx:6.1f} |")
            overall = statistics.median(medians)
            limit = 200.0 if scale == 1 else 2000.0 if scale >= 100 else None
            print(f"\nmedian of medians {overall:.1f} ms (target at 1x: <= 20 ms): "
                  + ("met" if overall <= 20 else "not met"))
            if limit is not None:
                ok = slowest <= limit
                print(f"slowest run {slowest:.1f} ms (target at {scale}x: <= {limit:.0f} ms): "
                      + ("met" if ok else "not met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
