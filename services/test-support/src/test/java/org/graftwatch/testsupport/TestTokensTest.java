package org.graftwatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.graftwatch.contract.http.Roles;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/** The tokens verify with the published public key and issuer, and carry the roles and wards asked for. */
class TestTokensTest {

    @Test
    void aClinicianOfTwoWardsVerifiesWithThePublishedKey() throws Exception {
        JwtClaims claims = verifier().processToClaims(TestTokens.clinician("HEM-3", "BMT-1"));

        assertThat(claims.getIssuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(claims.getStringListClaimValue("groups")).containsExactly(Roles.CLINICIAN);
        assertThat(claims.getStringListClaimValue(Roles.WARDS_CLAIM)).containsExactly("HEM-3", "BMT-1");
        assertThat(claims.getSubject()).isEqualTo("dr.test");
    }

    @Test
    void withoutWardsTheClaimIsAbsent() throws Exception {
        JwtClaims claims = verifier().processToClaims(TestTokens.of("lab-gateway", Set.of(Roles.WARD_SYSTEM, Roles.OPS), null));

        assertThat(claims.hasClaim(Roles.WARDS_CLAIM)).isFalse();
        assertThat(claims.getStringListClaimValue("groups")).containsExactlyInAnyOrder("ward-system", "ops");
        assertThat(claims.getSubject()).isEqualTo("lab-gateway");
        assertThat(verifier().processToClaims(TestTokens.ops()).getStringListClaimValue("groups")).containsExactly("ops");
        assertThat(verifier().processToClaims(TestTokens.wardSystem()).getStringListClaimValue("groups")).containsExactly("ward-system");
    }

    @Test
    void expiredAndStrangersTokensDoNotVerify() {
        assertThatThrownBy(() -> verifier().processToClaims(TestTokens.expiredClinician()))
                .isInstanceOf(InvalidJwtException.class).hasMessageContaining("no longer valid");
        assertThatThrownBy(() -> verifier().processToClaims(TestTokens.clinicianSignedByAStranger()))
                .isInstanceOf(InvalidJwtException.class).hasMessageContaining("signature");
    }

    @Test
    void theKeyPairIsMadeOnceAndKeptOutOfTheRepository() {
        String location = TestTokens.publicKeyLocation();

        assertThat(TestTokens.publicKeyLocation()).isEqualTo(location);
        assertThat(Path.of(location)).isRegularFile().startsWith(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(Path.of(location).resolveSibling("private-key.pem")).isRegularFile();
    }

    private static JwtConsumer verifier() throws Exception {
        String pem = Files.readString(Path.of(TestTokens.publicKeyLocation()));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer(TestTokens.ISSUER)
                .setRequireExpirationTime().setRequireSubject().build();
    }
}
