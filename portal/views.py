from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import get_language_from_request

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
