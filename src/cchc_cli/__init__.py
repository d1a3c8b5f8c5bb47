"""cchc — PAR INDEX self-assessment from validated YAML files to a consolidated report."""

__version__ = "0.1.0"
