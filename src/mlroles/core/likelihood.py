"""The model's arithmetic, table-driven: one code path for the quiz, its
simulated retakes, posting, path and team files.

The likelihood is a sum over questions, so the answers to a chunk of
questions (up to CHUNK of them, on one axis) index one precomputed row: the
cost of those answers at every place, and their sum and count on the axis.
Scoring answers then costs a few table lookups and one pass over the places."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from mlroles.core.axes import AXES, WEIGHTS
from mlroles.core.evidence import Evidence
from mlroles.core.questionnaire import LEVELS, level_value

if TYPE_CHECKING:
    from mlroles.core.scoring import Model, Place

# Questions are looked up in chunks of at most this many: a chunk's table has
# (LEVELS + 1) ** size rows (a level or unknown per question), 7,776 for five.
CHUNK = 5
# Team rows are scored a column at a time in blocks of this many: big enough
# that the per-block work is lost in the per-row work, small enough that the
# block's columns (a list per place) stay a few MB at a million rows.
ROWS_PER_BLOCK = 16_384


class Scored(NamedTuple):
    """A block of scored rows, as columns: each row's most probable role (an
    index in catalog order), its probability, and per role the squared chart
    distance of every row."""

    best: list[int]
    probability: list[float]
    role_d2: list[list[float]]


class BatchScorer:
    """The model's arithmetic for many members, with lookup tables.

    The likelihood is a sum over questions, so the answers to a chunk of
    questions (up to CHUNK of them, on one axis) index one precomputed row:
    the cost of those answers for every place, and their sum and count on the
    axis. A member then costs a few table lookups and one pass over places."""

    def __init__(self, model: Model) -> None:
        self.model = model
        questionnaire = model.questionnaire
        self.weights = [WEIGHTS[a] for a in AXES]
        counts = [questionnaire.items_on(a) for a in AXES]
        self.direct_items = sum(counts) / len(counts)
        self.inverse = model.inverse_variance
        flat = [p for places in model.places for p in places]
        self.positions = [tuple(p.position.value(a) for a in AXES) for p in flat]
        self.role_places: list[list[int]] = []
        for places in model.places:
            first = len([i for r in self.role_places for i in r])
            self.role_places.append(list(range(first, first + len(places))))
        # question id -> (chunk number, stride); a chunk's key sums level * stride
        self.slot: dict[str, tuple[int, int]] = {}
        self.chunk_axis: list[int] = []
        self.tables: list[list[tuple[list[float], float, int]]] = []
        for axis_number, axis in enumerate(AXES):
            ids = [q.id for q in questionnaire.axis_questions if q.axis == axis]
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                for position, item in enumerate(chunk):
                    self.slot[item] = (len(self.tables), (LEVELS + 1) ** position)
                self.chunk_axis.append(axis_number)
                self.tables.append(self._table(chunk, flat, WEIGHTS[axis]))
        self.log_priors: dict[tuple[str | None, float | None], list[float]] = {
            (product, None): model.log_prior(product)
            for product in (None, *(role.id for role in model.catalog.roles))
        }
        # With one chunk per axis a chunk's answers also fix that axis's mean,
        # so its share of every place's squared chart distance is a table too.
        self.one_chunk_per_axis = sorted(self.chunk_axis) == list(range(len(AXES)))
        self.distance_tables = [
            [
                [
                    WEIGHTS[AXES[axis]] * (total / count - pos[axis]) ** 2 if count else 0.0
                    for pos in self.positions
                ]
                for _, total, count in table
            ]
            for axis, table in zip(self.chunk_axis, self.tables, strict=True)
        ]

    def _table(
        self, chunk: list[str], flat: list[Place], weight: float
    ) -> list[tuple[list[float], float, int]]:
        """Row `key` (digits in base LEVELS + 1, 0 = unknown): (cost per place,
        sum of the answers' axis values, how many were answered). Built up one
        question at a time, so each row is one earlier row plus one answer."""
        values = [0.0, *(level_value(level) for level in range(1, LEVELS + 1))]
        rows: list[tuple[list[float], float, int]] = [([0.0] * len(flat), 0.0, 0)]
        for item in chunk:
            answer_costs = [
                [0.0] * len(flat),  # unknown: no cost
                *(
                    [self.inverse * weight * (v - p.expected[item]) ** 2 for p in flat]
                    for v in values[1:]
                ),
            ]
            # the new question is the highest digit: key = old key + level * stride
            rows = [
                (
                    [a + b for a, b in zip(costs, answer_costs[level], strict=True)]
                    if level
                    else costs,
                    total + values[level],
                    count + (level > 0),
                )
                for level in range(LEVELS + 1)
                for costs, total, count in rows
            ]
        return rows

    def score(self, evidence: Evidence) -> tuple[list[float], list[float], list[float], bool]:
        """(posterior per role, chart distance per role, profile, plotted)."""
        posts, d2, profile, plotted = self.log_posterior(evidence)
        top = max(posts)
        exps = [math.exp(p - top) for p in posts]
        total = sum(exps)
        return [e / total for e in exps], [d**0.5 for d in d2], profile, plotted

    def log_posterior(
        self, evidence: Evidence
    ) -> tuple[list[float], list[float], list[float], bool]:
        """(log prior + log likelihood per role, unnormalised; squared chart
        distance per role; profile; plotted)."""
        costs, d2, profile, plotted = self._place_arrays(evidence)
        return self._by_role(costs, d2, self._log_prior(evidence), profile, plotted)

    def _log_prior(self, evidence: Evidence) -> list[float]:
        key = (evidence.work_product, evidence.product_weight)
        if key not in self.log_priors:
            self.log_priors[key] = self.model.log_prior(*key)
        return self.log_priors[key]

    def _place_arrays(
        self, evidence: Evidence
    ) -> tuple[list[float], list[float], list[float], bool]:
        """(cost of the answers at every place, squared chart distance to every
        place, profile, plotted)."""
        w0, w1, w2 = self.weights
        if evidence.axes is not None:
            a = evidence.axes
            x0, x1, x2 = a.machine_learning, a.software_engineering, a.communication
            k0 = k1 = True
            d2 = [
                w0 * (x0 - p0) ** 2 + w1 * (x1 - p1) ** 2 + w2 * (x2 - p2) ** 2
                for p0, p1, p2 in self.positions
            ]
            scale = self.direct_items * self.inverse
            costs = [scale * d for d in d2]
        else:
            keys = [0] * len(self.tables)
            for item, level in evidence.levels:
                chunk, stride = self.slot[item]
                keys[chunk] += level * stride
            if self.one_chunk_per_axis:
                return self._by_tables(keys)
            sums, counts = [0.0, 0.0, 0.0], [0, 0, 0]
            rows = []
            for chunk, key in enumerate(keys):
                row_costs, total, count = self.tables[chunk][key]
                axis = self.chunk_axis[chunk]
                sums[axis] += total
                counts[axis] += count
                rows.append(row_costs)
            costs = list(map(sum, zip(*rows, strict=True)))
            k0, k1, k2 = (c > 0 for c in counts)
            x0, x1, x2 = (s / c if c else 0.0 for s, c in zip(sums, counts, strict=True))
            d2 = [
                (w0 * (x0 - p0) ** 2 if k0 else 0.0)
                + (w1 * (x1 - p1) ** 2 if k1 else 0.0)
                + (w2 * (x2 - p2) ** 2 if k2 else 0.0)
                for p0, p1, p2 in self.positions
            ]
        return costs, d2, [x0, x1, x2], k0 and k1

    def _by_tables(self, keys: list[int]) -> tuple[list[float], list[float], list[float], bool]:
        rows = [t[k][0] for t, k in zip(self.tables, keys, strict=True)]
        costs: list[float] = list(map(sum, zip(*rows, strict=True)))
        shares = [t[k] for t, k in zip(self.distance_tables, keys, strict=True)]
        d2: list[float] = list(map(sum, zip(*shares, strict=True)))
        profile, known = [0.0, 0.0, 0.0], [False, False, False]
        for axis, table, key in zip(self.chunk_axis, self.tables, keys, strict=True):
            _, total, count = table[key]
            if count:
                profile[axis], known[axis] = total / count, True
        return costs, d2, profile, known[0] and known[1]

    def _by_role(
        self,
        costs: Sequence[float],
        d2: Sequence[float],
        log_prior: list[float],
        profile: list[float],
        plotted: bool,
    ) -> tuple[list[float], list[float], list[float], bool]:
        """Each role at its nearest place: its log posterior and squared distance."""
        posts, role_d2 = [], []
        for indices, prior in zip(self.role_places, log_prior, strict=True):
            best = indices[0]
            for i in indices[1:]:
                if d2[i] < d2[best]:
                    best = i
            posts.append(prior - costs[best])
            role_d2.append(d2[best])
        return posts, role_d2, profile, plotted

    def score_places(
        self,
        places: Sequence[float],
        products: Sequence[int],
        product_ids: Sequence[str],
        block: int = ROWS_PER_BLOCK,
    ) -> Iterator[Scored]:
        """For many places given directly (ml, swe, comm per row; products[i]
        is 0 for "not sure", else 1 + an index into product_ids), a block of
        rows at a time: each row's most probable role, its probability and its
        squared chart distance to every role. The arithmetic of log_posterior
        for Evidence(axes=...), step for step, done a column at a time (a test
        holds them equal); blocks keep the columns' memory small."""
        w0, w1, w2 = self.weights
        scale = self.direct_items * self.inverse
        priors = [
            self._log_prior(Evidence(work_product=product)) for product in (None, *product_ids)
        ]
        # each role's log prior, indexed by a row's product code
        role_priors = [[prior[r] for prior in priors] for r in range(len(self.role_places))]
        exp = math.exp
        rows = len(products)
        for start in range(0, rows, block):
            stop = min(start + block, rows)
            xs = places[3 * start : 3 * stop : 3]
            ys = places[3 * start + 1 : 3 * stop : 3]
            zs = places[3 * start + 2 : 3 * stop : 3]
            codes = products[start:stop]
            d2 = [
                [
                    w0 * (x0 - p0) ** 2 + w1 * (x1 - p1) ** 2 + w2 * (x2 - p2) ** 2
                    for x0, x1, x2 in zip(xs, ys, zs, strict=True)
                ]
                for p0, p1, p2 in self.positions
            ]
            role_d2 = []
            for first, *others in self.role_places:  # a role is at the nearest of its places
                nearest = d2[first]
                for other in others:  # the earlier place wins a tie
                    nearest = [b if b < a else a for a, b in zip(nearest, d2[other], strict=True)]
                role_d2.append(nearest)
            posts = [
                [prior[c] - scale * d for c, d in zip(codes, column, strict=True)]
                for prior, column in zip(role_priors, role_d2, strict=True)
            ]
            by_row = list(zip(*posts, strict=True))
            tops = list(map(max, by_row))
            best = list(map(tuple.index, by_row, tops))
            exps = [[exp(p - t) for p, t in zip(column, tops, strict=True)] for column in posts]
            probability = [1.0 / total for total in map(sum, zip(*exps, strict=True))]
            yield Scored(best, probability, role_d2)

    def nearest_places(self, evidence: Evidence) -> list[int]:
        """For each role, which of its places (0 = its bubble) is nearest."""
        d2 = self._place_arrays(evidence)[1]
        chosen = []
        for indices in self.role_places:
            best = indices[0]
            for i in indices[1:]:
                if d2[i] < d2[best]:
                    best = i
            chosen.append(best - indices[0])
        return chosen

    def best(self, evidence: Evidence) -> int:
        """The index of the most probable role."""
        posts = self.log_posterior(evidence)[0]
        return posts.index(max(posts))
