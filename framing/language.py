"""Which language an article is in: the one module that calls py3langid.

Every feature family is built for English; on other languages their word lists
and formulas report nonsense. So an article whose prose is confidently not
English is flagged, and its English-only features are marked not applicable
instead of being scored. py3langid (a maintained fork of langid.py, Lui &
Baldwin 2012) ships its model inside the package (a NumPy file, no pickle),
runs offline and is deterministic. Text that is plainly English (English
function words run through the whole sample) is taken as English without the
model, whose large tables cost more than the look-up itself: they push the
rest of the analysis out of the processor's caches.

References
----------
Lui & Baldwin (2012), langid.py: An off-the-shelf language identification tool. ACL.
"""

from __future__ import annotations

import string
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .lexicons import language_words
from .types import Doc

SAMPLE_CHARS = 700  # enough to decide (checked on PTC, PolNeAR, BABE), and cheap
MIN_WORDS = 12  # fewer words than this: too little to tell, assume English
CONFIDENCE = 0.9
ENGLISH_SHARE = 0.05  # of the sample's words that are English function words
ENGLISH_DISTINCT = 3  # different ones, so that names such as "The Times" or a creole's "and" are not enough
HALF_MINIMUM = 2  # English function words in each half of the sample
OTHER_WORDS = 2  # other languages' function words that send a sample to the model
LATIN_SHARE = 0.9  # of the sample's letters, for the rule to decide
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
    """True when the sample is Latin letters, English function words run through both of its halves and
    hardly any other language's function words occur.

    Both halves, so that a foreign article opening with an English quotation
    goes to the model; other languages' words, so that one quoting English
    throughout, or an English-based creole, does too.
    """
    words = _words(sample)
    other = language_words("other")
    if sum(word in other for word in words) >= OTHER_WORDS:
        return False
    half = len(words) // 2
    first, second = _english_words(words[:half]), _english_words(words[half:])
    return (
        min(len(first), len(second)) >= HALF_MINIMUM
        and len(first) + len(second) >= ENGLISH_SHARE * len(words)
        and len({word.lower() for word in first + second}) >= ENGLISH_DISTINCT
        and _latin_share(sample) >= LATIN_SHARE
    )


def _words(sample: str) -> list[str]:
    """The sample's words: whitespace tokens stripped of punctuation that are all letters (URLs and
    e-mail addresses left out, their parts are no prose)."""
    tokens = (token for token in sample.split() if "/" not in token and "@" not in token)
    return [word for token in tokens if (word := token.strip(_PUNCTUATION)).isalpha()]


def _english_words(words: list[str]) -> list[str]:
    """The English function words among ``words``; one in capitals does not count ("WHO" is the organisation)."""
    markers = language_words("english")
    return [word for word in words if word.lower() in markers and not word.isupper()]


def _latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(ch < "\u0250" for ch in letters) / len(letters)  # Basic Latin to Latin Extended-B


def is_english(language: str, confidence: float) -> bool:
    """True unless the text is confidently in another language."""
    return language == "en" or confidence < CONFIDENCE
