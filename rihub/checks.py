"""System checks of the deployment that settings alone cannot refuse."""

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register

CONSOLE_EMAIL = "django.core.mail.backends.console.EmailBackend"


@register(Tags.security, deploy=True)
def email_is_delivered(app_configs: Any, **kwargs: Any) -> list[Warning]:
    """Invitations and bulletins must reach people, not a server's log."""
    if settings.EMAIL_BACKEND != CONSOLE_EMAIL:
        return []
    return [
        Warning(
            "Mail is written to the console, not sent.",
            hint="Set EMAIL_URL to the SMTP server, e.g. submission://user:pw@host:587.",
            id="rihub.W001",
        )
    ]
