import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts import crypto
from accounts.fields import EncryptedTextField
from accounts.masking import mask_id_number, mask_phone
from accounts.validators import birth_date_from_id, validate_id_number, validate_uscc

from .storage import private_storage


class Provider(models.Model):
    """A company or individual business that sends staff to customers' doors."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        INDIVIDUAL = "individual", _("Individual business")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Application not yet submitted")
        APPLIED = "applied", _("Applied, waiting for review")
        UNDER_REVIEW = "under_review", _("Under review")
        MORE_INFO = "more_info", _("More papers requested")
        REJECTED = "rejected", _("Rejected")
        CERTIFIED = "certified", _("Certified")
        WARNED = "warned", _("Certified, with a warning")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.COMPANY)
    legal_name_zh = models.CharField(_("legal name (Chinese)"), max_length=200)
    legal_name_en = models.CharField(_("legal name (English)"), max_length=200, blank=True)
    uscc = models.CharField(
        _("unified social credit code"), max_length=18, unique=True, validators=[validate_uscc]
    )
    legal_representative = models.CharField(_("legal representative"), max_length=100)
    contact_name = models.CharField(_("contact person"), max_length=100)
    contact_phone = EncryptedTextField(_("contact phone"))
    registered_address = models.CharField(_("registered address"), max_length=300)
    categories = models.ManyToManyField(
        "cms.ServiceCategoryPage", related_name="+", verbose_name=_("categories offered")
    )
    districts = models.ManyToManyField(
        "cms.District", related_name="providers", verbose_name=_("districts served")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    status_reason = models.TextField(_("reason given with the status"), blank=True)
    certified_at = models.DateTimeField(_("certified at"), null=True, blank=True)
    # Kept current by the document services so that bookability is one indexed filter, not a subquery per kind.
    papers_complete = models.BooleanField(_("all required papers uploaded"), default=False)
    papers_valid_until = models.DateField(_("papers valid until"), null=True, blank=True)
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["legal_name_zh"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        permissions = [
            ("manage_provider", _("Manage the provider's company, staff, schedules, services and bookings")),
            ("dispatch_provider", _("Assign the provider's staff to bookings")),
            ("review_provider", _("Review provider applications and take quality actions")),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        if (get_language() or "").startswith("en") and self.legal_name_en:
            return self.legal_name_en
        return self.legal_name_zh

    @property
    def masked_contact_phone(self):
        return mask_phone(self.contact_phone)

    @property
    def is_active(self):
        return self.status in ACTIVE_PROVIDER_STATUSES

    @property
    def papers_valid_today(self):
        return self.papers_complete and (
            self.papers_valid_until is None or self.papers_valid_until >= timezone.localdate()
        )


ACTIVE_PROVIDER_STATUSES = (Provider.Status.CERTIFIED, Provider.Status.WARNED)


class ProviderEvent(models.Model):
    """One step in a provider's history: who did what, when, and why."""

    ACTION_LABELS = {
        "created": _("Application started"),
        "updated": _("Application updated"),
        "imported": _("Imported from a spreadsheet"),
        "submit": _("Submitted for review"),
        "start_review": _("Review started"),
        "approve": _("Certified"),
        "reject": _("Application rejected"),
        "request_more": _("More papers requested"),
        "warn": _("Warning issued"),
        "clear_warning": _("Warning cleared"),
        "suspend": _("Suspended"),
        "reinstate": _("Reinstated"),
        "revoke": _("Certification revoked"),
        "paper_uploaded": _("Paper uploaded"),
        "paper_removed": _("Paper removed"),
        "staff_added": _("Staff member added"),
        "staff_updated": _("Staff member updated"),
        "staff_left": _("Staff member left"),
        "quality_warning_confirmed": _("Quality warning confirmed"),
        "quality_warning_dismissed": _("Quality warning dismissed"),
    }

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=40)
    from_status = models.CharField(max_length=20, choices=Provider.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Provider.Status.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("provider event")
        verbose_name_plural = _("provider events")

    def __str__(self):
        return f"{self.provider_id} {self.action} {self.created_at:%Y-%m-%d}"

    @property
    def action_label(self):
        return self.ACTION_LABELS.get(self.action, self.action)


def document_upload_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"providers/{instance.provider_id}/papers/{secrets.token_hex(12)}.{extension}"


class ProviderDocument(models.Model):
    class Kind(models.TextChoices):
        BUSINESS_LICENCE = "business_licence", _("Business licence")
        HOUSEKEEPING_PERMIT = "housekeeping_permit", _("Housekeeping service permit")
        MEDICAL_PERMIT = "medical_permit", _("Medical practice permit")
        CATERING_PERMIT = "catering_permit", _("Food business permit")
        OTHER = "other", _("Other paper")

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("paper"), max_length=30, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=document_upload_path, storage=private_storage)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "-uploaded_at"]
        verbose_name = _("provider paper")
        verbose_name_plural = _("provider papers")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.provider})"

    @property
    def is_expired(self):
        return self.expires_on is not None and self.expires_on < timezone.localdate()


