#!/usr/bin/env python3
"""Throughput benchmark for `policykg build`, against a bulk-load floor.

For each scale N the corpus files are replicated N times into a temporary
directory (copy i of file f is named f"{i:03d}_{f}") and

  1. `policykg --store S --quiet build --keep-duplicates INPUT` is run K
     times, each into a fresh store: median wall seconds, max peak RSS;
  2. the quads it produced are dumped (`policykg --store S dump --format
     nquads`), and that same file is bulk-loaded K times into fresh stores
     with the official Oxigraph CLI (`oxigraph load`): the floor, i.e. what
     writing this graph into a RocksDB-backed Oxigraph store costs without
     any text processing.

The ratio policykg seconds / floor seconds tells how far build is from
"just storing the result". Standard library only. See benches/README.md.

Exit status: 0 on success, 1 when a child process failed, 2 on usage errors
(missing binary, missing corpus, missing `oxigraph` without --no-floor).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BINARY = REPO / "target" / "release" / "policykg"
DEFAULT_CORPUS = Path(
    os.environ.get("POLICYKG_CORPUS", str(REPO.parent / "shared" / "corpus"))
)


class ChildFailed(Exception):
    """A measured or helper process exited non-zero."""


@dataclass
class Measured:
    seconds: float  # wall, time.perf_counter around spawn..reap
    maxrss_kib: int  # ru_maxrss from os.wait4 (KiB on Linux)
    stdout: str


@dataclass
class ScaleResult:
    scale: int
    files: int
    input_bytes: int
    input_mb: float
    triples: int | None  # from policykg's own summary
    dumped_quads: int  # lines of the N-Quads dump (the floor's input)
    dump_bytes: int
    policykg_seconds: float
    policykg_mb_per_s: float
    policykg_rss_mib: float
    policykg_runs: list[float] = field(default_factory=list)
    policykg_internal_seconds: list[float] = field(default_factory=list)
    floor_seconds: float | None = None
    floor_rss_mib: float | None = None
    floor_runs: list[float] = field(default_factory=list)
    ratio: float | None = None


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run_measured(
    argv: list[str], *, stdout_path: Path, stderr_path: Path, what: str
) -> Measured:
    """Runs argv to completion; wall time and the child's peak RSS.

    stdout/stderr go to files, not pipes, so that the child can never block
    on a full pipe while we sit in wait4.
    """
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # already reaped; keep Popen from waiting again
    if code != 0:
        err_text = stderr_path.read_text(errors="replace").strip()
        raise ChildFailed(
            f"{what} failed with exit status {code}\n"
            f"  command: {' '.join(argv)}\n"
            f"  stderr:\n{indent(err_text or '(empty)')}"
        )
    return Measured(
        seconds=seconds,
        maxrss_kib=usage.ru_maxrss,
        stdout=stdout_path.read_text(errors="replace"),
    )


def indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def parse_summary(stdout: str) -> dict[str, str]:
    """`files read   5` -> {"files read": "5"}; keys are the left column."""
    summary = {}
    for line in stdout.splitlines():
        # keys may be two words ("files read"); the value is what follows
        # the first run of two or more spaces.
        key, sep, value = line.partition("  ")
        if sep:
            summary[key.strip()] = value.strip()
    return summary


def int_or_none(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def float_or_none(text: str | None) -> float | None:
    # "1.23" or "1.23 (extraction 0.20, store 1.03)": the first number.
    try:
        return float(text.split()[0]) if text else None
    except (ValueError, IndexError):
        return None


def corpus_files(corpus: Path) -> list[Path]:
    files = sorted(
        p for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".md")
    )
    if not files:
        raise SystemExit(f"bench: no .txt/.md files in corpus {corpus}")
    return files


def replicate(files: list[Path], scale: int, dest: Path) -> int:
    dest.mkdir(parents=True)
    total = 0
    for i in range(scale):
        for f in files:
            target = dest / f"{i:03d}_{f.name}"
            shutil.copyfile(f, target)
            total += target.stat().st_size
    return total


def find_oxigraph(explicit: str | None) -> str | None:
    if explicit:
        return explicit if shutil.which(explicit) else None
    # Prefer the executable installed next to this Python (pip's scripts
    # dir) over a PATH lookup, which may hit a pyenv shim: a shell script
    # whose start-up would be timed as part of the floor.
    beside = Path(sysconfig.get_path("scripts")) / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("oxigraph")


def oxigraph_load_argv(oxigraph: str) -> tuple[list[str], str]:
    """A template for `oxigraph load`, adapted to the installed version's flags.

    Returns (argv with {location} and {file} placeholders, version string).
    """
    version = subprocess.run(
        [oxigraph, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    helped = subprocess.run(
        [oxigraph, "load", "--help"], capture_output=True, text=True, check=False
    )
    text = helped.stdout + helped.stderr
    if helped.returncode != 0 or "Usage" not in text:
        raise SystemExit(
            f"bench: `{oxigraph} load --help` failed (exit {helped.returncode}):\n{indent(text)}"
        )
    file_flag = "--file" if "--file" in text else "-f"
    if "--location" in text:  # 0.4 and later: a per-subcommand option
        argv = [oxigraph, "load", "--location", "{location}", file_flag, "{file}"]
    else:  # older CLIs took --location before the subcommand
        argv = [oxigraph, "--location", "{location}", "load", file_flag, "{file}"]
    return argv, version


def mib(kib: int) -> float:
    return kib / 1024.0


def bench_scale(
    scale: int,
    files: list[Path],
    args: argparse.Namespace,
    load_template: list[str] | None,
) -> ScaleResult:
    with tempfile.TemporaryDirectory(prefix=f"policykg-bench-x{scale}-", dir=args.tmpdir) as tmp_s:
        tmp = Path(tmp_s)
        input_dir = tmp / "input"
        input_bytes = replicate(files, scale, input_dir)
        n_files = len(files) * scale
        log(f"scale {scale}: {n_files} files, {input_bytes / 1e6:.2f} MB")

        binary = str(args.binary)
        store = tmp / "store"
        build_argv = [
            binary, "--store", str(store), "--quiet", "build",
            *([] if args.no_keep_duplicates else ["--keep-duplicates"]),
            *([] if args.memory is None else ["--memory", str(args.memory)]),
            str(input_dir),
        ]
        runs: list[Measured] = []
        for k in range(args.runs):
            if store.exists():
                shutil.rmtree(store)
            m = run_measured(
                build_argv,
                stdout_path=tmp / "build.out",
                stderr_path=tmp / "build.err",
                what="policykg build",
            )
            runs.append(m)
            log(f"  policykg build run {k + 1}/{args.runs}: {m.seconds:.3f} s, "
                f"{mib(m.maxrss_kib):.1f} MiB")
        # the last run's store stays for the dump
        summary = parse_summary(runs[-1].stdout)
        triples = int_or_none(summary.get("triples"))
        files_read = int_or_none(summary.get("files read"))
        if files_read is not None and files_read != n_files:
            log(f"  warning: policykg read {files_read} files, {n_files} were given")
        if not args.no_keep_duplicates:
            docs = int_or_none(summary.get("documents"))
            if docs is not None and docs != n_files:
                log(f"  warning: {docs} documents from {n_files} files "
                    f"(duplicates {summary.get('duplicates', '?')}); is --keep-duplicates honoured?")

        graph = tmp / "graph.nq"
        with open(graph, "wb") as out, open(tmp / "dump.err", "wb") as err:
            dumped = subprocess.run(
                [binary, "--store", str(store), "--quiet", "dump", "--format", "nquads"],
                stdin=subprocess.DEVNULL, stdout=out, stderr=err, check=False,
            )
        if dumped.returncode != 0:
            raise ChildFailed(
                f"policykg dump failed with exit status {dumped.returncode}\n"
                f"  stderr:\n{indent((tmp / 'dump.err').read_text(errors='replace').strip() or '(empty)')}"
            )
        dump_bytes = graph.stat().st_size
        with open(graph, "rb") as fh:
            dumped_quads = sum(1 for line in fh if line.strip() and not line.startswith(b"#"))
        if triples is not None and triples != dumped_quads:
            log(f"  note: summary says {triples} triples, the dump has {dumped_quads} quads")
        shutil.rmtree(store)

        seconds = statistics.median(m.seconds for m in runs)
        result = ScaleResult(
            scale=scale,
            files=n_files,
            input_bytes=input_bytes,
            input_mb=input_bytes / 1e6,
            triples=triples,
            dumped_quads=dumped_quads,
            dump_bytes=dump_bytes,
            policykg_seconds=seconds,
            policykg_mb_per_s=input_bytes / 1e6 / seconds,
            policykg_rss_mib=mib(max(m.maxrss_kib for m in runs)),
            policykg_runs=[m.seconds for m in runs],
            policykg_internal_seconds=[
                s for s in (float_or_none(parse_summary(m.stdout).get("seconds")) for m in runs)
                if s is not None
            ],
        )

        if load_template is not None:
            location = tmp / "floorstore"
            floor: list[Measured] = []
            for k in range(args.runs):
                if location.exists():
                    shutil.rmtree(location)
                argv = [
                    a.format(location=location, file=graph) if "{" in a else a
                    for a in load_template
                ]
                m = run_measured(
                    argv,
                    stdout_path=tmp / "load.out",
                    stderr_path=tmp / "load.err",
                    what="oxigraph load",
                )
                floor.append(m)
                log(f"  oxigraph load run {k + 1}/{args.runs}: {m.seconds:.3f} s, "
                    f"{mib(m.maxrss_kib):.1f} MiB")
            shutil.rmtree(location, ignore_errors=True)
            result.floor_seconds = statistics.median(m.seconds for m in floor)
            result.floor_rss_mib = mib(max(m.maxrss_kib for m in floor))
            result.floor_runs = [m.seconds for m in floor]
            result.ratio = result.policykg_seconds / result.floor_seconds
        return result


def fmt(value: float | int | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def print_table(results: list[ScaleResult]) -> None:
    headers = [
        "scale", "input MB", "triples", "policykg s", "MB/s", "RSS MiB",
        "oxigraph-load s", "load RSS MiB", "ratio",
    ]
    rows = [
        [
            str(r.scale),
            fmt(r.input_mb, ".2f"),
            fmt(r.triples if r.triples is not None else r.dumped_quads, "d"),
            fmt(r.policykg_seconds, ".3f"),
            fmt(r.policykg_mb_per_s, ".2f"),
            fmt(r.policykg_rss_mib, ".1f"),
            fmt(r.floor_seconds, ".3f"),
            fmt(r.floor_rss_mib, ".1f"),
            fmt(r.ratio, ".2f"),
        ]
        for r in results
    ]
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
    print("  ".join(h.rjust(w) for h, w in zip(headers, widths)))
    for row in rows:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths)))


# Issue 14's targets: (from scale, peak RSS MiB, wall time / floor).
TARGETS = [(100, 1536.0, 1.1), (1000, 3072.0, None)]


def print_targets(results: list[ScaleResult]) -> None:
    """A line per figure against its target, for the scales that have one."""
    for r in results:
        for scale, rss, ratio in TARGETS:
            if r.scale != scale:
                continue
            if r.policykg_rss_mib is not None:
                verdict = "met" if r.policykg_rss_mib <= rss else "NOT met"
                print(f"target scale {scale}: peak RSS {r.policykg_rss_mib:.0f} MiB <= {rss:.0f}: {verdict}")
            if ratio is not None and r.ratio is not None:
                verdict = "met" if r.ratio <= ratio else "NOT met"
                print(f"target scale {scale}: time / floor {r.ratio:.2f} <= {ratio}: {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark `policykg build` on a replicated corpus against `oxigraph load`.",
    )
    parser.add_argument(
        "--scale", type=int, nargs="+", action="extend", metavar="N",
        help="replication factors (repeatable; default: 1 20)",
    )
    parser.add_argument("--binary", type=Path, default=DEFAULT_BINARY,
                        help=f"policykg executable (default: {DEFAULT_BINARY.relative_to(REPO)})")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (default: 3)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"corpus directory (default: $POLICYKG_CORPUS or {DEFAULT_CORPUS})")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results as JSON")
    parser.add_argument("--no-floor", action="store_true",
                        help="skip the `oxigraph load` floor")
    parser.add_argument("--oxigraph", metavar="PATH",
                        help="the Oxigraph CLI (default: beside this Python, then PATH)")
    parser.add_argument("--no-keep-duplicates", action="store_true",
                        help="do not pass --keep-duplicates (copies then collapse into one document)")
    parser.add_argument("--memory", type=int, metavar="MIB",
                        help="pass --memory MIB to policykg build (default: its own)")
    parser.add_argument("--tmpdir", type=Path,
                        help="where the temporary directories go (default: system temp)")
    args = parser.parse_args()
    scales = args.scale or [1, 20]
    if any(s < 1 for s in scales) or args.runs < 1:
        parser.error("--scale and --runs take positive integers")

    if not (args.binary.is_file() and os.access(args.binary, os.X_OK)):
        print(f"bench: no policykg executable at {args.binary}; "
              f"build it with `cargo build --release` or pass --binary", file=sys.stderr)
        return 2
    if not args.corpus.is_dir():
        print(f"bench: corpus directory {args.corpus} not found (set --corpus or POLICYKG_CORPUS)",
              file=sys.stderr)
        return 2
    files = corpus_files(args.corpus)

    load_template = None
    oxigraph_version = None
    if not args.no_floor:
        oxigraph = find_oxigraph(args.oxigraph)
        if oxigraph is None:
            print(
                "bench: the Oxigraph CLI (`oxigraph`) is not available, so the floor cannot be measured.\n"
                "  Install it with `python3 -m pip install oxigraph` (the PyPI package ships the CLI),\n"
                "  pass its path with --oxigraph PATH, or run with --no-floor.",
                file=sys.stderr,
            )
            return 2
        load_template, oxigraph_version = oxigraph_load_argv(oxigraph)
        log(f"floor: {oxigraph_version or oxigraph} ({oxigraph})")

    results = []
    try:
        for scale in scales:
            results.append(bench_scale(scale, files, args, load_template))
    except ChildFailed as e:
        print(f"bench: {e}", file=sys.stderr)
        if results:
            print_table(results)
        return 1

    print_table(results)
    print_targets(results)
    if args.json:
        payload = {
            "binary": str(args.binary),
            "corpus": str(args.corpus),
            "runs": args.runs,
            "keep_duplicates": not args.no_keep_duplicates,
            "oxigraph": oxigraph_version,
            "oxigraph_load": load_template,
            "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
            "results": [asdict(r) for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
