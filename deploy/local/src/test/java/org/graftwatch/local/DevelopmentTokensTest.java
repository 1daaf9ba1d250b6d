package org.graftwatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentTokensTest {

    @TempDir
    Path data;

    @Test
    void aTokenIsSignedWithTheKeyThePublicFileHolds() throws Exception {
        DevelopmentTokens tokens = DevelopmentTokens.of(data);
        String[] parts = tokens.sign("dr.meyer", List.of("clinician"), List.of("HEM-3"), Duration.ofHours(1)).split("\\.");

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(SigningKeys.existingIn(data.resolve("jwt")).publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = decode(parts[1]);
        assertThat(claims).contains("\"iss\":\"" + DevelopmentTokens.ISSUER + "\"", "\"sub\":\"dr.meyer\"",
                "\"groups\":[\"clinician\"]", "\"wards\":[\"HEM-3\"]");
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(exp - Instant.now().getEpochSecond()).isBetween(3500L, 3600L);
    }

    @Test
    void withoutWardsTheClaimIsLeftOutAndTextIsEscaped() {
        String claims = decode(DevelopmentTokens.of(data).sign("lab \"A\"\\x", List.of("ward-system", "ops"), null,
                Duration.ofMinutes(5)).split("\\.")[1]);

        assertThat(claims).doesNotContain("wards").contains("\"sub\":\"lab \\\"A\\\"\\\\x\"", "\"groups\":[\"ward-system\",\"ops\"]");
        assertThat(DevelopmentTokens.json("a\nb")).isEqualTo("\"a\\u000ab\"");
    }

    @Test
    void theKeysAreMadeOnceKeptPrivateAndReadBack() throws Exception {
        DevelopmentTokens first = DevelopmentTokens.of(data);
        DevelopmentTokens second = DevelopmentTokens.of(data);

        assertThat(second.keys().publicKey()).isEqualTo(first.keys().publicKey());
        assertThat(first.keys().publicKeyFile()).isEqualTo(data.resolve("jwt/public-key.pem").toAbsolutePath());
        assertThat(Files.readString(first.keys().publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("jwt/private-key.pem"))))
                .isEqualTo("rw-------");
        assertThat(first.serviceSettings()).containsExactly("-DJWT_ISSUER=" + DevelopmentTokens.ISSUER,
                "-DJWT_PUBLIC_KEY_LOCATION=" + first.keys().publicKeyFile());
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
