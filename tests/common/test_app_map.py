"""The app map is one truth: the contract in pyproject.toml, the table in docs, the code.

`lint-imports` (also in `make lint`) checks the code against the contract; these
tests also check that the table of docs/architecture.md says the same.
"""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
APPS = CONFIG["root_packages"]
ROW = re.compile(r"^\| `(?P<app>[a-z]+)/` \| (?P<owns>.*) \| (?P<imports>.*) \|$", re.M)


def layer_of() -> dict[str, int]:
    (layers,) = [c["layers"] for c in CONFIG["contracts"] if c["type"] == "layers"]
    return {app.strip(): depth for depth, layer in enumerate(layers) for app in layer.split("|")}


def documented_imports() -> dict[str, set[str]]:
    text = (ROOT / "docs" / "architecture.md").read_text()
    table = {}
    for row in ROW.finditer(text):
        words = set(re.findall(r"[a-z]+", re.sub(r"\(.*?\)", "", row["imports"])))  # no notes
        table[row["app"]] = set(APPS) - {row["app"]} if "every" in words else words & set(APPS)
    return table


def test_lint_imports_keeps_every_contract():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [lint_imports, "--no-logo", "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_table_lists_every_app_of_the_contract_and_its_layers():
    assert sorted(documented_imports()) == sorted(APPS) == sorted(layer_of())


@pytest.mark.parametrize("app", [app for app in APPS if app != "dayofaction"])
def test_the_table_never_lets_an_app_import_upwards(app):
    depth = layer_of()
    assert all(depth[other] > depth[app] for other in documented_imports()[app])


@pytest.mark.parametrize("app", APPS)
def test_each_app_imports_only_what_the_table_says(app):
    graph = grimp.build_graph(*APPS)
    imported = {
        target.split(".")[0]
        for module in graph.find_descendants(app) | {app}
        for target in graph.find_modules_directly_imported_by(module)
    } - {app}
    assert imported & set(APPS) <= documented_imports()[app]
