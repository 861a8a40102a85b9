"""One module per command; importing them registers them with the app.

These modules, options.py and app.py do not use `from __future__ import
annotations`: Typer would evaluate every string annotation again on each
run to build the commands."""
