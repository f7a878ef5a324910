"""The EPUB passes EPUBCheck, where Debian's epubcheck is installed."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from rihub.monograph.assembly import assemble
from rihub.monograph.rendering import epub
from rihub.monograph.tests.media import MediaTestCase
from rihub.monograph.tests.world import BookWorld
from rihub.tests.html import require_tool

# Debian ships EPUBCheck as a jar (its /usr/bin/epubcheck needs binfmt_misc).
JAR = Path("/usr/share/java/epubcheck.jar")
JAVA = shutil.which("java")


class EpubCheckTests(MediaTestCase):
    book_file: bytes

    @classmethod
    def setUpClass(cls) -> None:
        require_tool(
            bool(JAVA and JAR.exists()),
            "EPUBCheck is not installed: apt-get install epubcheck",
        )
        super().setUpClass()

    @classmethod
    def setUpTestData(cls) -> None:
        cls.book_file = epub.epub(assemble(BookWorld.create().monograph), "urn:test")

    def test_epubcheck_finds_no_error(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "book.epub"
            path.write_bytes(self.book_file)
            checked = subprocess.run(  # noqa: S603
                [str(JAVA), "-jar", str(JAR), str(path)],
                capture_output=True,
                text=True,
                check=False,
            )

        self.assertEqual(checked.returncode, 0, checked.stdout + checked.stderr)
