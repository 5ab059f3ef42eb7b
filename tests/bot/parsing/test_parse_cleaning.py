"""Text normalisation: markup, addresses, junk characters, repeats, spam tails, size caps."""

from __future__ import annotations

import pytest

from bot.parsing.cleaning import MAX_CHARS, clean_text
from bot.parsing.lines import dedupe_lines, drop_foreign_tail, guess_language, line_script


@pytest.mark.parametrize(
    ("raw", "kept", "gone"),
    [
        ("I know [Django](https://djangoproject.com) well", "I know Django well", "https"),
        ("![Python](https://img.shields.io/badge/python-3670A0?logo=python)", "Python", "shields"),
        ("![](https://img.shields.io/badge/Rust-000000?style=flat)", "Rust", "style"),
        ("[![Go](https://img.shields.io/badge/go-00ADD8)](https://go.dev)", "Go", "go.dev"),
        ("# Hi there\n## Skills", "Hi there\nSkills", "#"),
        ("I **love** __Haskell__ and *Elm*", "I love Haskell and Elm", "*"),
        ("> quoted line", "quoted line", ">"),
        ("<p>I use <b>Rust</b></p><br>and Go", "I use Rust", "<b>"),
        ('<img src="x.png" alt="Kotlin"> badge', "Kotlin", "<img"),
        ("Tom &amp; Jerry &lt;3", "Tom & Jerry <3", "&amp;"),
        ("<!-- hidden Java --> shown", "shown", "Java"),
        ("<script>var php = 1;</script>visible", "visible", "php"),
        ("see `kubectl apply` docs", "see kubectl apply docs", "`"),
        ("[docs][1]\n\n[1]: https://example.com", "docs", "example.com"),
    ],
)
def test_markup_is_reduced_to_words(raw: str, kept: str, gone: str) -> None:
    text = clean_text(raw).text
    assert kept in text
    assert gone not in text


def test_code_fences_are_dropped_with_a_note() -> None:
    cleaned = clean_text("Hello\n```python\nimport pandas\nprint(1)\n```\nBye")
    assert "pandas" not in cleaned.text
    assert "Hello" in cleaned.text
    assert "Bye" in cleaned.text
    assert any("code" in note for note in cleaned.notes)


@pytest.mark.parametrize(
    ("raw", "gone"),
    [
        ("read https://www.codingwithroby.com/newsletters/python-brain-bytes today", "python"),
        ("blog: lowlevelmanager.com splash: rockstär.dev", "lowlevelmanager"),
        ("mail me at jane.doe+python@example.org please", "python"),
        ("www.rust-lang.org is nice", "rust-lang"),
        ("ftp://files.example.net/java/", "java"),
        ("my site example.io/golang here", "golang"),
    ],
)
def test_addresses_are_removed(raw: str, gone: str) -> None:
    assert gone not in clean_text(raw).text.lower()


@pytest.mark.parametrize("name", ["socket.io", "ASP.NET", "Node.js", "fly.io", "Vue.js"])
def test_product_names_that_look_like_domains_survive(name: str) -> None:
    assert name in clean_text(f"I use {name} daily").text


@pytest.mark.parametrize(
    "junk", ["\u200b", "\u200d", "\ufeff", "\x00", "\x07", "\x1b", "\u202e", "\u00ad", "\ud800"]
)
def test_invisible_and_control_characters_are_removed(junk: str) -> None:
    cleaned = clean_text(f"Pyt{junk}hon and Go")
    assert cleaned.text == "Python and Go"
    assert any("invisible" in note for note in cleaned.notes)


def test_line_endings_and_unicode_forms_are_normalised() -> None:
    text = clean_text("one\r\ntwo\rthree\u2028four ＰＹＴＨＯＮ I\u2019m İstanbul").text
    assert text.split("\n") == ["one", "two", "three", "four PYTHON I'm Istanbul"]
    assert len(text.lower()) == len(text)


def test_repeated_lines_keep_the_first_copy() -> None:
    raw = "Careful tradeoffs matter.\nSomething else here.\nCareful tradeoffs matter.\nok\nok"
    cleaned = clean_text(raw)
    assert cleaned.text.count("Careful tradeoffs matter.") == 1
    assert cleaned.text.count("ok") == 2  # short lines are not worth deduplicating
    assert "removed 1 repeated lines" in cleaned.notes


def test_dedupe_lines_counts_what_it_drops() -> None:
    lines, removed = dedupe_lines(["a long enough line", "x", "a long enough line", "x"])
    assert lines == ["a long enough line", "x", "x"]
    assert removed == 1


