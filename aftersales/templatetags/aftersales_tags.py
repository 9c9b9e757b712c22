"""After-sales pieces on other apps' pages: the order page's panel, ratings and reviews on catalog pages and
the staff member's own page, and the unread count in the header. Those apps know nothing of after-sales; their
templates load these tags."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .. import selectors
from ..models import RatingSummary

register = template.Library()

RECENT_REVIEWS = 5


@register.simple_tag
def stars(value):
    """Five stars with ``value`` of them filled (an average is rounded), read out as "4.5 of 5 stars"."""
    if value is None:
        return ""
    filled = int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    empty = format_html('<span class="stars-off">{}</span>', "★" * (5 - filled)) if filled < 5 else ""
    return format_html(
        '<span class="stars" role="img" aria-label="{}"><span aria-hidden="true">{}{}</span></span>',
        _("%(value)s of 5 stars") % {"value": value},
        "★" * filled,
        empty,
    )


@register.filter
def masked_name(user):
    """How a customer appears to anyone else: the first character of their name."""
    return selectors.reviewer_name(user) if user is not None else ""


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    user = context.get("user")
    return selectors.unread_count(user) if user is not None else 0


@register.inclusion_tag("aftersales/includes/order_panel.html", takes_context=True)
def order_aftersales(context, booking):
    """The review, complaints and claim of an order on its customer's page, and what can still be filed."""
    return {"booking": booking, "aftersales": selectors.order_aftersales(booking, context["request"].user)}


@register.inclusion_tag("aftersales/includes/service_reviews.html")
def service_reviews(page):
    """The rating summary and latest visible reviews of a service page, in either language: reviews refer to
    the source-language page, as bookings do."""
    source = page.get_translation_or_none(Locale.get_default()) or page
    return {
        "summary": selectors.rating_summary(RatingSummary.Subject.SERVICE, source.pk),
        "reviews": list(selectors.public_reviews(service_id=source.pk)[:RECENT_REVIEWS]),
    }


@register.inclusion_tag("aftersales/includes/staff_reviews.html")
def staff_reviews(staff):
    return {
        "summary": selectors.rating_summary(RatingSummary.Subject.STAFF, staff.pk),
        "reviews": list(selectors.public_reviews(staff=staff)[:RECENT_REVIEWS]),
    }


@register.simple_tag
def provider_ratings(offers):
    """(offer, rating summary or None) for each offer in a list of providers' offers, in one query."""
    offers = list(offers)
    summaries = selectors.rating_summaries(RatingSummary.Subject.PROVIDER, {o.provider_id for o in offers})
    return [(offer, summaries.get(offer.provider_id)) for offer in offers]
