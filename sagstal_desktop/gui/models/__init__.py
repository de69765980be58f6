"""Qt item models over the core team (the staff table)."""
