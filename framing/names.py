"""People's names, titles and aliases: one definition of each, read by every module that keys a person.

Every module that keys a person reads the same rules here: which words are
honorifics ("Mr", "Dr") or titles ("President", "Foreign Minister"), which
are name particles ("al-", "bin", "von"), what a surname is, and when two
written names are one person ("Bashar al-Assad", "Bashar Assad", "Mr Assad",
"Assad's"; "Sergei" and "Sergey Shoigu"; the typo "Vladmir Putin"). The word
lists are data (``names-words.v1.tsv``, ``names-variants.v1.tsv``, ``names-short-forms.v1.tsv``).

:func:`metonym_kind` says when a place ("Moscow", "the Kremlin") stands for a
government. Grouping one article's mentions into actors is :mod:`framing.name_groups`.

References
----------
The honorific and title conventions follow newspaper style guides (The
Guardian and Observer style guide, "titles"; the AP Stylebook, "titles").
Transliteration variants follow the BGN/PCGN romanisation of Russian and the
spellings wire services use.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from .lexicons import load_table

WORDS_FILE = "names-words.v1.tsv"
VARIANTS_FILE = "names-variants.v1.tsv"
SHORT_FORMS_FILE = "names-short-forms.v1.tsv"
KINDS = ("person", "organisation", "government", "group", "place")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_POSSESSIVE = re.compile(r"'s?(?=\s|$)")
_FINAL_Y = re.compile(r"(?:iy|yy|y)$")
_FINAL_PH = re.compile(r"ph$")
_HYPHEN_SUFFIX = re.compile(r"^([A-Z][\w.]*)-[a-z][a-z-]*$")  # "UN-hosted", "Iran-backed"
_DOCTRINE = re.compile(r"[a-z]{3}isms?$")  # "Trumpism", "Zionism", "Marxism": a word that names a doctrine
_FAMILY_GENERATIONS = frozenset({"jr", "sr", "jnr", "snr"})  # a father's name passed to his son
# a generational suffix or regnal number ending a name: "Jr.", "Sr", "III", "Paul VI"; numerals only in capitals
# and of two letters or more, so that "Xi" and an initial ("Malcolm X") stay names
_GENERATION = re.compile(
    rf"(?i:{'|'.join(sorted(_FAMILY_GENERATIONS))})\.?|(?=[IVX]{{2,}}$)X{{0,3}}(?:IX|IV|V?I{{0,3}})"
)


# -- the word lists -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Words:
    honorifics: frozenset[str]  # lower case, without a final period: "mr", "dr"
    titles: tuple[str, ...]  # lower case, longest first: "prime minister", "president"
    title_heads: frozenset[str]  # the word that ends a title before a name: "minister", "president"
    abbreviations: frozenset[str]  # as written, with the period: "Mr.", "Gen.", "Govs."
    initialisms: frozenset[str]  # titles written in capitals, lower case: "pm", "ag"
    expansions: dict[str, str]  # a one-word short form, lower case without a period -> its title's head word
    hyphen_particles: tuple[str, ...]  # "al-", "el-"
    particles: frozenset[str]  # "bin", "van", "al"
    patronymics: frozenset[str]  # particles that make the next word a father's name: "bin", "ibn"
    determiners: frozenset[str]
    auxiliaries: frozenset[str]
    acts: frozenset[str]
    locatives: frozenset[str]
    peoples: frozenset[str]  # lower case: "muslims", "hispanic"
    law_heads: frozenset[str]  # lower case: "act", "amendment"
    bodies: frozenset[str]  # lower case: "department", "court": a title word before one names a body
    deities: frozenset[str]  # lower case: "god", "jesus christ"
    other_misc: frozenset[str]  # lower case: "christmas", "scripture", "obamacare"
    possessives: frozenset[str]  # "his", "our": alone, never a name
    sites: frozenset[str]  # lower case: "tower", "valley": they end the names of places, never a person's


@cache
def _words() -> _Words:
    rows = load_table(WORDS_FILE)
    by_class: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_class.setdefault(row["class"], []).append(row)

    def forms(cls: str) -> list[str]:
        return [row["form"] for row in by_class.get(cls, [])]

    titles = sorted({t.lower() for t in forms("title")}, key=lambda t: (-len(t.split()), t))
    particles = forms("particle")
    return _Words(
        honorifics=frozenset(h.lower() for h in forms("honorific")),
        titles=tuple(titles),
        title_heads=frozenset(_title_head(t) for t in titles),
        abbreviations=frozenset(
            a for row in rows for a in row["abbreviations"].split("|") if a.endswith(".")
        ),
        initialisms=frozenset(
            a.lower() for row in rows for a in row["abbreviations"].split("|") if a.isupper() and a.isalpha()
        ),
        expansions={
            a.lower().rstrip("."): _title_head(row["form"].lower()) for row in rows if row["class"] == "title"
            for a in row["abbreviations"].split("|") if a and " " not in a
        },
        hyphen_particles=tuple(p for p in particles if p.endswith("-")),
        particles=frozenset(p for p in particles if not p.endswith("-")),
        patronymics=frozenset({"bin", "ibn", "bint"} & set(particles)),
        determiners=frozenset(forms("determiner")),
        auxiliaries=frozenset(forms("auxiliary")),
        acts=frozenset(forms("act")),
        locatives=frozenset(forms("locative")),
        peoples=frozenset(p.lower() for p in forms("people")),
        law_heads=frozenset(w.lower() for w in forms("law")),
        bodies=frozenset(w.lower() for w in forms("body")),
        deities=frozenset(w.lower() for w in forms("deity")),
        other_misc=frozenset(w.lower() for w in forms("misc")),
        possessives=frozenset(forms("possessive")),
        sites=frozenset(w.lower() for w in forms("site")),
    )


def _title_head(title: str) -> str:
    """The word of a title that stands right before a name: "minister" in "prime minister",
    "secretary" in "secretary of state" (the words after "of" name the office, not the title)."""
    words = title.split()
    return words[words.index("of") - 1] if "of" in words else words[-1]


@lru_cache(maxsize=4096)
def misc_name(name: str) -> bool:
    """A name that is no actor whatever the recogniser typed it: a people or faith ("Muslims", "Islam"), a
    law or treaty ("Affordable Care Act", "Second Amendment", "Constitution"), a deity ("God"), a feast or
    scripture ("Christmas", "Gospel": the ``misc`` class) or one word naming a doctrine ("Trumpism",
    "Zionism"), misc as CoNLL types them; a form of address or reverent phrase ("His Holiness", "Our Lady":
    ``misc`` too), also at the end of a name ("Christ Our Lord"), and a possessive pronoun alone ("Her"
    opening a sentence)."""
    words = _words()
    lower = [w.strip(".") for w in name.lower().split()]
    if not lower:
        return False
    doctrine = len(lower) == 1 and not name.isupper() and _DOCTRINE.search(lower[0]) is not None  # not "LATISM"
    whole = " ".join(lower)
    return (doctrine or all(w in words.peoples for w in lower) or lower[-1] in words.law_heads
            or whole in words.deities or whole in words.other_misc or whole in words.possessives
            or (len(lower) > 2 and lower[-2] in words.possessives and " ".join(lower[-2:]) in words.other_misc))


def honorifics() -> frozenset[str]:
    """Honorifics in lower case without a period: "mr", "mrs", "ms", "dr", "sir"..."""
    return _words().honorifics


def titles() -> tuple[str, ...]:
    """Titles in lower case, longest first: "deputy prime minister", ..., "president"."""
    return _words().titles


@cache
def title_words() -> frozenset[str]:
    """Words that end a title or honorific right before a name, lower case, with and without
    a period: "president", "minister", "spokesman", "gen", "gen.", "mr", "mr.", and titles written in
    capitals: "pm", "ag"."""
    words = _words()
    plain = words.title_heads | words.honorifics | {a.lower().rstrip(".") for a in words.abbreviations
                                                    if " " not in a}
    return frozenset(plain | {w + "." for w in plain} | words.initialisms)


def title_key(word: str) -> str:
    """A title word as one key however it is written: "admiral" for "Adm.", "adm" and "Admiral"."""
    lower = word.lower().rstrip(".")
    return _words().expansions.get(lower, lower)


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviated titles and honorifics as written, one word each: "Mr.", "Gen.", "Govs."."""
    return frozenset(a for a in _words().abbreviations if " " not in a)


