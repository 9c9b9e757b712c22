"""Validators for Chinese identifiers: mobile numbers, unified social credit codes, resident ID numbers."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAINLAND_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# A mainland mobile number as people write it, for the API (and its schema) to check in one regular
# expression: the 11 digits, optionally after +86 or 0086, with a space or a dash between any two of them (and
# after the prefix), none around. Every number it matches passes validate_mainland_mobile once normalised.
MAINLAND_MOBILE_AS_WRITTEN = r"^(?:(?:\+86|0086)[ -]?)?1[ -]?[3-9](?:[ -]?[0-9]){9}\Z"

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARACTERS = "10X98765432"


def normalize_phone(value: str) -> str:
    """Strip spaces, dashes and a +86 / 0086 prefix from a mainland mobile number."""
    phone = re.sub(r"[\s-]", "", value or "")
    for prefix in ("+86", "0086"):
        if phone.startswith(prefix):
            phone = phone[len(prefix) :]
    return phone


MAINLAND_MOBILE_MESSAGE = _("Enter an 11-digit mainland mobile number starting with 13–19, e.g. 13812345678.")


def validate_mainland_mobile(value: str) -> None:
    if not MAINLAND_MOBILE.match(normalize_phone(value)):
        raise ValidationError(MAINLAND_MOBILE_MESSAGE, code="invalid_phone")


def uscc_check_character(first_17: str) -> str:
    total = sum(
        USCC_ALPHABET.index(char) * weight for char, weight in zip(first_17, USCC_WEIGHTS, strict=True)
    )
    return USCC_ALPHABET[(31 - total % 31) % 31]


def validate_uscc(value: str) -> None:
    """GB 32100: 18 characters from 0-9A-HJ-NPQRTUWXY, the last a weighted mod-31 check character."""
    code = (value or "").upper()
    if len(code) != 18 or any(char not in USCC_ALPHABET for char in code):
        raise ValidationError(
            _(
                "A unified social credit code has 18 characters: digits and capital letters except I, O, S, V, Z."
            ),
            code="invalid_uscc",
        )
    if uscc_check_character(code[:17]) != code[17]:
        raise ValidationError(
            _("This unified social credit code is not valid: its check character does not match."),
            code="invalid_uscc_check",
        )


def id_check_character(first_17: str) -> str:
    return ID_CHECK_CHARACTERS[sum(int(d) * w for d, w in zip(first_17, ID_WEIGHTS, strict=True)) % 11]


def birth_date_from_id(value: str) -> date:
    return date(int(value[6:10]), int(value[10:12]), int(value[12:14]))


def validate_id_number(value: str) -> None:
    """GB 11643: 17 digits and a check character (0-9 or X), with a real birth date in digits 7-14."""
    number = (value or "").upper()
    if not re.fullmatch(r"\d{17}[\dX]", number):
        raise ValidationError(
            _("A resident ID number has 17 digits followed by a digit or X."), code="invalid_id"
        )
    try:
        born = birth_date_from_id(number)
    except ValueError:
        raise ValidationError(
            _("The birth date inside this ID number is not a real date."), code="invalid_id_date"
        ) from None
    if born.year < 1900 or born > timezone.localdate():
        raise ValidationError(
            _("The birth date inside this ID number is not plausible."), code="invalid_id_date"
        )
    if id_check_character(number[:17]) != number[17]:
        raise ValidationError(
            _("This ID number is not valid: its check character does not match."), code="invalid_id_check"
        )
