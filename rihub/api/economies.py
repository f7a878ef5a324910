"""The participating economies, each with its profile page where one is published."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from ninja import Query, Router

from rihub.api.filters import InLanguage
from rihub.api.schemas import EconomyOut, page_url
from rihub.directory.models import Economy
from rihub.website.models import EconomyProfilePage
from rihub.website.queries import economy_profiles

router = Router(tags=["economies"])


@router.get("/economies", response=list[EconomyOut])
def economies(
    request: HttpRequest, response: HttpResponse, filters: Query[InLanguage]
) -> list[dict[str, object]]:
    profiles = profiles_in(filters.language(request, response))
    return [economy_out(e, profiles.get(e.pk), request) for e in Economy.objects.all()]


@router.get("/economies/{code}", response=EconomyOut)
def economy(
    request: HttpRequest, response: HttpResponse, code: str, filters: Query[InLanguage]
) -> dict[str, object]:
    found = Economy.objects.filter(code=code.upper()).first()
    if found is None:
        raise Http404
    profiles = profiles_in(filters.language(request, response))
    return economy_out(found, profiles.get(found.pk), request)


def profiles_in(language: str) -> dict[int, EconomyProfilePage]:
    with translation.override(language):
        return economy_profiles()


def economy_out(
    economy: Economy, profile: EconomyProfilePage | None, request: HttpRequest
) -> dict[str, object]:
    return {
        "code": economy.code,
        "name": economy.name,
        "short_name": economy.short_name,
        "designation_footnote": economy.designation_footnote,
        "profile_url": page_url(profile, request) if profile else None,
    }
