"""Reads of the catalog: listing, filtering and search, with a fixed number of queries per page."""

from collections import Counter

from django.db.models import Case, IntegerField, QuerySet, Value, When
from wagtail.models import Locale, Page

from .models import District, HomePage, ServiceCategoryPage, ServicePage
from .search import segment_query

SERVICE_ORDERINGS = {
    "recommended": ("path",),
    "price_asc": ("price", "path"),
    "price_desc": ("-price", "path"),
    "duration_asc": ("duration_minutes", "path"),
    "newest": ("-first_published_at", "path"),
}
# Searching without a chosen order lists the best matches first, as the site's search page does.
RELEVANCE = "relevance"
SERVICE_KINDS = ("service", "cultural")


def launched_districts() -> QuerySet[District]:
    """The districts customers can book in (and filter by): those of cities open for bookings."""
    return District.objects.filter(city__is_launched=True).select_related("city")


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
    kind: str | None = None,
    query: str = "",
) -> QuerySet[ServicePage]:
    """Live services of one language; ``kind`` is "service" or "cultural" (experiences), ``query`` the
    words of a search with the site's Chinese-aware matching (see ``search_pages``)."""
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
    if kind == "cultural":
        services = services.filter(culturalexperiencepage__isnull=False)
    elif kind == "service":
        services = services.filter(culturalexperiencepage__isnull=True)
    ranked_ids = None
    if query:
        ranked_ids = [page.pk for page in search_pages(query, locale=locale)]
        services = services.filter(pk__in=ranked_ids)
    if sort == RELEVANCE and ranked_ids:
        rank = Case(
            *(When(pk=pk, then=Value(position)) for position, pk in enumerate(ranked_ids)),
            output_field=IntegerField(),
        )
        return services.order_by(rank, "path")
    return services.order_by(*SERVICE_ORDERINGS.get(sort or "recommended", SERVICE_ORDERINGS["recommended"]))


def with_categories(services) -> list[ServicePage]:
    """``services`` (a page of them) with ``category`` filled in by one query instead of one per service."""
    services = list(services)
    parent_paths = {service.path[: -ServicePage.steplen] for service in services}
    categories = {
        category.path: category for category in ServiceCategoryPage.objects.filter(path__in=parent_paths)
    }
    for service in services:
        category = categories.get(service.path[: -ServicePage.steplen])
        if category is not None:
            service.category = category  # the cached_property's value
    return services


def live_service(pk: int) -> ServicePage | None:
    """One live, public service (of any language) as its specific type, with what its page shows."""
    # Through Page, whose integer primary key answers "none" to an id out of its range instead of failing.
    return Page.objects.live().public().type(ServicePage).filter(pk=pk).specific().first()


def categories_for_home(home: HomePage) -> QuerySet[ServiceCategoryPage]:
    return (
        ServiceCategoryPage.objects.live()
        .public()
        .child_of(home)
        .select_related("image")
        .prefetch_related("image__renditions")
    )


def categories_with_service_counts(locale: Locale) -> list[ServiceCategoryPage]:
    """The catalog's categories in ``locale`` (as on its home page), each with ``service_count``: its live
    services."""
    home = home_page_for(locale)
    if home is None:
        return []
    categories = list(categories_for_home(home))
    counts = Counter(
        path[: -ServicePage.steplen] for path in live_services(locale).values_list("path", flat=True)
    )
    for category in categories:
        category.service_count = counts[category.path]
    return categories


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
