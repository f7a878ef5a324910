"""Check pages with the Nu HTML Checker (the W3C's validator), run locally.

The checker comes from `npm ci` and runs on Java. Without them the checks are
skipped, saying how to get them; with RIHUB_REQUIRE_TOOLS=1 (as in CI) they fail.
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from django.conf import settings

NU_CHECKER = (
    settings.BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def require_tool(available: bool, how: str) -> None:
    if available:
        return
    if os.environ.get("RIHUB_REQUIRE_TOOLS") == "1":
        raise AssertionError(how)
    raise unittest.SkipTest(how)


def nu_checker_or_skip() -> None:
    require_tool(
        NU_CHECKER.exists() and shutil.which("java") is not None,
        "The Nu HTML Checker needs `npm ci` and Java (apt-get install default-jre).",
    )


def nu_errors(documents: dict[str, str]) -> dict[str, list[str]]:
    """Check each named document in one run; return the errors found, by name."""
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"{number}.html"
            path.write_text(html)
            files[path.name] = name

        command = ["java", "-jar", str(NU_CHECKER), "--errors-only", "--format", "json"]
        result = subprocess.run(  # noqa: S603
            [*command, *(str(Path(folder) / file) for file in files)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    errors: dict[str, list[str]] = {name: [] for name in documents}
    for message in json.loads(result.stderr)["messages"]:
        name = files[Path(message["url"].removeprefix("file:")).name]
        errors[name].append(f"line {message.get('lastLine')}: {message['message']}")
    return errors
