"""How an editor previews a bulletin: as the email and as the PDF it becomes."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse

if TYPE_CHECKING:
    from rihub.bulletins.models import BulletinPage


def as_email(bulletin: "BulletinPage", request: HttpRequest) -> HttpResponse:
    from rihub.bulletins.sending import rendering

    return HttpResponse(rendering.preview_html(bulletin))


def as_pdf(bulletin: "BulletinPage", request: HttpRequest) -> HttpResponse:
    from rihub.bulletins import printing

    return HttpResponse(printing.pdf(bulletin), content_type="application/pdf")


MODES: dict[str, Callable[["BulletinPage", HttpRequest], HttpResponse]] = {
    "email": as_email,
    "pdf": as_pdf,
}
