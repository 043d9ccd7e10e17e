"""Maya backend: FastAPI application."""

from fastapi import FastAPI

from app.config import settings

app = FastAPI(title="Maya Backend")


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok", "environment": settings.ENVIRONMENT}
