"""Who may see and act on after-sales cases. Views, the admin and the API ask here; services enforce the
rules of the cases themselves."""

from providers import permissions as provider_permissions

OPERATE = "aftersales.operate_aftersales"
OPERATORS_GROUP = "After-sales operators"


def can_operate(user) -> bool:
    """Platform operators: a model-wide permission given to their group (superusers have it too)."""
    return user.is_authenticated and user.has_perm(OPERATE)


def can_see_case(user, case) -> bool:
    """A complaint or claim: its customer, the provider's administrators and dispatchers, and operators."""
    return (
        user.is_authenticated
        and (case.customer_id == user.pk or provider_permissions.can_dispatch(user, case.provider))
    ) or can_operate(user)


def can_answer_for_provider(user, provider) -> bool:
    """Reply to reviews and respond to complaints in the provider's name."""
    return provider_permissions.can_dispatch(user, provider)


def can_see_evidence(user, evidence) -> bool:
    """A file attached to a complaint or a claim: whoever may see that case."""
    return can_see_case(user, evidence.complaint or evidence.claim)


def can_see_review(user, review) -> bool:
    """Visible reviews (and their photos) are public; a hidden one stays with its customer, the provider's
    people and operators."""
    return (
        not review.is_hidden
        or (user.is_authenticated and review.customer_id == user.pk)
        or can_answer_for_provider(user, review.provider)
        or can_operate(user)
    )
