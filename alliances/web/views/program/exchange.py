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
from alliances.program import perms, selectors
from alliances.program.exchange import export
from alliances.program.exchange.importer import programme_import
from alliances.web.forms.program import ProgrammeImportForm

FORMATS = {
    "xlsx": (export.to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "zip": (export.to_csv_zip, "application/zip"),
}
PENDING_DIR = "program/imports"


@require_safe
def programme_export(request, slug: str, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    programme = selectors.programme_get(slug)
    build, content_type = FORMATS[fmt]
    response = HttpResponse(build(programme), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{programme.slug}.{fmt}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def programme_import_view(request, slug: str):
    programme = selectors.programme_get(slug)
    if not perms.can_manage_programme(request.user, programme):
        raise PermissionDenied
    form = ProgrammeImportForm(request.POST or None, request.FILES or None)
    report = None
    token = None
    filename = None
    if request.method == "POST" and request.POST.get("token"):
        # Second step: apply the file checked in the first step.
        token = request.POST["token"]
        filename = request.POST.get("filename", "")
        path = f"{PENDING_DIR}/{_safe_token(token)}"
        if not default_storage.exists(path):
            messages.error(request, _("This import has expired: send the file again."))
            return redirect("web:programme_import", slug=slug)
        with default_storage.open(path) as stored:
            content = stored.read()
        try:
            report = programme_import(
                programme=programme,
                content=content,
                filename=filename,
                by=request.user,
                commit=True,
            )
        except DomainError as error:
            messages.error(request, str(error))
            return redirect("web:programme_import", slug=slug)
        default_storage.delete(path)
        if report.committed:
            messages.success(
                request, _("The file was imported: %(summary)s.") % {"summary": report.summary()}
            )
            return redirect(programme)
        token = None
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        filename = upload.name
        try:
            report = programme_import(
                programme=programme, content=content, filename=filename, by=request.user
            )
        except DomainError as error:
            form.add_error("file", str(error))
        else:
            if not report.problems and report.changes:
                token = uuid.uuid4().hex
                default_storage.save(f"{PENDING_DIR}/{token}", ContentFile(content))
    return render(
        request,
        "web/program/import.html",
        {
            "section": "program",
            "programme": programme,
            "form": form,
            "report": report,
            "token": token,
            "filename": filename,
        },
        status=400 if request.method == "POST" and (report is None or report.problems) else 200,
    )


def _safe_token(token: str) -> str:
    if len(token) != 32 or not all(char in "0123456789abcdef" for char in token):
        raise Http404
    return token
