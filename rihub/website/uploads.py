"""Check a library upload: its size, and its kind told from its content.

1. The size must not exceed settings.RIHUB_DOCUMENT_MAX_MB.
2. `filetype` reads the magic bytes: a PDF, a ZIP package, or something refused.
3. A ZIP package must hold the parts of a DOCX, XLSX or ODT document; the first
   bytes alone cannot tell a document from any archive with the right first names.
4. The name's extension must agree with the kind found.
"""

import hashlib
import math
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from defusedxml import ElementTree
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

KINDS = ("pdf", "docx", "odt", "xlsx")
ACCEPT = ",".join(f".{kind}" for kind in KINDS)
MEGABYTE = 1024 * 1024
HEAD_BYTES = 8192
# Packages whose first bytes look like one of these are judged by their parts.
ZIP_FAMILY = {"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"}
OOXML_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ".main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ".main+xml": "xlsx",
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# How reading a damaged or hostile package fails: not a ZIP, a missing part,
# encrypted or unknown compression, bad XML, or entities (defusedxml's ValueError).
UNREADABLE_PACKAGE = (
    zipfile.BadZipFile,
    KeyError,
    RuntimeError,
    NotImplementedError,
    OSError,
    EOFError,
    zlib.error,
    ElementTree.ParseError,
    ValueError,
)
REFUSED_KINDS: dict[str, Promise] = {
    "zip": _("a ZIP archive"),
    "exe": _("a Windows program"),
    "elf": _("a Linux program"),
    "doc": _("an old Word document (DOC)"),
    "xls": _("an old Excel workbook (XLS)"),
    "ppt": _("a PowerPoint presentation"),
    "pptx": _("a PowerPoint presentation"),
    "ods": _("an OpenDocument spreadsheet (ODS)"),
    "odp": _("an OpenDocument presentation (ODP)"),
    "rtf": _("an RTF document"),
    "epub": _("an EPUB book"),
}


@dataclass(frozen=True)
class FileFacts:
    kind: str
    size: int
    sha256: str


def help_text() -> str:
    return str(
        _("A PDF, DOCX, ODT or XLSX document of at most %(limit)d MB.")
        % {"limit": settings.RIHUB_DOCUMENT_MAX_MB}
    )


def check(file: File) -> str:
    """Refuse a file that is too large or of a kind not accepted; return its kind."""
    check_size(file.size or 0)
    kind = recognise(file)
    check_extension(file.name or "", kind)
    return kind


def describe(file: File) -> FileFacts:
    """What the library records of an accepted file."""
    kind = check(file)
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    return FileFacts(kind=kind, size=file.size or 0, sha256=digest.hexdigest())


def check_size(size: int) -> None:
    limit = settings.RIHUB_DOCUMENT_MAX_MB
    if size > limit * MEGABYTE:
        raise ValidationError(
            _("This file is %(size)d MB; the limit is %(limit)d MB."),
            code="too_large",
            # Rounded up, so that a refused file never reads as within the limit.
            params={"size": math.ceil(size / MEGABYTE), "limit": limit},
        )


def recognise(file: File) -> str:
    file.seek(0)
    guess = filetype.guess(file.read(HEAD_BYTES))
    file.seek(0)
    if guess is None:
        raise ValidationError(
            _(
                "The type of this file could not be recognised from its content; "
                "upload a PDF, DOCX, ODT or XLSX document."
            ),
            code="unrecognised",
        )

    if guess.extension == "pdf":
        return "pdf"
    if guess.extension in ZIP_FAMILY and (kind := package_kind(file)):
        return kind
    raise ValidationError(
        _("This file is %(what)s, not a PDF, DOCX, ODT or XLSX document."),
        code="wrong_kind",
        params={"what": describe_refused(guess)},
    )


def describe_refused(guess: filetype.Type) -> Promise | str:
    if guess.extension in ZIP_FAMILY - REFUSED_KINDS.keys():
        # It starts like a document, but its parts are not those of one.
        return REFUSED_KINDS["zip"]
    if guess.extension in REFUSED_KINDS:
        return REFUSED_KINDS[guess.extension]
    if guess.mime.startswith("image/"):
        return _("an image (%(kind)s)") % {"kind": guess.extension.upper()}
    return _("a %(kind)s file") % {"kind": guess.extension.upper()}


def package_kind(file: File) -> str | None:
    """The document a ZIP package holds, judged by its parts; None for others."""
    try:
        with zipfile.ZipFile(file) as archive:
            return odf_kind(archive) or ooxml_kind(archive)
    except UNREADABLE_PACKAGE:
        return None
    finally:
        file.seek(0)


def odf_kind(archive: zipfile.ZipFile) -> str | None:
    names = archive.namelist()
    if names[:1] != ["mimetype"] or "content.xml" not in names:
        return None
    with archive.open("mimetype") as part:
        return "odt" if part.read(100).strip() == ODT_MIMETYPE else None


def ooxml_kind(archive: zipfile.ZipFile) -> str | None:
    with archive.open("[Content_Types].xml") as part:
        # A content-types part is a few kilobytes; more is not a real document.
        types = ElementTree.fromstring(part.read(MEGABYTE))
    found = {
        OOXML_MAIN_TYPES.get(override.get("ContentType", ""))
        for override in types.iter(f"{CONTENT_TYPES_NS}Override")
    }
    kinds = found - {None}
    return kinds.pop() if len(kinds) == 1 else None


def check_extension(name: str, kind: str) -> None:
    if PurePath(name).suffix.lower() != f".{kind}":
        raise ValidationError(
            _(
                "This file is in %(kind)s format, but its name does not end in "
                ".%(extension)s. Rename it and upload it again."
            ),
            code="wrong_extension",
            params={"kind": kind.upper(), "extension": kind},
        )
