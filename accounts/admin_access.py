"""Admin screens for one kind of platform people (reviewers, payment operators, after-sales operators).

Each answers a plain 403 unless its check says yes; Wagtail's model permission policy is not consulted."""

from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied


class PlatformRoleRequiredMixin:
    permission_policy = None
    permission_required = None
    any_permission_required = None

    def user_may_enter(self, user) -> bool:
        raise NotImplementedError("Say who may use these screens.")

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_enter(request.user):
            # A real 403 (not Wagtail's redirect to the dashboard), so that nothing reads as success.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    # These people look and decide through their own forms; nothing is added, edited or deleted through
    # Wagtail's model forms, so listings offer no such buttons.
    def user_has_permission(self, permission):
        return permission == "view"

    def user_has_any_permission(self, permissions):
        return "view" in permissions
