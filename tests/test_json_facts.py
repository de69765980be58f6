"""``team_schema.json_facts`` (issue 25): the one-pass measure the reader uses to skip the
per-value walk of ``check_strings``, held against a brute-force walk, and ``check_strings``
giving the same verdict (and the same fault) with and without it."""

from __future__ import annotations

import json
import math
import random

import pytest

from sagstal_desktop.io import team_schema
from sagstal_desktop.io.team_schema import ID_LENGTH, Violation, check_strings, json_depth, json_facts


def brute(obj):
    """(longest key, longest string, every float finite) by a plain recursive walk."""
    keys, strings, finite = [0], [0], [True]

    def walk(item):
        if isinstance(item, dict):
            for k, v in item.items():
                keys.append(len(k))
                walk(v)
        elif isinstance(item, list):
            for v in item:
                walk(v)
        elif isinstance(item, str):
            strings.append(len(item))
        elif isinstance(item, float) and not math.isfinite(item):
            finite[0] = False

    walk(obj)
    return max(keys), max(strings), finite[0]


def random_json(rng: random.Random, depth: int = 0):
    kind = rng.random()
    if depth > 6 or kind < 0.4:
        return rng.choice([1, -2.5, 1e308, math.inf, True, None, "", "x" * rng.randint(0, 300), "æøå"])
    if kind < 0.7:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {"k" * rng.randint(0, 200): random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))}


TEXTS = ['{}', '[]', '"a"', '1.5', '{"a": 1}', '{"a": {}}', '[[1], []]', '{"a": [1, {"b": "xyz"}]}',
         '{"' + "k" * 129 + '": 1}', '{"k": "' + "v" * 2001 + '"}', '[1e400]', '{"a": [-1e999]}', '[true, false, null]']


@pytest.mark.parametrize("text", TEXTS)
def test_the_facts_agree_with_a_brute_force_walk(text):
    obj = json.loads(text)
    facts = json_facts(obj)
    assert facts.depth == json_depth(obj)
    assert (facts.longest_key, facts.longest_string, facts.finite) == brute(obj)


def test_random_json_agrees_and_check_strings_gives_the_same_fault():
    rng = random.Random(25)
    for _ in range(400):
        obj = random_json(rng)
        facts = json_facts(obj)
        assert facts.depth == json_depth(obj)
        assert (facts.longest_key, facts.longest_string, facts.finite) == brute(obj)
        outcomes = []
        for given in (None, facts):
            try:
                check_strings(obj, "snapshots", "data", 3, 250, given)
                outcomes.append(None)
            except Violation as v:
                outcomes.append((v.table, v.field, v.row, v.reason, v.limit))
        assert outcomes[0] == outcomes[1]
        longest_key, longest_string, finite = brute(obj)
        assert (outcomes[0] is None) == (longest_key <= ID_LENGTH and longest_string <= 250 and finite)


def test_the_depth_is_counted_past_the_limit_without_going_on():
    deep = json.loads("[" * 40 + "]" * 40)
    assert json_facts(deep).depth > team_schema.MAX_JSON_DEPTH
    assert json_depth(deep) > team_schema.MAX_JSON_DEPTH


def test_the_reader_still_names_a_long_key_in_a_snapshot():
    field = team_schema.TABLES["snapshots"].fields[-1]
    parsed, facts = field.check_with_facts('{"inputs": {"' + "k" * 200 + '": 1}}', "snapshots", 2)
    assert facts.longest_key == 200
    with pytest.raises(Violation) as caught:
        check_strings(parsed, "snapshots", "data", 2, 2000, facts)
    assert (caught.value.reason, caught.value.limit, caught.value.value) == ("too_long", ID_LENGTH, "k" * 200)
