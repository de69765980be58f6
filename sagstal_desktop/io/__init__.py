"""Reading and writing documents: the .sagstal team file, spreadsheet import and export."""
