from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from . import services
from .forms import PasswordResetForm, PhoneForm, SignInForm, SignUpForm
from .models import PhoneVerification

BAD_REQUEST = 400
SEND_CODE = "send_code"
RESEND_CODE = "resend_code"
USE_CODE = "use_code"


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


def _field_for(error: ValidationError) -> str | None:
    """The form field a service error belongs to; errors keyed by field name place themselves."""
    if hasattr(error, "error_dict"):
        return None
    if isinstance(error, services.PhoneAlreadyRegistered):
        return "phone"
    if isinstance(error, services.InvalidCode):
        return "code"
    return None


def _code_flow(request, *, purpose, code_form_class, template, finish):
    """The two steps of sign-up and password reset: a number to text a code to, then the code.

    ``finish(request, form)`` does what the valid code allows and returns the response; the service
    errors it raises are shown on the form.
    """
    action = request.POST.get("action") if request.method == "POST" else None
    phone_form = PhoneForm(request.POST if action in (SEND_CODE, RESEND_CODE) else None)
    code_form = None
    failed = request.method == "POST"
    if action in (SEND_CODE, RESEND_CODE) and phone_form.is_valid():
        phone = phone_form.cleaned_data["phone"]
        try:
            services.send_verification_code(phone=phone, purpose=purpose)
        except ValidationError as error:
            if action == RESEND_CODE:
                # The code sent earlier may still work: stay on step 2 and explain.
                messages.error(request, " ".join(error.messages))
                code_form = code_form_class(initial={"phone": phone})
            else:
                phone_form.add_error(_field_for(error), error)
        else:
            failed = False
            if action == RESEND_CODE:
                messages.success(request, _("We sent a new code. Earlier codes no longer work."))
            code_form = code_form_class(initial={"phone": phone})
    elif action == USE_CODE:
        code_form = code_form_class(request.POST)
        if code_form.is_valid():
            try:
                return finish(request, code_form)
            except ValidationError as error:
                code_form.add_error(_field_for(error), error)
    context = {
        "phone_form": phone_form,
        "code_form": code_form,
        "next": _safe_next(request),
        "code_minutes": services.CODE_LIFETIME_MINUTES,
    }
    return TemplateResponse(request, template, context, status=BAD_REQUEST if failed else 200)


def _finish_sign_up(request, form):
    data = form.cleaned_data
    user = services.sign_up(
        phone=data["phone"], code=data["code"], password=data["password"], name=data["name"]
    )
    login(request, user, backend="accounts.backends.PhoneOrUsernameBackend")
    return redirect(_safe_next(request) or f"/{translation.get_language()}/")


def _finish_password_reset(request, form):
    data = form.cleaned_data
    services.reset_password(phone=data["phone"], code=data["code"], new_password=data["new_password"])
    messages.success(request, _("Your password has been changed. Sign in with the new password."))
    next_url = _safe_next(request)
    return redirect(reverse("login") + (f"?{urlencode({'next': next_url})}" if next_url else ""))


def sign_up(request):
    return _code_flow(
        request,
        purpose=PhoneVerification.Purpose.SIGNUP,
        code_form_class=SignUpForm,
        template="accounts/signup.html",
        finish=_finish_sign_up,
    )


def password_reset(request):
    return _code_flow(
        request,
        purpose=PhoneVerification.Purpose.RESET_PASSWORD,
        code_form_class=PasswordResetForm,
        template="accounts/password_reset.html",
        finish=_finish_password_reset,
    )
