from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from alliances.opendata.alliance_schema import SCHEMA_FILE, alliance_schema
from alliances.opendata.package import LICENCE
from alliances.opendata.selectors import content_type, latest_publication, served_file


@require_safe
def opendata(request):
    return render(
        request,
        "web/opendata/index.html",
        {"publication": latest_publication(), "licence": LICENCE, "section": "opendata"},
    )


@require_safe
def opendata_file(request, name):
    """A file written by `alliances export_opendata` (the request never computes an export)."""
    path = served_file(name)
    if path is None:
        raise Http404
    response = FileResponse(
        path.open("rb"),
        content_type=content_type(name),
        as_attachment=name.endswith((".csv", ".xlsx")),
        filename=name,
    )
    response["Access-Control-Allow-Origin"] = "*"  # portals harvest the catalogue
    return response


@require_safe
def opendata_schema(request):
    return render(
        request,
        "web/opendata/schema.html",
        {
            "schema": alliance_schema(),
            "schema_file": SCHEMA_FILE,
            "licence": LICENCE,
            "section": "opendata",
        },
    )
