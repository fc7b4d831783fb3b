from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def _is_api(request) -> bool:
    return request.path_info.startswith("/api/")


def bad_request(request, exception=None):
    if _is_api(request):
        return JsonResponse({"code": "bad_request", "message": _("Bad request")}, status=400)
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    if _is_api(request):
        return JsonResponse(
            {"code": "permission_denied", "message": _("Access denied")}, status=403
        )
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    # An API address that matches no route answers in the API's error format, not in HTML.
    if _is_api(request):
        return JsonResponse({"code": "not_found", "message": _("Page not found")}, status=404)
    return render(request, "404.html", status=404)
