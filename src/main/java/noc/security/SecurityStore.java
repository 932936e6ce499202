package noc.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.database.SqlFilter;
import noc.database.Times;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/** Users, API tokens and the audit, in MariaDB. */
@Singleton
@Requires(condition = Roles.OwnsDatabase.class)
public class SecurityStore {

    private static final String USER_COLUMNS =
            "username, password_hash, roles, customer, valid_after, created_at, updated_at, language, time_zone, disabled_at";
    private static final String TOKEN_COLUMNS = "name, token_hash, roles, created_by, created_at, last_used_at";

    private final TransactionOperations<Connection> transactions;

    public SecurityStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Users by name, from {@code after} (exclusive, may be null), at most {@code limit}. */
    public List<User> users(String after, int limit) {
        return users(after, limit, null, null);
    }

    /**
     * The same, only users whose name contains {@code nameContains} (any case) and who hold {@code role},
     * each filter left out when null.
     */
    public List<User> users(String after, int limit, String nameContains, Role role) {
        StringBuilder sql = new StringBuilder("SELECT " + USER_COLUMNS + " FROM app_user WHERE username > ?");
        if (nameContains != null) {
            sql.append(" AND LOWER(username) LIKE ? ESCAPE '!'");
        }
        if (role != null) {
            sql.append(" AND FIND_IN_SET(?, roles) > 0");
        }
        sql.append(" ORDER BY username LIMIT ?");
        return read(sql.toString(), statement -> {
            int i = 1;
            statement.setString(i++, after == null ? "" : after);
            if (nameContains != null) {
                statement.setString(i++, SqlFilter.containing(nameContains.toLowerCase(java.util.Locale.ROOT)));
            }
            if (role != null) {
                statement.setString(i++, role.id());
            }
            statement.setInt(i, limit);
        }, SecurityStore::user);
    }

    public Optional<User> user(String username) {
        return read("SELECT " + USER_COLUMNS + " FROM app_user WHERE username = ?",
                statement -> statement.setString(1, username), SecurityStore::user).stream().findFirst();
    }

    public long userCount() {
        return read("SELECT COUNT(*) FROM app_user", statement -> { }, rows -> rows.getLong(1)).get(0);
    }

