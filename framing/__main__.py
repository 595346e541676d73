"""Run the CLI as ``python -m framing``."""

from .cli import main

main()
