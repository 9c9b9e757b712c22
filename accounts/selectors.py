from django.contrib.auth import get_user_model

from .models import phone_digest
from .validators import MAINLAND_MOBILE, normalize_phone


def user_for_login(identifier: str):
    """The account a sign-in identifier names: a mobile number, or a username for staff editors."""
    User = get_user_model()
    phone = normalize_phone(identifier)
    if MAINLAND_MOBILE.match(phone):
        return User.objects.filter(phone_digest=phone_digest(phone)).first()
    return User.objects.filter(username=identifier).first()