class ProviderMembership(models.Model):
    """A person's role at a provider; the services keep object permissions in step with it."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Provider administrator")
        DISPATCHER = "dispatcher", _("Dispatcher")
        STAFF = "staff", _("Service staff")

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "user", "role"], name="unique_provider_role")
        ]
        verbose_name = _("provider membership")
        verbose_name_plural = _("provider memberships")

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.provider}"


def staff_photo_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"providers/{instance.provider_id}/staff/{secrets.token_hex(12)}.{extension}"


class Staff(models.Model):
    """A person who does the work at the door: 阿姨, technician, nurse, trainer, craft host."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for background check")
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        LEFT = "left", _("Left the provider")

    class BackgroundCheck(models.TextChoices):
        PENDING = "pending", _("Pending")
        PASSED = "passed", _("Passed")
        FAILED = "failed", _("Failed")

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="staff")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="staff_profile"
    )
    real_name = models.CharField(_("real name"), max_length=50)
    id_number = EncryptedTextField(_("resident ID number"), validators=[validate_id_number])
    id_number_digest = models.CharField(max_length=64, unique=True, editable=False)
    birth_date = models.DateField(_("birth date"), editable=False)
    photo = models.ImageField(_("photo"), upload_to=staff_photo_path, storage=private_storage, blank=True)
    skills = models.ManyToManyField("cms.ServiceCategoryPage", related_name="+", verbose_name=_("skills"))
    districts = models.ManyToManyField("cms.District", related_name="staff", verbose_name=_("districts"))
    background_check = models.CharField(
        _("background check"), max_length=10, choices=BackgroundCheck.choices, default=BackgroundCheck.PENDING
    )
    background_checked_on = models.DateField(_("background checked on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["provider", "real_name"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")
        permissions = [("act_as_staff", _("See one's own schedule, tasks, reviews and certificate"))]

    def __str__(self):
        return self.real_name

    def save(self, *args, **kwargs):
        self.id_number = (self.id_number or "").upper()
        self.id_number_digest = id_number_digest(self.id_number)
        self.birth_date = birth_date_from_id(self.id_number)
        super().save(*args, **kwargs)

    @property
    def masked_id_number(self):
        return mask_id_number(self.id_number)

    @property
    def phone(self):
        return self.user.phone

    @property
    def masked_phone(self):
        return mask_phone(self.user.phone)


def id_number_digest(number: str) -> str:
    return crypto.digest(f"id:{number.upper()}")


class StaffCertificate(models.Model):
    """A personal certificate a staff member holds, e.g. 健康证 or 养老护理员证."""

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="certificates")
    qualification = models.ForeignKey("cms.Qualification", on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("certificate number"), max_length=60, blank=True)
    expires_on = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["qualification__code"]
        verbose_name = _("personal certificate")
        verbose_name_plural = _("personal certificates")

    def __str__(self):
        return f"{self.qualification} · {self.staff}"

    @property
    def is_expired(self):
        return self.expires_on is not None and self.expires_on < timezone.localdate()


class TrainingRecord(models.Model):
    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="training")
    title = models.CharField(_("course"), max_length=200)
    completed_on = models.DateField(_("completed on"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["-completed_on"]
        verbose_name = _("training record")
        verbose_name_plural = _("training records")

    def __str__(self):
        return self.title


class WeeklyShift(models.Model):
    """A regular working period on one weekday (Monday is 0), in Asia/Shanghai local time."""

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="weekly_shifts")
    weekday = models.PositiveSmallIntegerField(_("weekday"), validators=[MaxValueValidator(6)])
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))

    class Meta:
        ordering = ["weekday", "start_time"]
        verbose_name = _("weekly shift")
        verbose_name_plural = _("weekly shifts")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__lt=models.F("end_time")), name="shift_starts_before_end"
            ),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="shift_weekday_in_week"),
        ]

    def __str__(self):
        return f"{self.weekday} {self.start_time:%H:%M}–{self.end_time:%H:%M}"


