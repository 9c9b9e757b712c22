"""Provider data on catalog pages: the cms app knows nothing of providers, its templates load these tags."""

from django import template
from wagtail.models import Locale

from providers.selectors import bookable_offers

register = template.Library()


@register.inclusion_tag("providers/includes/service_providers.html")
def service_providers(service):
    """The certified providers a customer can book for ``service`` today, in either language."""
    source = service.get_translation_or_none(Locale.get_default()) or service
    offers = (
        bookable_offers()
        .filter(service=source)
        .select_related("provider")
        .order_by("provider__legal_name_zh")
    )
    return {"offers": offers, "service": service}
