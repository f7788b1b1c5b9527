package com.contactsynchub.numberseries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code number_series} table. SQL runs unchanged on H2 and PostgreSQL. */
@Repository
public class NumberSeriesRepository {

    private static final String COLUMNS = "code, description, starting_no, ending_no, increment_by, last_no_used";

    private final NamedParameterJdbcTemplate jdbc;

    public NumberSeriesRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<NumberSeries> findAll() {
        return jdbc.query("select " + COLUMNS + " from number_series order by code", NumberSeriesRepository::map);
    }

    public Optional<NumberSeries> find(String code) {
        return jdbc.query("select " + COLUMNS + " from number_series where code = :code",
                new MapSqlParameterSource("code", code), NumberSeriesRepository::map).stream().findFirst();
    }

    /**
     * Reads the series and locks its row until the surrounding transaction ends: a second allocator (thread or
     * hub instance) waits here until the first has written its new last no. used.
     */
    public Optional<NumberSeries> findForUpdate(String code) {
        return jdbc.query("select " + COLUMNS + " from number_series where code = :code for update",
                new MapSqlParameterSource("code", code), NumberSeriesRepository::map).stream().findFirst();
    }

    public boolean exists(String code) {
        Integer count = jdbc.queryForObject("select count(*) from number_series where code = :code",
                new MapSqlParameterSource("code", code), Integer.class);
        return count != null && count > 0;
    }

    public void updateLastNoUsed(String code, String lastNoUsed) {
        jdbc.update("update number_series set last_no_used = :lastNoUsed where code = :code",
                new MapSqlParameterSource("code", code).addValue("lastNoUsed", lastNoUsed));
    }

    /** Creates the series or changes all its columns; returns whether it was created. */
    public boolean save(NumberSeries series) {
        var params = params(series);
        if (update(params) > 0) {
            return false;
        }
        try {
            insert(params);
            return true;
        } catch (DuplicateKeyException createdMeanwhile) {
            update(params);
            return false;
        }
    }

    /**
     * Creates the series only if no series has its code; an existing one (maybe changed through the API, maybe
     * with numbers already used) is left alone. Returns whether it was created. Call it outside a transaction or
     * in one of its own: on PostgreSQL a refused insert spoils the rest of the transaction.
     */
    public boolean createIfMissing(NumberSeries series) {
        if (exists(series.code())) {
            return false;
        }
        try {
            insert(params(series));
            return true;
        } catch (DuplicateKeyException createdMeanwhile) {
            return false;
        }
    }

    private int update(MapSqlParameterSource params) {
        return jdbc.update("""
                update number_series
                set description = :description, starting_no = :startingNo, ending_no = :endingNo,
                    increment_by = :incrementBy, last_no_used = :lastNoUsed
                where code = :code
                """, params);
    }

    private void insert(MapSqlParameterSource params) {
        jdbc.update("insert into number_series (" + COLUMNS + ") "
                + "values (:code, :description, :startingNo, :endingNo, :incrementBy, :lastNoUsed)", params);
    }

    private static MapSqlParameterSource params(NumberSeries s) {
        return new MapSqlParameterSource("code", s.code())
                .addValue("description", s.description())
                .addValue("startingNo", s.startingNo())
                .addValue("endingNo", s.endingNo())
                .addValue("incrementBy", s.incrementBy())
                .addValue("lastNoUsed", s.lastNoUsed());
    }

    private static NumberSeries map(ResultSet rs, int row) throws SQLException {
        return new NumberSeries(rs.getString("code"), rs.getString("description"), rs.getString("starting_no"),
                rs.getString("ending_no"), rs.getInt("increment_by"), rs.getString("last_no_used"));
    }
}
