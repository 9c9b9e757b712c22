from django.contrib.auth import views as auth_views

from .forms import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response
