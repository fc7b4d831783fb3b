from django.utils import translation


class ApiLanguageMiddleware:
    """API responses follow the client's Accept-Language (French by default).

    Pages take their language from the URL (/en/…); the API has one URL per resource, so it
    negotiates instead. Runs after LocaleMiddleware, which pins unprefixed paths to French.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/"):
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
