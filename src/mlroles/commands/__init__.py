"""One module per command; importing them registers them with the app."""
