"""Which language an article is in: the one module that calls py3langid.

Every feature family is built for English; on other languages their word lists
and formulas report nonsense. So an article whose prose is confidently not
English is flagged, and its English-only features are marked not applicable
instead of being scored. py3langid (a maintained fork of langid.py, Lui &
Baldwin 2012) ships its model inside the package (a NumPy file, no pickle),
runs offline and is deterministic. Text that is plainly English (English
function words among words an English dictionary knows, and no function words
of Nigerian Pidgin or Tagalog) is taken as English without the model, whose
large tables cost more than the look-up itself: they push the rest of the
analysis out of the processor's caches.

References
----------
Lui & Baldwin (2012), langid.py: An off-the-shelf language identification tool. ACL.
"""

from __future__ import annotations

import string
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .lexicons import cmu_syllables, english_function_words, not_english_words
from .types import Doc

SAMPLE_CHARS = 700  # enough to decide (checked on PTC, PolNeAR, BABE), and cheap
MIN_WORDS = 12  # fewer words than this: too little to tell, assume English
CONFIDENCE = 0.9
ENGLISH_SHARE = 0.05  # of the sample's words that are English function words
VOCABULARY_SHARE = 0.9  # of the sample's words that the CMU pronouncing dictionary knows
NOT_ENGLISH = 2  # function words of Nigerian Pidgin or Tagalog (many known to the dictionary): this many go to the model
_PUNCTUATION = string.punctuation + "\u2018\u2019\u201c\u201d\u00ab\u00bb\u201e\u2013\u2014"


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(doc: Doc) -> tuple[str, float]:
    """The ISO 639-1 code of the body's language and the confidence in it.

    Short texts are reported as English with confidence 0: too little to tell.
    Text mostly in a non-Latin script cannot be English whatever the model's
    confidence, so its confidence is taken as 1. Plainly English text is
    English with confidence 1 without running the model.
    """
    if doc.body_words() < MIN_WORDS:
        return "en", 0.0
    sample = _body_start(doc, SAMPLE_CHARS)
    if _plainly_english(sample):
        return "en", 1.0
    language, probability = _identifier().classify(sample)
    if language != "en" and _latin_share(sample) < 0.5:
        probability = 1.0
    return str(language), float(probability)


def _body_start(doc: Doc, chars: int) -> str:
    """The first ``chars`` characters of the body sentences joined by spaces.

    Only as many sentences as needed are joined: an article's body is often
    ten times longer than the sample.
    """
    taken: list[str] = []
    length = -1  # no space before the first sentence
    for sentence in doc.body:
        if length >= chars:
            break
        taken.append(doc.norm[sentence.start : sentence.end])
        length += 1 + sentence.end - sentence.start
    return " ".join(taken)[:chars]


def _plainly_english(sample: str) -> bool:
    """True when the sample's words are English: English function words make up ENGLISH_SHARE of them and
    the CMU pronouncing dictionary (126,000 English words and names) knows VOCABULARY_SHARE of them.

    The dictionary tells English prose from foreign text that quotes English,
    code-switches or is an English-based creole: in each of the 1,216
    benchmark articles it knows 90% of the words or more, in paragraphs of
    thirty other languages, English quotations included, 85% at most. Nigerian
    Pidgin written with "the" and Taglish can pass it, so their own function
    words (in lower case) send a sample to the model.
    """
    words = _words(sample)
    known, foreign = cmu_syllables(), not_english_words()
    return (
        bool(words)
        and len(_english_words(words)) >= ENGLISH_SHARE * len(words)
        and sum(word.lower() in known for word in words) >= VOCABULARY_SHARE * len(words)
        and sum(word in foreign for word in words) < NOT_ENGLISH
    )


def _words(sample: str) -> list[str]:
    """The sample's words: whitespace tokens stripped of punctuation that are all letters (URLs and
    e-mail addresses left out, their parts are no prose)."""
    tokens = (token for token in sample.split() if "/" not in token and "@" not in token)
    return [word for token in tokens if (word := token.strip(_PUNCTUATION)).isalpha()]


def _english_words(words: list[str]) -> list[str]:
    """The English function words among ``words``; one in capitals does not count ("WHO" is the organisation)."""
    markers = english_function_words()
    return [word for word in words if word.lower() in markers and not word.isupper()]


def _latin_share(text: str) -> float:
    """The share of the text's letters that are Latin (Basic Latin to Latin Extended-B); 1 when it has none."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(ch < "\u0250" for ch in letters) / len(letters)  # Basic Latin to Latin Extended-B


def is_english(language: str, confidence: float) -> bool:
    """True unless the text is confidently in another language."""
    return language == "en" or confidence < CONFIDENCE
