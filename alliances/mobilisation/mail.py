"""E-mails of mobilisation, through Django's e-mail settings, with absolute links."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


def absolute(path: str) -> str:
    """A link that works from an e-mail: PLATFORM_URL followed by the site path."""
    return settings.PLATFORM_URL.rstrip("/") + path


def send(*, to: str, subject: str, template: str, context: dict) -> None:
    body = render_to_string(
        f"mobilisation/email/{template}.txt",
        {**context, "platform_name": settings.PLATFORM_NAME},
    )
    send_mail(
        subject=f"[{settings.PLATFORM_NAME}] {subject}",
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[to],
    )
