"""The suite's addons, read from the addons folder, so that a test over "every addon of the
suite" cannot leave a new one out."""

from pathlib import Path

ROOT = Path(__file__).parents[3]
SUITE = tuple(sorted(path.parent.name for path in (ROOT / "addons").glob("*/__manifest__.py")))
