"""Writes of reconciliation: what operators decide about a payment whose records and gateway disagree.

Discrepancies themselves are found and recorded by ``payments.services.reconcile``."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .models import Discrepancy

RESOLVE_ACTION = "payments.resolve_discrepancy"


@transaction.atomic
def resolve_discrepancy(discrepancy: Discrepancy, *, actor) -> bool:
    """Mark a discrepancy resolved, once; False when it already was. Who did it goes to Wagtail's audit log,
    as the model has no field for it."""
    resolved = Discrepancy.objects.filter(pk=discrepancy.pk, resolved_at__isnull=True).update(
        resolved_at=timezone.now()
    )
    discrepancy.refresh_from_db(fields=["resolved_at"])
    if resolved:
        log(discrepancy, RESOLVE_ACTION, user=actor)
    return bool(resolved)
