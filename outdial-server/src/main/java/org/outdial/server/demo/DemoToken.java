package org.outdial.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.outdial.store.TenantStore;
import org.outdial.tenant.Role;
import org.outdial.tenant.Tenant;

/**
 * The demo's admin API token. The database keeps only its digest, so the secret itself is kept in the data directory
 * (owner-only mode) to print it again on the next run.
 */
final class DemoToken {

    static final String FILE_NAME = "demo-token";
    static final String LABEL = "demo";

    private DemoToken() {}

    /** The stored token when the store still knows it, else a new admin token, saved. */
    static String ensure(TenantStore tenants, Tenant tenant, Path dataDir, SecureRandom random) {
        Path file = dataDir.resolve(FILE_NAME);
        Optional<String> saved = read(file);
        if (saved.isPresent() && tenants.findToken(saved.get()).filter(t -> t.tenantId() == tenant.id()).isPresent()) {
            return saved.get();
        }
        String secret = generate(random);
        tenants.addToken(tenant.id(), Role.ADMIN, LABEL, secret);
        write(file, secret);
        return secret;
    }

    static String generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "od_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // created owner-only, so the secret is never readable by others, not even for a moment
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
