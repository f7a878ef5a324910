"""Small real files of each accepted kind, built from scratch for the tests.

Each builder writes the least a reader needs: a one-page PDF with a line of text,
and DOCX, ODT and XLSX packages zipped from minimal XML parts.
"""

import io
import tempfile
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from pypdf import PdfReader, PdfWriter

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
WORKSHEET = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
)
SHARED_STRINGS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
)
ODT_MIME = "application/vnd.oasis.opendocument.text"


def pdf(text: str = "Roma inclusion in Albania") -> bytes:
    """A one-page A4 PDF that shows `text` in Helvetica."""
    stream = f"BT /F1 18 Tf 72 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()


def encrypted_pdf() -> bytes:
    """The sample PDF, locked with a password nobody gave the worker."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf())))
    writer.encrypt(user_password="not-given", algorithm="RC4-128")  # noqa: S106
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def package(parts: list[tuple[str, str]]) -> bytes:
    """Zip the parts in the order given, as office suites write them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts:
            # ODF wants its mimetype first and uncompressed.
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=method)
    return out.getvalue()


def content_types(main_part: str, main_type: str, *extra: str) -> str:
    overrides = "".join(extra)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main_part}" ContentType="{main_type}"/>'
        f"{overrides}</Types>"
    )


def root_relationships(main_part: str) -> str:
    return (
        f'<Relationships xmlns="{RELATIONSHIPS}">'
        f'<Relationship Id="rId1" Type="{OFFICE_DOCUMENT}" Target="{main_part}"/>'
        "</Relationships>"
    )


def docx(paragraphs: tuple[str, ...] = ("Action plan", "Housing")) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    main_type = (
        "application/vnd.openxmlformats-officedocument."
        "wordprocessingml.document.main+xml"
    )
    return package(
        [
            ("[Content_Types].xml", content_types("word/document.xml", main_type)),
            ("_rels/.rels", root_relationships("word/document.xml")),
            (
                "word/document.xml",
                f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
            ),
        ]
    )


def odt(paragraphs: tuple[str, ...] = ("Progress report", "Education")) -> bytes:
    body = "".join(f"<text:p>{text}</text:p>" for text in paragraphs)
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    return package(
        [
            ("mimetype", ODT_MIME),
            (
                "content.xml",
                f'<office:document-content xmlns:office="{office}" '
                f'xmlns:text="{text}"><office:body><office:text>{body}'
                "</office:text></office:body></office:document-content>",
            ),
            (
                "META-INF/manifest.xml",
                f'<manifest:manifest xmlns:manifest="{manifest}">'
                f'<manifest:file-entry manifest:full-path="/" '
                f'manifest:media-type="{ODT_MIME}"/></manifest:manifest>',
            ),
        ]
    )


def xlsx(title: str = "Employment", cells: tuple[str, ...] = ("Tirana",)) -> bytes:
    """One sheet named `title`: a row of shared strings, then the number 42."""
    main_type = (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    )
    sheet_type = (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    )
    strings_type = (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    )
    row = "".join(
        f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(len(cells))
    )
    shared = "".join(f"<si><t>{cell}</t></si>" for cell in cells)
    return package(
        [
            (
                "[Content_Types].xml",
                content_types(
                    "xl/workbook.xml",
                    main_type,
                    f'<Override PartName="/xl/worksheets/sheet1.xml" '
                    f'ContentType="{sheet_type}"/>',
                    f'<Override PartName="/xl/sharedStrings.xml" '
                    f'ContentType="{strings_type}"/>',
                ),
            ),
            ("_rels/.rels", root_relationships("xl/workbook.xml")),
            (
                "xl/workbook.xml",
                f'<workbook xmlns="{SHEET}" xmlns:r="http://schemas.openxmlformats.org/'
                f'officeDocument/2006/relationships"><sheets><sheet name="{title}" '
                'sheetId="1" r:id="rId1"/></sheets></workbook>',
            ),
            (
                "xl/_rels/workbook.xml.rels",
                f'<Relationships xmlns="{RELATIONSHIPS}">'
                f'<Relationship Id="rId1" Type="{WORKSHEET}" '
                'Target="worksheets/sheet1.xml"/>'
                f'<Relationship Id="rId2" Type="{SHARED_STRINGS}" '
                'Target="sharedStrings.xml"/></Relationships>',
            ),
            (
                "xl/worksheets/sheet1.xml",
                f'<worksheet xmlns="{SHEET}"><sheetData><row r="1">{row}</row>'
                '<row r="2"><c r="A2"><v>42</v></c></row></sheetData></worksheet>',
            ),
            ("xl/sharedStrings.xml", f'<sst xmlns="{SHEET}">{shared}</sst>'),
        ]
    )


def plain_zip() -> bytes:
    return package([("minutes.txt", "Minutes of the Task Force")])


def executable() -> bytes:
    """The first bytes of a Windows program: the MZ header and its DOS stub."""
    return b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"This program cannot be run"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


class PrivateMedia(TestCase):
    """A test case whose uploads land in a directory of its own, removed after."""

    media: Path

    def setUp(self) -> None:
        super().setUp()
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        self.media = Path(directory.name)
        settings = override_settings(MEDIA_ROOT=directory.name)
        settings.enable()
        self.addCleanup(settings.disable)

    def stored_files(self) -> list[str]:
        return sorted(
            str(path.relative_to(self.media))
            for path in self.media.rglob("*")
            if path.is_file()
        )
