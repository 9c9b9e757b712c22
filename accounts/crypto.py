"""Encryption at rest for personal data, and keyed digests to look it up without decrypting.

Keys come from settings (the environment in production). The first encryption key encrypts; every
key listed decrypts, so keys can be rotated by putting a new one first.
"""

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=1)
def _fernet() -> MultiFernet:
    keys = settings.FIELD_ENCRYPTION_KEYS
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS must list at least one Fernet key.")
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(plaintext: str) -> str:
    return _fernet().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "Stored personal data cannot be decrypted with FIELD_ENCRYPTION_KEYS."
        ) from exc


def digest(value: str) -> str:
    """A keyed, deterministic fingerprint: equal values match, the value itself cannot be read back."""
    key = settings.FIELD_DIGEST_KEY.encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()
