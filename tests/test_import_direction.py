"""Imports run one way: portal → aftersales → payments → booking → providers → accounts → cms → api.

An app may import the apps after it in this line, never the ones before it (and nothing imports portal),
so that there are no import cycles and lower layers know nothing of the ones above them. An app's own tests
may drive the whole stack and are not held to the line."""

import ast
from pathlib import Path

import pytest

LAYERS = ["portal", "aftersales", "payments", "booking", "providers", "accounts", "cms", "api"]
ROOT = Path(__file__).resolve().parent.parent


def imported_apps(path: Path) -> set[str]:
    apps = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        apps.update(name.split(".")[0] for name in names if name.split(".")[0] in LAYERS)
    return apps


@pytest.mark.parametrize("app", LAYERS)
def test_an_app_imports_only_the_apps_below_it(app):
    allowed = set(LAYERS[LAYERS.index(app) :])
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported_apps(path) - allowed)
        for path in (ROOT / app).rglob("*.py")
        if not {"migrations", "tests"} & set(path.parts) and imported_apps(path) - allowed
    }
    assert not wrong, f"{app} imports apps above it: {wrong}"
