"""HTTP operations per entity."""
