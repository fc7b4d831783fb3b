from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from alliances.web.views.pages import security_txt

admin.site.site_header = format_lazy(_("{name} administration"), name=settings.PLATFORM_NAME)
admin.site.site_title = settings.PLATFORM_NAME

urlpatterns = [
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("alliances.api.urls")),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("compte/profil/", include("alliances.accounts.urls")),
    path("compte/", include("allauth.urls")),
    path("", include("alliances.web.urls")),
    prefix_default_language=False,
)

handler400 = "alliances.web.views.errors.bad_request"
handler403 = "alliances.web.views.errors.permission_denied"
handler404 = "alliances.web.views.errors.page_not_found"
# handler500 renders templates/500.html without any context processor, so an error in the
# database or in a context processor cannot break the error page; a database outage gets 503.
handler500 = "alliances.core.outage.server_error"
