"""Plain-data views of results, for --json."""

from __future__ import annotations

import json
from typing import Any

from mlroles.catalog import Catalog, Role, Variant


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def variant_data(variant: Variant) -> dict[str, Any]:
    return {
        "id": variant.id,
        "name": variant.name,
        "description": variant.description,
        "search_titles": list(variant.search_titles),
        "chart": variant.position.as_dict(),
    }


def role_data(role: Role) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": role.id,
        "name": role.name,
        "aliases": list(role.aliases),
        "summary": role.summary,
        "function": role.function,
        "work_product": role.work_product,
        "tools": list(role.tools),
        "backgrounds": list(role.backgrounds),
        "hiring": list(role.hiring),
        "chart": role.position.as_dict(),
    }
    if role.variants:
        data["variants"] = [variant_data(v) for v in role.variants]
    return data


def role_detail_data(catalog: Catalog, role: Role) -> dict[str, Any]:
    data = role_data(role)
    data["neighbours"] = [
        {"id": n.role.id, "name": n.role.name, "distance": round(n.distance, 3)}
        for n in catalog.neighbours(role)
    ]
    return data
