from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import crypto
from .fields import EncryptedTextField
from .masking import mask_phone
from .validators import normalize_phone


class User(AbstractUser):
    """A person who signs in: customers, provider people and staff by mobile number, editors by username.

    The mobile number is stored encrypted; ``phone_digest`` (a keyed hash) finds the account at
    sign-in and keeps numbers unique without storing them readable.
    """

    phone = EncryptedTextField(_("mobile number"), blank=True)
    phone_digest = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def save(self, *args, **kwargs):
        self.phone = normalize_phone(self.phone)
        self.phone_digest = phone_digest(self.phone) if self.phone else None
        super().save(*args, **kwargs)

    @property
    def masked_phone(self):
        return mask_phone(self.phone)

    @property
    def display_name(self):
        return self.get_full_name() or self.first_name or self.masked_phone or self.username


def phone_digest(phone: str) -> str:
    return crypto.digest(f"phone:{normalize_phone(phone)}")


class PersonalDataAccess(models.Model):
    """Who read whose personal data, when and why (PIPL: access to personal information is logged)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reader"),
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    subject_id = models.CharField(max_length=64)
    subject = GenericForeignKey("subject_type", "subject_id")
    fields = models.CharField(_("fields read"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=200)
    created_at = models.DateTimeField(_("read at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self):
        return f"{self.actor} → {self.subject_type.model}#{self.subject_id}: {self.fields}"


class PhoneVerification(models.Model):
    """A one-time code sent by SMS to prove that someone holds a mobile number.

    Only keyed digests are stored: of the number (to find the codes sent to it) and of the code
    (to check a guess), so the table reveals neither.
    """

    class Purpose(models.TextChoices):
        SIGNUP = "signup", _("sign-up")
        RESET_PASSWORD = "reset_password", _("password reset")

    phone_digest = models.CharField(max_length=64, db_index=True, editable=False)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    code_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    attempts = models.PositiveSmallIntegerField(_("tries"), default=0)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("mobile number verification")
        verbose_name_plural = _("mobile number verifications")

    def __str__(self):
        return f"{self.get_purpose_display()} {self.created_at:%Y-%m-%d %H:%M}"
