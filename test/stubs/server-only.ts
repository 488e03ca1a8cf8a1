// Stands in for the `server-only` package outside Next (it throws when imported elsewhere).
export {};
