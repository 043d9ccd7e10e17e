"""Application settings, read from the environment (pydantic-settings)."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Required: startup fails without these.
    DATABASE_URL: str
    JWT_SECRET_KEY: str
    ENCRYPTION_KEY: str  # AES-256 key, 32 bytes base64
    GMAIL_WEBHOOK_URL: str
    GMAIL_PUBSUB_TOPIC: str
    GMAIL_PUBSUB_SERVICE_ACCOUNT: str  # service account JSON

    # Optional: defaults apply.
    HOST: str = "0.0.0.0"
    PORT: int = 8000  # Railway overrides with $PORT
    ENVIRONMENT: str = "development"
    DEFAULT_TENANT_ID: str = "default"


settings = Settings()
