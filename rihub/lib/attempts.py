"""Run a service step from a submitted form, turning a refusal into a message."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest

from rihub.lib.errors import Refusal


@dataclass
class Attempt:
    done: bool = False
    problem: str = ""
    result: Any = None


def attempt(
    request: HttpRequest, form: forms.BaseForm, step: Callable[[dict[str, Any]], Any]
) -> Attempt:
    """Call `step` with the form's data when a valid form was posted.

    A refused step leaves everything as it was; its reason is kept to show.
    """
    if request.method != "POST" or not form.is_valid():
        return Attempt()
    try:
        result = step(form.cleaned_data)
    except Refusal as refusal:
        return Attempt(problem=str(refusal))
    return Attempt(done=True, result=result)
