"""A test case whose files, pictures included, live in a folder of its own."""

import shutil
import tempfile
from pathlib import Path

from django.test import TestCase

from rihub.tests.media import TemporaryMediaMixin


class MediaTestCase(TemporaryMediaMixin, TestCase):
    def output(self) -> Path:
        folder = Path(tempfile.mkdtemp(prefix="rihub-book-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        return folder
