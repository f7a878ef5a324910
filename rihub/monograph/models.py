"""The monograph an editor prepares, and each build of it into files."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

from rihub.governance.models import Meeting
from rihub.monograph.chapters import Chapter, every_chapter
from rihub.monograph.forms import MonographForm
from rihub.website.models import Document

FORMATS = ["pdf", "html", "epub"]


class Monograph(models.Model):
    """The closing book: what it covers, what it leaves out, its foreword."""

    title = models.CharField(_("title"), max_length=200)
    subtitle = models.CharField(_("subtitle"), max_length=250, blank=True)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Its address on the site.")
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    first_year = models.PositiveSmallIntegerField(_("first year covered"))
    last_year = models.PositiveSmallIntegerField(_("last year covered"))
    foreword = RichTextField(
        _("foreword"),
        blank=True,
        features=["h3", "h4", "bold", "italic", "link", "ol", "ul"],
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    chapters = models.JSONField(
        _("chapters"),
        default=every_chapter,
        help_text=_("The chapters included; the book keeps its own order."),
    )
    left_out_documents = models.ManyToManyField(
        Document,
        verbose_name=_("documents left out"),
        blank=True,
        related_name="+",
    )
    left_out_meetings = models.ManyToManyField(
        Meeting, verbose_name=_("meetings left out"), blank=True, related_name="+"
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)

    base_form_class = MonographForm

    class Meta:
        ordering = ["-last_year", "title"]
        verbose_name = _("monograph")
        verbose_name_plural = _("monographs")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.last_year < self.first_year:
            raise ValidationError({"last_year": _("The period ends before it starts.")})
        unknown = set(self.chapters) - set(every_chapter())
        if unknown:
            raise ValidationError({"chapters": _("Choose chapters from the list.")})

    def includes(self, chapter: Chapter) -> bool:
        return chapter.value in self.chapters

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)


class BuildQuerySet(models.QuerySet["Build"]):
    def done(self) -> "BuildQuerySet":
        return self.filter(status=Build.Status.DONE)

    def latest_done_with_html(self, monograph: Monograph) -> "Build | None":
        """The build whose pages the website shows."""
        built = self.done().filter(monograph=monograph).exclude(html="")
        return built.order_by("-pk").first()


class Build(models.Model):
    """One rendering of a monograph, kept with the fingerprint of its inputs."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    monograph = models.ForeignKey(
        Monograph, on_delete=models.CASCADE, related_name="builds"
    )
    fingerprint = models.CharField(_("fingerprint"), max_length=64, db_index=True)
    formats = models.JSONField(_("formats"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=100, blank=True)
    error = models.TextField(_("error"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to="monograph/", blank=True)
    html = models.FileField(_("HTML pages (zip)"), upload_to="monograph/", blank=True)
    epub = models.FileField(_("EPUB"), upload_to="monograph/", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = BuildQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("monograph build")
        verbose_name_plural = _("monograph builds")

    def __str__(self) -> str:
        return f"{self.monograph}, {self.created:%Y-%m-%d %H:%M}"

    def covers(self, formats: list[str]) -> bool:
        """Whether this build made every one of these formats."""
        return set(formats) <= set(self.formats)
