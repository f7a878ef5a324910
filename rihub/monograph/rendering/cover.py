"""The book's pictures as files, for every format to include."""

from typing import Any

from rihub.monograph.book import Block, Book, image, pictures
from rihub.monograph.richtext import image_file


def cover_of(found: Any) -> Block | None:
    """The cover as an image block, or none."""
    if found is None:
        return None
    alt = getattr(found, "contextual_alt_text", "") or found.title
    return image(found.pk, found.get_file_hash(), alt)


def picture_files(book: Book) -> dict[str, bytes]:
    """Each picture's file name in the book, with its PNG."""
    return {name: image_file(pk) for name, pk in pictures(book).items()}
