package org.graftwatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair for signing bearer tokens, kept as PEM files in a directory: {@value #PRIVATE_KEY_FILE} (PKCS#8,
 * readable by its owner only) and {@value #PUBLIC_KEY_FILE} (X.509, what the services are pointed at). Generated on
 * first use, read back afterwards, never committed: development and test keys only.
 */
public final class SigningKeys {
    public static final String PRIVATE_KEY_FILE = "private-key.pem";
    public static final String PUBLIC_KEY_FILE = "public-key.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path publicKeyFile;

    private SigningKeys(PrivateKey privateKey, PublicKey publicKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** The key pair in {@code dir}, generated there first if it holds none. */
    public static SigningKeys in(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.isRegularFile(privateFile) || !Files.isRegularFile(publicFile)) {
                generate(dir, privateFile, publicFile);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new SigningKeys(rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privateFile))),
                    rsa.generatePublic(new X509EncodedKeySpec(der(publicFile))), publicFile.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing keys in " + dir, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable signing keys in " + dir + " (delete them to have new ones made)", e);
        }
    }

    /** Reads an existing key pair; unlike {@link #in(Path)} never creates one. */
    public static SigningKeys existingIn(Path dir) {
        if (!Files.isRegularFile(dir.resolve(PRIVATE_KEY_FILE))) {
            throw new IllegalStateException("no signing key at " + dir.resolve(PRIVATE_KEY_FILE));
        }
        return in(dir);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key's PEM file: what {@code JWT_PUBLIC_KEY_LOCATION} names. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    private static void generate(Path dir, Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions protect it
        }
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path pem) throws IOException {
        return Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", ""));
    }
}
