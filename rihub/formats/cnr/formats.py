"""Montenegrin: the Latin-script conventions of the region.

Django has no Montenegrin catalog, so month names would come out in English:
dates are written with numbers only.
"""

DATE_FORMAT = "j. n. Y."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j. n. Y. H:i"
YEAR_MONTH_FORMAT = "n. Y."
MONTH_DAY_FORMAT = "j. n."
SHORT_DATE_FORMAT = "j.m.Y."
SHORT_DATETIME_FORMAT = "j.m.Y. H:i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d.%m.%Y.", "%d.%m.%Y", "%d. %m. %Y.", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y. %H:%M", "%d.%m.%Y. %H:%M:%S", "%Y-%m-%d %H:%M"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
