"""p28 permissions. Enterprises apply, attach documents, subscribe and read their notices; the
domestic certification body / laboratory (department cert_lab) accepts files and records tests;
the partner body's desk in the FTZ (cert_partner) issues or refuses the certificate; the standards
centre (standards) publishes partner-country standards and runs cooperation projects. Anyone,
signed in or not, may check a certificate's verification code."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, EVERYONE, declare

LAB = "cert_lab"
PARTNER = "cert_partner"
STANDARDS = "standards"
# Officers of these departments see every application; others none (enterprises: their own).
DEPARTMENTS = (LAB, PARTNER, STANDARDS)

READ = declare(
    "certification_one_stop.read", ALL_SIGNED_IN, "Read schemes, applications, standards"
)
APPLY = declare(
    "certification_one_stop.apply", {Role.ENTERPRISE}, "Apply, attach documents, subscribe"
)
CERTIFY = declare(
    "certification_one_stop.certify", {Role.OFFICER}, "Test and certify (lab, partner body)"
)
PUBLISH = declare(
    "certification_one_stop.publish", {Role.OFFICER}, "Publish standards, run cooperation"
)
VERIFY = declare("certification_one_stop.verify", EVERYONE, "Check a certificate's code")

ALL = [READ, APPLY, CERTIFY, PUBLISH, VERIFY]
