from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from wagtail.models import Locale

from .forms import SearchForm, ServiceFilterForm
from .selectors import filter_services, search_pages, specific_pages

SERVICES_PER_PAGE = 12
SEARCH_RESULTS_PER_PAGE = 10


def filtered_service_listing(request, *, locale, category=None) -> dict:
    """Context for a filterable listing; invalid filters are reported and ignored, never guessed."""
    form = ServiceFilterForm(request.GET or None, locale=locale, with_category=category is None)
    services = filter_services(locale=locale, **form.filters(category=category))
    page_obj = Paginator(services, SERVICES_PER_PAGE).get_page(request.GET.get("page"))
    return {"filter_form": form, "page_obj": page_obj, "services": page_obj.object_list}


def service_list(request):
    locale = Locale.get_active()
    context = filtered_service_listing(request, locale=locale)
    status = HttpResponseBadRequest.status_code if context["filter_form"].errors else 200
    return TemplateResponse(request, "cms/service_list.html", context, status=status)


def search(request):
    locale = Locale.get_active()
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page_obj = None
    results = []
    if query:
        page_obj = Paginator(search_pages(query, locale=locale), SEARCH_RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        results = specific_pages(page_obj.object_list)
    status = HttpResponseBadRequest.status_code if form.errors else 200
    context = {"form": form, "query": query, "page_obj": page_obj, "results": results}
    return TemplateResponse(request, "cms/search.html", context, status=status)
