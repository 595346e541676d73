"""One hierarchy of expected errors; the CLI maps them to exit codes without a traceback."""


class FramingError(Exception):
    """An expected problem with input or configuration; the message says what to do."""


class InputError(FramingError):
    """An input could not be read or is not an article."""


class ModelError(FramingError):
    """A model file is missing, foreign, tampered with or does not fit this code."""


class OutputError(FramingError):
    """An output cannot be written where it was asked for (its folder is missing, it is a folder)."""


class AnalysisError(FramingError):
    """An article could not be analysed: a stage (or a library it calls) failed on its text."""
