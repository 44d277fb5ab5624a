from ftz.core.registry.registry import built_practices, get_practice, practices
from ftz.core.registry.spec import NavLink, PracticeSpec

__all__ = ["NavLink", "PracticeSpec", "built_practices", "get_practice", "practices"]
