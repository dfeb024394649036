"""Installing LanguageTool from Maven Central into the user cache, and finding it again.

The jars come from Maven Central through ``mvn dependency:copy-dependencies`` driven by the
pinned ``pom.xml`` next to this file. Where Maven is missing but the internet is reachable,
language-tool-python's own download is the alternative (see the README).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..progress import status

LT_VERSION = "6.8"
MIN_JAVA = 17


class InstallError(RuntimeError):
    """What is missing, in one line, with what to do about it."""


def cache_dir() -> Path:
    """``$FOLLOWUP_LINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/followup-lint``, else ``~/.cache/followup-lint``."""
    explicit = os.environ.get("FOLLOWUP_LINT_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "followup-lint"


def install_dir(version: str = LT_VERSION) -> Path:
    return cache_dir() / f"languagetool-{version}"


@dataclass(frozen=True)
class Installation:
    version: str
    lib: Path
    jars: int
    bytes: int


def find_installation(version: str = LT_VERSION) -> Installation | None:
    """The installed LanguageTool, if its marker and jars are there."""
    root = install_dir(version)
    marker = root / "installed.json"
    lib = root / "lib"
    if not marker.is_file() or not lib.is_dir():
        return None
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    jars = list(lib.glob("*.jar"))
    if len(jars) != info.get("jars") or not any(j.name.startswith("languagetool-server") for j in jars):
        return None
    return Installation(version, lib, len(jars), int(info.get("bytes", 0)))


def java_version(java: str = "java") -> int | None:
    """The major version of ``java``, or None when it is not there."""
    exe = shutil.which(java)
    if exe is None:
        return None
    try:
        proc = subprocess.run([exe, "-version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', proc.stderr + proc.stdout)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major  # "1.8" means Java 8


def check_java() -> int:
    version = java_version()
    if version is None:
        raise InstallError(
            f"Java is not installed: LanguageTool {LT_VERSION} needs Java {MIN_JAVA} or newer "
            "(e.g. `apt-get install openjdk-17-jre-headless`)"
        )
    if version < MIN_JAVA:
        raise InstallError(f"Java {version} is too old: LanguageTool {LT_VERSION} needs Java {MIN_JAVA} or newer")
    return version


def install(*, quiet: bool = False, force: bool = False) -> Installation:
    """Copy LanguageTool's jars from Maven Central into the cache. Idempotent."""
    check_java()
    existing = find_installation()
    if existing and not force:
        return existing
    mvn = shutil.which("mvn")
    if mvn is None:
        raise InstallError(
            "Maven (`mvn`) is not installed: install it (e.g. `apt-get install maven`) or, where the "
            "internet is reachable, let language-tool-python download LanguageTool (see README)"
        )
    root = install_dir()
    staging = root.with_name(root.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    pom = staging / "pom.xml"
    pom.write_bytes(resources.files(__package__).joinpath("pom.xml").read_bytes())
    cmd = [
        mvn,
        "-B",
        "-q",
        "-f",
        str(pom),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={staging / 'lib'}",
        "-DincludeScope=runtime",
    ]
    started = time.monotonic()
    try:
        with status(f"fetching LanguageTool {LT_VERSION} from Maven Central…"):
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    except subprocess.TimeoutExpired:
        raise InstallError("Maven did not finish within 30 minutes; check the network and try again") from None
    if proc.returncode != 0:
        tail = " ".join((proc.stdout + proc.stderr).split())[-400:]
        raise InstallError(f"Maven could not fetch LanguageTool {LT_VERSION}: {tail}")
    jars = list((staging / "lib").glob("*.jar"))
    size = sum(j.stat().st_size for j in jars)
    (staging / "installed.json").write_text(
        json.dumps(
            {
                "version": LT_VERSION,
                "jars": len(jars),
                "bytes": size,
                "installed": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "seconds": round(time.monotonic() - started, 1),
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    shutil.rmtree(root, ignore_errors=True)
    staging.rename(root)  # atomic: a half-finished install is never taken for a whole one
    found = find_installation()
    if found is None:
        raise InstallError(f"LanguageTool was fetched but not found in {root}")
    return found
