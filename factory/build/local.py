"""The local builder: a virtualenv per generated repo, filled from a shared wheel cache.

The first build downloads wheels once into the cache (`pip wheel`); every install is
`pip install --no-index --find-links CACHE`, so a second build installs nothing from
the network. A venv whose requirements did not change is reused as it is.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

STAMP = ".factory-requirements.sha256"


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    python: str  # the venv's interpreter
    reused: bool  # the venv was up to date
    downloaded: bool  # wheels were fetched from the network
    log: str  # the tail of what failed, or a summary


def wheel_cache() -> Path:
    default = Path.home() / ".cache" / "software-factory" / "wheels"
    return Path(os.environ.get("FACTORY_WHEEL_CACHE", str(default)))


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)


def build_local(root: Path) -> BuildResult:
    root = root.resolve()
    requirements = root / "requirements.txt"
    env_dir = root / ".venv"
    python = env_dir / "bin" / "python"
    if not requirements.is_file():
        return BuildResult(False, str(python), False, False, f"{requirements}: missing")
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    stamp = env_dir / STAMP
    if python.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return BuildResult(True, str(python), True, False, "virtualenv is up to date")
    if not python.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    cache = wheel_cache()
    cache.mkdir(parents=True, exist_ok=True)
    install = [
        str(python),
        "-m",
        "pip",
        "install",
        "-q",
        "--disable-pip-version-check",
        "--no-index",
        "--find-links",
        str(cache),
        "-r",
        str(requirements),
    ]
    done = _run(install, root)
    downloaded = False
    if done.returncode != 0:
        fetch = _run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "-q",
                "--disable-pip-version-check",
                "-w",
                str(cache),
                "-r",
                str(requirements),
            ],
            root,
        )
        downloaded = True
        if fetch.returncode != 0:
            return BuildResult(False, str(python), False, True, _tail(fetch.stderr or fetch.stdout))
        done = _run(install, root)
    if done.returncode != 0:
        return BuildResult(False, str(python), False, downloaded, _tail(done.stderr or done.stdout))
    stamp.write_text(digest, encoding="utf-8")
    return BuildResult(True, str(python), False, downloaded, "installed from the wheel cache")


def _tail(text: str, lines: int = 30) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])
