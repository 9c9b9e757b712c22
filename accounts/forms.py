from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .validators import normalize_phone, validate_mainland_mobile


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("The mobile number (or username) and password do not match an account."),
        "inactive": _("This account is disabled."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Mobile number or username")
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "inputmode": "text"})


class PhoneForm(forms.Form):
    """Step 1 of sign-up and password reset: the number to text a code to."""

    phone = forms.CharField(
        label=_("Mobile number"),
        max_length=20,
        validators=[validate_mainland_mobile],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    def clean_phone(self):
        return normalize_phone(self.cleaned_data["phone"])


class CodeForm(PhoneForm):
    """Step 2: the number from step 1 (hidden), the texted code and a new password twice."""

    password_field = "password"

    code = forms.CharField(
        label=_("Verification code"),
        validators=[RegexValidator(r"^\d{6}$", _("Enter the 6 digits from the text message."))],
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": "6"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].widget = forms.HiddenInput()

    def add_error(self, field, error):
        # Hidden fields show no errors of their own, so the number's errors go above the form.
        super().add_error(None if field == "phone" else field, error)

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get(self.password_field)
        if password and password != cleaned.get(f"{self.password_field}_again"):
            self.add_error(f"{self.password_field}_again", _("The two passwords differ."))
        return cleaned


class SignUpForm(CodeForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=50,
        required=False,
        help_text=_("Optional: how we should address you."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits."),
    )
    password_again = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


class PasswordResetForm(CodeForm):
    password_field = "new_password"

    new_password = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits."),
    )
    new_password_again = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
