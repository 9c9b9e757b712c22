import hmac
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model, password_validation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from . import crypto, sms
from .models import PersonalDataAccess, PhoneVerification, phone_digest
from .validators import normalize_phone, validate_mainland_mobile

CODE_LIFETIME_MINUTES = 10
CODE_LIFETIME = timedelta(minutes=CODE_LIFETIME_MINUTES)
CODE_RESEND_INTERVAL = timedelta(seconds=60)
CODES_PER_HOUR = 5
MAX_CODE_ATTEMPTS = 5
# Stored for a number without an account: it can never equal a hex digest, so no code matches it.
UNUSABLE_CODE_HASH = "!"


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


# One-time SMS codes --------------------------------------------------------------------------------------


class TooManyCodes(ValidationError):
    pass


class InvalidCode(ValidationError):
    pass


def _code_hash(phone: str, purpose: str, code: str) -> str:
    # A keyed HMAC rather than a slow password hash: with only a million possible codes a slow hash
    # would not stop an offline search, while the secret key does; bound to the number and purpose.
    return crypto.digest(f"sms-code:{purpose}:{phone}:{code}")


def _registered_user(phone: str):
    return get_user_model().objects.filter(phone_digest=phone_digest(phone)).first()


def _check_rate_limit(codes_sent, now) -> None:
    if codes_sent.filter(created_at__gt=now - CODE_RESEND_INTERVAL).exists():
        raise TooManyCodes(_("Please wait a minute before asking for another code."), code="too_many_codes")
    if codes_sent.filter(created_at__gt=now - timedelta(hours=1)).count() >= CODES_PER_HOUR:
        raise TooManyCodes(
            _("Too many codes were sent to this number in the last hour. Please try again later."),
            code="too_many_codes",
        )


def send_verification_code(*, phone: str, purpose: str) -> None:
    """Text a fresh 6-digit code to ``phone``; earlier unused codes for the same purpose stop working.

    A password reset for a number without an account sends nothing but answers, and counts against
    the rate limits, exactly as for a known number, so the form does not reveal who has an account.
    """
    phone = normalize_phone(phone)
    validate_mainland_mobile(phone)
    has_account = _registered_user(phone) is not None
    if purpose == PhoneVerification.Purpose.SIGNUP and has_account:
        raise PhoneAlreadyRegistered()
    now = timezone.now()
    codes_sent = PhoneVerification.objects.filter(phone_digest=phone_digest(phone), purpose=purpose)
    _check_rate_limit(codes_sent, now)
    code = f"{secrets.randbelow(10**6):06d}"
    deliver = has_account or purpose == PhoneVerification.Purpose.SIGNUP
    try:
        with transaction.atomic():
            codes_sent.filter(used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
            PhoneVerification.objects.create(
                phone_digest=phone_digest(phone),
                purpose=purpose,
                code_hash=_code_hash(phone, purpose, code) if deliver else UNUSABLE_CODE_HASH,
                created_at=now,
                expires_at=now + CODE_LIFETIME,
            )
            if deliver:
                sms.send_sms(
                    phone,
                    _(
                        "[Shangmen] Your verification code is %(code)s. It is valid for %(minutes)d minutes. "
                        "Never tell it to anyone."
                    )
                    % {"code": code, "minutes": CODE_LIFETIME_MINUTES},
                )
    except sms.SmsDeliveryError as exc:
        raise ValidationError(
            _("The text message could not be sent. Please try again in a minute."), code="sms_failed"
        ) from exc


def _no_code() -> InvalidCode:
    return InvalidCode(_("No code was sent to this number. Ask for a code first."), code="no_code")


def _code_used() -> InvalidCode:
    return InvalidCode(_("This code was already used. Please ask for a new one."), code="code_used")


def _refusal(verification, now) -> InvalidCode | None:
    if verification is None:
        return _no_code()
    if verification.used_at is not None:
        return _code_used()
    if verification.attempts >= MAX_CODE_ATTEMPTS:
        return InvalidCode(
            _("Too many wrong tries: this code no longer works. Please ask for a new one."),
            code="too_many_attempts",
        )
    if verification.expires_at <= now:
        return InvalidCode(_("This code has expired. Please ask for a new one."), code="code_expired")
    return None


def verify_code(*, phone: str, purpose: str, code: str) -> PhoneVerification:
    """Use up the latest code sent to ``phone`` for ``purpose``, or raise InvalidCode saying why not.

    Every try counts, the right one included. Both the try and the use are conditional UPDATEs, so
    parallel requests cannot exceed the tries or use one code twice. A caller that wraps this in its
    own transaction must not let InvalidCode roll it back, or wrong tries would not count (see
    ``_with_verified_code``).
    """
    phone = normalize_phone(phone)
    validate_mainland_mobile(phone)
    now = timezone.now()
    verification = PhoneVerification.objects.filter(phone_digest=phone_digest(phone), purpose=purpose).first()
    refusal = _refusal(verification, now)
    if refusal is not None:
        raise refusal
    still_open = PhoneVerification.objects.filter(
        pk=verification.pk, used_at__isnull=True, attempts__lt=MAX_CODE_ATTEMPTS
    )
    if not still_open.update(attempts=F("attempts") + 1):
        verification.refresh_from_db()
        raise _refusal(verification, now) or _code_used()
    if not hmac.compare_digest(verification.code_hash, _code_hash(phone, purpose, code.strip())):
        raise InvalidCode(_("The code is wrong. Check the text message and try again."), code="wrong_code")
    if not PhoneVerification.objects.filter(pk=verification.pk, used_at__isnull=True).update(used_at=now):
        raise _code_used()
    verification.refresh_from_db()
    return verification


def _with_verified_code(*, phone: str, purpose: str, code: str, action):
    """Use up the code and run ``action()`` in one transaction: if the action fails, the code stays unused.

    A refused code is raised only once the transaction has committed, so that the wrong try is kept.
    """
    with transaction.atomic():
        try:
            verify_code(phone=phone, purpose=purpose, code=code)
        except InvalidCode as error:
            refusal = error
        else:
            return action()
    raise refusal


def _validate_new_password(password: str, user, field: str) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({field: error.error_list}) from error


def sign_up(*, phone: str, code: str, password: str, name: str = ""):
    """A new account for the holder of ``phone``, proven by the code texted to it."""
    phone = normalize_phone(phone)
    validate_mainland_mobile(phone)
    # Checked before the code, so that a taken number or a weak password does not use it up.
    if _registered_user(phone) is not None:
        raise PhoneAlreadyRegistered()
    _validate_new_password(password, get_user_model()(first_name=name), "password")
    return _with_verified_code(
        phone=phone,
        purpose=PhoneVerification.Purpose.SIGNUP,
        code=code,
        action=lambda: create_phone_user(phone=phone, password=password, name=name),
    )


def reset_password(*, phone: str, code: str, new_password: str):
    """Set a new password on the account of ``phone``, proven by the code texted to it."""
    phone = normalize_phone(phone)
    validate_mainland_mobile(phone)
    user = _registered_user(phone)
    _validate_new_password(new_password, user, "new_password")

    def change_password():
        if user is None:
            # Only reachable if the account was deleted after its code was sent.
            raise _no_code()
        user.set_password(new_password)
        user.save(update_fields=["password"])
        return user

    return _with_verified_code(
        phone=phone, purpose=PhoneVerification.Purpose.RESET_PASSWORD, code=code, action=change_password
    )
