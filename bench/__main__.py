"""Run the benchmarks: `python -m bench` runs them all, `python -m bench website`
only the website's.

The directory, governance and bulletins benches share a fresh embedded database
in a temporary folder; the website bench makes its own databases, SQLite and
PostgreSQL, one process each.
"""

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHES = ["directory", "governance", "bulletins", "monograph", "website"]


def setup(var: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "rihub.settings",
            "RIHUB_VAR_DIR": var,
            "DEBUG": "0",
            "ALLOWED_HOSTS": "testserver",
        }
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    """The best of `repeat` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "benches",
        nargs="*",
        metavar="BENCH",
        help=f"which to run, of {', '.join(BENCHES)} (default: all)",
    )
    parser.add_argument(
        "--database",
        action="append",
        choices=["sqlite", "postgresql"],
        help="the website bench's databases (default: both)",
    )
    parser.add_argument(
        "--seconds",
        type=int,
        default=10,
        help="how long each load run of the website bench lasts (default: 10)",
    )
    parser.add_argument(
        "--documents",
        type=int,
        default=50_000,
        help="documents the website bench generates (default: 50,000)",
    )
    parser.add_argument(
        "--news",
        type=int,
        default=10_000,
        help="news pages the website bench generates (default: 10,000)",
    )
    parser.add_argument(
        "--subscribers",
        type=int,
        default=20_000,
        help="subscribers the bulletins bench mails (default: 20,000)",
    )
    args = parser.parse_args()
    # Checked here: argparse 3.11 refuses choices on an empty '*' positional.
    unknown = set(args.benches) - set(BENCHES)
    if unknown:
        parser.error(f"no such bench: {', '.join(sorted(unknown))}")
    args.benches = args.benches or BENCHES
    return args


def main() -> None:
    args = arguments()
    if {"directory", "governance", "bulletins", "monograph"} & set(args.benches):
        with tempfile.TemporaryDirectory() as var:
            setup(var)
            from bench import bulletins, directory, governance

            if "directory" in args.benches:
                for line in directory.run(timed):
                    print(line)
            if "governance" in args.benches:
                for line in governance.run():
                    print(line)
            if "bulletins" in args.benches:
                for line in bulletins.run(args.subscribers):
                    print(line, flush=True)
            if "monograph" in args.benches:
                from bench import monograph

                for line in monograph.run():
                    print(line, flush=True)
    if "website" in args.benches:
        from bench import website

        databases = args.database or website.DATABASES
        for line in website.run(databases, args.seconds, args.documents, args.news):
            print(line, flush=True)


if __name__ == "__main__":
    main()
