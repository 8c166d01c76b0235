package no.dialog.local.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The RSA key pair that signs the local stack's dev tokens.
 *
 * <p>Kept as a JWK file in the local data folder, so tokens issued before a restart (pasted into an
 * admin UI or a script) still work after it. The file holds a private key for local use only: it is
 * written readable by its owner alone where the file system allows, and never leaves the machine.
 */
public final class DevSigningKey {

  /** The file name inside the data folder. */
  public static final String FILE_NAME = "dev-jwt-signing-key.jwk.json";

  private static final int KEY_SIZE = 2048;

  private DevSigningKey() {}

  /** A new key that lives only as long as this process. */
  public static RSAKey generate() {
    try {
      return new RSAKeyGenerator(KEY_SIZE)
          .keyID("local-" + UUID.randomUUID())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not generate an RSA key pair for dev tokens", e);
    }
  }

  /** The key stored in this folder, or a new one that is stored there first. */
  public static RSAKey loadOrCreate(Path dataFolder) {
    Path file = dataFolder.resolve(FILE_NAME);
    if (Files.exists(file)) {
      return load(file);
    }
    RSAKey key = generate();
    store(key, file);
    return key;
  }

  private static RSAKey load(Path file) {
    try {
      RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!key.isPrivate() || key.getKeyID() == null) {
        throw new IllegalStateException(file + " holds no private RSA key with a key id; delete it to get a new key");
      }
      return key;
    } catch (ParseException e) {
      throw new IllegalStateException(file + " is not a readable RSA JWK; delete it to get a new key", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the dev token signing key " + file, e);
    }
  }

  // Written to a temporary file and moved into place, so a crash never leaves half a key behind.
  private static void store(RSAKey key, Path file) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
      restrictToOwner(temporary);
      Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store the dev token signing key in " + file, e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the user's profile folder protects it instead.
    }
  }
}
