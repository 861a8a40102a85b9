"""mlroles path: the way from you to a target role."""

from typing import Annotated

import typer

from mlroles.cli.examples import Example
from mlroles.cli.options import (
    AnswersOption,
    CommOption,
    MlOption,
    RoleArgument,
    SweOption,
    product_option,
)
from mlroles.cli.output import FormatOption, HtmlOption, JsonOption, SvgOption, chosen_output
from mlroles.cli.state import state_of
from mlroles.core.axes import AXES
from mlroles.core.errors import UserError

EXAMPLES = (
    Example("From your last saved result", "mlroles path ml-engineer"),
    Example("From a place you give", "mlroles path ml-engineer --ml 4 --swe 5 --comm 3"),
    Example(
        "With the work product you want to own",
        "mlroles path ml-engineer --ml 4 --swe 5 --comm 3 --product ml-engineer",
    ),
)


def path_command(
    ctx: typer.Context,
    role: RoleArgument,
    answers: AnswersOption = None,
    ml: MlOption = None,
    swe: SweOption = None,
    comm: CommOption = None,
    product: Annotated[
        str | None,
        product_option("The work product you would like to own; not-sure for none."),
    ] = None,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """The gaps between you and a role, and the next steps to close them."""
    from mlroles.cli import profile_input as where
    from mlroles.core.evidence import Evidence
    from mlroles.core.path import plan_path
    from mlroles.core.scoring import assess, profile_of
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    model = state.model()
    target = model.catalog.resolve(role)
    placed = where.given_placement(model.catalog, model.questionnaire, answers, ml, swe, comm)
    if placed is not None:
        evidence = placed.evidence
        profile, known = profile_of(model, evidence)
        if len(known) < len(AXES):
            raise UserError(
                "A path needs a place on every axis; answer at least one question on each.",
            )
    else:
        latest = state.load_history().latest
        if latest is None:
            raise UserError(
                "There is no saved result to start from.",
                "Take the quiz first (mlroles quiz), or give your place with",
                f"--answers FILE or --ml X --swe Y --comm Z, e.g. mlroles path {target.id} "
                "--ml 5 --swe 5 --comm 5",
            )
        profile = latest.profile
        evidence = Evidence(axes=profile, work_product=latest.work_product)
    if product is not None:  # the user's word over the answers' or the saved one
        evidence = evidence._replace(work_product=where.product_id(model.catalog, product))
    assessment = assess(model, evidence)
    plan = plan_path(target, profile, model.rules.fit_zero_distance, assessment)

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import path_data

        return path_data(plan)

    state.emit(out, data=data, page=lambda: pages.path(plan))
