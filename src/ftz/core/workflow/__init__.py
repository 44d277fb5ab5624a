from ftz.core.workflow.machine import PersistedMachine, allowed_events, fire, mermaid

__all__ = ["PersistedMachine", "allowed_events", "fire", "mermaid"]
