package org.graftwatch.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.graftwatch.contract.http.Roles;

/**
 * The identity provider of the local stack: RS256 bearer tokens, in the shape the services expect from the real
 * one (issuer, subject, {@code groups} = roles, optional {@code wards}), signed with the development
 * {@link SigningKeys} in {@code .graftwatch/jwt/}. The services of the local stack trust its public key and
 * {@link #ISSUER}; nothing else does.
 */
public final class DevelopmentTokens {
    public static final String ISSUER = "urn:graftwatch:local-development";
    /** Where the local stack keeps its key pair, under its data directory. */
    public static final String KEY_DIRECTORY = "jwt";
    /** Long enough for a day of local work or a long load run. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

    private final SigningKeys keys;

    public DevelopmentTokens(SigningKeys keys) {
        this.keys = keys;
    }

    /** The development identity provider of a data directory (e.g. {@code .graftwatch}), its keys made on first use. */
    public static DevelopmentTokens of(Path dataDirectory) {
        return new DevelopmentTokens(SigningKeys.in(dataDirectory.resolve(KEY_DIRECTORY)));
    }

    public SigningKeys keys() {
        return keys;
    }

    /** The settings a service needs to verify these tokens, as its environment names them. */
    public List<String> serviceSettings() {
        return List.of("-DJWT_ISSUER=" + ISSUER, "-DJWT_PUBLIC_KEY_LOCATION=" + keys.publicKeyFile());
    }

    /** A token for one of the {@link Roles}, valid {@link #DEFAULT_LIFETIME}. */
    public String forRole(String role) {
        return sign("dev-" + role, List.of(role), null, DEFAULT_LIFETIME);
    }

    /**
     * @param user     the subject (also {@code upn}): who acts, e.g. in the alerts' audit trail
     * @param roles    the {@code groups} claim
     * @param wards    the {@code wards} claim restricting a clinician to those wards' patients; null = every ward
     * @param lifetime from now until {@code exp}
     */
    public String sign(String user, Collection<String> roles, Collection<String> wards, Duration lifetime) {
        long now = Instant.now().getEpochSecond();
        StringBuilder claims = new StringBuilder("{")
                .append("\"iss\":").append(json(ISSUER))
                .append(",\"sub\":").append(json(user))
                .append(",\"upn\":").append(json(user))
                .append(",\"groups\":").append(json(roles))
                .append(",\"iat\":").append(now)
                .append(",\"exp\":").append(now + lifetime.toSeconds())
                .append(",\"jti\":").append(json(UUID.randomUUID().toString()));
        if (wards != null) {
            claims.append(",").append(json(Roles.WARDS_CLAIM)).append(":").append(json(wards));
        }
        String signingInput = base64Url(HEADER) + "." + base64Url(claims.append('}').toString());
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Collection<String> values) {
        return values.stream().map(DevelopmentTokens::json).collect(Collectors.joining(",", "[", "]"));
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
