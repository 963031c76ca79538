"""Write each addon's README.rst from its readme/ fragments, as OCA's oca-gen-addon-readme does.

OCA's generator (package oca-maintainers-tools) is not published on PyPI, so this small
stand-in does the same job for the suite: the manifest gives the title, summary, version,
maturity, license, dependencies, authors and maintainers; ``readme/DESCRIPTION.md``,
``USAGE.md``, ``CONFIGURE.md``, ``INSTALL.md``, ``ROADMAP.md``, ``HISTORY.md`` and
``CONTRIBUTORS.md`` (those present) give the sections. The Markdown of the fragments is
turned into reStructuredText: paragraphs, bullet and numbered lists (nested too), headings,
**bold**, *italic*, `code`, [links](url) and pipe tables, which is all the fragments use.

    python3 tools/addon_readme.py [ADDON ...]     write README.rst (every addon by default)
    python3 tools/addon_readme.py --check         exit 1 if a README.rst is stale or missing

Edit the fragments, never README.rst. With docutils importable (Odoo's virtualenv has it),
each README.rst is also parsed and a reST warning fails the run.
"""

import ast
import io
import pathlib
import re
import sys

try:
    from docutils.core import publish_doctree
    from docutils.utils import Reporter
except ImportError:  # the checks still run, without the reST parse
    publish_doctree = Reporter = None

ROOT = pathlib.Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"

# fragment, section title, in OCA's order (DESCRIPTION first, CONTRIBUTORS under Credits)
SECTIONS = [
    ("DESCRIPTION", "Description"),
    ("INSTALL", "Installation"),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("ROADMAP", "Known issues / Roadmap"),
    ("HISTORY", "Changelog"),
]
BUG_TRACKER = "https://github.com/gesmip/gesmip/issues"

