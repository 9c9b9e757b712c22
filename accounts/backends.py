from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .selectors import user_for_login


class PhoneOrUsernameBackend(ModelBackend):
    """Signs in with a mainland mobile number (customers, providers, staff) or a username (editors)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user = user_for_login(username)
        if user is None:
            # Hash anyway so that unknown accounts take as long as wrong passwords.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
