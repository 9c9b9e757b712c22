from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from .models import PersonalDataAccess, phone_digest
from .validators import normalize_phone, validate_mainland_mobile


class PhoneAlreadyRegistered(ValidationError):
    def __init__(self):
        super().__init__(_("This mobile number is already registered. Sign in instead."), code="phone_taken")


def create_phone_user(*, phone: str, password: str, name: str = "", email: str = ""):
    """A new account that signs in with its mobile number."""
    phone = normalize_phone(phone)
    validate_mainland_mobile(phone)
    User = get_user_model()
    if User.objects.filter(phone_digest=phone_digest(phone)).exists():
        raise PhoneAlreadyRegistered()
    user = User(username=f"u{get_random_string(15).lower()}", phone=phone, first_name=name, email=email)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:
        raise PhoneAlreadyRegistered() from exc
    return user


def record_personal_data_access(*, actor, subject, fields, purpose: str) -> None:
    """Log that ``actor`` was shown the unmasked ``fields`` of ``subject``."""
    PersonalDataAccess.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=str(subject.pk),
        fields=",".join(fields),
        purpose=purpose[:200],
    )