def determiners() -> frozenset[str]:
    """Words dropped from the front of a name: "the", "a", "an", "one", "some"."""
    return _words().determiners


def bodies() -> frozenset[str]:
    """Nouns that make a title word before them part of a body's name, lower case: "department" of "Justice
    Department", "court"."""
    return _words().bodies


def site_heads() -> frozenset[str]:
    """The last words of names of places and buildings, lower case: "tower", "valley", "county"; common
    surnames ("Hall", "Park", "Lake") are left out."""
    return _words().sites


@cache
def reporting_verbs() -> frozenset[str]:
    """The attribution cues' verbs in their forms ending in -s or -ed, lower case ("says", "tweeted", "denies"):
    no name goes on past one, though a headline in capitals writes it so ("Bush Says", "Iran Admits"). Not
    "reports", which ends the names of pollsters and programmes ("Rasmussen Reports", "Consumer Reports")."""
    forms = (f.lower() for row in load_table("attribution-cues.v1.tsv") for f in row["forms"].split("|"))
    return frozenset(f for f in forms if " " not in f and f.endswith(("s", "ed"))) - {"reports"}


def particles() -> frozenset[str]:
    """Name particles written as their own word: "al", "bin", "van", "von", "de"..."""
    return _words().particles


def particle_surname(word: str) -> bool:
    """A surname joined to its particle by a hyphen: "al-Assad", "el-Sisi" (not "al-Qaeda-linked")."""
    return "-" in word and any(  # each particle ends in a hyphen
        word.lower().startswith(p) and word[len(p) : len(p) + 1].isupper() and "-" not in word[len(p) :]
        for p in _words().hyphen_particles
    )


