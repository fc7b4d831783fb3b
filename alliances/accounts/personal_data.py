"""The RGPD rights of a person over their account: export everything, and erase it.

Both walk the models generically — every model with a foreign key to the user — so a part
added later is covered without anyone remembering to list it here.
"""

import csv
import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.forms.models import model_to_dict

from alliances.audit.models import AuditAction, AuditEvent
from alliances.audit.services import audit_record

USER_FIELDS = ["email", "display_name", "first_name", "last_name", "date_joined", "last_login"]
# Secrets are never exported, even to their owner.
SECRET_FIELDS = {"password", "key_hash", "secret", "data"}


def _user_links():
    """(model, field name) for every foreign key to the user model, history tables included."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey | models.OneToOneField)
                and field.related_model is user_model
                and field.concrete
            ):
                yield model, field


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def personal_data(user) -> dict[str, list[dict]]:
    data = {"account": [{name: _plain(getattr(user, name)) for name in USER_FIELDS}]}
    for model, field in _user_links():
        rows = model._default_manager.filter(**{field.name: user})
        if not rows.exists():
            continue
        label = f"{model._meta.label_lower}.{field.name}"
        data[label] = [
            {
                key: _plain(value)
                for key, value in model_to_dict(row).items()
                if key not in SECRET_FIELDS
            }
            for row in rows[:10000]
        ]
    return data


def personal_data_zip(user) -> bytes:
    data = personal_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("personal-data.json", json.dumps(data, ensure_ascii=False, indent=1))
        for label, rows in data.items():
            text = io.StringIO(newline="")
            columns = sorted({key for row in rows for key in row})
            writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow(
                    {k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in row.items()}
                )
            archive.writestr(f"{label}.csv", text.getvalue())
    return buffer.getvalue()


@transaction.atomic
def account_delete(*, user, request=None) -> None:
    """Erase the account: rows owned only by the person go, shared records keep no trace of them.

    Foreign keys set to cascade (e-mail addresses, tokens, bookmarks…) delete with the user;
    those set to null (authorship of updates, history entries) lose the link. Records that copy
    the person's e-mail or name as text (audit log, lock-out attempts) are pseudonymised here.
    """
    pseudonym = f"deleted-account-{user.pk}"
    texts = [value for value in (user.email, user.display_name, user.get_full_name()) if value]
    AuditEvent.objects.filter(actor=user).update(actor_label=pseudonym)
    # Events about the account itself (role changes) name it in `object_repr`.
    AuditEvent.objects.filter(object_type=user._meta.label, object_id=str(user.pk)).update(
        object_repr=pseudonym
    )
    for text in texts:
        AuditEvent.objects.filter(actor_label=text).update(actor_label=pseudonym)
    _axes_forget(user.email)
    audit_record(action=AuditAction.ACCOUNT_DELETED, request=request, label=pseudonym)
    user.delete()


def _axes_forget(email: str) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__iexact=email).delete()
