"""One pass of the website bench on one database, in a process of its own.

The parent (bench/website.py) chooses the database, the cache and the var folder
through the environment, which Django reads once at start: hence a process per
database. The pass writes its figures as JSON for the parent to print beside
the other database's.
"""

import argparse
import json
from pathlib import Path

import django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--news", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10, help="0 skips the load")
    parser.add_argument("--wrk", default="", help="wrk's path; none skips the load")
    parser.add_argument("--nginx", default="", help="nginx's path")
    args = parser.parse_args()

    django.setup()
    from bench import archive, load

    figures = archive.build_and_measure(args.documents, args.news)
    if args.wrk and args.nginx and args.seconds > 0:
        figures["load"] = load.measure_load(
            figures["pages"], args.wrk, args.nginx, args.seconds
        )
    args.out.write_text(json.dumps(figures))


if __name__ == "__main__":
    main()
