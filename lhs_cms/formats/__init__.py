"""The site's own number and date formats (FORMAT_MODULE_PATH), read before
Django's. Spanish follows one convention for a US audience, the same in
text, tables and charts: "20 de enero de 2027", "enero de 2027", a point
for decimals and a comma for thousands ("25,000", "43.6"), and a no-break
space before the percent sign ("43.6 %"). PERCENT_SEPARATOR is the
project's own format name, defined for every language the site offers."""
