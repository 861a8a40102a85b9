"""What every command works with: the environment, the catalog, the
questionnaire, the history, and the ways to print. This is the imperative
shell; the core never sees it."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from mlroles.cli.environment import Environment
from mlroles.core.catalog import Catalog

if TYPE_CHECKING:
    from mlroles.core.questionnaire import Questionnaire
    from mlroles.files.history import History, HistoryLoad

EXIT_USER_ERROR = 2
EXIT_INTERNAL_ERROR = 1
EXIT_INTERRUPTED = 130
PROGRESS_MIN_LINES = 20_000  # smaller inputs finish before a bar is worth drawing


@dataclass(frozen=True)
class AppState:
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
        from mlroles.files.catalog_file import load_catalog

        return load_catalog(self.roles_file())

    def questionnaire(self, catalog: Catalog) -> "Questionnaire":
        """The questionnaire; its work-product question offers the catalog's roles."""
        from mlroles.files.questionnaire_file import load_questionnaire

        return load_questionnaire(self.questions_file(), catalog)

    def history(self) -> "History":
        from mlroles.files.history import History
        from mlroles.files.io import data_dir

        return History(data_dir(self.env.env) / "results")

    def load_history(self) -> "HistoryLoad":
        """The saved results; problems with them are reported, never fatal."""
        loaded = self.history().load()
        self.message(*loaded.problems)
        return loaded

    def show(self, page: Any, svg: Path | None = None, html: Path | None = None) -> None:
        """Print a page, and write it as SVG or HTML to share if asked."""
        console = self.env.console(record=bool(svg or html))
        console.print(page)
        if svg or html:
            from mlroles.files.io import write_atomic

            if svg:
                write_atomic(svg, console.export_svg(title="mlroles", clear=False))
                self.message(f"Wrote {svg}")
            if html:
                write_atomic(html, console.export_html(clear=False))
                self.message(f"Wrote {html}")

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

    def print_json(self, data: object, pretty: bool = True) -> None:
        from mlroles.views.json_data import dumps

        self.env.stdout.write(dumps(data, pretty))

    def print_text(self, text: str) -> None:
        self.env.stdout.write(text)

    def message(self, *lines: str) -> None:
        for line in lines:
            self.env.stderr.write(line + "\n")
        self.env.stderr.flush()


def state_of(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if isinstance(root.obj, AppState):
        return root.obj
    env = root.obj if isinstance(root.obj, Environment) else Environment.from_process()
    return AppState(env=env, roles_path=None, debug=env.debug)
