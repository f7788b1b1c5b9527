package com.contactsynchub.durability;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The child JVM of {@link H2KillDurabilityTest}: opens the database with the given URL, then inserts one row per
 * transaction for ever, printing {@code committed <id> <System.nanoTime()>} after each {@code commit()}
 * returned. The parent kills it.
 * Arguments: JDBC URL, user, password.
 */
public final class CommitThenPrint {

    private CommitThenPrint() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        String password = args.length > 2 ? args[2] : "";
        try (Connection connection = DriverManager.getConnection(args[0], args[1], password)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS durability_probe "
                        + "(id BIGINT PRIMARY KEY, payload VARCHAR(200) NOT NULL)");
            }
            connection.setAutoCommit(false);
            out.println("ready");
            out.flush();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO durability_probe (id, payload) VALUES (?, ?)")) {
                for (long id = 1; ; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "row " + id + " committed before the kill");
                    insert.executeUpdate();
                    connection.commit();
                    out.println("committed " + id + " " + System.nanoTime());
                    out.flush();
                }
            }
        }
    }
}
