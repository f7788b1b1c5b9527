package com.contactsynchub.reference;

import java.util.function.Predicate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The numbers a reference system hands out itself when a record is created through its API without a no.
 * ({@code CRM-0001}, {@code CUST-0001}, ...). The counter is raised with {@code last_no = last_no + 1} first, which
 * locks the row until the caller's transaction ends, so two callers never get the same number.
 */
public class NumberSeries {

    private final NamedParameterJdbcTemplate jdbc;
    private final String table;

    public NumberSeries(NamedParameterJdbcTemplate jdbc, ReferenceSystem system) {
        this.jdbc = jdbc;
        this.table = system.tablePrefix() + "number_series";
    }

    /** The next number of the series that {@code taken} does not already use; call inside a transaction. */
    public String next(String seriesCode, Predicate<String> taken) {
        var params = new MapSqlParameterSource("series", seriesCode);
        while (true) {
            int rows = jdbc.update("update " + table + " set last_no = last_no + 1 where series_code = :series", params);
            if (rows != 1) {
                throw new IllegalStateException("Number series " + seriesCode + " is missing in " + table);
            }
            String no = jdbc.queryForObject("select prefix, last_no from " + table + " where series_code = :series",
                    params, (rs, i) -> rs.getString("prefix") + String.format("%04d", rs.getLong("last_no")));
            if (!taken.test(no)) {
                return no;
            }
        }
    }
}
