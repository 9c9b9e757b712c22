from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import get_language_from_request
from django.views import defaults

from api import views as api_views
from api.middleware import MACHINE_PREFIXES
from providers import permissions


def root_redirect(request):
    """The bare domain goes to the visitor's preferred language, Chinese when nothing matches."""
    return HttpResponseRedirect(f"/{get_language_from_request(request)}/")


@login_required
def account_home(request):
    """Where "My account" leads: a provider's dashboard, a staff member's week, or a customer's orders."""
    provider = permissions.managed_providers(request.user).first()
    if provider is not None:
        return redirect("providers:dashboard", provider_id=provider.pk)
    if permissions.staff_profile(request.user) is not None:
        return redirect("providers:staff_me")
    return redirect("booking:orders")


def page_not_found(request, exception=None):
    if request.path.startswith(MACHINE_PREFIXES):
        return api_views.not_found(request, exception)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if request.path.startswith(MACHINE_PREFIXES):
        return api_views.server_error(request)
    return defaults.server_error(request)
