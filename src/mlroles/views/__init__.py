"""Views: turn core results into rich renderables, JSON data and Markdown."""
