"""Add the current templates to the template history that `fwscaffold update` rebuilds from.

Run once per release, before building the wheel: each template is stored as
`src/fwscaffold/template_history/<framework>/<fingerprint>.tar.gz` (about 40 kB each, the
same bytes for the same template), so a project made by that release can later be updated by
any newer fwscaffold, offline. See docs/UPDATE.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fwscaffold.frameworks import load_frameworks  # noqa: E402
from fwscaffold.template_history import HISTORY_DIR, archive_template  # noqa: E402


def main() -> int:
    for framework in load_frameworks(ROOT / "templates").values():
        target = archive_template(framework.path, HISTORY_DIR)
        print(f"{framework.name}: {target.relative_to(ROOT)} ({target.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
