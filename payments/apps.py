from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = _("Payments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from booking.signals import booking_cancelled

        from . import services

        booking_cancelled.connect(services.on_booking_cancelled, dispatch_uid="payments.refund_on_cancel")
