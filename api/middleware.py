from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

MACHINE_PREFIXES = ("/api/", "/payments/notify/")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware for pages; for the API and gateway callbacks, the language comes from a
    ``lang`` parameter or Accept-Language, and a 404 stays a 404 (never a redirect to a /zh-hans/ URL)."""

    def process_request(self, request):
        if not request.path.startswith(MACHINE_PREFIXES):
            return super().process_request(request)
        wanted = request.GET.get("lang", "")
        languages = dict(settings.LANGUAGES)
        if wanted.lower() in languages:
            language = wanted.lower()
        else:
            language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        if not request.path.startswith(MACHINE_PREFIXES):
            return super().process_response(request, response)
        if response.status_code == 404 and not response.get("Content-Type", "").startswith("application/"):
            # With DEBUG on, Django answers an unknown URL with its HTML page; machines get the API's shape.
            from .views import not_found

            response = not_found(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        patch_vary_headers(response, ("Accept-Language",))
        return response
