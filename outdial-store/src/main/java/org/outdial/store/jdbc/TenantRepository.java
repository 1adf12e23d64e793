package org.outdial.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outdial.store.ConflictException;
import org.outdial.store.NotFoundException;
import org.outdial.store.TenantStore;
import org.outdial.tenant.ApiToken;
import org.outdial.tenant.Role;
import org.outdial.tenant.Tenant;

/** Tenants and API tokens; a token is found by the SHA-256 digest of its secret, the secret is never stored. */
final class TenantRepository implements TenantStore {

    private static final String TOKEN_COLUMNS = "id, tenant_id, role, label, created_at";

    private final Jdbc jdbc;
    private final Clock clock;
    /** Valid tokens for a moment: every API request looks its token up (see {@link TokenCache}). */
    private final TokenCache tokenCache = new TokenCache(System::nanoTime);

    TenantRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Tenant create(String name, String ccid) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("tenant name '" + name + "' must be 1-100 characters");
        }
        try {
            return jdbc.inTransaction("creating tenant '" + name + "'", c -> {
                long id = Jdbc.insert(c, "INSERT INTO tenants (name, ccid) VALUES (?, ?)", name, ccid);
                return new Tenant(id, name, ccid);
            });
        } catch (ConflictException e) {
            throw new ConflictException("tenant name '" + name + "' is already taken; choose another name");
        }
    }

    @Override
    public Tenant update(Tenant tenant) {
        String name = tenant.name();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("tenant name '" + name + "' must be 1-100 characters");
        }
        try {
            return jdbc.inTransaction("updating tenant " + tenant.id(), c -> {
                if (Jdbc.update(c, "UPDATE tenants SET name = ?, ccid = ? WHERE id = ?", name, tenant.ccid(),
                        tenant.id()) != 1) {
                    throw new org.outdial.store.NotFoundException("tenant " + tenant.id());
                }
                return tenant;
            });
        } catch (org.outdial.store.NotFoundException e) {
            throw e;
        } catch (ConflictException e) {
            throw new ConflictException("tenant name '" + name + "' is already taken; choose another name");
        }
    }

    @Override
    public Optional<Tenant> find(long id) {
        return jdbc.withConnection("finding tenant " + id, c -> Jdbc.queryOne(c,
                "SELECT id, name, ccid FROM tenants WHERE id = ?", TenantRepository::tenant, id));
    }

    @Override
    public Optional<Tenant> findByName(String name) {
        return jdbc.withConnection("finding tenant '" + name + "'", c -> Jdbc.queryOne(c,
                "SELECT id, name, ccid FROM tenants WHERE name = ?", TenantRepository::tenant, name));
    }

    @Override
    public List<Tenant> all() {
        return jdbc.withConnection("listing tenants", c -> Jdbc.query(c,
                "SELECT id, name, ccid FROM tenants ORDER BY id", TenantRepository::tenant));
    }

    @Override
    public ApiToken addToken(long tenantId, Role role, String label, String secret) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("an API token secret must not be empty");
        }
        String safeLabel = label == null ? "" : label;
        Instant now = Instant.ofEpochMilli(clock.millis());
        return jdbc.inTransaction("adding an API token to tenant " + tenantId, c -> {
            if (Jdbc.queryOne(c, "SELECT id FROM tenants WHERE id = ?", rs -> rs.getLong(1), tenantId).isEmpty()) {
                throw new NotFoundException("tenant " + tenantId);
            }
            long id = Jdbc.insert(c,
                    "INSERT INTO api_tokens (tenant_id, digest, role, label, created_at) VALUES (?, ?, ?, ?, ?)",
                    tenantId, digest(secret), role.name(), safeLabel, now.toEpochMilli());
            return new ApiToken(id, tenantId, role, safeLabel, now);
        });
    }

    @Override
    public Optional<ApiToken> findToken(String secret) {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        return tokenCache.find(digest(secret), digest -> jdbc.withConnection("looking up an API token",
                c -> Jdbc.queryOne(c, "SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE digest = ? AND revoked_at"
                        + " IS NULL", TenantRepository::token, digest)));
    }

    @Override
    public List<ApiToken> tokens(long tenantId) {
        return jdbc.withConnection("listing API tokens of tenant " + tenantId, c -> Jdbc.query(c,
                "SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE tenant_id = ? AND revoked_at IS NULL ORDER BY id",
                TenantRepository::token, tenantId));
    }

    @Override
    public void revokeToken(long tenantId, long tokenId) {
        int n = jdbc.withConnection("revoking API token " + tokenId, c -> Jdbc.update(c,
                "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND tenant_id = ? AND revoked_at IS NULL",
                clock.millis(), tokenId, tenantId));
        tokenCache.invalidateAll();
        if (n == 0) {
            throw new NotFoundException("API token " + tokenId);
        }
    }

    /** Hex SHA-256 of the secret: tokens are long random strings, so an unsalted digest is enough to hide them. */
    static String digest(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Tenant tenant(ResultSet rs) throws SQLException {
        return new Tenant(rs.getLong("id"), rs.getString("name"), rs.getString("ccid"));
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getLong("tenant_id"), Role.valueOf(rs.getString("role")),
                rs.getString("label"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
