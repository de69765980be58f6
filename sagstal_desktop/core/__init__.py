"""Pure-Python core: norms, the load model, team summary and planning. Imports no Qt, pandas or reportlab."""
