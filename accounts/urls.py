from django.contrib.auth import views as auth_views
from django.urls import path

from .views import SignInView, password_reset, sign_up

urlpatterns = [
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/signup/", sign_up, name="signup"),
    path("accounts/password-reset/", password_reset, name="password_reset"),
]
