"""Coding quotes: coders, assignments, the event log with undo/redo, layers and suggestions."""
