from ftz.core.audit.models import AuditEvent
from ftz.core.audit.trail import Audited, record_event

__all__ = ["AuditEvent", "Audited", "record_event"]