# -- one name -------------------------------------------------------------------------

def normalise_name(text: str) -> str:
    """Lower case, one space between words, curly apostrophes straight, possessive "'s" dropped."""
    flat = " ".join(text.translate(_APOSTROPHES).lower().split())
    return _POSSESSIVE.sub("", flat)


@lru_cache(maxsize=4096)
def surname(name: str) -> str:
    """A name's last word, lower case, without a possessive or an "al-" particle: "assad", "putin"; before
    a generational suffix, the word before it ("mueller" of "Robert S. Mueller III"), and a regnal name
    whole ("john paul" of "Pope John Paul II").

    After "bin" or "ibn" the last word is a father's name, so the surname keeps
    the particle: "bin salman" for "Mohammed bin Salman", apart from King Salman.
    """
    words = [w.rstrip(",") for w in normalise_name(name).split()]
    suffix = generation(name.split()[-1]) if len(words) >= 2 else ""
    if suffix:
        words.pop()
        untitled = words[max((k + 1 for k, w in enumerate(words) if w in title_words()), default=0):]
        if _regnal(untitled, suffix):
            return " ".join(untitled)
    if not words:
        return ""
    last = _strip_hyphen_particle(words[-1])
    if len(words) >= 2 and words[-2] in _words().patronymics:
        return f"{words[-2]} {last}"
    return last


def generation(word: str) -> str:
    """The generational suffix or regnal number a name's last word is, in lower case ("jr", "iii"), else "":
    part of who is meant ("Donald Trump Jr." is not his father), never the surname."""
    written = _POSSESSIVE.sub("", word.translate(_APOSTROPHES))
    return written.lower().rstrip(".") if _GENERATION.fullmatch(written) else ""