INLINE_CODE = re.compile(r"`([^`]+)`")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
BULLET = re.compile(r"^(\s*)([-*]|\d+\.)\s+(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
HEADING_CHARS = {1: "-", 2: "-", 3: "~", 4: "^", 5: "^", 6: "^"}


def protect_code(markdown):
    """Markdown with its code spans (which may run over a line break) replaced by
    placeholders, and the reST literals to put back: a literal glued to a letter needs an
    escaped space in reST (``x``\\ s)."""
    literals = []

    def keep(match):
        before = match.string[match.start() - 1 : match.start()]
        after = match.string[match.end() : match.end() + 1]
        literal = f"``{match.group(1)}``"
        if before and (before.isalnum() or before in "_"):
            literal = "\\ " + literal
        if after and (after.isalnum() or after in "_"):
            literal += "\\ "
        literals.append(literal)
        return f"\x00{len(literals) - 1}\x00"

    return INLINE_CODE.sub(keep, markdown), literals


def restore_code(text, literals):
    return re.sub("\x00(\\d+)\x00", lambda m: literals[int(m.group(1))], text)


def inline(text):
    """Markdown inline markup (but code spans, see protect_code) as reStructuredText."""
    return _text(text)


def _text(text):
    text = LINK.sub(lambda m: f"`{m.group(1)} <{m.group(2)}>`__", text)
    # a word ending with "_" would be a reST reference, "|x|" a substitution
    text = re.sub(r"(\w)_(?=\s|$|[.,;:)])", r"\1\\_", text)
    return text.replace("|", "\\|")


def table(lines):
    """A Markdown pipe table as a reST list-table."""
    rows = []
    for line in lines:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-{2,}:?", cell) for cell in cells):
            continue
        rows.append(cells)
    out = [".. list-table::", "   :header-rows: 1", ""]
    for row in rows:
        for i, cell in enumerate(row):
            prefix = "   * - " if i == 0 else "     - "
            out.append(prefix + (inline(cell) or "\\ "))
    out.append("")
    return out


def markdown_to_rst(markdown):
    markdown, literals = protect_code(markdown)
    lines = markdown.rstrip().splitlines()
    out = []
    i = 0
    bullet_indents = []  # the indent of the open bullets, outermost first
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith("|"):
            block = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                block.append(lines[i])
                i += 1
            if out and out[-1]:
                out.append("")
            out.extend(table(block))
            bullet_indents = []
            continue
        heading = HEADING.match(line)
        if heading:
            title = inline(heading.group(2))
            if out and out[-1]:
                out.append("")
            out += [title, HEADING_CHARS[len(heading.group(1))] * len(title), ""]
            bullet_indents = []
            i += 1
            continue
        bullet = BULLET.match(line)
        if bullet:
            indent = len(bullet.group(1))
            nested = bool(bullet_indents) and indent > bullet_indents[-1]
            closing = bool(bullet_indents) and indent < bullet_indents[-1]
            while bullet_indents and indent < bullet_indents[-1]:
                bullet_indents.pop()
            if not bullet_indents or indent > bullet_indents[-1]:
                bullet_indents.append(indent)
            if (nested or closing) and out and out[-1]:
                out.append("")
            marker = "-" if bullet.group(2) in "-*" else bullet.group(2)
            out.append(" " * indent + f"{marker} " + inline(bullet.group(3)))
        elif not line.strip():
            out.append("")
            # a list goes on after a blank line only with another bullet
            nxt = next((candidate for candidate in lines[i + 1 :] if candidate.strip()), "")
            if not BULLET.match(nxt) and not nxt.startswith(" "):
                bullet_indents = []
        else:
            # a line that goes on an outer item after a nested list: close the nested list
            indent = len(line) - len(line.lstrip())
            if bullet_indents and len(bullet_indents) > 1 and indent <= bullet_indents[-1]:
                while len(bullet_indents) > 1 and indent <= bullet_indents[-1]:
                    bullet_indents.pop()
                if out and out[-1]:
                    out.append("")
            out.append(inline(line))
        i += 1
    return restore_code("\n".join(out).rstrip() + "\n", literals)


def fragment(addon_dir, name):
    path = addon_dir / "readme" / f"{name}.md"
    return path.read_text(encoding="utf-8") if path.exists() else None


def render(addon_dir):
    manifest = ast.literal_eval((addon_dir / "__manifest__.py").read_text(encoding="utf-8"))
    name = manifest["name"]
    out = [
        "..",
        "   This file is generated by tools/addon_readme.py from the fragments in readme/:",
        "   edit those, then run python3 tools/addon_readme.py.",
        "",
        "=" * len(name),
        name,
        "=" * len(name),
        "",
    ]
    if manifest.get("summary"):
        out += [inline(manifest["summary"]), ""]
    depends = ", ".join(f"``{dep}``" for dep in manifest.get("depends", []))
    out += [
        f":Technical name: ``{addon_dir.name}``",
        f":Version: {manifest.get('version', '')}",
        f":Maturity: {manifest.get('development_status', 'Beta')}",
        f":License: {manifest.get('license', '')}",
        f":Depends on: {depends}",
        "",
        "**Table of contents**",
        "",
        ".. contents::",
        "   :local:",
        "",
    ]
    for key, title in SECTIONS:
        text = fragment(addon_dir, key)
        if text:
            out += [title, "=" * len(title), "", markdown_to_rst(text)]
    out += [
        "Bug Tracker",
        "===========",
        "",
        f"Bugs are tracked on `the project's issues <{BUG_TRACKER}>`__. Please check there if "
        "your issue has already been reported.",
        "",
        "Credits",
        "=======",
        "",
        "Authors",
        "-------",
        "",
    ]
    out += [f"- {author.strip()}" for author in manifest.get("author", "").split(",")] + [""]
    contributors = fragment(addon_dir, "CONTRIBUTORS")
    if contributors:
        out += ["Contributors", "------------", "", markdown_to_rst(contributors)]
    maintainers = manifest.get("maintainers")
    if maintainers:
        out += ["Maintainers", "-----------", ""]
        out += [
            f"Current maintainers: {', '.join(maintainers)}. This module is part of the GESMIP "
            f"suite (``addons/{addon_dir.name}``).",
            "",
        ]
    return "\n".join(out).rstrip() + "\n"


def rst_problems(text, source):
    """reST warnings and errors of ``text``, or [] when docutils is not importable."""
    if publish_doctree is None:
        return []
    stream = io.StringIO()
    publish_doctree(
        text,
        source_path=str(source),
        settings_overrides={
            "report_level": Reporter.WARNING_LEVEL,
            "halt_level": Reporter.SEVERE_LEVEL + 1,
            "warning_stream": stream,
        },
    )
    return [line for line in stream.getvalue().splitlines() if line.strip()]


def main(argv):
    check = "--check" in argv
    names = [arg for arg in argv[1:] if not arg.startswith("--")]
    addon_dirs = (
        [ADDONS / name for name in names]
        if names
        else sorted(path.parent for path in ADDONS.glob("*/__manifest__.py"))
    )
    failed = False
    for addon_dir in addon_dirs:
        target = addon_dir / "README.rst"
        text = render(addon_dir)
        problems = rst_problems(text, target)
        for problem in problems:
            print(problem)
        failed |= bool(problems)
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                print(f"{target.relative_to(ROOT)}: stale, run python3 tools/addon_readme.py")
                failed = True
        else:
            target.write_text(text, encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
