"""What the build hooks share: running one of their Node scripts, and where and under what name
they keep what they have made, so a rebuild reuses it."""

import hashlib
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_SCRIPTS = Path(__file__).resolve().parent / "node"
CACHE = ROOT / ".cache" / "runtime"


def run_node(script: str, *args: str) -> None:
    """Run hooks/node/<script> with these arguments; a failure stops the build with its message."""
    result = subprocess.run(["node", str(NODE_SCRIPTS / script), *args], capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{script} fejlede:\n{result.stderr[-2000:]}")


def digest(*parts: bytes) -> str:
    """A short name for what is made from these parts: the same parts, the same name."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(hashlib.sha256(part).digest())
    return hashed.hexdigest()[:16]
