"""Reading inputs: every input becomes an article or an error naming its source."""

import json

import pytest

import framing
from framing.io import decode, load_corpus, make_article
from framing.outlets import outlet_from_url
from framing.errors import InputError
from tests.conftest import ROOT, SEEDS, seed_manifest, seed_text

FIXTURES = ROOT / "tests" / "fixtures"


def test_seed_directory_reads_the_manifest():
    corpus = load_corpus(SEEDS)
    assert corpus.errors == ()
    manifest = {row["file"]: row for row in seed_manifest()}
    assert len(corpus) == 5
    for article in corpus:
        row = manifest[article.source.split("/")[-1]]
        assert (article.outlet, article.story, article.date) == (row["outlet"], row["story"], row["date"])
        assert article.outlet_source == "manifest"
        assert article.meta["domain"] == row["domain"]


@pytest.mark.parametrize(
    ("prefix", "outlet", "how"),
    [("000", "Reuters", "dateline"), ("001", "The Guardian", "byline")],
)
def test_outlet_is_inferred_without_a_manifest(prefix, outlet, how):
    article = make_article(seed_text(prefix), "x.txt", {})
    assert (article.outlet, article.outlet_source) == (outlet, how)


def test_a_wire_credit_is_a_clue_not_the_outlet():
    article = make_article(seed_text("002"), "x.txt", {})
    assert article.outlet == "unknown"
    assert article.meta["wire_credit"] == "The Associated Press"
    (warning,) = framing.analyze(article).warnings
    assert "outlet unknown" in warning and "The Associated Press" in warning


def test_outlet_from_url_uses_the_outlet_list_then_the_domain():
    assert outlet_from_url("https://www.theguardian.com/world/2016/mar/14/x") == "The Guardian"
    assert outlet_from_url("https://news.example.org/a") == "news.example.org"


def test_html_page_yields_the_article_body_only():
    (article,) = load_corpus(FIXTURES / "cbc_page.html")
    text = article.text
    assert "President Vladimir Putin on Monday ordered Russian forces" in text
    assert '"successfully fulfil the tasks"' in text
    for junk in ("Sports", "cookies", "newsletter", "inbox", "Related stories", "Copyright", "track()", "border"):
        assert junk not in text
    assert article.outlet == "CBC News" and article.outlet_source == "site"  # its og:site_name
    assert article.title == "Putin orders Russian troops out of Syria"


