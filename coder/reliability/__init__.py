"""The reliability workflow: double-coding rounds, comparing two coders, adjudication."""
