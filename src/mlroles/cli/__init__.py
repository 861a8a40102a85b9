"""The imperative shell: the Typer app, its options, the environment,
prompting, and one module per command."""
