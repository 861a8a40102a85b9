from __future__ import annotations

import pytest

from mlroles.core.axes import distance
from mlroles.core.catalog import Catalog, UnknownRoleError, normalize

from .conftest import CATALOG


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return CATALOG


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ml-engineer", "ml-engineer"),
        ("MLE", "ml-engineer"),
        ("ML Engineer", "ml-engineer"),
        ("ml_engineer", "ml-engineer"),
        ("  ml   engineer ", "ml-engineer"),
        ("MLOps", "ml-devops"),
        ("ml platform", "ml-devops"),
        ("DS", "data-scientist"),
        ("ml-pm", "ml-product-manager"),
        ("Researcher", "ml-researcher"),
    ],
)
def test_resolve_accepts_ids_aliases_and_names(catalog: Catalog, query: str, expected: str) -> None:
    assert catalog.resolve(query).id == expected


def test_unknown_role_suggests_the_closest_id(catalog: Catalog) -> None:
    with pytest.raises(UnknownRoleError) as info:
        catalog.resolve("ml-enginer")
    assert info.value.lines[0] == "Unknown role 'ml-enginer'. Did you mean 'ml-engineer'?"
    known = " ".join(info.value.lines[1:])
    assert known.startswith("Known roles: ")
    assert all(f" {role_id}," in known or f" {role_id}." in known for role_id in catalog.ids)
    assert all(len(line) <= 60 for line in info.value.lines[1:])


def test_alias_typo_suggests_the_owning_id(catalog: Catalog) -> None:
    with pytest.raises(UnknownRoleError) as info:
        catalog.resolve("mlopz")
    assert info.value.suggestion == "ml-devops"


def test_nonsense_gets_no_suggestion(catalog: Catalog) -> None:
    with pytest.raises(UnknownRoleError) as info:
        catalog.resolve("zzzzzz")
    assert info.value.suggestion is None
    assert "Did you mean" not in info.value.lines[0]


@pytest.mark.parametrize("role_id", CATALOG.ids)
def test_neighbours_are_sorted_and_exclude_the_role(catalog: Catalog, role_id: str) -> None:
    role = catalog.get(role_id)
    near = catalog.neighbours(role)
    assert role not in [n.role for n in near]
    assert len(near) == len(catalog.roles) - 1
    distances = [n.distance for n in near]
    assert distances == sorted(distances)
    for neighbour in near:
        assert neighbour.distance == distance(role.position, neighbour.role.position)


def test_normalize() -> None:
    assert normalize(" ML__Engineer ") == "ml-engineer"