    /** Inserts or replaces; true when the user is new. */
    public boolean saveUser(User user) {
        return write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO app_user (" + USER_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), "
                    + "roles = VALUES(roles), customer = VALUES(customer), valid_after = VALUES(valid_after), "
                    + "updated_at = VALUES(updated_at), language = VALUES(language), time_zone = VALUES(time_zone), "
                    + "disabled_at = VALUES(disabled_at)")) {
                bind(statement, user);
                return statement.executeUpdate() == 1; // MariaDB counts an update as 2
            }
        });
    }

    /**
     * Inserts a user, never replacing one: false, and nothing changed, when the name is taken (by the
     * first admin another instance made first, or a user another admin made meanwhile).
     */
    public boolean insertUser(User user) {
        return write(connection -> {
            // INSERT IGNORE, not INSERT ... WHERE NOT EXISTS: two instances starting together on an empty
            // table would deadlock on its gap locks; here one inserts, the other finds the row taken.
            try (PreparedStatement statement = connection.prepareStatement("INSERT IGNORE INTO app_user ("
                    + USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(statement, user);
                return statement.executeUpdate() == 1;
            }
        });
    }

    public boolean customerExists(String name) {
        return !read("SELECT 1 FROM customer WHERE name = ?", statement -> statement.setString(1, name),
                rows -> rows.getInt(1)).isEmpty();
    }

    private static void bind(PreparedStatement statement, User user) throws SQLException {
        statement.setString(1, user.username());
        statement.setString(2, user.passwordHash());
        statement.setString(3, Role.column(user.roles()));
        statement.setString(4, user.customer());
        statement.setObject(5, Times.toColumn(user.validAfter()));
        statement.setObject(6, Times.toColumn(user.createdAt()));
        statement.setObject(7, Times.toColumn(user.updatedAt()));
        statement.setString(8, user.language());
        statement.setString(9, user.timeZone());
        statement.setObject(10, Times.toColumn(user.disabledAt()));
    }

    /**
     * A person's own settings, leaving the rest of the user as it is: neither the password nor the
     * roles change, so the person's sessions go on. False when there is no such user.
     */
    public boolean saveSettings(String username, String language, String timeZone, Instant at) {
        return update("UPDATE app_user SET language = ?, time_zone = ?, updated_at = ? WHERE username = ?",
                statement -> {
                    statement.setString(1, language);
                    statement.setString(2, timeZone);
                    statement.setObject(3, Times.toColumn(at));
                    statement.setString(4, username);
                }) > 0;
    }

    public boolean deleteUser(String username) {
        return update("DELETE FROM app_user WHERE username = ?", statement -> statement.setString(1, username)) > 0;
    }

    public List<ApiToken> tokens(String after, int limit) {
        return read("SELECT " + TOKEN_COLUMNS + " FROM api_token WHERE name > ? ORDER BY name LIMIT ?", statement -> {
            statement.setString(1, after == null ? "" : after);
            statement.setInt(2, limit);
        }, SecurityStore::token);
    }

    public List<ApiToken> allTokens() {
        return read("SELECT " + TOKEN_COLUMNS + " FROM api_token", statement -> { }, SecurityStore::token);
    }

    public List<User> allUsers() {
        return read("SELECT " + USER_COLUMNS + " FROM app_user", statement -> { }, SecurityStore::user);
    }

    /** False when a token of that name exists. */
    public boolean insertToken(ApiToken token) {
        return write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT IGNORE INTO api_token ("
                    + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL)")) {
                statement.setString(1, token.name());
                statement.setString(2, token.tokenHash());
                statement.setString(3, Role.column(token.roles()));
                statement.setString(4, token.createdBy());
                statement.setObject(5, Times.toColumn(token.createdAt()));
                return statement.executeUpdate() == 1;
            }
        });
    }

    public boolean deleteToken(String name) {
        return update("DELETE FROM api_token WHERE name = ?", statement -> statement.setString(1, name)) > 0;
    }

    public void tokenUsed(String name, Instant at) {
        update("UPDATE api_token SET last_used_at = GREATEST(COALESCE(last_used_at, ?), ?) WHERE name = ?",
                statement -> {
                    statement.setObject(1, Times.toColumn(at));
                    statement.setObject(2, Times.toColumn(at));
                    statement.setString(3, name);
                });
    }

    public void audit(AuditEntry entry) {
        update("INSERT INTO audit (at, actor, action, target, address, detail) VALUES (?, ?, ?, ?, ?, ?)",
                statement -> {
                    statement.setObject(1, Times.toColumn(entry.at()));
                    statement.setString(2, cut(entry.actor(), 64));
                    statement.setString(3, entry.action());
                    statement.setString(4, cut(entry.target(), 255));
                    statement.setString(5, cut(entry.address(), 64));
                    statement.setString(6, cut(entry.detail(), 1000));
                });
    }

    /** Audit entries, newest first, before id {@code before} (null: from the newest), filtered by actor/action. */
    public List<AuditEntry> audit(Long before, String actor, String action, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, target, address, detail FROM audit WHERE id < ?");
        if (actor != null) {
            sql.append(" AND actor = ?");
        }
        if (action != null) {
            sql.append(" AND action = ?");
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        return read(sql.toString(), statement -> {
            int i = 1;
            statement.setLong(i++, before == null ? Long.MAX_VALUE : before);
            if (actor != null) {
                statement.setString(i++, actor);
            }
            if (action != null) {
                statement.setString(i++, action);
            }
            statement.setInt(i, limit);
        }, rows -> new AuditEntry(rows.getLong(1), Times.fromColumn(rows, 2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7)));
    }

    // Audit text is ours (actions, names we checked): cut only as a last guard, never reached by valid input.
    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static User user(ResultSet rows) throws SQLException {
        return new User(rows.getString(1), rows.getString(2), Role.parse(rows.getString(3)), rows.getString(4),
                Times.fromColumn(rows, 5), Times.fromColumn(rows, 6), Times.fromColumn(rows, 7), rows.getString(8),
                rows.getString(9), rows.getObject(10) == null ? null : Times.fromColumn(rows, 10));
    }

    private static ApiToken token(ResultSet rows) throws SQLException {
        return new ApiToken(rows.getString(1), rows.getString(2), Role.parse(rows.getString(3)), rows.getString(4),
                Times.fromColumn(rows, 5), Times.fromColumn(rows, 6));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> List<T> read(String sql, Binder binder, RowMapper<T> mapper) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                binder.bind(statement);
                List<T> result = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        result.add(mapper.map(rows));
                    }
                }
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("security tables: " + e.getSQLState(), e);
            }
        });
    }

    private int update(String sql, Binder binder) {
        return write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    private <T> T write(Work<T> work) {
        return transactions.executeWrite(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("security tables: " + e.getSQLState(), e);
            }
        });
    }
}
