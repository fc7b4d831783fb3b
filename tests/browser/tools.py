"""Third-party checkers used by the browser suite, fetched from the npm registry into a cache
folder outside the repository (never committed): axe-core and the Nu Html Checker (vnu.jar).

`BROWSER_TOOLS_CACHE` overrides the folder (default `~/.cache/alliances-browser-tools`)."""

import os
import subprocess
import tarfile
from pathlib import Path

AXE_CORE = "axe-core@4.10.3"
VNU_JAR = "vnu-jar@26.9.27"


def cache_dir() -> Path:
    folder = Path(
        os.environ.get("BROWSER_TOOLS_CACHE", Path.home() / ".cache" / "alliances-browser-tools")
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _npm_package(spec: str) -> Path:
    """Unpack one npm package (name@version) once; return the folder holding its files."""
    target = cache_dir() / spec.replace("@", "-")
    if (target / "package" / "package.json").exists():
        return target / "package"
    subprocess.run(
        ["npm", "pack", spec, "--silent", "--pack-destination", str(cache_dir())],
        check=True,
        capture_output=True,
        timeout=300,
    )
    name, version = spec.split("@")
    archive = cache_dir() / f"{name}-{version}.tgz"
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    archive.unlink()
    return target / "package"


def axe_source() -> str:
    return (_npm_package(AXE_CORE) / "axe.min.js").read_text(encoding="utf-8")


def vnu_jar() -> Path:
    return _npm_package(VNU_JAR) / "build" / "dist" / "vnu.jar"
