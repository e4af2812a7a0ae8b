package dev.ordo.marketplace.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/**
 * The development issuer's signing key, kept in a file (a JWK with its private part) so that tokens stay valid across
 * restarts, and so that several processes given the same file (the services of a cluster) trust each other's tokens.
 * Created on first use; when processes create it at once, the first link wins and every one of them uses that key.
 */
final class DevIssuerKey {

    private DevIssuerKey() {
    }

    /**
     * The key in the file, created first when the file does not exist.
     *
     * @throws IllegalStateException when the file exists but holds no RSA key
     */
    static RSAKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Path folder = file.toAbsolutePath().getParent();
                Files.createDirectories(folder);
                Path fresh = Files.createTempFile(folder, "dev-issuer-key", ".tmp");
                RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
                Files.writeString(fresh, key.toJSONString());
                try {
                    Files.createLink(file, fresh);
                } catch (FileAlreadyExistsException anotherWasFirst) {
                    // another process created it meanwhile: use theirs
                } finally {
                    Files.delete(fresh);
                }
            }
            return RSAKey.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development issuer's key at " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the development issuer's key at " + file + " is not an RSA JWK", e);
        }
    }
}
