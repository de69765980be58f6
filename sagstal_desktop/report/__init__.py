"""The PDF staffing memo."""
