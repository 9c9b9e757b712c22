from django import template
from django.utils import timezone

from ..selectors import payments_for_booking

register = template.Library()


@register.inclusion_tag("payments/_order_payments.html")
def order_payments(booking):
    """The payment attempts and refunds of an order, for pages that booking renders."""
    return {
        "booking": booking,
        "payments": payments_for_booking(booking),
        "payable": booking.pay_by is not None and booking.pay_by > timezone.now(),
    }
