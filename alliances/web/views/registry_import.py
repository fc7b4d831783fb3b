"""Staff page: import alliances from a spreadsheet, in two steps (check, then confirm)."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from alliances.core.errors import DomainError
from alliances.registry.importers.alliance_sheet import NEW, template_csv, template_xlsx
from alliances.registry.perms import can_import
from alliances.registry.services.alliance_import import alliances_import
from alliances.web.forms.registry import AllianceImportForm

TEMPLATES = {
    "xlsx": (template_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": (template_csv, "text/csv; charset=utf-8"),
}
PENDING_DIR = "registry/imports"


@require_safe
def alliance_template(request, fmt: str):
    if fmt not in TEMPLATES:
        raise Http404
    build, content_type = TEMPLATES[fmt]
    response = HttpResponse(build(), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="alliances-template.{fmt}"'
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def alliance_import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    form = AllianceImportForm(request.POST or None, request.FILES or None)
    report = token = filename = None
    if request.method == "POST" and request.POST.get("token"):
        token = _safe_token(request.POST["token"])
        filename = request.POST.get("filename", "")[:200]
        path = f"{PENDING_DIR}/{token}"
        if not default_storage.exists(path):
            messages.error(request, _("This import has expired: send the file again."))
            return redirect("web:alliance_import")
        with default_storage.open(path) as stored:
            content = stored.read()
        confirmations = {
            int(key.removeprefix("confirm_")): value
            for key, value in request.POST.items()
            if key.startswith("confirm_")
            and key.removeprefix("confirm_").isdigit()
            and (value == NEW or value.isdigit())
        }
        report = alliances_import(
            content=content,
            filename=filename,
            commit=True,
            confirmations=confirmations,
            by=request.user,
        )
        if report.committed:
            default_storage.delete(path)
            messages.success(
                request, _("The file was imported: %(summary)s.") % {"summary": report.summary()}
            )
            return redirect("web:moderation")
        if report.to_confirm:
            messages.error(request, _("Choose an answer for every proposed match."))
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        filename = upload.name
        try:
            report = alliances_import(content=content, filename=filename)
        except DomainError as error:
            form.add_error("file", str(error))
        else:
            if not report.problems and report.alliances:
                token = uuid.uuid4().hex
                default_storage.save(f"{PENDING_DIR}/{token}", ContentFile(content))
    failed = request.method == "POST" and (report is None or bool(report.problems))
    return render(
        request,
        "web/registry/alliance_import.html",
        {
            "section": "moderation",
            "form": form,
            "report": report,
            "token": token if report is not None and not report.problems else None,
            "filename": filename,
        },
        status=400 if failed else 200,
    )


def _safe_token(token: str) -> str:
    if len(token) != 32 or not all(char in "0123456789abcdef" for char in token):
        raise Http404
    return token
