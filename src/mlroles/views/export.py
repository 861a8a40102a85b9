"""Templates for --svg and --html: rich's own, made self-contained. The SVG
loads no font from the network (a local monospace stack instead) and keeps
its leading spaces in every renderer (xml:space="preserve", which librsvg
needs to draw the chart's axis where it belongs); the HTML gets a title."""

from __future__ import annotations

import re
from functools import cache

# Fonts that are usually installed, in the order a reader's system may have them.
FONT_STACK = "'Fira Code', 'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace"


@cache
def svg_format() -> str:
    from rich._export_format import CONSOLE_SVG_FORMAT

    text = re.sub(r"@font-face\s*\{\{.*?\}\}\s*", "", CONSOLE_SVG_FORMAT, flags=re.S)
    text = text.replace("font-family: Fira Code, monospace;", f"font-family: {FONT_STACK};")
    text = text.replace("font-family: arial;", "font-family: sans-serif;")
    return text.replace("<svg ", '<svg xml:space="preserve" ', 1)


@cache
def html_format(title: str = "mlroles") -> str:
    from rich._export_format import CONSOLE_HTML_FORMAT

    return CONSOLE_HTML_FORMAT.replace(
        '<meta charset="UTF-8">', f'<meta charset="UTF-8">\n<title>{title}</title>', 1
    )
