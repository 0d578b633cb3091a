"""Moving work between copies and tools: .codings files and REFI-QDA."""
