"""Signals other apps listen to, so that providers never has to import them."""

import django.dispatch

# Sent inside the status change's transaction with ``provider`` and ``action`` (a key of TRANSITIONS).
provider_status_changed = django.dispatch.Signal()
