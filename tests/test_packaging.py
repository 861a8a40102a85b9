"""The catalog ships in the wheel and is found from a wheel, an editable
install and a plain checkout, whatever the current directory."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow
LOOKUP = "from mlroles.files.paths import data_file; print(data_file('roles.toml'))"


def copy_checkout(dest: Path) -> Path:
    for name in ("src", "data"):
        shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, dest / name)
    return dest


def make_venv(path: Path) -> Path:
    venv.EnvBuilder(with_pip=True).create(path)
    return path / "bin"


def run(cmd: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=600,
    )


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_checkout(tmp_path_factory.mktemp("checkout"))


def test_wheel_contains_catalog_and_runs_from_a_fresh_venv(checkout: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            dist,
            checkout,
        ],
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("mlroles-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "mlroles/data/roles.toml" in names
    assert "mlroles/data/survey_2022.json" in names
    assert not any(n.startswith("data/") for n in names)

    bin_dir = make_venv(tmp_path / "venv")
    installed = run([bin_dir / "pip", "install", "-q", wheel], cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run([bin_dir / "mlroles", "describe", "ml-engineer"], cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert "ML engineer" in result.stdout
    assert "What people with this title report" in result.stdout  # the survey figures ship
    assert "Traceback" not in result.stderr
    where = run([bin_dir / "python", "-c", LOOKUP], cwd=elsewhere)
    assert "site-packages/mlroles/data/roles.toml" in where.stdout


def test_editable_install_finds_the_top_level_catalog(checkout: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    built = run(
        [
            sys.executable,
            "-c",
            f"from hatchling.build import build_editable; build_editable({str(dist)!r})",
        ],
        cwd=checkout,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("mlroles-*.whl")
    bin_dir = make_venv(tmp_path / "venv")
    installed = run([bin_dir / "pip", "install", "-q", "--no-deps", wheel], cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    where = run([bin_dir / "python", "-c", LOOKUP], cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()) == checkout / "data" / "roles.toml"


def test_plain_checkout_finds_the_top_level_catalog(checkout: Path, tmp_path: Path) -> None:
    code = f"import sys; sys.path.insert(0, {str(checkout / 'src')!r}); {LOOKUP}"
    where = run([sys.executable, "-I", "-S", "-c", code], cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()) == checkout / "data" / "roles.toml"


def test_missing_data_file_is_a_clear_error(tmp_path: Path) -> None:
    shutil.copytree(REPO / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    code = (
        f"import sys; sys.path.insert(0, {str(tmp_path / 'src')!r})\n"
        "from mlroles.core.errors import UserError\n"
        "try:\n"
        f"    {LOOKUP}\n"
        "except UserError as e: print(e.lines[-1])"
    )
    where = run([sys.executable, "-I", "-S", "-c", code], cwd=tmp_path)
    assert "Reinstall mlroles" in where.stdout
