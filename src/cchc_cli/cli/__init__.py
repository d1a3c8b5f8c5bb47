"""The command line: click commands, option types, one exit path, output to the terminal.

Thin: it parses options, calls the library, shows diagnostics and sets the exit code. It may
import any room of cchc_cli (core, criteria, plan, scores, pipeline, report), but only inside
the commands that need them, so that ``cchc --help`` stays fast. Nothing else imports it.

- :mod:`.app`: the root group, its table of commands, ``main``
- :mod:`.commands`: one module per command family, imported when run
- :mod:`.kit`: translated help, shared options, groups that end through the one exit path
- :mod:`.lazy`: the group that imports a command only when it is used
- :mod:`.params`: option value types (dates, counts, numbers) and shared options
- :mod:`.settings`: ``--lang``, ``-C``, ``--debug`` as given before or after the command
- :mod:`.stages`: open the workspace, check it up to a stage
- :mod:`.exits`: ``CommandExit`` and the one place a command's end is shown
- :mod:`.output`: the diagnostics renderer (text and JSON)
"""

from cchc_cli.cli.app import main

__all__ = ["main"]
