package com.contactsynchub.link;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code contact_link} table. {@link #insert} is where the "at most one" rules are enforced for good: the
 * table's unique constraints refuse a second link with a {@link org.springframework.dao.DuplicateKeyException},
 * whichever hub instance or thread tries it.
 */
@Repository
public class LinkRepository {

    private static final String COLUMNS = "contact_no, business_relation_code, link_type, record_no, status, created_at";

    private final NamedParameterJdbcTemplate jdbc;

    public LinkRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Link link) {
        jdbc.update("insert into contact_link (" + COLUMNS + ") "
                + "values (:contactNo, :code, :linkType, :recordNo, :status, :createdAt)",
                new MapSqlParameterSource("contactNo", link.contactNo())
                        .addValue("code", link.businessRelationCode())
                        .addValue("linkType", link.linkType().wireName())
                        .addValue("recordNo", link.recordNo())
                        .addValue("status", link.status().wireName())
                        .addValue("createdAt", link.createdAt()));
    }

    public Optional<Link> findByRecord(LinkType type, String recordNo) {
        return jdbc.query("select " + COLUMNS + " from contact_link where link_type = :linkType and record_no = :recordNo",
                new MapSqlParameterSource("linkType", type.wireName()).addValue("recordNo", recordNo),
                LinkRepository::map).stream().findFirst();
    }

    public Optional<Link> findByContact(String contactNo, LinkType type) {
        return jdbc.query("select " + COLUMNS + " from contact_link where contact_no = :contactNo and link_type = :linkType",
                new MapSqlParameterSource("contactNo", contactNo).addValue("linkType", type.wireName()),
                LinkRepository::map).stream().findFirst();
    }

    public List<Link> findByContact(String contactNo) {
        return jdbc.query("select " + COLUMNS + " from contact_link where contact_no = :contactNo order by link_type",
                new MapSqlParameterSource("contactNo", contactNo), LinkRepository::map);
    }

    public boolean delete(LinkType type, String recordNo) {
        return jdbc.update("delete from contact_link where link_type = :linkType and record_no = :recordNo",
                new MapSqlParameterSource("linkType", type.wireName()).addValue("recordNo", recordNo)) > 0;
    }

    public int deleteByContact(String contactNo) {
        return jdbc.update("delete from contact_link where contact_no = :contactNo",
                new MapSqlParameterSource("contactNo", contactNo));
    }

    public boolean updateStatus(LinkType type, String recordNo, LinkStatus status) {
        return jdbc.update("update contact_link set status = :status where link_type = :linkType and record_no = :recordNo",
                new MapSqlParameterSource("linkType", type.wireName()).addValue("recordNo", recordNo)
                        .addValue("status", status.wireName())) > 0;
    }

    /**
     * The where clause is put together from fixed fragments, one per criterion given; values travel only as named
     * parameters. (A single "(:p is null or col = :p)" query fails on PostgreSQL, which cannot type a null.)
     */
    public LinkPage search(LinkSearch search, int page, int size) {
        List<String> conditions = new ArrayList<>();
        var params = new MapSqlParameterSource();
        if (search.contactNo() != null) {
            conditions.add("contact_no = :contactNo");
            params.addValue("contactNo", search.contactNo());
        }
        if (search.linkType() != null) {
            conditions.add("link_type = :linkType");
            params.addValue("linkType", search.linkType().wireName());
        }
        if (search.recordNo() != null) {
            conditions.add("record_no = :recordNo");
            params.addValue("recordNo", search.recordNo());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Long total = jdbc.queryForObject("select count(*) from contact_link" + where, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<Link> items = jdbc.query("select " + COLUMNS + " from contact_link" + where
                + " order by contact_no, link_type, record_no limit :limit offset :offset", params, LinkRepository::map);
        return new LinkPage(items, page, size, total == null ? 0 : total);
    }

    private static Link map(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getString("contact_no"), rs.getString("business_relation_code"),
                LinkType.fromWireName(rs.getString("link_type")).orElseThrow(),
                rs.getString("record_no"), LinkStatus.fromWireName(rs.getString("status")).orElseThrow(),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
