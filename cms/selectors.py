"""Reads of the catalog: listing, filtering and search, with a fixed number of queries per page."""

from django.db.models import QuerySet
from wagtail.models import Locale, Page

from .models import HomePage, ServiceCategoryPage, ServicePage
from .search import segment_query

SERVICE_ORDERINGS = {
    "recommended": ("path",),
    "price_asc": ("price", "path"),
    "price_desc": ("-price", "path"),
    "duration_asc": ("duration_minutes", "path"),
    "newest": ("-first_published_at", "path"),
}


def live_services(locale: Locale) -> QuerySet[ServicePage]:
    return (
        ServicePage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("image")
        .prefetch_related("image__renditions", "districts")
    )


def filter_services(
    *,
    locale: Locale,
    category: ServiceCategoryPage | None = None,
    district=None,
    min_price=None,
    max_price=None,
    max_duration: int | None = None,
    sort: str = "recommended",
) -> QuerySet[ServicePage]:
    services = live_services(locale)
    if category is not None:
        services = services.child_of(category)
    if district is not None:
        services = services.filter(districts=district)
    if min_price is not None:
        services = services.filter(price__gte=min_price)
    if max_price is not None:
        services = services.filter(price__lte=max_price)
    if max_duration is not None:
        services = services.filter(duration_minutes__lte=max_duration)
    return services.order_by(*SERVICE_ORDERINGS.get(sort or "recommended", SERVICE_ORDERINGS["recommended"]))


def categories_for_home(home: HomePage) -> QuerySet[ServiceCategoryPage]:
    return (
        ServiceCategoryPage.objects.live()
        .public()
        .child_of(home)
        .select_related("image")
        .prefetch_related("image__renditions")
    )


def featured_services(*, locale: Locale, limit: int = 8) -> list[ServicePage]:
    return list(live_services(locale).order_by("-first_published_at", "path")[:limit])


def search_pages(query: str, *, locale: Locale):
    """Live pages of one language matching every word of ``query``, best first (a lazy result set)."""
    words = segment_query(query)
    if not words:
        return Page.objects.none()
    return Page.objects.live().public().filter(locale=locale).search(words, operator="and")


def specific_pages(pages) -> list[Page]:
    """The specific pages for a page of results, in the same order, one query per page type."""
    ids = [page.pk for page in pages]
    by_id = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [by_id[pk] for pk in ids if pk in by_id]


def home_page_for(locale: Locale) -> HomePage | None:
    return HomePage.objects.live().filter(locale=locale).first()
