from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from cms.models import ServiceCategoryPage, StandardPage
from cms.selectors import home_page_for

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same page in every other language, or to that language's home page with a notice."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        links.append({"code": code, "name": name, "url": _url_in_language(request, page, code)})
    return {"links": links, "current": current}


def _url_in_language(request, page, language_code):
    if not isinstance(page, Page):
        url = translate_url(request.path, language_code)
        return f"{url}?{request.GET.urlencode()}" if request.GET else url
    locale = Locale.objects.filter(language_code=language_code).first()
    translation = page.get_translation_or_none(locale) if locale else None
    if translation is not None and translation.live:
        return translation.get_url(request)
    home = home_page_for(locale) if locale else None
    if home is None:
        return f"/{language_code}/"
    return f"{home.get_url(request)}?{urlencode({'untranslated': 1})}"


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """URL of ``page`` in the active language, falling back to the page itself."""
    return page.localized.get_url(context["request"])


@register.filter
def yuan(amount):
    """A money amount in yuan as shown to customers: ¥120.00."""
    return f"¥{amount:,.2f}" if amount is not None else ""


@register.inclusion_tag("includes/site_nav.html", takes_context=True)
def site_nav(context):
    return {"request": context["request"], **_navigation(context["request"])}


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context):
    return {"request": context["request"], **_navigation(context["request"])}


def _navigation(request):
    """The header and the footer show the same pages: read them once per request."""
    if not hasattr(request, "_site_navigation"):
        request._site_navigation = _read_navigation()
    return request._site_navigation


def _read_navigation():
    locale = Locale.get_active()
    home = home_page_for(locale)
    if home is None:
        return {"home": None, "categories": [], "standard_pages": []}
    children = home.get_children().live().public().specific().order_by("path")
    return {
        "home": home,
        "categories": [p for p in children if isinstance(p, ServiceCategoryPage)],
        "standard_pages": [p for p in children if isinstance(p, StandardPage)],
    }
