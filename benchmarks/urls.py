"""The platform's URLs plus two hello-world views: the baselines of the web benchmarks.

They go through the same server, middleware and workers as the platform's pages, and do no work
of their own: the cost of serving any request from this app on this machine.
"""

from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.http import require_safe

from alliances.urls import handler400, handler403, handler404, urlpatterns  # noqa: F401


@require_safe
def hello_json(request):
    return JsonResponse({"hello": "world"})


@require_safe
def hello_html(request):
    return HttpResponse("<!doctype html><title>Hello</title><p>Hello, world.</p>")


urlpatterns = [
    path("bench/hello.json", hello_json),
    path("bench/hello.html", hello_html),
    *urlpatterns,
]
