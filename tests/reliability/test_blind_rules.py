"""The blind rules and the readings, checked against hand-worked cases."""

import pytest

from coder.agreement.interpret import paradox, verdict
from coder.errors import InputError
from coder.reliability.blind import Blind, OpenRound

R1 = OpenRound("r1", frozenset({"anna", "bram"}), frozenset({1, 2}))


@pytest.mark.parametrize("viewer, quote, coder, seen", [
    ("bram", 1, "bram", True),       # one's own work
    ("bram", 1, "anna", False),      # the other member's, on a round quote
    ("bram", 1, "consensus", False),  # nothing but one's own on a round quote
    ("bram", 3, "anna", True),       # outside the round
    ("Bram", 1, "anna", False),      # names are case-insensitive, as coders are
    ("chris", 1, "anna", True),      # someone outside the round
    (None, 1, "anna", False),        # nobody named: members' codings held back
    (None, 1, "chris", True),
])
def test_who_sees_which_codings(viewer, quote, coder, seen):
    assert Blind(viewer, (R1,)).visible(quote, coder) is seen


def test_comparisons_wait_for_the_lock_unless_an_outsider_asks():
    with pytest.raises(InputError, match="round 'r1' is open"):
        Blind(None, (R1,)).check_compare(["anna", "bram"])
    with pytest.raises(InputError, match="r1"):
        Blind("bram", (R1,)).check_compare(["anna", "chris"], [2, 5])
    Blind("bram", (R1,)).check_compare(["anna", "bram"], [5, 6])  # no round quote involved
    Blind("chris", (R1,)).check_compare(["anna", "bram"])


def test_a_layer_is_shown_to_its_own_coder_and_outsiders():
    Blind("anna", (R1,)).check_layer("anna")
    Blind("chris", (R1,)).check_layer("anna")
    with pytest.raises(InputError, match="only anna or someone outside the round"):
        Blind("bram", (R1,)).check_layer("anna")


@pytest.mark.parametrize("n, ci, expected", [
    (9, (0.8, 0.9), "too few quotes (n = 9)"),
    (10, (0.85, 0.95), "almost perfect"),
    (40, (0.2, 0.75), "too few quotes (95% CI 0.20 to 0.75 is wider than 0.5)"),
    (40, (0.5, 0.9), "substantial"),
])
def test_verdicts(n, ci, expected):
    assert verdict("cohen_kappa", 0.9 if expected == "almost perfect" else 0.7, ci, n) == expected


def test_the_paradox_warning_needs_skew_and_a_gap_to_ac1():
    skewed = {"warnings": ["kappa paradox: 96% of ratings are 'present'; ..."]}
    assert paradox(skewed, {"gwet_ac": {"value": 0.95}, "krippendorff_alpha": {"value": -0.02}})
    assert not paradox(skewed, {"gwet_ac": {"value": 1.0}, "krippendorff_alpha": {"value": 1.0}})
    assert not paradox({"warnings": []}, {"gwet_ac": {"value": 0.95}, "krippendorff_alpha": {"value": 0.1}})
