"""The `consultant-app` program: a subcommand runs the headless core, none opens the window.

PySide6 is imported only when the window is wanted, so the command line works on a server
without Qt.
"""

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args:
        from consultant_app.cli.main import main as cli_main

        return cli_main(args)
    from consultant_app.cli.language import cli_language
    from consultant_app.i18n import set_language
    from ui.display import EXIT_NO_DISPLAY, display_problem

    set_language(cli_language())  # the message below is read in a terminal, like the CLI's
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    from ui.app import run

    return run()


if __name__ == "__main__":
    sys.exit(main())
