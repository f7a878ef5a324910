"""Run every benchmark on a fresh embedded database in a temporary folder."""

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


def main() -> None:
    with tempfile.TemporaryDirectory() as var:
        setup(var)
        from bench import directory, governance

        for line in directory.run(timed):
            print(line)
        for line in governance.run():
            print(line)


if __name__ == "__main__":
    main()
