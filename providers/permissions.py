"""The one permission layer for provider data, called by portal views, admin views and the API.

Object permissions (django-guardian) are granted and revoked only by the membership services;
this module only asks. Wagtail's own page permissions are a separate system and are not consulted.
"""

from django.core.exceptions import PermissionDenied
from guardian.shortcuts import get_objects_for_user

from .models import Provider, Staff

MANAGE = "providers.manage_provider"
DISPATCH = "providers.dispatch_provider"
REVIEW = "providers.review_provider"
ACT_AS_STAFF = "providers.act_as_staff"

REVIEWERS_GROUP = "Platform reviewers"


def can_manage(user, provider: Provider) -> bool:
    return user.is_authenticated and user.has_perm(MANAGE, provider)


def can_dispatch(user, provider: Provider) -> bool:
    return user.is_authenticated and (user.has_perm(DISPATCH, provider) or user.has_perm(MANAGE, provider))


def can_view_provider(user, provider: Provider) -> bool:
    return can_dispatch(user, provider) or can_review(user)


def can_review(user) -> bool:
    """Platform reviewers: a model-wide permission given to their Wagtail group, not an object one."""
    return user.is_authenticated and user.has_perm(REVIEW)


def can_act_as_staff(user, staff: Staff) -> bool:
    return user.is_authenticated and user.has_perm(ACT_AS_STAFF, staff)


def can_view_staff(user, staff: Staff) -> bool:
    return can_act_as_staff(user, staff) or can_dispatch(user, staff.provider) or can_review(user)


def can_see_personal_data_of_staff(user, staff: Staff) -> bool:
    """Full ID number and phone: the provider's administrators and platform reviewers, not dispatchers."""
    return can_manage(user, staff.provider) or can_review(user)


def managed_providers(user):
    if not user.is_authenticated:
        return Provider.objects.none()
    return get_objects_for_user(user, [MANAGE, DISPATCH], Provider, any_perm=True, accept_global_perms=False)


def staff_profile(user) -> Staff | None:
    if not user.is_authenticated:
        return None
    return Staff.objects.filter(user=user).select_related("provider").first()


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
