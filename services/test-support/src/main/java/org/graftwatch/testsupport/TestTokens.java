package org.graftwatch.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.graftwatch.contract.http.Roles;
import org.graftwatch.local.SigningKeys;

/**
 * The identity provider of the tests: bearer tokens for any role and wards, signed with an RSA key pair generated
 * the first time one is needed. No private key is ever committed; the public key reaches the services under test
 * through {@link InfrastructureResource} ({@code mp.jwt.verify.publickey.location}, {@code mp.jwt.verify.issuer}).
 * <p>
 * Like {@link GraftwatchInfrastructure}, the key pair must be the same for every class loader Quarkus uses in one
 * JVM: it lives in a temporary directory ({@link SigningKeys}) whose path is published as a system property.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.graftwatch.test";

    private static final String SHARED_KEY_DIRECTORY = "graftwatch.test-tokens.key-directory";
    private static final Object LOCK = TestTokens.class.getName().intern();
    private static final Duration LIFETIME = Duration.ofHours(2);

    private static SigningKeys keys;

    private TestTokens() {
    }

    /** A clinician; with wards, one who may see only the patients of those wards. */
    public static String clinician(String... wards) {
        return sign("dr.test", Set.of(Roles.CLINICIAN), wards.length == 0 ? null : List.of(wards), LIFETIME);
    }

    /** A ward system (LIS, bedside monitor gateway) that posts observations. */
    public static String wardSystem() {
        return sign("lis.test", Set.of(Roles.WARD_SYSTEM), null, LIFETIME);
    }

    /** Operations staff: health and metrics only. */
    public static String ops() {
        return sign("ops.test", Set.of(Roles.OPS), null, LIFETIME);
    }

    /** A token of the given user and roles; {@code wards} null leaves the claim out (every ward). */
    public static String of(String user, Set<String> roles, List<String> wards) {
        return sign(user, roles, wards, LIFETIME);
    }

    /** A clinician's token that expired a minute ago. */
    public static String expiredClinician() {
        return sign("dr.test", Set.of(Roles.CLINICIAN), null, Duration.ofMinutes(-1));
    }

    /** A clinician's token signed by some other key than the one the services trust. */
    public static String clinicianSignedByAStranger() {
        try {
            Path elsewhere = Files.createTempDirectory("graftwatch-stranger-keys-");
            String token = claims("dr.test", Set.of(Roles.CLINICIAN), null, LIFETIME).sign(SigningKeys.in(elsewhere).privateKey());
            for (Path file : List.of(elsewhere.resolve(SigningKeys.PRIVATE_KEY_FILE), elsewhere.resolve(SigningKeys.PUBLIC_KEY_FILE))) {
                Files.delete(file);
            }
            Files.delete(elsewhere);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a stranger's key", e);
        }
    }

    /** The public key the services verify with, as a PEM file path (for {@code mp.jwt.verify.publickey.location}). */
    public static String publicKeyLocation() {
        keys();
        return keys.publicKeyFile().toString();
    }

    private static String sign(String user, Set<String> roles, List<String> wards, Duration lifetime) {
        return claims(user, roles, wards, lifetime).sign(keys());
    }

    /** A negative lifetime makes a token issued an hour ago that expired that long before now. */
    private static JwtClaimsBuilder claims(String user, Set<String> roles, List<String> wards, Duration lifetime) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(user).upn(user).groups(roles)
                .issuedAt((lifetime.isNegative() ? now.minus(Duration.ofHours(1)) : now).getEpochSecond())
                .expiresAt(now.plus(lifetime).getEpochSecond());
        return wards == null ? claims : claims.claim(Roles.WARDS_CLAIM, wards);
    }

    private static PrivateKey keys() {
        synchronized (LOCK) {
            if (keys == null) {
                String shared = System.getProperty(SHARED_KEY_DIRECTORY);
                Path dir;
                try {
                    dir = shared != null ? Path.of(shared) : Files.createTempDirectory("graftwatch-test-tokens-");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot make a directory for the test token keys", e);
                }
                keys = SigningKeys.in(dir);
                if (shared == null) {
                    for (Path file : List.of(dir, dir.resolve(SigningKeys.PRIVATE_KEY_FILE), keys.publicKeyFile())) {
                        // deleted in reverse order: the files, then their directory
                        file.toFile().deleteOnExit();
                    }
                    System.setProperty(SHARED_KEY_DIRECTORY, dir.toString());
                }
            }
            return keys.privateKey();
        }
    }
}
