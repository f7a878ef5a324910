"""The monograph's chapters, in the order the book prints them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Chapter(models.TextChoices):
    GOVERNANCE = "governance", _("The project and its governance")
    COOPERATION = "cooperation", _("Regional cooperation year by year")
    ECONOMIES = "economies", _("The economies")
    MAINSTREAMING = "mainstreaming", _("Mainstreaming in SEE 2020")
    BULLETINS = "bulletins", _("Highlights of the bulletins")
    PUBLICATIONS = "publications", _("Compendium of publications")
    ASSESSMENT = "assessment", _("Assessment of achievements")
    ANNEXES = "annexes", _("Annexes")
    BIBLIOGRAPHY = "bibliography", _("Bibliography")
    INDEX = "index-of-terms", _("Index")


def every_chapter() -> list[str]:
    return [chapter.value for chapter in Chapter]
