from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import EncryptedTextField
from accounts.masking import mask_name, mask_phone

SLOT_MINUTES = 15
SLOT = timedelta(minutes=SLOT_MINUTES)


class Address(models.Model):
    """Where a service happens: a customer's home or, for a grown child, a parent's. Encrypted at rest."""

    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="addresses")
    district = models.ForeignKey(
        "cms.District", on_delete=models.PROTECT, related_name="+", verbose_name=_("district")
    )
    detail = EncryptedTextField(_("address"), help_text=_("Street, building, unit and house number."))
    landmark = EncryptedTextField(_("nearby landmark"), blank=True)
    contact_name = EncryptedTextField(_("contact name"))
    contact_phone = EncryptedTextField(_("contact phone"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("address")
        verbose_name_plural = _("addresses")

    def __str__(self):
        return f"{self.district} {self.detail}"

    @property
    def masked_phone(self):
        return mask_phone(self.contact_phone)

    @property
    def masked(self):
        """What someone who is not the customer or the assigned staff sees: district and masked contact."""
        return f"{self.district} · {mask_name(self.contact_name)} {mask_phone(self.contact_phone)}"


class Booking(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for payment")
        CONFIRMED = "confirmed", _("Confirmed")
        ASSIGNED = "assigned", _("Staff assigned")
        ON_THE_WAY = "on_the_way", _("On the way")
        IN_SERVICE = "in_service", _("In service")
        COMPLETED = "completed", _("Completed")
        CANCELLED_BY_CUSTOMER = "cancelled_customer", _("Cancelled by the customer")
        CANCELLED_BY_PROVIDER = "cancelled_provider", _("Cancelled by the provider")
        CANCELLED_BY_PLATFORM = "cancelled_platform", _("Cancelled by the platform")
        NO_SHOW = "no_show", _("Customer not at home")

    number = models.CharField(_("order number"), max_length=20, unique=True)
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bookings")
    service = models.ForeignKey("cms.ServicePage", on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey("providers.Provider", on_delete=models.PROTECT, related_name="bookings")
    staff = models.ForeignKey("providers.Staff", on_delete=models.PROTECT, related_name="bookings")
    district = models.ForeignKey("cms.District", on_delete=models.PROTECT, related_name="+")
    # A copy of the address at booking time: later edits of the saved address do not move the job.
    address_detail = EncryptedTextField(_("address"))
    address_landmark = EncryptedTextField(_("nearby landmark"), blank=True)
    contact_name = EncryptedTextField(_("contact name"))
    contact_phone = EncryptedTextField(_("contact phone"))
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"))
    buffer_minutes = models.PositiveSmallIntegerField(_("travel buffer (minutes)"))
    price = models.DecimalField(_("price (yuan)"), max_digits=10, decimal_places=2)
    notes = models.TextField(_("notes and special requests"), blank=True, max_length=1000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    needs_reassignment = models.BooleanField(_("needs a new staff member"), default=False)
    cancellation_fee = models.DecimalField(
        _("cancellation fee (yuan)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    # A pending order keeps its staff time only until then; unpaid, it is cancelled and the time freed.
    pay_by = models.DateTimeField(_("pay before"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [models.Index(fields=["staff", "start"]), models.Index(fields=["provider", "start"])]

    def __str__(self):
        return self.number

    @property
    def occupied_until(self):
        return self.end + timedelta(minutes=self.buffer_minutes)


ACTIVE_STATUSES = (
    Booking.Status.PENDING,
    Booking.Status.CONFIRMED,
    Booking.Status.ASSIGNED,
    Booking.Status.ON_THE_WAY,
    Booking.Status.IN_SERVICE,
)


class StaffSlot(models.Model):
    """One 15-minute unit of a staff member's time taken by a booking or a short hold.

    The unique constraint is the guarantee against double booking on every database: two bookings
    (travel buffer included) that overlap for one staff member would need the same unit twice.
    """

    staff = models.ForeignKey("providers.Staff", on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField()
    booking = models.ForeignKey(
        Booking, null=True, blank=True, on_delete=models.CASCADE, related_name="slots"
    )
    hold = models.ForeignKey(
        "SlotHold", null=True, blank=True, on_delete=models.CASCADE, related_name="slots"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["staff", "starts_at"], name="one_use_per_staff_slot"),
            models.CheckConstraint(
                condition=models.Q(booking__isnull=False, hold__isnull=True)
                | models.Q(booking__isnull=True, hold__isnull=False),
                name="slot_taken_by_booking_or_hold",
            ),
        ]

    def __str__(self):
        return f"{self.staff_id}@{self.starts_at:%Y-%m-%d %H:%M}"


class SlotHold(models.Model):
    """A start time kept for a customer for a few minutes while they fill in the address."""

    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    service = models.ForeignKey("cms.ServicePage", on_delete=models.CASCADE, related_name="+")
    staff = models.ForeignKey("providers.Staff", on_delete=models.CASCADE, related_name="+")
    district = models.ForeignKey("cms.District", on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("slot hold")

    def __str__(self):
        return f"{self.staff_id}@{self.start:%Y-%m-%d %H:%M} until {self.expires_at:%H:%M}"


class BookingEvent(models.Model):
    """A step of a booking's timeline, as the customer sees it: who moved it, when, and why."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=30)
    from_status = models.CharField(max_length=20, choices=Booking.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Booking.Status.choices, blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.booking_id} {self.action}"

    @property
    def reason_display(self):
        """Reasons the system gives are stored as codes and shown in the reader's language."""
        return SYSTEM_REASONS.get(self.reason, self.reason)


SYSTEM_REASONS = {"unpaid": _("Not paid in time; the time was given back.")}


class DailySequence(models.Model):
    """The last order number given out on a day, so that numbers are short enough to read out."""

    day = models.DateField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.day}: {self.last}"


class InvoiceSequence(models.Model):
    """The last invoice number of a year: invoices are numbered without gaps, per year."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class Invoice(models.Model):
    """The receipt of a completed order, issued once; its content is a snapshot taken at issue."""

    booking = models.OneToOneField(Booking, on_delete=models.PROTECT, related_name="invoice")
    number = models.CharField(_("invoice number"), max_length=20, unique=True)
    snapshot = models.JSONField(_("content at issue"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")

    def __str__(self):
        return self.number
