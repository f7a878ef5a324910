"""The project's role groups and the directory permissions each one holds.

Later apps add their own permissions to these groups in their own migrations.
"""

SECRETARIAT = "Secretariat"
NRCP = "National Roma Contact Point"
DELEGATE = "Civil-society delegate"
PARTNER = "Partner"

ALL = ["add", "change", "delete", "view"]
READ = ["view"]

DIRECTORY_PERMISSIONS: dict[str, dict[str, list[str]]] = {
    SECRETARIAT: {
        "economy": [*ALL, "edit_every_economy"],
        "priorityarea": ALL,
        "organisation": ALL,
        "person": ALL,
        "body": ALL,
        "seatdefinition": ALL,
        "seat": ALL,
        "mandate": ALL,
    },
    NRCP: {
        "economy": READ,
        "priorityarea": READ,
        "organisation": ["add", "change", "view"],
        "person": ["add", "change", "view"],
        "body": READ,
        "seatdefinition": READ,
        "seat": READ,
        "mandate": ["add", "change", "view"],
    },
    DELEGATE: {
        "economy": READ,
        "priorityarea": READ,
        "organisation": READ,
        "body": READ,
        "mandate": READ,
    },
    PARTNER: {
        "economy": READ,
        "priorityarea": READ,
        "organisation": READ,
        "body": READ,
        "mandate": READ,
    },
}


def codenames(model: str, actions: list[str]) -> list[str]:
    return [a if "_" in a else f"{a}_{model}" for a in actions]
