"""Dependencies shared by the p25 edges."""

from __future__ import annotations

from fastapi import Depends

from ftz.core.auth.deps import get_db, require

DB = Depends(get_db, scope="function")
READ = Depends(require("dangerous_goods_permit.read"))
OPERATE = Depends(require("dangerous_goods_permit.operate"))
TRACK = Depends(require("dangerous_goods_permit.track"))
ISSUE = Depends(require("dangerous_goods_permit.issue"))
