from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingConfig(AppConfig):
    name = "booking"
    verbose_name = _("Bookings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from providers.signals import provider_status_changed

        from . import dispatch

        provider_status_changed.connect(
            dispatch.on_provider_status_changed, dispatch_uid="booking.flag_future_bookings"
        )
