"""framing: measure how news outlets frame the same story, with evidence you can check.

Examples
--------
>>> import framing
>>> a = framing.analyze("Officials said the plan may fail.")
>>> sorted(a.features)[:2]
['readability.ari', 'readability.coleman_liau']
"""

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from .actor_frames import actor_frames
from .analysis import analyze
from .compare import Comparison, compare
from .errors import AnalysisError, FramingError, InputError, ModelError, OutputError
from .frames import to_frame
from .io import load_corpus, read_corpus
from .lexical_tone import lexical_tone, lexical_tones
from .runner import analyze_corpus
from .tagger import CueTagger, LoadedTagger, load_tagger, shipped_loaded_tagger, shipped_tagger
from .target_tone import TargetTone, TargetToneModel, load_target_tone, target_tone, target_tones
from .text import build_doc
from .types import (
    Analysis,
    Article,
    Attribution,
    Corpus,
    Doc,
    Evidence,
    ReadError,
    Span,
)

if TYPE_CHECKING:
    from .model import load_model
    from .report import write_report

# Names whose modules import scikit-learn and SciPy, or matplotlib (the report): loaded on first use, so
# that `import framing` and `framing --version` stay light. (A name equal to its module's, like `compare`,
# cannot be lazy: importing the submodule would bind the module over it.)
_LAZY = {"load_model": "model", "write_report": "report"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


try:
    __version__ = version("framing")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

__all__ = [
    "Analysis",
    "AnalysisError",
    "Article",
    "Attribution",
    "Comparison",
    "Corpus",
    "CueTagger",
    "Doc",
    "Evidence",
    "FramingError",
    "InputError",
    "LoadedTagger",
    "ModelError",
    "OutputError",
    "ReadError",
    "Span",
    "TargetTone",
    "TargetToneModel",
    "__version__",
    "actor_frames",
    "analyze",
    "analyze_corpus",
    "build_doc",
    "compare",
    "lexical_tone",
    "lexical_tones",
    "load_corpus",
    "load_model",
    "load_tagger",
    "load_target_tone",
    "read_corpus",
    "shipped_loaded_tagger",
    "shipped_tagger",
    "target_tone",
    "target_tones",
    "to_frame",
    "write_report",
]
