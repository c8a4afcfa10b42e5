"""The tests: CherryPy's CPWebCase against a real server on a loopback port."""
