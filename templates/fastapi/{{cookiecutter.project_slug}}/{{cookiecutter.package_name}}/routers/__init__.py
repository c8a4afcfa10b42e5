"""One `APIRouter` per part of the app; `main.create_app` includes each of them."""
