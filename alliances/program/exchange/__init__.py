"""Round-trip spreadsheet exchange of a programme: export to XLSX/CSV, import the same format."""
