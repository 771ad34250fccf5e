package sa.tenhal.identity;

/** A freshly issued API token: {@code token} is shown this once and cannot be recovered later. */
public record IssuedToken(ApiTokenView details, String token) {}
