"""The library's published documents, filtered as on the library page."""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rihub.api.filters import (
    AreaSlug,
    DocumentLanguage,
    EconomyCode,
    Pages,
    Year,
)
from rihub.api.schemas import DocumentOut
from rihub.website.library import matching
from rihub.website.models import Document, DocumentType, Level

router = Router(tags=["documents"])


class DocumentFilters(Schema):
    q: str | None = Field(None, max_length=200, description="Words in the title.")
    type: DocumentType | None = None
    level: Level | None = None
    economy: EconomyCode | None = None
    priority_area: AreaSlug | None = None
    year: Year | None = None
    language: DocumentLanguage | None = None


@router.get("/documents", response=list[DocumentOut])
@paginate(Pages)
def documents(
    request: HttpRequest, filters: Query[DocumentFilters]
) -> QuerySet[Document]:
    """Published documents, the latest first."""
    return matching(
        public_documents(),
        q=filters.q or "",
        document_type=filters.type or "",
        level=filters.level or "",
        economy=filters.economy or "",
        priority_area=filters.priority_area or "",
        year=filters.year,
        language=filters.language or "",
    )


@router.get("/documents/{int:pk}", response=DocumentOut)
def document(request: HttpRequest, pk: int) -> Document:
    try:
        return public_documents().get(pk=pk)
    except Document.DoesNotExist:
        raise Http404 from None


def public_documents() -> QuerySet[Document]:
    # The extracted text can run to megabytes a document; the API never shows it.
    return (
        Document.objects.public()
        .defer("text")
        .prefetch_related("economies", "priority_areas")
    )
