"""The search page: a box, the results with their passages, filters with counts."""

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rihub.website.search.counting import Counted, count_all
from rihub.website.search.facets import address, facets
from rihub.website.search.forms import SearchForm
from rihub.website.search.query import find, hits
from rihub.website.search.snippets import words

PER_PAGE = 20


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    form.is_valid()  # invalid filters are reported and left out, not fatal
    terms = words(form.cleaned_data.get("q") or "")
    context: dict[str, Any] = {
        "form": form,
        "query": request.GET.get("q", "")[:200],
        "terms": terms,
    }
    if terms:
        context |= results(request, form, terms)
    return render(request, "website/search.html", context)


def results(request: HttpRequest, form: SearchForm, terms: list[str]) -> dict:
    chosen = form.chosen_filters()
    found = find(terms, chosen, form.by_date())
    counts = count_all(found)
    # Every result has a kind: their counts add up to the number of results.
    counted = Counted(found, sum(counts["kind"].values()))
    page_obj = Paginator[Any](counted, PER_PAGE).get_page(request.GET.get("page"))
    return {
        "page_obj": page_obj,
        "hits": hits(list(page_obj.object_list), terms),
        "facets": facets(counts, request.GET, chosen),
        "chosen": chosen,
        "by_date": form.by_date(),
        "relevance_url": address(request.GET, sort=None),
        "date_url": address(request.GET, sort="date"),
        "unfiltered_url": address(request.GET, **dict.fromkeys(chosen)),
    }
