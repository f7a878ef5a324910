"""The bulletin archive and its issues, one page a quarter."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from rihub.bulletins.blocks import BulletinBodyBlock
from rihub.bulletins.quarters import Quarter
from rihub.website.models.pages import ContentPage, paginate


class BulletinIndexPage(ContentPage):
    """The archive: every published bulletin, newest first."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["bulletins.BulletinPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("bulletin archive")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        context = super().get_context(request, *args, **kwargs)
        issues = (
            BulletinPage.objects.live()
            .public()
            .child_of(self)
            .order_by("-year", "-quarter")
        )
        return context | {"page_obj": paginate(request, issues)}


class BulletinPage(Page):
    """One quarter's bulletin: an editorial, then sections of developments."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences for the archive, the feed and the email."),
    )
    editorial = RichTextField(
        _("editorial"),
        blank=True,
        features=["h3", "bold", "italic", "link", "ol", "ul", "image"],
    )
    body = StreamField(BulletinBodyBlock(), verbose_name=_("sections"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to="bulletins/", blank=True, editable=False)
    pdf_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel(
            [FieldPanel("year"), FieldPanel("quarter")], heading=_("Quarter")
        ),
        FieldPanel("summary"),
        FieldPanel("editorial"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("editorial"),
        index.SearchField("body"),
        index.FilterField("year"),
    ]
    parent_page_types = ["bulletins.BulletinIndexPage"]
    subpage_types: list[str] = []
    preview_modes = [
        ("", _("Web page")),
        ("email", _("Email")),
        ("pdf", _("PDF")),
    ]

    class Meta:
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")

    def clean(self) -> None:
        super().clean()
        twins = BulletinPage.objects.filter(
            year=self.year, quarter=self.quarter, locale_id=self.locale_id
        )
        if twins.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"quarter": _("This quarter has its bulletin already.")}
            )

    @property
    def period(self) -> Quarter:
        return Quarter(self.year, self.quarter)

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        from rihub.bulletins import previews

        if mode_name in previews.MODES:
            return previews.MODES[mode_name](self, request)
        return super().serve_preview(request, mode_name)
