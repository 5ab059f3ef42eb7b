"""The ./dev script and .ci/run, exercised in a scratch copy with a stand-in virtualenv.

The stand-in .venv is a real venv made without pip, holding fake ruff/mypy/pytest/mentormeet
scripts, so no test installs anything or runs the real suite recursively.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def fake(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of dev and .ci/run beside a pyproject.toml; no .venv yet."""
    root = tmp_path / "project"
    (root / ".ci").mkdir(parents=True)
    shutil.copy2(REPO / "dev", root / "dev")
    shutil.copy2(REPO / ".ci" / "run", root / ".ci" / "run")
    (root / "pyproject.toml").write_text('[project]\nname = "scratch"\n', encoding="utf-8")
    return root


@pytest.fixture
def installed(project: Path) -> Path:
    """The project with a pip-less venv whose stamp matches pyproject.toml, and fake tools."""
    venv.create(project / ".venv", with_pip=False)
    digest = hashlib.sha256((project / "pyproject.toml").read_bytes()).hexdigest()
    (project / ".venv" / ".mentormeet-install-stamp").write_text(digest + "\n")
    bin_dir = project / ".venv" / "bin"
    fake(bin_dir / "mentormeet", 'echo "cwd=$(pwd) args=$*"')
    fake(bin_dir / "ruff", 'echo "ruff $*"')
    fake(bin_dir / "mypy", "echo mypy")
    fake(bin_dir / "pytest", 'echo "pytest $* pg=${MENTORMEET_TEST_POSTGRES_URL:-none}"')
    return project


def run(
    args: list[str], cwd: Path, extra_path: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MENTORMEET_", "PYTHON", "VIRTUAL_ENV"))
    }
    if extra_path is not None:
        base["PATH"] = f"{extra_path}{os.pathsep}{base['PATH']}"
    return subprocess.run(
        args, cwd=cwd, env={**base, **env}, capture_output=True, text=True, check=False
    )


def test_usage_and_unknown_command(project: Path) -> None:
    assert run([str(project / "dev"), "help"], project).returncode == 0
    bare = run([str(project / "dev")], project)
    assert bare.returncode == 2
    assert "./dev test [pytest args]" in bare.stderr
    unknown = run([str(project / "dev"), "frobnicate"], project)
    assert unknown.returncode == 2
    assert "unknown command 'frobnicate'" in unknown.stderr


def test_too_old_python_is_refused_clearly(project: Path, tmp_path: Path) -> None:
    old = tmp_path / "python3.10"
    fake(old, 'echo "3.10"; exit 1')
    result = run([str(project / "dev"), "run"], project, PYTHON=str(old))
    assert result.returncode != 0
    assert f"PYTHON={old} is 3.10; mentormeet needs Python >= 3.11" in result.stderr
    assert not (project / ".venv").exists()


def test_run_from_another_directory_skips_install_when_stamp_matches(
    installed: Path, tmp_path: Path
) -> None:
    result = run([str(installed / "dev"), "run", "--demo", "a b"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"cwd={installed.resolve()} args=run --demo a b"
    assert "installing" not in result.stderr


def test_changed_pyproject_triggers_install_and_shows_pip_failure(installed: Path) -> None:
    (installed / "pyproject.toml").write_text('[project]\nname = "changed"\n', encoding="utf-8")
    result = run([str(installed / "dev"), "run"], installed)
    assert result.returncode != 0
    assert "pyproject.toml changed" in result.stderr
    assert "No module named pip" in result.stderr  # pip's own output is shown on failure
    assert "pip install -e '.[dev]' failed" in result.stderr
    assert "cwd=" not in result.stdout  # mentormeet was not started


def test_test_runs_ruff_mypy_then_pytest_with_args(installed: Path) -> None:
    result = run([str(installed / "dev"), "test", "-k", "settings"], installed)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["ruff check .", "mypy", "pytest -k settings pg=none"]
    assert "dev test: all passed" in result.stderr


def test_test_stops_at_first_failing_check(installed: Path) -> None:
    fake(installed / ".venv" / "bin" / "mypy", "echo 'error: bad types'; exit 1")
    result = run([str(installed / "dev"), "test"], installed)
    assert result.returncode == 1
    assert "dev test: FAILED at mypy" in result.stderr
    assert "pytest" not in result.stdout


@pytest.mark.parametrize(("status", "summary"), [(1, "FAILED at pytest"), (5, "no tests")])
def test_pytest_failure_and_no_tests_are_failures(
    installed: Path, status: int, summary: str
) -> None:
    fake(installed / ".venv" / "bin" / "pytest", f"exit {status}")
    result = run([str(installed / "dev"), "test"], installed)
    assert result.returncode == status
    assert summary in result.stderr


@pytest.mark.parametrize(
    ("pg_status", "expected_url", "backends"),
    [
        (0, "postgresql+asyncpg://postgres@127.0.0.1:5432/test", "SQLite and PostgreSQL"),
        (2, "none", "SQLite only"),
    ],
)
def test_ci_sets_postgres_url_only_when_postgres_answers(
    installed: Path, tmp_path: Path, pg_status: int, expected_url: str, backends: str
) -> None:
    tools = tmp_path / "tools"
    fake(tools / "pg_isready", f"exit {pg_status}")
    result = run(["bash", ".ci/run"], installed, extra_path=tools, CI="true")
    assert result.returncode == 0, result.stderr
    assert f"Backends: {backends}" in result.stdout
    assert f"pytest  pg={expected_url}" in result.stdout


def test_ci_keeps_a_preset_postgres_url(installed: Path, tmp_path: Path) -> None:
    tools = tmp_path / "tools"
    fake(tools / "pg_isready", "exit 2")
    preset = "postgresql+asyncpg://me@127.0.0.1:5433/other"
    result = run(
        ["bash", str(installed / ".ci" / "run")],
        tmp_path,
        extra_path=tools,
        MENTORMEET_TEST_POSTGRES_URL=preset,
    )
    assert result.returncode == 0, result.stderr
    assert f"pg={preset}" in result.stdout