SPAM = "\n".join(
    [
        "相关标签:",
        "-",
        "pvc化妆包价格介绍-PVC化妆包价格详解",
        "随着化妆包市场的蓬勃发展，消费者对于化妆包的需求日益多样化",
        "2026-05-23 20:41:40",
        "20",
        "logo在线设计介绍-在线设计logo",
        "品牌重塑的视觉灵魂:深度解析公司 Logo 在线设计资源平台",
    ]
)
BODY = (
    "Hi, I'm a backend engineer. I write Python services and tune Redis caches. "
    "I enjoy debugging production incidents and writing shell scripts.\n"
)


def test_a_trailing_block_in_another_script_is_dropped() -> None:
    cleaned = clean_text(BODY + SPAM)
    assert "化妆包" not in cleaned.text
    assert "pvc" not in cleaned.text.lower()
    assert "Redis" in cleaned.text
    assert any("another script (cjk" in note for note in cleaned.notes)


@pytest.mark.parametrize(
    "intro",
    [
        "我是一名后端工程师，主要使用Python和Docker。\n我喜欢分布式系统。\n欢迎交流。",
        "Привет! Я бэкенд-разработчик.\nПишу на Python и Go.\nЖиву в Берлине.",
        "こんにちは。バックエンドエンジニアです。\nDockerとKubernetesを使っています。",
    ],
)
def test_an_intro_entirely_in_another_script_is_kept(intro: str) -> None:
    cleaned = clean_text(intro)
    assert not any("trailing block" in note for note in cleaned.notes)
    assert len(cleaned.text) >= len(intro) - 10


def test_a_short_latin_tail_after_a_cjk_intro_is_kept() -> None:
    intro = (
        "我是一名后端工程师，主要做分布式系统，喜欢研究数据库和缓存。\n欢迎大家交流！\n"
        "Skills: Python, Go"
    )
    assert "Python, Go" in clean_text(intro).text


def test_a_trailing_block_in_another_language_is_dropped() -> None:
    english = (
        "Hello everyone, I am a data engineer and I have been working with Spark and Airflow "
        "for a while. I like to share what I learn with the team and the community.\n"
    )
    spanish = (
        "El mejor precio para los zapatos de moda que se venden en la tienda por internet.\n"
        "La oferta es para todos los clientes que compran con una tarjeta de la casa.\n"
        "Los productos de esta semana son muy baratos y tienen envío gratis para todos.\n"
    )
    cleaned = clean_text(english + spanish)
    assert "zapatos" not in cleaned.text
    assert "Airflow" in cleaned.text
    assert any("another language (spanish" in note for note in cleaned.notes)


def test_an_intro_entirely_in_spanish_is_kept() -> None:
    intro = (
        "Hola a todos, soy desarrollador backend y trabajo con Python y Django.\n"
        "Me gusta la comunidad y estoy aprendiendo Rust en mi tiempo libre.\n"
        "Vivo en Madrid y me encanta el café con los amigos de la oficina.\n"
    )
    assert clean_text(intro).text == intro.strip()


@pytest.mark.parametrize(
    ("line", "script"),
    [
        ("plain ascii words", "latin"),
        ("Ça va très bien, merci", "latin"),
        ("贴春联的由来简介50字", "cjk"),
        ("Привет всем", "cyrillic"),
        ("مرحبا بالجميع", "arabic"),
        ("2026-05-23 20:39:13", None),
        ("-", None),
    ],
)
def test_line_script(line: str, script: str | None) -> None:
    assert line_script(line)[0] == script


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I am a developer and I like to work with the team", "english"),
        ("Soy desarrollador y me gusta trabajar con el equipo de la empresa", "spanish"),
        ("Ich bin Entwickler und arbeite gern mit dem Team auf der Arbeit", "german"),
        ("Python Go Rust", None),
    ],
)
def test_guess_language(text: str, language: str | None) -> None:
    assert guess_language(text) == language


def test_ascii_text_without_a_foreign_tail_is_untouched() -> None:
    lines = ["I am a developer.", "I like Go and the team."]
    assert drop_foreign_tail(lines, True) == (lines, None)


def test_huge_input_is_capped_with_a_note() -> None:
    cleaned = clean_text("word " * 40_000)
    assert len(cleaned.text) <= MAX_CHARS
    assert any("first 64000" in note for note in cleaned.notes)


def test_a_wall_of_text_without_newlines_is_kept_whole() -> None:
    wall = "I build APIs with Python and Postgres. " * 300
    cleaned = clean_text(wall)
    assert "\n" not in cleaned.text
    assert cleaned.text.count("Postgres") == 300
