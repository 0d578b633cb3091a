"""The analysis report: the study's tables and figures from a project, as one HTML file."""
