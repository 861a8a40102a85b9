"""What every command works with: the environment, the catalog, the
questionnaire, the history, and the ways to print. This is the imperative
shell; the core never sees it."""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from mlroles.cli.environment import Environment
from mlroles.cli.output_form import JSON, MARKDOWN, STDOUT, Output
from mlroles.core.catalog import Catalog

if TYPE_CHECKING:  # Typer only for the hint: the quiz may start without it (cli/entry.py)
    import typer
    from rich.console import RenderableType

    from mlroles.core.questionnaire import Questionnaire
    from mlroles.core.reading import Lexicon
    from mlroles.core.scoring import Model
    from mlroles.core.survey import Survey
    from mlroles.files.history import History, HistoryLoad

PROGRESS_MIN_LINES = 20_000  # smaller inputs finish before a bar is worth drawing
# Paragraphs wider than this are hard to read; wide terminals get a margin.
PAGE_WIDTH = 100


class AppState(NamedTuple):  # a NamedTuple: a frozen dataclass costs ~1 ms of start-up
    env: Environment
    roles_path: Path | None
    debug: bool
    questions_path: Path | None = None

    def roles_file(self) -> Path:
        from mlroles.files.paths import data_file

        return self.roles_path or data_file("roles.toml")

    def questions_file(self) -> Path:
        from mlroles.files.paths import data_file

        return self.questions_path or data_file("questions.toml")

    def catalog(self) -> Catalog:
        if self.roles_path is None:  # the built-in one ships precompiled
            from mlroles.files.compiled import load_builtin_catalog

            return load_builtin_catalog()
        from mlroles.files.catalog_file import load_catalog

        return load_catalog(self.roles_path)

    def questionnaire(self, catalog: Catalog) -> "Questionnaire":
        """The questionnaire; its work-product question offers the catalog's roles."""
        if self.questions_path is None and self.roles_path is None:  # shipped precompiled
            from mlroles.files.compiled import load_builtin_questionnaire

            return load_builtin_questionnaire(catalog)
        from mlroles.files.questionnaire_file import load_questionnaire

        return load_questionnaire(self.questions_file(), catalog)

    def lexicon(self, catalog: Catalog, questionnaire: "Questionnaire") -> "Lexicon":
        """What text says about the questionnaire's items (data/signals.toml)."""
        from mlroles.files.paths import data_file
        from mlroles.files.signals_file import load_lexicon

        return load_lexicon(data_file("signals.toml"), catalog, questionnaire)

    def survey(self) -> "Survey | None":
        """The survey figures that ship with mlroles, if they are there."""
        from mlroles.files.paths import optional_data_file
        from mlroles.files.survey_file import load_survey

        path = optional_data_file("survey_2022.json")
        return load_survey(path) if path is not None else None

    def model(self) -> "Model":
        """The catalog and the questionnaire, put together for scoring."""
        from mlroles.core.scoring import build_model

        catalog = self.catalog()
        return build_model(catalog, self.questionnaire(catalog))

    def history(self) -> "History":
        from mlroles.files.history import History
        from mlroles.files.io import data_dir

        return History(data_dir(self.env.env) / "results")

    def load_history(self, writing: bool = False) -> "HistoryLoad":
        """The saved results; problems with them are reported, never fatal.
        writing: this command writes the history (it saves or deletes), so it
        may move a file that is not a result aside; other commands only read."""
        loaded = self.history().load(set_aside=writing)
        self.message(*loaded.problems)
        return loaded

    def emit(
        self,
        out: Output,
        *,
        data: Callable[[], object],
        page: "Callable[[], RenderableType]",
        markdown: Callable[[], str] | None = None,
        wide: bool = False,
        stream: Callable[[bool], Iterable[str]] | None = None,
    ) -> None:
        """Print a command's result in the form out chose. Each form is built
        only when it is the one asked for, so printing JSON or Markdown never
        loads rich. chosen_output has already refused --format markdown for a
        command without a Markdown form. A big result gives `stream` instead:
        its compact JSON, yielded a piece at a time (stream(ascii_only))."""
        if out.format == JSON and stream is not None:
            self.print_json_chunks(stream)
        elif out.format == JSON:
            self.print_json(data())
        elif out.format == MARKDOWN:
            if markdown is None:
                raise ValueError("--format markdown was allowed for a command without it")
            self.print_text(markdown())
        else:
            self.show(page(), out.svg, out.html, wide)

    def show(
        self,
        page: "RenderableType",
        svg: Path | None = None,
        html: Path | None = None,
        wide: bool = False,
    ) -> None:
        """Print a page, and save it as SVG or HTML if asked. An export to
        STDOUT replaces the page there. A page given as a str is printed as it
        is, never wrapped, so paths in it stay whole. Prose is kept to
        PAGE_WIDTH columns on wide terminals unless the page is wide (columns
        side by side); piped pages lose the padding at the ends of lines."""
        import io

        exports = svg is not None or html is not None
        to_stdout = STDOUT in (svg, html)
        piped = not self.env.stdout_isatty and not to_stdout
        buffer = io.StringIO() if to_stdout or piped else None
        console = self.env.console(record=exports, file=buffer)
        if not wide and not isinstance(page, str):
            from rich.constrain import Constrain

            page = Constrain(page, PAGE_WIDTH)
        console.print(page, soft_wrap=isinstance(page, str))
        if piped and buffer is not None:
            lines = buffer.getvalue().splitlines()
            self.print_text("".join(line.rstrip() + "\n" for line in lines))
        if exports:
            from mlroles.views.export import html_format, svg_format

            if svg is not None:
                svg_text = console.export_svg(
                    title="mlroles", clear=False, code_format=svg_format()
                )
                self._export(svg, svg_text)
            if html is not None:
                self._export(html, console.export_html(clear=False, code_format=html_format()))

    def _export(self, path: Path, text: str) -> None:
        if path == STDOUT:
            self.print_text(text if text.endswith("\n") else text + "\n")
            return
        from mlroles.files.io import write_atomic

        write_atomic(path, text)
        self.message(f"Wrote {path}")

    @contextmanager
    def progress(self, what: str, total: int) -> Iterator[Callable[[int], None]]:
        """A progress bar on stderr for big inputs, only when stderr is a terminal."""
        if not self.env.stderr_isatty or total < PROGRESS_MIN_LINES:
            yield lambda done: None
            return
        from rich.progress import Progress

        with Progress(console=self.env.console(stderr=True), transient=True) as bar:
            task = bar.add_task(what, total=total)
            yield lambda done: bar.update(task, completed=done)

    def print_json(self, data: object) -> None:
        from mlroles.cli.ascii_stream import can_draw
        from mlroles.views.json_data import dumps

        self.env.stdout.write(dumps(data, ascii_only=not can_draw(self.env.stdout)))

    def print_json_chunks(self, chunks: Callable[[bool], Iterable[str]]) -> None:
        """Compact JSON written a piece at a time: chunks(ascii_only) yields it."""
        from mlroles.cli.ascii_stream import can_draw

        write = self.env.stdout.write
        for piece in chunks(not can_draw(self.env.stdout)):
            write(piece)

    def print_text(self, text: str) -> None:
        self.env.stdout.write(text)

    def message(self, *lines: str) -> None:
        """Lines for stderr. Cleaned here, the one way messages are written, since
        they may quote what a user or a file gave (a role name, a path, a cell)."""
        from mlroles.core.sanitize import clean

        for line in lines:
            self.env.stderr.write(clean(line) + "\n")
        self.env.stderr.flush()


def state_of(ctx: "typer.Context") -> AppState:
    root = ctx.find_root()
    if isinstance(root.obj, AppState):
        return root.obj
    env = root.obj if isinstance(root.obj, Environment) else Environment.from_process()
    return AppState(env=env, roles_path=None, debug=env.debug)
