from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = _("Payments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from booking.signals import booking_cancelled, payment_summaries_requested

        from . import selectors, services

        booking_cancelled.connect(services.on_booking_cancelled, dispatch_uid="payments.refund_on_cancel")
        payment_summaries_requested.connect(
            lambda sender, bookings, **kwargs: selectors.payment_summaries(bookings),
            dispatch_uid="payments.payment_summaries",
            weak=False,
        )
