"""The terminal UI (Textual). Everything here is a thin layer over the core."""
