"""The bulletin's body: sections of items drafted from the quarter, and free blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from rihub.website.blocks import FigureBlock


class ItemBlock(blocks.StructBlock):
    """One development: a news item, a meeting, a document, a step forward."""

    title = blocks.CharBlock(label=_("title"), max_length=300)
    date = blocks.DateBlock(label=_("date"), required=False)
    meta = blocks.CharBlock(
        label=_("details"),
        required=False,
        max_length=300,
        help_text=_("A line under the title: place, status, economy."),
    )
    summary = blocks.TextBlock(label=_("summary"), required=False)
    link = blocks.CharBlock(
        label=_("link"),
        required=False,
        max_length=500,
        help_text=_("An address on this site (/news/…) or elsewhere (https://…)."),
    )

    class Meta:
        icon = "doc-full"
        label = _("item")


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    intro = blocks.RichTextBlock(
        label=_("introduction"), required=False, features=["bold", "italic", "link"]
    )
    items = blocks.ListBlock(ItemBlock(), label=_("items"))

    class Meta:
        icon = "list-ul"
        label = _("section")
        template = "bulletins/blocks/section.html"


class BulletinBodyBlock(blocks.StreamBlock):
    section = SectionBlock()
    text = blocks.RichTextBlock(
        label=_("text"), features=["h3", "bold", "italic", "link", "ol", "ul"]
    )
    figure = FigureBlock()