def test_jsonl_bad_lines_are_reported_by_line_and_the_rest_read(tmp_path):
    path = tmp_path / "corpus.jsonl"
    good = json.dumps({"id": "a", "outlet": "Reuters", "text": seed_text("000")})
    lines = [good, "{not json", json.dumps({"id": "b", "outlet": "Reuters"}), "", json.dumps({"id": "c", "text": "Officials said the plan may fail."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert [a.id for a in corpus] == ["a", "c"]
    assert [a.source for a in corpus] == [f"{path}:1", f"{path}:5"]
    assert [(e.source, e.reason) for e in corpus.errors] == [
        (f"{path}:2", "malformed JSON: Expecting property name enclosed in double quotes at column 2"),
        (f"{path}:3", "has no 'text' field (fields: id, outlet)"),
    ]


def test_csv_quoted_newlines_duplicate_ids_and_row_numbers(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text(
        'id,outlet,text\n'
        'a,Reuters,"Putin said the task was fulfilled.\nThe Motherland awaits you."\n'
        'a,Reuters,"Washington was skeptical."\n'
        'b,The Guardian,""\n'
        'c,CBC,"Insurgents still control several areas in Syria."\n'
        '\n'
        'd,CBC,""\n',
        encoding="utf-8",
    )
    corpus = load_corpus(path)
    assert [(a.id, a.source) for a in corpus] == [("a", f"{path}:2"), ("c", f"{path}:6")]
    assert corpus.errors[-1].source == f"{path}:8"  # after a blank line, still the physical line
    assert "The Motherland awaits you." in corpus[0].text
    assert corpus[1].outlet == "CBC News"
    assert [e.source for e in corpus.errors][:2] == [f"{path}:4", f"{path}:5"]
    assert "duplicate id 'a'" in corpus.errors[0].reason


def test_csv_stray_and_unclosed_quotes_are_reported_where_the_row_starts(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text(
        'id,text,outlet\n'
        '1,"Putin said the war is over.",Reuters\n'
        '2,"The ministry "categorically" denied it.",CBC\n'
        '3,Officials may have lied.,CBC\n'
        '4,"unterminated quote, Guardian\n'
        '5,Washington was skeptical.,Reuters\n',
        encoding="utf-8",
    )
    corpus = load_corpus(path)
    assert [(a.id, a.source) for a in corpus] == [("1", f"{path}:2"), ("3", f"{path}:4")]
    stray, unclosed, swallowed = corpus.errors
    assert stray.source == f"{path}:3" and "must be doubled" in stray.reason
    assert unclosed.source == f"{path}:5"
    assert "never closed" in unclosed.reason and "(line 6)" in unclosed.reason
    # the row the open quotation mark swallowed is not lost without a word
    assert swallowed.source == f"{path}:6"
    assert swallowed.reason.startswith("not read: this line is inside the malformed row that starts at line 5")


def test_csv_without_a_text_column_says_which_columns_it_has(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert len(corpus) == 0
    assert corpus.errors[0].reason == "has no 'text' column (columns: id, body)"


def test_encodings_are_detected():
    sentence = "\u201cThe motherland is proud of you,\u201d Putin said \u2014 caf\u00e9."
    assert decode(sentence.encode("utf-16")) == sentence
    assert decode(("\ufeff" + sentence).encode("utf-8")) == sentence
    latin = "Le pr\u00e9sident a d\u00e9clar\u00e9 que la mission \u00e9tait accomplie \u00e0 Hmeymim."
    assert decode(latin.encode("cp1252")) == latin


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "is empty"), (b"  \n\t ", "holds only whitespace"), (b"\x00\x01\x02PK\x03\x04" * 50, "looks binary")],
)
def test_empty_and_binary_input_is_refused(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data)


def test_directory_accounts_for_every_file(tmp_path):
    (tmp_path / "a.txt").write_text(seed_text("003"), encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    corpus = load_corpus([tmp_path, tmp_path / "missing.txt"])
    assert [a.id for a in corpus] == ["a"]
    assert [(e.source.split("/")[-1], e.reason.split(" (")[0]) for e in corpus.errors] == [
        ("b.txt", "is empty"),
        ("c.pdf", "is not a supported format"),
        ("missing.txt", "no such file or directory"),
    ]


def test_size_limit_has_a_clear_error(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(seed_text("000") * 3, encoding="utf-8")
    (error,) = load_corpus(path, max_bytes=10_000).errors
    assert "too large" in error.reason and "--max-bytes" in error.reason


def _cbc_page_with(head_lines: str, url: str) -> str:
    """The CBC fixture page with its og:site_name and canonical link replaced by ``head_lines``."""
    page = (FIXTURES / "cbc_page.html").read_text(encoding="utf-8")
    page = page.replace('<meta property="og:site_name" content="CBC News">\n', "")
    return page.replace('<link rel="canonical" href="https://www.cbc.ca/news/world/putin-syria-withdrawal-1.4443112">',
                        f'<link rel="canonical" href="{url}">\n{head_lines}')


def test_a_page_s_json_ld_publisher_names_the_outlet_before_its_domain(tmp_path):
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": '
          '"NewsArticle", "headline": "Putin orders Russian troops out of Syria", "publisher": {"@type": '
          '"NewsMediaOrganization", "name": "Winnipeg Free Press"}}]}</script>')
    page = tmp_path / "putin.html"
    page.write_text(_cbc_page_with(ld, "https://www.winnipegfreepress.com/world/putin-syria"), encoding="utf-8")
    (article,) = load_corpus(page)
    assert (article.outlet, article.outlet_source) == ("Winnipeg Free Press", "site")


def test_og_site_name_wins_over_the_domain_and_the_domain_is_the_fallback(tmp_path):
    page = tmp_path / "syndicated.html"
    page.write_text(_cbc_page_with('<meta property="og:site_name" content="The Globe and Mail">',
                                   "https://news.example.org/world/putin-syria"), encoding="utf-8")
    (article,) = load_corpus(page)
    assert (article.outlet, article.outlet_source) == ("The Globe and Mail", "site")
    page.write_text(_cbc_page_with('<meta name="twitter:site" content="@cbcnews">',
                                   "https://news.example.org/world/putin-syria"), encoding="utf-8")
    (article,) = load_corpus(page)
    assert (article.outlet, article.outlet_source) == ("news.example.org", "url")  # a handle is no site name
