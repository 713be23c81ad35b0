"""The frontend builder: `npm ci` from a shared cache, then type-check, lint and `vite build`.

npm's cache is shared by every generated repo (`~/.cache/software-factory/npm`, or
`FACTORY_NPM_CACHE`). Every install is tried `--offline` first, so once the cache holds the
lock file's packages a build installs nothing from the network; only a cache miss goes online.
node_modules that already match the lock file are kept as they are.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

STAMP = ".factory-lock.sha256"


@dataclass(frozen=True)
class Step:
    name: str  # install, typecheck, lint, build
    ok: bool
    seconds: float
    log: str = ""


@dataclass(frozen=True)
class FrontendBuild:
    ok: bool
    downloaded: bool  # npm had to go to the registry
    reused: bool  # node_modules matched the lock file
    steps: list[Step] = field(default_factory=list)

    @property
    def log(self) -> str:
        failed = [s for s in self.steps if not s.ok]
        return "\n".join(f"{s.name} failed:\n{s.log}" for s in failed) or "frontend built"


def npm_cache() -> Path:
    default = Path.home() / ".cache" / "software-factory" / "npm"
    return Path(os.environ.get("FACTORY_NPM_CACHE", str(default)))


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1",
        "npm_config_cache": str(npm_cache()),
        "npm_config_audit": "false",
        "npm_config_fund": "false",
        "npm_config_update_notifier": "false",
        "CI": "1",
    }


def _run(name: str, cmd: list[str], cwd: Path, timeout: float = 600) -> Step:
    started = time.monotonic()
    try:
        done = subprocess.run(
            cmd, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=timeout, check=False
        )
        ok, output = done.returncode == 0, done.stdout + done.stderr
    except subprocess.TimeoutExpired:
        ok, output = False, f"{' '.join(cmd)}: timed out after {timeout:.0f} s"
    except FileNotFoundError:
        ok, output = (
            False,
            f"{cmd[0]}: not found; install Node.js and npm (Debian: apt-get install nodejs npm)",
        )
    tail = "\n".join(output.strip().splitlines()[-40:])
    return Step(name, ok, round(time.monotonic() - started, 3), tail)


def _install(app: Path) -> tuple[Step, bool, bool]:
    """(the install step, downloaded, reused)."""
    lock = app / "package-lock.json"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest() if lock.is_file() else ""
    stamp = app / "node_modules" / STAMP
    if digest and stamp.is_file() and stamp.read_text().strip() == digest:
        return Step("install", True, 0.0, "node_modules match package-lock.json"), False, True
    npm = shutil.which("npm") or "npm"
    step = _run("install", [npm, "ci", "--offline", "--no-audit", "--no-fund"], app)
    downloaded = False
    if not step.ok:
        online = _run("install", [npm, "ci", "--prefer-offline", "--no-audit", "--no-fund"], app)
        step = Step("install", online.ok, step.seconds + online.seconds, online.log)
        downloaded = True
    if step.ok and digest:
        stamp.write_text(digest, encoding="utf-8")
    return step, downloaded, False


def build_frontend(root: Path) -> FrontendBuild:
    app = root.resolve() / "frontend"
    if not (app / "package.json").is_file():
        return FrontendBuild(
            False, False, False, [Step("install", False, 0.0, f"{app}/package.json: missing")]
        )
    install, downloaded, reused = _install(app)
    steps = [install]
    if install.ok:
        bin_dir = app / "node_modules" / ".bin"
        checks = {
            "typecheck": [str(bin_dir / "tsc"), "--noEmit"],
            "lint": [str(bin_dir / "eslint"), ".", "--max-warnings", "0"],
            "build": [str(bin_dir / "vite"), "build", "--logLevel", "warn"],
        }
        # Independent of each other, so they share the machine's cores.
        with ThreadPoolExecutor(max_workers=len(checks)) as pool:
            steps += list(pool.map(lambda item: _run(item[0], item[1], app), checks.items()))
    return FrontendBuild(all(s.ok for s in steps), downloaded, reused, steps)
