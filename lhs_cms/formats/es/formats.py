"""Spanish for a US audience (see lhs_cms/formats/__init__.py): Spanish
words and order for dates, US digits for numbers, as in US Spanish
newspapers and public health agencies."""

DATE_FORMAT = r"j \d\e F \d\e Y"
YEAR_MONTH_FORMAT = r"F \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e F"
DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
PERCENT_SEPARATOR = "\u00a0"
