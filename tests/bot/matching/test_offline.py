"""``mentormeet match cohort INPUT.json``: the documented input and output, and input errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.matching.config import MatchingConfig
from bot.matching.offline import CohortInputError, read_cohort, run_cohort
from bot.matching.scoring import Scorer
from bot.taxonomy import Taxonomy

TAXONOMY = Taxonomy.load()
DAY = date(2026, 3, 2)
COHORT: dict[str, Any] = {
    "mentors": [
        {"id": "wide", "skills": ["Go", "Rust"], "capacity": 1, "timezone": "Europe/Berlin"},
        {"id": 7, "intro": "Senior Go developer, 8 years of Go, happy to mentor. Based in "
                           "New York", "capacity": 1},
        {"id": "py", "skills": ["Python"], "capacity": 0},
    ],
    "mentees": [
        {"id": "gary", "learning": ["go"], "timezone": "Europe/Berlin"},
        {"id": "rita", "intro": "Junior developer learning Rust", "timezone": "Europe/Paris"},
        {"id": "hana", "learning": ["Haskell"]},
        {"id": "pia", "learning": ["Python"]},
    ],
    "banned": [],
}


def scorer(**config: Any) -> Scorer:
    return Scorer(TAXONOMY, MatchingConfig(**config), DAY)


def test_the_output_has_the_documented_shape_and_the_optimal_pairs() -> None:
    result, warnings = run_cohort(COHORT, TAXONOMY, scorer())
    assert warnings == []
    assert set(result) == {"pairs", "unmatched", "total_score"}
    # first come, best first would give "wide" to gary and leave rita without a mentor
    assert [(p["mentee"], p["mentor"]) for p in result["pairs"]] == [("gary", 7), ("rita", "wide")]
    gary = result["pairs"][0]
    assert gary["reasons"][0] == "Knows Go, a learning goal"
    assert "Depth: 8 years of Go (mentee: new to it)" in gary["reasons"]
    assert result["total_score"] == round(sum(p["score"] for p in result["pairs"]), 2)
    assert result["unmatched"] == [
        {"mentee": "hana", "reason": "no mentor offers Haskell or anything related yet"},
        {"mentee": "pia", "reason": "every mentor who fits is full"},
    ]


def test_banned_pairs_and_the_minimum_score_are_respected() -> None:
    banned = dict(COHORT, banned=[["rita", "wide"]])
    result, _ = run_cohort(banned, TAXONOMY, scorer())
    assert ("rita", "wide") not in [(p["mentee"], p["mentor"]) for p in result["pairs"]]
    strict, _ = run_cohort(COHORT, TAXONOMY, scorer(), min_score=99)
    assert strict["pairs"] == []
    assert strict["unmatched"][0]["reason"].endswith("below the minimum of 99")


def test_someone_can_mentor_and_learn_but_never_with_themself() -> None:
    data = {"mentors": [{"id": "x", "skills": ["Go"], "capacity": 1}],
            "mentees": [{"id": "x", "learning": ["Go"]}]}
    result, _ = run_cohort(data, TAXONOMY, scorer())
    assert result["pairs"] == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "a JSON object"),
        ({"mentors": {}}, "mentors: expected a list"),
        ({"people": []}, "unknown keys: people"),
        ({"mentors": [{"skills": ["Go"], "capacity": 1}]}, "mentors[0].id: missing"),
        ({"mentors": [{"id": True, "skills": ["Go"], "capacity": 1}]}, "mentors[0].id"),
        ({"mentors": [{"id": 1, "skills": ["Go"], "capacity": 1},
                      {"id": 1, "skills": ["Go"], "capacity": 1}]}, "mentors[1].id: 1 is used"),
        ({"mentors": [{"id": 1, "skills": ["Go"]}]}, "mentors[0].capacity"),
        ({"mentors": [{"id": 1, "skills": ["Go"], "capacity": -1}]}, "mentors[0].capacity"),
        ({"mentors": [{"id": 1, "capacity": 1}]}, "give either intro or skills"),
        ({"mentors": [{"id": 1, "skills": ["Go"], "intro": "Go", "capacity": 1}]},
         "give either intro or skills"),
        ({"mentors": [{"id": 1, "skills": ["Rsut"], "capacity": 1}]},
         "mentors[0].skills: unknown skill 'Rsut' (did you mean Rust"),
        ({"mentees": [{"id": 1, "learning": "Go"}]}, "mentees[0].learning: expected a list"),
        ({"mentees": [{"id": 1, "intro": " "}]}, "mentees[0].intro: expected non-empty text"),
        ({"mentees": [{"id": 1, "learning": ["Go"], "timezone": "Mars/Base"}]},
         "mentees[0].timezone: 'Mars/Base' is not an IANA time zone"),
        ({"banned": [["a"]]}, "banned[0]: expected [mentee_id, mentor_id]"),
        ({"banned": [["a", "b"]]}, "banned[0]: no mentee has the id 'a'"),
    ],
)
def test_input_errors_name_the_place(data: Any, message: str) -> None:
    with pytest.raises(CohortInputError) as caught:
        read_cohort(data, TAXONOMY, DAY)
    assert message in str(caught.value)


def test_unknown_fields_are_warned_about_not_fatal() -> None:
    read = read_cohort({"mentees": [{"id": 1, "learning": ["Go"], "name": "Ann"}]},
                       TAXONOMY, DAY)
    assert read.warnings == ["mentees[0]: ignored name"]


def test_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "cohort.json"
    source.write_text(json.dumps(COHORT), encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(app, ["match", "cohort", str(source), "--date", "2026-03-02"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["total_score"] > 0
    written = tmp_path / "out.json"
    saved = runner.invoke(app, ["match", "cohort", str(source), "-o", str(written),
                                "--date", "2026-03-02"])
    assert saved.exit_code == 0
    assert json.loads(written.read_text(encoding="utf-8")) == json.loads(shown.stdout)
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    bad = runner.invoke(app, ["match", "cohort", str(tmp_path / "bad.json")])
    assert bad.exit_code == 2
    assert "is not JSON" in bad.output
    missing = runner.invoke(app, ["match", "cohort", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2
    wrong_date = runner.invoke(app, ["match", "cohort", str(source), "--date", "soon"])
    assert wrong_date.exit_code == 2
