"""The LangGraph pipeline: analyst → architect → backend → qa → build → test → (repair → build)*."""
