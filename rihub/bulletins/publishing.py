"""What publishing a bulletin sets going: its PDF, and its email campaign."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction

from rihub.bulletins import printing
from rihub.bulletins.models import BulletinPage, Campaign
from rihub.website.caching import content_changed

logger = logging.getLogger(__name__)


@transaction.atomic
def published(page_id: int) -> BulletinPage | None:
    """Print the bulletin if its content changed, and open its campaign.

    The campaign belongs to the English bulletin: each subscriber's message
    comes in their language from the translations that exist when it is sent.
    """
    page = BulletinPage.objects.live().filter(pk=page_id).first()
    if page is None:
        return None  # unpublished again before the task ran

    print_pdf(page)
    if page.locale.language_code == "en":
        Campaign.objects.get_or_create(bulletin=page)
    return page


def print_pdf(page: BulletinPage) -> None:
    fingerprint = printing.fingerprint(page)
    if page.pdf and page.pdf_fingerprint == fingerprint:
        return

    name = f"{page.slug}-{page.locale.language_code}.pdf"
    page.pdf.save(name, ContentFile(printing.pdf(page)), save=False)
    # Written past the page's revisions: the PDF is made from them, not part.
    BulletinPage.objects.filter(pk=page.pk).update(
        pdf=page.pdf.name, pdf_fingerprint=fingerprint
    )
    content_changed(BulletinPage)
    logger.info("Printed %s", page.pdf.name)
