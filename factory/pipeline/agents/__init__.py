"""One module per agent of the graph; each node returns only the state keys it changes."""