class ScheduleException(models.Model):
    """A dated change to the weekly hours: leave (all day or part) or an extra shift."""

    class Kind(models.TextChoices):
        LEAVE = "leave", _("Leave")
        EXTRA = "extra", _("Extra shift")

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="schedule_exceptions")
    date = models.DateField(_("date"))
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    start_time = models.TimeField(_("from"), null=True, blank=True)
    end_time = models.TimeField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["date", "start_time"]
        verbose_name = _("schedule exception")
        verbose_name_plural = _("schedule exceptions")
        constraints = [
            models.CheckConstraint(
                condition=(Q(start_time__isnull=True) & Q(end_time__isnull=True) & Q(kind="leave"))
                | (
                    Q(start_time__isnull=False)
                    & Q(end_time__isnull=False)
                    & Q(start_time__lt=models.F("end_time"))
                ),
                name="exception_times_are_a_range_or_whole_day_leave",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date}"

    @property
    def is_whole_day(self):
        return self.start_time is None


class ServiceOffer(models.Model):
    """A catalog service a provider performs, optionally at its own price."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="offers")
    service = models.ForeignKey("cms.ServicePage", on_delete=models.CASCADE, related_name="+")
    price = models.DecimalField(
        _("own price (yuan)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave empty to charge the catalog price."),
    )
    is_active = models.BooleanField(_("offered"), default=True)

    class Meta:
        verbose_name = _("service offer")
        verbose_name_plural = _("service offers")
        constraints = [
            models.UniqueConstraint(fields=["provider", "service"], name="unique_offer_per_service")
        ]

    def __str__(self):
        return f"{self.provider} · {self.service}"

    @property
    def effective_price(self):
        return self.price if self.price is not None else self.service.price


CERTIFICATE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_certificate_number() -> str:
    """SMC-XXXX-XXXX-XXXX from a 32-letter alphabet: 60 random bits, not guessable, readable aloud."""
    groups = ["".join(secrets.choice(CERTIFICATE_ALPHABET) for _ in range(4)) for _ in range(3)]
    return "SMC-" + "-".join(groups)


class Certificate(models.Model):
    """An issued certificate. Its content is a snapshot taken at issue; later edits do not change it."""

    class Kind(models.TextChoices):
        PROVIDER = "provider", _("Provider certificate")
        STAFF = "staff", _("Staff certificate")

    class Validity(models.TextChoices):
        VALID = "valid", _("Valid")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")

    number = models.CharField(
        _("number"), max_length=20, unique=True, default=new_certificate_number, editable=False
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="certificates")
    staff = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="issued_certificates"
    )
    snapshot = models.JSONField(_("content at issue"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="provider", staff__isnull=True) | Q(kind="staff", staff__isnull=False),
                name="staff_certificate_names_staff",
            ),
            models.CheckConstraint(
                condition=Q(valid_from__lte=models.F("valid_until")), name="certificate_dates"
            ),
        ]

    def __str__(self):
        return self.number


class QualityWarning(models.Model):
    """A warning raised automatically by a quality trigger, waiting for an operator to confirm or dismiss it.

    The evidence is a list of ``{"label": ..., "url": ...}`` written by whoever raised the warning, so this
    app needs to know nothing of reviews or complaints. Confirming a provider-level warning is the "warn"
    quality action on the provider; a staff-level one is recorded in the provider's history.
    """

    class Trigger(models.TextChoices):
        LOW_RATING = "low_rating", _("Rolling rating under the threshold")
        UPHELD_COMPLAINTS = "upheld_complaints", _("Too many upheld complaints")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an operator")
        CONFIRMED = "confirmed", _("Confirmed")
        DISMISSED = "dismissed", _("Dismissed")

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="quality_warnings")
    staff = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.CASCADE, related_name="quality_warnings"
    )
    trigger = models.CharField(_("trigger"), max_length=20, choices=Trigger.choices)
    summary = models.JSONField(_("figures"), default=dict)
    evidence = models.JSONField(_("evidence"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    raised_at = models.DateTimeField(_("raised at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("operator's note"), blank=True)

    class Meta:
        ordering = ["-raised_at", "-pk"]
        verbose_name = _("quality warning")
        verbose_name_plural = _("quality warnings")
        constraints = [
            # One open warning per subject and trigger, however many reviews arrive at once.
            models.UniqueConstraint(
                fields=["provider", "trigger"],
                condition=models.Q(status="pending", staff__isnull=True),
                name="one_pending_provider_warning_per_trigger",
            ),
            models.UniqueConstraint(
                fields=["staff", "trigger"],
                condition=models.Q(status="pending", staff__isnull=False),
                name="one_pending_staff_warning_per_trigger",
            ),
        ]

    def __str__(self):
        subject = self.staff.real_name if self.staff_id else self.provider.name
        return f"{subject}: {self.get_trigger_display()}"

    @property
    def subject_name(self):
        return self.staff.real_name if self.staff_id else self.provider.name
