"""HTML form fields → the same Pydantic schemas the API validates."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData

from ftz.practices.exam_certificates.schemas import (
    ApplicationCreate,
    ApplicationUpdate,
    ScoresIn,
)


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _flag(form: FormData, name: str) -> bool:
    return _text(form, name) in ("on", "true", "1", "yes")


def _number(form: FormData, name: str) -> Any:
    text = _text(form, name)
    return text if text else None  # Pydantic reports a missing or malformed number by field


def application_from_form(form: FormData) -> ApplicationCreate:
    priors = []
    code, number = _text(form, "prior_code"), _text(form, "prior_number")
    if code or number:
        priors.append({"code": code, "number": number})
    return ApplicationCreate.model_validate(
        {
            "candidate": {
                "full_name": _text(form, "full_name"),
                "id_number": _text(form, "id_number"),
                "education": _number(form, "education"),
                "health_ok": _flag(form, "health_ok"),
            },
            "trade": _text(form, "trade"),
            "certificates": [c for c in form.getlist("certificates") if isinstance(c, str)],
            "experience_years": _number(form, "experience_years"),
            "apprenticeship_done": _flag(form, "apprenticeship_done"),
            "vocational_graduate": _flag(form, "vocational_graduate"),
            "prior_certificates": priors,
            "employer_code": _text(form, "employer_code") or None,
        }
    )


def update_from_form(form: FormData) -> ApplicationUpdate:
    return ApplicationUpdate.model_validate(
        {
            "certificates": [c for c in form.getlist("certificates") if isinstance(c, str)] or None,
            "experience_years": _number(form, "experience_years"),
            "apprenticeship_done": _flag(form, "apprenticeship_done"),
            "vocational_graduate": _flag(form, "vocational_graduate"),
            "education": _number(form, "education"),
            "health_ok": _flag(form, "health_ok"),
        }
    )


def scores_from_form(form: FormData) -> ScoresIn:
    return ScoresIn.model_validate(
        {
            "theory_score": _number(form, "theory_score"),
            "practical_score": _number(form, "practical_score"),
            "exam_date": _text(form, "exam_date") or None,
        }
    )
