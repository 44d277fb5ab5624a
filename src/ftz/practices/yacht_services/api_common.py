"""Dependencies shared by the p16 API modules."""

from __future__ import annotations

from fastapi import Depends

from ftz.core.auth.deps import get_db, require

DB = Depends(get_db, scope="function")
READ = Depends(require("yacht_services.read"))
REPORT = Depends(require("yacht_services.report"))
REVIEW = Depends(require("yacht_services.review"))
