"""framing: measure how news outlets frame the same story, with evidence you can check.

>>> import framing
>>> a = framing.analyze("Officials said the plan may fail.")
>>> sorted(a.features)[:2]
['readability.ari', 'readability.coleman_liau']
"""

from importlib.metadata import PackageNotFoundError, version

from .analysis import analyze, analyze_corpus
from .compare import Comparison, compare
from .errors import FramingError, InputError, ModelError
from .io import load_corpus, read_corpus
from .model import load_model
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

try:
    __version__ = version("framing")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

__all__ = [
    "Analysis",
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
    "ReadError",
    "Span",
    "TargetTone",
    "TargetToneModel",
    "__version__",
    "analyze",
    "analyze_corpus",
    "build_doc",
    "compare",
    "load_corpus",
    "load_model",
    "load_tagger",
    "load_target_tone",
    "read_corpus",
    "shipped_loaded_tagger",
    "shipped_tagger",
    "target_tone",
    "target_tones",
]
