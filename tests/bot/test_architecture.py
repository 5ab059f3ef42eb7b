"""Dependencies point inward: the core never imports platform SDKs, the ORM, storage or adapters."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
FORBIDDEN = ("sqlalchemy", "alembic", "asyncpg", "aiosqlite", "discord", "slack_bolt", "slack_sdk")
COMPOSITION_ROOTS = {"bot/bootstrap.py", "bot/cli.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


CORE_FILES = sorted(p for p in (ROOT / "bot").rglob("*.py"))


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_imports_no_sdk_orm_or_outer_layer(path: Path) -> None:
    rel = str(path.relative_to(ROOT))
    imported = {name.split(".")[0] for name in _imports(path)}
    assert not imported & set(FORBIDDEN), f"{rel} imports {imported & set(FORBIDDEN)}"
    if rel not in COMPOSITION_ROOTS:
        assert not imported & {"storage", "adapters"}, f"{rel} reaches outward"


def test_storage_never_imports_adapters() -> None:
    for path in (ROOT / "storage").rglob("*.py"):
        assert "adapters" not in {n.split(".")[0] for n in _imports(path)}, path


def test_importing_the_core_loads_no_orm() -> None:
    code = (
        "import sys, bot.dispatcher, bot.parsing, bot.taxonomy, bot.memory, bot.settings;"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
