"""The Examples section at the end of each command's --help. Every example is
a real invocation, and tests/test_help.py runs them all."""

from typing import NamedTuple


class Example(NamedTuple):  # a NamedTuple: a frozen dataclass costs ~1 ms of start-up
    what: str  # what it does, as a short phrase
    command: str  # the whole command line, from "mlroles"
    terminal: bool = False  # it asks questions: without a terminal it exits with USER_ERROR


def epilog(examples: tuple[Example, ...]) -> str:
    """Help text: one line of what, the command indented under it."""
    lines = ["Examples"]
    for example in examples:
        lines += [f"{example.what}:", f"  {example.command}"]
    return "\n".join(lines)
