"""mlroles: find the machine-learning team role that fits you."""

__version__ = "0.1.0"
