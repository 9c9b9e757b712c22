from django.http import HttpResponseRedirect
from django.utils.translation import get_language_from_request


def root_redirect(request):
    """The bare domain goes to the visitor's preferred language, Chinese when nothing matches."""
    return HttpResponseRedirect(f"/{get_language_from_request(request)}/")
