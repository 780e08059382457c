"""Generated documentation: the README's settings table (tests fail when it drifts from the code)."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_START = "<!-- settings:start -->"
SETTINGS_END = "<!-- settings:end -->"


def settings_table() -> str:
    """Return the markdown table of every setting: variable, default, meaning."""
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        default = field.get_default(call_default_factory=True)
        if isinstance(default, list):
            default = ",".join(default)
        if isinstance(default, Path) and default.is_absolute():
            default = "shipped `ingest/data/feeds.toml`"
        shown = "" if default in (None, "") else f"`{default}`" if "shipped" not in str(default) else default
        lines.append(f"| `LAYOFFWATCH_{name.upper()}` | {shown} | {field.description} |")
    return "\n".join(lines)


def replace_block(text: str, start: str, end: str, content: str) -> str:
    """Return `text` with what lies between the two markers replaced by `content`."""
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        raise ValueError(f"markers {start} ... {end} not found")
    return pattern.sub(lambda _: f"{start}\n{content}\n{end}", text)


def update_readme(path: Path = ROOT / "README.md") -> bool:
    """Rewrite the README's generated blocks; return True when something changed."""
    text = path.read_text(encoding="utf-8")
    new = replace_block(text, SETTINGS_START, SETTINGS_END, settings_table())
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    print("README updated" if update_readme() else "README already up to date")