def passes_down(generation: str) -> bool:
    """Whether a generation marks a father's name passed to his son ("jr", "sr"), whom the news then tells
    apart by the suffix alone."""
    return generation in _FAMILY_GENERATIONS


def _regnal(words: Sequence[str], suffix: str) -> bool:
    """Whether the words before a Roman numeral are one regnal name, the surname of no family: one word
    ("Benedict XVI", "Abdullah II"), or two before "II" ("John Paul II", whose "Paul" is not St. Paul). Two
    before a higher number, or three, are a family's name and generation ("Charles Elliott III", son of
    Charles Elliott Jr.; "Robert S. Mueller III", Mr. Mueller)."""
    return suffix not in _FAMILY_GENERATIONS and (len(words) == 1 or (len(words) == 2 and suffix == "ii"))


def _strip_hyphen_particle(word: str) -> str:
    for particle in _words().hyphen_particles:
        if word.startswith(particle) and len(word) > len(particle):
            return word[len(particle):]
    return word


@lru_cache(maxsize=4096)
def person_name(text: str) -> str:
    """The proper name inside a person's mention: "Eric Pahon" in "Pentagon spokesman Eric Pahon".

    The last run of two or more capitalised words in the first comma-separated
    part that has one, or a part that is a single capitalised word ("Putin");
    "" when the mention is a title alone ("the Russian president").
    """
    determiners = _words().determiners
    for part in text.split(","):
        words = [w for w in re.findall(r"[\w.'\u2019-]+", part) if w.lower() not in determiners]
        runs: list[list[str]] = [[]]
        for word in words:
            if word[0].isupper() or _is_particle_joined(word):
                runs[-1].append(word)
            elif runs[-1]:
                runs.append([])
        long_runs = [r for r in runs if len(r) >= 2]
        if long_runs:
            return " ".join(long_runs[-1])
        if len(words) == 1 and words[0][0].isupper():
            return words[0]
    return ""


