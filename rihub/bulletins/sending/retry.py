"""What a failed send means: try again later, give up, or refuse the address."""

import datetime as dt
import smtplib
from dataclasses import dataclass

from django.conf import settings

# Back-off between attempts: 1, 2, 4 … minutes, never more than this.
LONGEST_WAIT = dt.timedelta(hours=1)
SESSION_ERRORS = (
    smtplib.SMTPConnectError,
    smtplib.SMTPHeloError,
    smtplib.SMTPAuthenticationError,
)


@dataclass(frozen=True)
class Failure:
    """A send that did not go through, and what to do about it.

    `permanent`: the server refused for good; `refused`: it refused this address
    (so it joins the suppression list); `broken`: the connection is gone and the
    rest of the batch must wait for a new one; `unexpected`: a fault of ours.
    """

    error: str
    permanent: bool = False
    refused: bool = False
    broken: bool = False
    unexpected: bool = False


def failure(error: Exception) -> Failure:
    """Classify an exception raised while sending one message."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return recipient_refused(error)
    if isinstance(error, smtplib.SMTPSenderRefused):
        # Our own address refused: no subscriber's fault, so never permanent.
        return Failure(f"Sender refused: {reply(error.smtp_code, error.smtp_error)}")
    if isinstance(error, SESSION_ERRORS):
        # Refused before any recipient was named: the session, not the address.
        text = reply(error.smtp_code, error.smtp_error)
        return Failure(f"Mail server refused the session: {text}", broken=True)
    if isinstance(error, smtplib.SMTPResponseException):
        text = reply(error.smtp_code, error.smtp_error)
        return Failure(text, permanent=error.smtp_code >= 500)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return Failure(f"Server disconnected: {error}", broken=True)
    if isinstance(error, TimeoutError):
        seconds = settings.EMAIL_TIMEOUT
        return Failure(f"No answer from the mail server in {seconds} s", broken=True)
    if isinstance(error, OSError):
        server = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
        return Failure(f"Cannot reach the mail server {server}: {error}", broken=True)
    return Failure(
        f"Unexpected error: {type(error).__name__}: {error}", unexpected=True
    )


def recipient_refused(error: smtplib.SMTPRecipientsRefused) -> Failure:
    # One recipient per message: the first refusal is the only one.
    code, text = next(iter(error.recipients.values()))
    permanent = code >= 500
    return Failure(reply(code, text), permanent=permanent, refused=permanent)


def reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}".strip()


def backoff(attempts: int) -> dt.timedelta:
    """How long to wait after the given number of attempts (1 → 1 minute)."""
    wait = dt.timedelta(minutes=2 ** min(max(attempts - 1, 0), 10))
    return min(wait, LONGEST_WAIT)


def exhausted(attempts: int) -> bool:
    return attempts >= settings.RIHUB_BULLETIN_ATTEMPTS
