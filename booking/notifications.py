"""Messages to customers about their orders, through the configured email and SMS backends."""

import logging

from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.sms import SmsDeliveryError, send_sms

from .models import Booking

logger = logging.getLogger(__name__)


def notify_booking_confirmed(booking: Booking, language: str) -> None:
    """Tell the customer the order number, time and staff. A failed message never undoes the order."""
    with translation.override(language):
        start = timezone.localtime(booking.start)
        message = _(
            "Shangmen Jining: order %(number)s is confirmed for %(when)s, %(service)s. Staff: %(staff)s."
        ) % {
            "number": booking.number,
            "when": f"{start:%Y-%m-%d %H:%M}",
            "service": booking.service.localized.title,
            "staff": booking.staff.real_name,
        }
        subject = _("Your order %(number)s is confirmed") % {"number": booking.number}
    try:
        send_sms(booking.customer.phone, message)
    except SmsDeliveryError:
        logger.warning("SMS for order %s could not be sent", booking.number, exc_info=True)
    if booking.customer.email:
        send_mail(subject, message, None, [booking.customer.email], fail_silently=True)