def _is_particle_joined(word: str) -> bool:
    """A lower-case particle joined by a hyphen to a capitalised name: "al-Assad", "bin-Laden"."""
    head, hyphen, rest = word.partition("-")
    joined = _words().particles | {p.rstrip("-") for p in _words().hyphen_particles}
    return bool(hyphen) and head in joined and rest[:1].isupper()


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name mention taken apart: ``"Russian President Vladimir Putin"`` gives title words
    ``("russian", "president")``, given ``("vladimir",)`` and surname ``"putin"``.

    Given names and the surname are matching keys (:func:`word_key`); a mention
    that is a title alone ("the Russian president") has no surname.
    """

    text: str
    title: tuple[str, ...]
    honorific: str
    given: tuple[str, ...]
    surname: str
    written: str = ""  # the name as written, without title, determiner or possessive
    generation: str = ""  # "jr", "iii": :func:`generation`

    @property
    def title_only(self) -> bool:
        return not self.surname and bool(self.title)

    @property
    def named(self) -> bool:
        """A name that tells its person from others of the surname: given names or a generation ("Trump Jr.",
        "Benedict XVI")."""
        return bool(self.surname) and bool(self.given or self.generation)


@lru_cache(maxsize=32768)  # an article names its people many times; a corpus, thousands of names
def parse_name(text: str) -> NameParts:
    """Split a mention into title, honorific, given names and surname (see :class:`NameParts`).

    Title words are the words up to the last title or honorific that has a
    capitalised name after it; a mention ending in a title ("the Russian
    president", "Kremlin spokesman") is a title alone. Of comma-separated
    parts ("The Russian president, Vladimir Putin"; "Sergei Surovikin, the
    Russian military commander in Syria") the first that holds a name gives the
    name, and parts that are titles add their words. Determiners, possessives
    and name particles are dropped, a lower-case hyphenated tail
    ("UN-hosted") is cut, and a generational suffix or regnal number ("Jr.",
    "III") is kept apart from the surname as ``generation``.
    """
    cased = not text.islower()
    title: list[str] = []
    name: list[str] = []
    for part in _cut_hyphen_suffix(text.translate(_APOSTROPHES)).split(","):
        words = _without_determiners([_POSSESSIVE.sub("", w) for w in part.split()])
        part_title, part_name = _split_title(words, cased)
        if part_name and not name:
            title += part_title
            name = part_name
        elif not part_name and part_title:
            title += part_title
    lower = tuple(w.lower() for w in title)
    honorific = next((w.rstrip(".") for w in lower if w.rstrip(".") in _words().honorifics), "")
    written = " ".join(name)
    suffix = generation(name[-1]) if len(name) >= 2 else ""
    if suffix:
        name = name[:-1]
    keys = [word_key(_strip_hyphen_particle(w.lower())) for w in name if w.lower() not in _words().particles]
    keys = [k for k in keys if k]
    if not keys:
        return NameParts(text, lower, honorific, (), "")
    if suffix and _regnal(keys, suffix):
        return NameParts(text, lower, honorific, (), " ".join(keys), written, suffix)
    last = keys[-1]
    if len(name) >= 2 and name[-2].lower() in _words().patronymics:
        last = f"{name[-2].lower()} {last}"
    return NameParts(text, lower, honorific, tuple(keys[:-1]), last, written, suffix)


def _split_title(words: list[str], cased: bool) -> tuple[list[str], list[str]]:
    """(title words, name words) of one comma-separated part, as written; a part whose
    name would hold a lower-case word ("commander in Syria") is neither."""
    if not words:
        return [], []
    heads = title_words()
    lower = [w.lower() for w in words]
    if lower[-1] in heads and _title_alone(words, cased):
        return words, []
    marks = [k for k, w in enumerate(lower[:-1]) if w in heads] + _phrase_title_ends(lower[:-1])
    if generation(words[-1]):  # "Martin Luther King Jr.": a generation follows a name, never a title
        marks = [k for k in marks if k != len(words) - 2]
    marks = [k for k in marks if lower[k + 1].rstrip(".") not in bodies()]  # "Justice Department"
    cut = max(marks) + 1 if marks else 0
    name = words[cut:]
    if cased and not all(w[:1].isupper() or _is_particle_word(w) for w in name):
        return [], []
    return words[:cut], name


def _phrase_title_ends(lower: list[str]) -> list[int]:
    """Where a title with "of" ends ("secretary of state"): its last word names the office."""
    if "of" not in lower:
        return []  # no such title can be in it: the names of nearly every mention
    joined = f" {' '.join(lower)} "
    ends = []
    for title in _titles_with_of():
        if f" {title} " in joined:
            start = joined.index(f" {title} ")
            ends.append(len(joined[:start].split()) + len(title.split()) - 1)
    return ends


@cache
def _titles_with_of() -> tuple[str, ...]:
    """The titles with the word "of" ("secretary of state"), in the order of :func:`titles`."""
    return tuple(t for t in titles() if " of " in f" {t} ")


def _title_alone(words: list[str], cased: bool) -> bool:
    """A mention ending in a title names no one: "the Russian president", "Russian President",
    "Kremlin spokesman"; "Martin Luther King" ends in a name."""
    if not cased or words[-1][:1].islower():
        return True
    vocabulary = title_vocabulary() | set(country_names())
    return all(w.lower() in vocabulary or w[:1].islower() for w in words[:-1])


@cache
def title_vocabulary() -> frozenset[str]:
    """Every word of every title, lower case: "deputy", "prime", "minister", "of", and the title words."""
    return frozenset(w for t in titles() for w in t.split()) | title_words()


def _is_particle_word(word: str) -> bool:
    lower = word.lower()
    return lower in _words().particles or _is_particle_joined(word) or any(
        lower.startswith(p) for p in _words().hyphen_particles
    )


def _without_determiners(words: list[str]) -> list[str]:
    determiners = _words().determiners
    while words and words[0].lower() in determiners:
        words = words[1:]
    return words


def _cut_hyphen_suffix(text: str) -> str:
    """ "UN-hosted" -> "UN", "Iran-backed militias" unchanged beyond its first word's tail. Callers split
    the result into words, so a text without a hyphen comes back as it is."""
    if "-" not in text:
        return text
    words = text.split()
    return " ".join(
        match.group(1) if (match := _HYPHEN_SUFFIX.match(w)) else w for w in words
    )


@lru_cache(maxsize=4096)
def word_key(word: str) -> str:
    """One name word as a matching key: lower case, accents folded, one transliteration.

    The variants table maps spellings such as "Shoygu" to "Shoigu"; then two
    general rules fold the endings that romanisations and English spellings
    vary in: a final "iy", "yy" or "y" reads "i" (Dmitriy, Dmitry and Dmitri;
    Sergey and Sergei; Zelenskyy and Zelensky) and a final "ph" reads "f"
    (Joseph and Josef).
    """
    plain = _by_rule(_fold_accents(word.translate(_APOSTROPHES).lower().strip(".'")))
    return _variants().get(plain, plain)


def _by_rule(word: str) -> str:
    return _FINAL_PH.sub("f", _FINAL_Y.sub("i", word)) if len(word) > 2 else word


def _fold_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@cache
def _variants() -> dict[str, str]:
    """Variant -> canonical spelling, both as the general rules leave them."""
    return {
        _by_rule(_fold_accents(row["variant"].lower())): _by_rule(_fold_accents(row["canonical"].lower()))
        for row in load_table(VARIANTS_FILE)
    }


@lru_cache(maxsize=32768)  # tables, actors and omissions ask for the same names again and again
def name_key(name: str) -> str:
    """A normalised key for a name: "bashar assad" for "Bashar al-Assad", "Bashar Assad" and
    "President Bashar al-Assad's"; "assad" for "Mr Assad"; the title's words for a title alone
    ("russian president"); the words of any other name ("organisation for the prohibition of
    chemical weapons"). Two mentions are one person when :func:`same_person` says so."""
    parts = parse_name(name)
    if parts.surname:
        return " ".join((*parts.given, parts.surname, *filter(None, (parts.generation,))))
    if parts.title:
        return " ".join(parts.title)
    words = _without_determiners(normalise_name(_cut_hyphen_suffix(name.translate(_APOSTROPHES))).split())
    return " ".join(word_key(w) for w in words)


def same_person(a: str | NameParts, b: str | NameParts) -> bool:
    """Whether two name mentions can be one person, by what is written.

    The surnames match as keys (or, when both give the same given names, within
    one typing slip), the given names agree where both give them: equal as
    keys, an initial ("V. Putin"), or a typo close to the other ("Vladmir"),
    and so do generational suffixes ("Jr.", "III": :func:`_generations_agree`).
    A bare surname ("Mr Assad") can be anyone with that surname; choosing
    between two people of one surname is :func:`framing.name_groups.group_mentions`' task.
    """
    x = a if isinstance(a, NameParts) else parse_name(a)
    y = b if isinstance(b, NameParts) else parse_name(b)
    if not x.surname or not y.surname or not _generations_agree(x, y):
        return False
    if x.surname != y.surname:
        return bool(x.given) and x.given == y.given and one_slip_apart(x.surname, y.surname)
    return _given_agree(x.given, y.given)


def _generations_agree(x: NameParts, y: NameParts) -> bool:
    """The same generational suffix, or none on a name that gives no given name: "Mr. Mueller" can be
    "Robert S. Mueller III", but "Donald Trump" is not "Donald Trump Jr.", nor is "Trump Jr.", and "Charles
    Elliott III" is not "Charles Elliott Jr."."""
    if x.generation == y.generation:
        return True
    plain = y if x.generation else x
    return not plain.generation and not plain.given


def _given_agree(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """The first given names agree, or the shorter given names end the longer: a name written without its
    first given name, as Spanish and Portuguese double names often are ("López Obrador" of "Andrés Manuel
    López Obrador", "Braz de Aviz" of "João Braz de Aviz"). Not a run in the middle: "Mohammed Al Maktoum"
    is not his son "Hamdan bin Mohammed bin Rashid Al Maktoum"."""
    if not x or not y:
        return True
    if _same_given(x[0], y[0]):
        return True
    short, long = sorted((x, y), key=len)
    return len(short) < len(long) and long[-len(short) :] == short


def _same_given(x: str, y: str) -> bool:
    if x == y:
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]  # an initial
    forms = _short_forms()
    if x in forms or y in forms:
        return one_given_name(x, y)  # no slip tolerance through a short form: "ron" is never "donald"
    return one_slip_apart(x, y)


def one_given_name(x: str, y: str) -> bool:
    """Equal given-name keys, or a short form and its full name ("bob" and "robert", "bob" and "rob")."""
    forms = _short_forms()
    return forms.get(x, x) == forms.get(y, y)


@cache
def _short_forms() -> dict[str, str]:
    """A short form's key -> its full name's key: "bob" -> "robert", "jimmi" -> "james"."""
    return {word_key(row["short"]): word_key(row["full"]) for row in load_table(SHORT_FORMS_FILE)}


def one_slip_apart(x: str, y: str) -> bool:
    """Within one edit for words of 4 to 7 letters, two for longer; short words must match."""
    shorter = min(len(x), len(y))
    if shorter < 4:
        return False
    limit = 1 if shorter < 8 else 2
    return levenshtein(x, y, limit=limit) <= limit


def levenshtein(x: str, y: str, limit: int = 1 << 30) -> int:
    """Edit distance (insertions, deletions, substitutions); stops early past ``limit``.

    Written out rather than taken from a library: the words compared are given
    names a few letters long, a handful per article.
    """
    if abs(len(x) - len(y)) > limit:
        return limit + 1
    previous = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        current = [i]
        for j, cy in enumerate(y, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (cx != cy)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


# -- metonymy -------------------------------------------------------------------------

def metonym_kind(kind: str, following: str = "", *, preceding: str = "", is_source: bool = False) -> str:
    """The kind a place mention has where it stands: "government" when it acts, else ``kind``.

    A seat of government ("Moscow", "the Kremlin", "Washington", "Downing
    Street", "the White House") is a government when it is a source or when the
    words after it act ("Moscow denied", "the Kremlin has said", "Moscow's
    decision"); after "in", "to", "from" and the like it is a place. The caller
    says whether the mention is such a seat (its actor table entry is a place
    with a group, or a building of kind government) and passes ``kind`` as
    recognised.

    Parameters
    ----------
    kind : the mention's kind as recognised or as the actor table gives it.
    following : the text right after the mention (a few words are enough).
    preceding : the word right before the mention.
    is_source : whether the mention is an attribution's source.
    """
    if kind not in ("place", "government"):
        return kind
    if is_source:
        return "government"
    words = _words()
    if preceding.lower() in words.locatives:
        return "place"
    after = following.translate(_APOSTROPHES).lower().split()
    if after and after[0].startswith("'"):
        return "government"  # "Moscow's decision", "the Kremlin's"
    verbs = [w.strip(",.;:") for w in after[:4] if w.strip(",.;:") not in words.auxiliaries and not w.endswith("ly")]
    return "government" if verbs and verbs[0] in words.acts else kind


@cache
def country_names() -> dict[str, str]:
    """Country names and adjectives in lower case -> the country: "syrian" -> "syria" (loaded-actors.v1.tsv)."""
    rows = load_table("loaded-actors.v1.tsv")
    return {r["alias"].lower(): r["canonical"].lower() for r in rows if r["kind"] in ("state", "adjective")}


def plain_name(text: str) -> str:
    """A name as written without a determiner, possessive or lower-case hyphenated tail: "UN" of "The UN's"."""
    words = _cut_hyphen_suffix(text).translate(_APOSTROPHES).split()
    if words and words[0].lower() in _words().determiners:
        words = words[1:]
    return _POSSESSIVE.sub("", " ".join(words))
