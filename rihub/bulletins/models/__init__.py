from rihub.bulletins.models.delivery import Campaign, Delivery
from rihub.bulletins.models.pages import BulletinIndexPage, BulletinPage
from rihub.bulletins.models.subscribers import (
    Consent,
    Subscriber,
    Suppression,
    address_hash,
)

__all__ = [
    "BulletinIndexPage",
    "BulletinPage",
    "Campaign",
    "Consent",
    "Delivery",
    "Subscriber",
    "Suppression",
    "address_hash",
]
