"""The package's layers, checked by walking every import with ast.

core <- files <- views <- cli: a module may import its own layer and the
layers below it, never one above. The core and files layers are plain Python
with no terminal libraries, and only the prompting module imports questionary."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "mlroles"
LAYERS = ("core", "files", "views", "cli")
TERMINAL_LIBRARIES = ("rich", "typer", "click", "questionary", "prompt_toolkit")
PROMPT_LIBRARIES = ("questionary", "prompt_toolkit")
PROMPTING = "mlroles.cli.prompting"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[str]:
    """Every module this file imports, at any depth (lazy imports included)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            found.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "mlroles" and parts[1] in LAYERS else None


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_sits_in_a_layer() -> None:
    loose = [
        module_name(p)
        for p in MODULES
        if layer_of(module_name(p)) is None and p.name not in ("__init__.py", "__main__.py")
    ]
    assert loose == [], "put these modules into core/, files/, views/ or cli/"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_point_down(path: Path) -> None:
    here = layer_of(module_name(path))
    if here is None:
        return
    upward = [
        name
        for name in imports(path)
        if (there := layer_of(name)) is not None and LAYERS.index(there) > LAYERS.index(here)
    ]
    assert upward == [], f"{module_name(path)} ({here}) imports a layer above it"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_terminal_libraries_stay_in_views_and_cli(path: Path) -> None:
    module = module_name(path)
    used = {name.split(".")[0] for name in imports(path)}
    if layer_of(module) in ("core", "files"):
        assert used.isdisjoint(TERMINAL_LIBRARIES), f"{module} imports {used}"
    if module != PROMPTING:
        assert used.isdisjoint(PROMPT_LIBRARIES), f"only {PROMPTING} may prompt"


def test_the_walk_sees_lazy_imports() -> None:
    """A check that could never fail would prove nothing: the walker must find
    the imports made inside functions, where start-up keeps them."""
    prompting = PACKAGE / "cli" / "prompting.py"
    assert "questionary" in {name.split(".")[0] for name in imports(prompting)}
