"""Controllers: `root.RootController` and the sub-controllers it mounts."""
