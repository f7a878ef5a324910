"""The names of the project's role groups, created by a migration.

Each app gives the groups its own permissions in a migration of its own.
"""

SECRETARIAT = "Secretariat"
NRCP = "National Roma Contact Point"
DELEGATE = "Civil-society delegate"
PARTNER = "Partner"
