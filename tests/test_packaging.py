"""The package list in pyproject.toml is complete, and a built wheel works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT / "src").parts)
        for p in (ROOT / "src").rglob("__init__.py")
    }
    found.add("inducci_desktop.resources")
    assert found == listed


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    """Build a wheel, install it (without deps) into a fresh venv that borrows this environment's
    libraries, and run the console script from a folder outside the checkout."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    wheel = next(dist.glob("inducci_desktop-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # the libraries (PySide6, SQLAlchemy …) come from this environment; our package only from the wheel
    (site / "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True, text=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "INDUCCI_DATA_DIR")}
    script = bindir / "inducci-desktop"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(script), "--data-dir", str(tmp_path / "data"), *args],
                              cwd=outside, env=env, capture_output=True, text=True, timeout=120)

    version = run("--version")
    assert version.returncode == 0 and "InduCCI Desktop" in version.stdout
    where = subprocess.run([str(python), "-c", "import inducci_desktop; print(inducci_desktop.__file__)"],
                           cwd=outside, env=env, capture_output=True, text=True, check=True).stdout
    assert str(site) in where, f"imported from {where}, not from the wheel"
    probe = ("from importlib.resources import files; r = files('inducci_desktop.resources') / 'content' / 'en';"
             "print((r / 'pack.yaml').is_file(), len(list((r / 'guides').iterdir())))")
    resources = subprocess.run(
        [str(python), "-c", probe],
        cwd=outside, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert resources[0] == "True" and int(resources[1]) >= 15
    upgrade = run("db", "upgrade")  # migrations are found inside the installed package
    assert upgrade.returncode == 0, upgrade.stderr
    check = run("db", "check")
    assert check.returncode == 0 and "(current)" in check.stdout, check.stdout + check.stderr
