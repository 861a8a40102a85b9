"""One module per command. Each defines a plain function; the table in
main.py registers them with the app, in the order `mlroles --help` lists them.

These modules, options.py, output.py and app.py do not use `from __future__ import
annotations`: Typer would evaluate every string annotation again on each
run to build the commands."""
