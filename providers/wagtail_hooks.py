# The admin's provider screens are split by purpose; importing them registers their hooks.
from . import admin_bulk, admin_quality, admin_review  # noqa: F401
