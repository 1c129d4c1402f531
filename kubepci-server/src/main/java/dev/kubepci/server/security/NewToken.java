package dev.kubepci.server.security;

/** A token just created: the secret is shown once, here, and never again. */
public record NewToken(TokenInfo info, String secret) {}
