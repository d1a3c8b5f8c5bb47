"""The command line: click commands, option types, one exit path, output to the terminal."""

from cchc_cli.cli.app import main

__all__ = ["main"]
