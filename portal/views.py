from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language_from_request
from django.views import defaults
from wagtail.models import Locale

from aftersales import selectors as aftersales_selectors
from aftersales.models import RatingSummary
from api import views as api_views
from api.middleware import MACHINE_PREFIXES
from booking import selectors as booking_selectors
from cms.models import ServiceCategoryPage
from providers import permissions
from providers.models import ACTIVE_PROVIDER_STATUSES, Provider

PROFILE_REVIEWS_PER_PAGE = 10


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


def provider_profile(request, provider_id):
    """A certified provider's public page: what it does, where, and what its customers said."""
    provider = get_object_or_404(Provider, pk=provider_id, status__in=ACTIVE_PROVIDER_STATUSES)
    page = Paginator(
        aftersales_selectors.public_reviews(provider=provider), PROFILE_REVIEWS_PER_PAGE
    ).get_page(request.GET.get("page"))
    reviews = list(page.object_list)
    booking_selectors.attach_service_titles(reviews)
    context = {
        "provider": provider,
        "categories": _category_titles(provider.categories.order_by("path")),
        "districts": provider.districts.order_by("code"),
        "summary": aftersales_selectors.rating_summary(RatingSummary.Subject.PROVIDER, provider.pk),
        "page_obj": page,
        "reviews": reviews,
    }
    return TemplateResponse(request, "aftersales/provider_profile.html", context)


def _category_titles(categories) -> list[str]:
    """Category titles in the reader's language in one query; providers keep the source-language pages."""
    categories = list(categories)
    translated = dict(
        ServiceCategoryPage.objects.filter(
            translation_key__in=[category.translation_key for category in categories],
            locale=Locale.get_active(),
            live=True,
        ).values_list("translation_key", "title")
    )
    return [translated.get(category.translation_key, category.title) for category in categories]


def page_not_found(request, exception=None):
    if request.path.startswith(MACHINE_PREFIXES):
        return api_views.not_found(request, exception)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if request.path.startswith(MACHINE_PREFIXES):
        return api_views.server_error(request)
    return defaults.server_error(request)
