"""Run the CLI as ``python -m framing``."""

from .cli import main

if __name__ == "__main__":
    main()
